import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { TenantDb, type Principal } from '@careops/db';
import { User } from './user.entity';

/** An account as sign-in sees it, read through `careops_auth_user` (it bypasses RLS for this alone). */
export interface AuthUser {
  id: string;
  username: string;
  passwordHash: string;
  role: Principal['role'];
  facilityId: string | null;
  divisionCode: string | null;
  disabledAt: Date | null;
  sessionsValidAfter: Date | null;
}

export interface StoredRefreshToken {
  id: string;
  userId: string;
  familyId: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

interface AuthUserRow {
  id: string;
  username: string;
  password_hash: string;
  role: Principal['role'];
  facility_id: string | null;
  division_code: string | null;
  disabled_at: Date | null;
  sessions_valid_after: Date | null;
}

const toAuthUser = (r: AuthUserRow): AuthUser => ({
  id: r.id,
  username: r.username,
  passwordHash: r.password_hash,
  role: r.role,
  facilityId: r.facility_id,
  divisionCode: r.division_code,
  disabledAt: r.disabled_at,
  sessionsValidAfter: r.sessions_valid_after ?? null,
});

/** Accounts, refresh tokens and the per-username lockout, through the request's transaction. */
@Injectable()
export class AuthRepository {
  constructor(private readonly db: TenantDb) {}

  private get users() {
    return this.db.sql.getRepository(User);
  }

  // ---- accounts -------------------------------------------------------------------------------

  /** By username (case-insensitive) or by id, whatever the caller's tenant. */
  async authUser(username: string | null, id: string | null): Promise<AuthUser | undefined> {
    const rows: AuthUserRow[] = await this.db.sql.query(`SELECT * FROM careops_auth_user($1, $2)`, [username, id]);
    return rows[0] && toAuthUser(rows[0]);
  }

  /** The accounts the caller's scope shows (RLS), by username. */
  listUsers(): Promise<User[]> {
    return this.users.find({ order: { username: 'ASC' } });
  }

  findUser(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /** Locked until the transaction ends: a deactivation and a reactivation do not cross. */
  lockUser(id: string): Promise<User | null> {
    return this.users.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insertUser(
    fields: Pick<User, 'username' | 'passwordHash' | 'role' | 'facilityId' | 'divisionCode' | 'displayName'>,
  ): Promise<User> {
    return this.users.save(this.users.create(fields));
  }

  /** Disables the account and voids every access token issued until now. */
  async disableUser(id: string, by: string, reason: string): Promise<void> {
    await this.users.update(id, {
      disabledAt: () => 'now()',
      sessionsValidAfter: () => 'clock_timestamp()',
      disabledBy: by,
      disabledReason: reason,
    });
  }

  async enableUser(id: string): Promise<void> {
    await this.users.update(id, { disabledAt: null, disabledBy: null, disabledReason: null });
  }

  // ---- refresh tokens -------------------------------------------------------------------------

  async insertRefreshToken(userId: string, familyId: string, tokenHash: Buffer, ttlDays: number): Promise<void> {
    await this.db.sql.query(
      `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(days => $4))`,
      [userId, familyId, tokenHash, ttlDays],
    );
  }

  async lockRefreshToken(tokenHash: Buffer): Promise<StoredRefreshToken | undefined> {
    const [row]: { id: string; user_id: string; family_id: string; expires_at: Date; used_at: Date | null; revoked_at: Date | null }[] =
      await this.db.sql.query(
        `SELECT id, user_id, family_id, expires_at, used_at, revoked_at FROM refresh_token WHERE token_hash = $1 FOR UPDATE`,
        [tokenHash],
      );
    return (
      row && {
        id: row.id,
        userId: row.user_id,
        familyId: row.family_id,
        expiresAt: row.expires_at,
        usedAt: row.used_at,
        revokedAt: row.revoked_at,
      }
    );
  }

  async markRefreshTokenUsed(id: string): Promise<void> {
    await this.db.sql.query(`UPDATE refresh_token SET used_at = now() WHERE id = $1`, [id]);
  }

  /** Revokes every live token of a rotation chain; how many. */
  async revokeFamily(familyId: string): Promise<number> {
    // A SELECT over the UPDATE: the driver answers an UPDATE with [rows, count], a SELECT with rows.
    const [row]: { n: number }[] = await this.db.sql.query(
      `WITH r AS (UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL RETURNING id) SELECT count(*)::int AS n FROM r`,
      [familyId],
    );
    return row.n;
  }

  /** Revokes every live token of a user; how many. */
  async revokeUserTokens(userId: string): Promise<number> {
    // A SELECT over the UPDATE: the driver answers an UPDATE with [rows, count], a SELECT with rows.
    const [row]: { n: number }[] = await this.db.sql.query(
      `WITH r AS (UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id) SELECT count(*)::int AS n FROM r`,
      [userId],
    );
    return row.n;
  }

  // ---- lockout --------------------------------------------------------------------------------

  /** The username's lockout row, created if missing and locked for this transaction: is it locked now? */
  async lockThrottle(usernameKey: string): Promise<boolean> {
    await this.db.sql.query(`INSERT INTO login_throttle (username_key) VALUES ($1) ON CONFLICT DO NOTHING`, [usernameKey]);
    const [row]: { locked: boolean }[] = await this.db.sql.query(
      `SELECT coalesce(locked_until > now(), false) AS locked FROM login_throttle WHERE username_key = $1 FOR UPDATE`,
      [usernameKey],
    );
    return row.locked;
  }

  /** Counts a failure in the window; enough of them lock the name (a running lock is left as it is). */
  async countFailure(usernameKey: string, lockout: { failures: number; windowMinutes: number; lockMinutes: number }): Promise<void> {
    await this.db.sql.query(
      `UPDATE login_throttle SET
         failures = CASE WHEN locked_until > now() THEN failures
                         WHEN cardinality(recent) + 1 >= $2 THEN '{}'
                         ELSE recent || now() END,
         locked_until = CASE WHEN locked_until > now() THEN locked_until
                             WHEN cardinality(recent) + 1 >= $2 THEN now() + make_interval(mins => $3)
                             ELSE NULL END
       FROM (SELECT coalesce(array_agg(f), '{}') AS recent
             FROM login_throttle t, unnest(t.failures) f
             WHERE t.username_key = $1 AND f > now() - make_interval(mins => $4)) r
       WHERE username_key = $1`,
      [usernameKey, lockout.failures, lockout.lockMinutes, lockout.windowMinutes],
    );
  }

  async clearThrottle(usernameKey: string): Promise<void> {
    await this.db.sql.query(`DELETE FROM login_throttle WHERE username_key = $1`, [usernameKey]);
  }

  // ---- facilities -----------------------------------------------------------------------------

  /** The division of a facility, whatever the caller's tenant (null for none): the access guard's check. */
  async facilityDivision(facilityId: string): Promise<string | null> {
    const [row]: { division: string | null }[] = await this.db.sql.query(`SELECT careops_facility_division($1) AS division`, [facilityId]);
    return row?.division ?? null;
  }
}

/** An account's standing as the access guard checks it on every request. */
export interface UserStandingRow {
  role: Principal['role'];
  facilityId: string | null;
  divisionCode: string | null;
  disabledAt: Date | null;
  sessionsValidAfter: Date | null;
}

export interface RateLimitCount {
  hits: number;
  expiresMs: number;
  blockedMs: number;
}

/**
 * What runs outside any request transaction, straight on the pool: the per-request standing of a
 * token's user, and the sign-in rate limit shared by every process.
 */
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async standing(userId: string): Promise<UserStandingRow | undefined> {
    const [row]: {
      role: Principal['role'];
      facility_id: string | null;
      division_code: string | null;
      disabled_at: Date | null;
      sessions_valid_after: Date | null;
    }[] = await this.dataSource.query(
      `SELECT role, facility_id, division_code, disabled_at, sessions_valid_after FROM careops_auth_user(NULL, $1)`,
      [userId],
    );
    return (
      row && {
        role: row.role,
        facilityId: row.facility_id,
        divisionCode: row.division_code,
        disabledAt: row.disabled_at,
        sessionsValidAfter: row.sessions_valid_after,
      }
    );
  }

  async sweepRateLimits(): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit WHERE window_ends < now() AND coalesce(blocked_until, now()) <= now()`);
  }

  /** One more hit on a key's fixed window; over `limit`, the key is blocked for `blockMs`. */
  async hitRateLimit(key: string, ttlMs: number, limit: number, blockMs: number): Promise<RateLimitCount> {
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
      [key, ttlMs, limit, blockMs],
    );
    return { hits: row.hits, expiresMs: row.expires_ms, blockedMs: row.blocked_ms };
  }
}

/** The platform admin accounts the command line creates or resets, in a transaction of its own. */
export class AdminAccountRepository {
  constructor(private readonly tx: EntityManager) {}

  async lockByUsername(username: string): Promise<{ id: string; role: string } | undefined> {
    const [row]: { id: string; role: string }[] = await this.tx.query(
      `SELECT id, role FROM app_user WHERE lower(username) = lower($1) FOR UPDATE`,
      [username],
    );
    return row;
  }

  /** A new password, enabled again, and its lockout cleared. */
  async reset(id: string, username: string, passwordHash: string): Promise<void> {
    await this.tx.query(`UPDATE app_user SET password_hash = $2, disabled_at = NULL, updated_at = now() WHERE id = $1`, [id, passwordHash]);
    await this.tx.query(`DELETE FROM login_throttle WHERE username_key = lower($1)`, [username]);
  }

  async insert(username: string, passwordHash: string): Promise<string> {
    const [{ id }]: { id: string }[] = await this.tx.query(
      `INSERT INTO app_user (username, password_hash, role) VALUES ($1, $2, 'PLATFORM_ADMIN') RETURNING id`,
      [username, passwordHash],
    );
    return id;
  }

  /** Its audit row, like any write's (there is no request, so no AuditService). */
  async audit(action: string, id: string, username: string): Promise<void> {
    await this.tx.query(`INSERT INTO audit_event (action, entity_type, entity_id, diff) VALUES ($1, 'user', $2, $3)`, [
      action,
      id,
      JSON.stringify({ username: { after: username }, note: { via: 'admin:create' } }),
    ]);
  }
}
