import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';

/** Expired windows are swept now and then, not on every attempt. */
const SWEEP_EVERY = 500;

/**
 * The sign-in rate limit counted in PostgreSQL: every API process and instance shares
 * one count per client address and route, where the throttler's own storage counted per process.
 * A fixed window; over the limit, the key is blocked for `blockDuration`.
 */
export class PgThrottlerStorage implements ThrottlerStorage {
  private calls = 0;

  constructor(private readonly dataSource: DataSource) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number) {
    if (++this.calls % SWEEP_EVERY === 0) {
      await this.dataSource.query(`DELETE FROM rate_limit WHERE window_ends < now() AND coalesce(blocked_until, now()) <= now()`);
    }
    // Every expression reads the row as it was: `fresh` a new window, `held` a block still running.
    const [row]: { hits: number; expires_ms: number; blocked_ms: number }[] = await this.dataSource.query(
      `INSERT INTO rate_limit AS r (key, hits, window_ends, blocked_until)
       VALUES ($1, 1, now() + make_interval(secs => $2 / 1000.0), CASE WHEN 1 > $3 THEN now() + make_interval(secs => $4 / 1000.0) END)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.blocked_until > now() THEN r.hits WHEN r.window_ends <= now() THEN 1 ELSE r.hits + 1 END,
         window_ends = CASE WHEN r.blocked_until > now() OR r.window_ends > now() THEN r.window_ends
                            ELSE now() + make_interval(secs => $2 / 1000.0) END,
         blocked_until = CASE WHEN r.blocked_until > now() THEN r.blocked_until
                              WHEN (CASE WHEN r.window_ends <= now() THEN 1 ELSE r.hits + 1 END) > $3 THEN now() + make_interval(secs => $4 / 1000.0)
                              END
       RETURNING hits,
         greatest(0, extract(epoch FROM window_ends - now()) * 1000)::float8 AS expires_ms,
         greatest(0, coalesce(extract(epoch FROM blocked_until - now()) * 1000, 0))::float8 AS blocked_ms`,
      [key, ttl, limit, blockDuration],
    );
    return {
      totalHits: row.hits,
      timeToExpire: Math.ceil(row.expires_ms / 1000),
      isBlocked: row.blocked_ms > 0,
      timeToBlockExpire: Math.ceil(row.blocked_ms / 1000),
    };
  }
}
