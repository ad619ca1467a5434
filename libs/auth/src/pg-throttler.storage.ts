import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';
import { SessionsRepository } from './auth.repository';

/** Expired windows are swept now and then, not on every attempt. */
const SWEEP_EVERY = 500;

/**
 * The sign-in rate limit counted in PostgreSQL: every API process and instance shares
 * one count per client address and route, where the throttler's own storage counted per process.
 * A fixed window; over the limit, the key is blocked for `blockDuration`.
 */
export class PgThrottlerStorage implements ThrottlerStorage {
  private calls = 0;

  private readonly repo: SessionsRepository;

  constructor(dataSource: DataSource) {
    this.repo = new SessionsRepository(dataSource);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number) {
    if (++this.calls % SWEEP_EVERY === 0) await this.repo.sweepRateLimits();
    const row = await this.repo.hitRateLimit(key, ttl, limit, blockDuration);
    return {
      totalHits: row.hits,
      timeToExpire: Math.ceil(row.expiresMs / 1000),
      isBlocked: row.blockedMs > 0,
      timeToBlockExpire: Math.ceil(row.blockedMs / 1000),
    };
  }
}
