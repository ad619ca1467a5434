import { createHmac } from 'node:crypto';

export const APP_ROLE = 'careops_app';

/**
 * The URL the application connects with: DATABASE_APP_URL when given, else the owner's server and
 * database as `careops_app`, with a password derived from the owner's, so that every instance
 * sharing DATABASE_URL computes the same one and no extra secret needs distributing.
 */
export function appDatabaseUrl(ownerUrl: string, explicitAppUrl?: string): string {
  if (explicitAppUrl) return explicitAppUrl;
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = derivedAppPassword(ownerUrl);
  return url.toString();
}

export function derivedAppPassword(ownerUrl: string): string {
  const owner = new URL(ownerUrl);
  const key = decodeURIComponent(owner.password) || `${owner.username}@${owner.host}`;
  return createHmac('sha256', key).update(`careops:${APP_ROLE}`).digest('hex');
}
