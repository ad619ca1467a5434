export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');

export interface AuthSettings {
  jwtSecret: string;
  accessTtlSeconds: number;
  refreshTtlDays: number;
  loginRateLimitPerMinute: number;
}

export const JWT_ISSUER = 'careops';
export const JWT_AUDIENCE = 'careops-api';
/** five failures within 15 minutes lock a username for 15 minutes. */
export const LOCKOUT = { failures: 5, windowMinutes: 15, lockMinutes: 15 } as const;
