import { Injectable, UnauthorizedException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import { AuditService } from '@careops/audit';
import { applyTenantScope, Principal, RequestContext } from '@careops/db';
import { LOCKOUT } from './auth.settings';
import { dummyHash, verifyPassword } from './password';
import { TokenPair, TokensService } from './tokens.service';

interface AuthUserRow {
  id: string;
  username: string;
  password_hash: string;
  role: Principal['role'];
  facility_id: string | null;
  division_code: string | null;
  disabled_at: Date | null;
}

/** The one refusal for every failed login, locked or not, existing user or not (no enumeration). */
export const INVALID_LOGIN = 'Invalid username or password (用户名或密码错误)';
const INVALID_REFRESH = 'The refresh token is invalid or expired; sign in again (登录已失效，请重新登录)';

const principalOf = (u: AuthUserRow): Principal => ({
  userId: u.id,
  username: u.username,
  role: u.role,
  ...(u.facility_id ? { facilityId: u.facility_id } : {}),
  ...(u.division_code ? { divisionCode: u.division_code } : {}),
});

/**
 * Sign-in, refresh rotation and sign-out. Each runs in its own transaction so that a refusal
 * still commits what it must (a counted failure, a revoked family) and its audit row.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tokens: TokensService,
    private readonly audit: AuditService,
    private readonly cls: ClsService<RequestContext>,
  ) {}

  private async userBy(username: string | null, id: string | null): Promise<AuthUserRow | undefined> {
    const rows: AuthUserRow[] = await this.txHost.tx.query(`SELECT * FROM careops_auth_user($1, $2)`, [username, id]);
    return rows[0];
  }

  /** Checks a username and password; a failure is counted (and may lock the name) before 401. */
  async verifyCredentials(username: string, password: string): Promise<Principal> {
    const principal = await this.txHost.withTransaction(async () => {
      const key = username.toLowerCase();
      await this.txHost.tx.query(`INSERT INTO login_throttle (username_key) VALUES ($1) ON CONFLICT DO NOTHING`, [key]);
      const [throttle]: { locked: boolean }[] = await this.txHost.tx.query(
        `SELECT coalesce(locked_until > now(), false) AS locked FROM login_throttle WHERE username_key = $1 FOR UPDATE`,
        [key],
      );
      const user = await this.userBy(username, null);
      const ok = (await verifyPassword(user?.password_hash ?? (await dummyHash()), password)) && !!user && !user.disabled_at;
      if (ok && !throttle.locked) return principalOf(user);
      await this.txHost.tx.query(
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
        [key, LOCKOUT.failures, LOCKOUT.lockMinutes, LOCKOUT.windowMinutes],
      );
      await this.audit.record({
        action: throttle.locked ? 'auth.login.locked' : 'auth.login.failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        facilityId: null,
        actor: null,
        // A mistyped password often lands in the username field: only a digest of it is kept.
        note: { usernameDigest: createHash('sha256').update(key).digest('hex').slice(0, 16) },
      });
      return null;
    });
    if (!principal) throw new UnauthorizedException(INVALID_LOGIN);
    return principal;
  }

  /** After verifyCredentials: clears the failure count, issues the first pair of a family. */
  login(principal: Principal): Promise<TokenPair> {
    return this.txHost.withTransaction(async () => {
      await this.actAs(principal);
      await this.txHost.tx.query(`DELETE FROM login_throttle WHERE username_key = $1`, [principal.username.toLowerCase()]);
      const pair = await this.tokens.issue(principal);
      await this.audit.record({ action: 'auth.login', entityType: 'user', entityId: principal.userId, actor: principal });
      return pair;
    });
  }

  /** Rotation: a token works once; presenting a spent one revokes its whole family (theft). */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const outcome = await this.txHost.withTransaction(async () => {
      const stored = await this.tokens.findForUpdate(refreshToken);
      const user = stored ? await this.userBy(null, stored.user_id) : undefined;
      if (user) await this.actAs(principalOf(user));
      const refuse = async (action: string, note: Record<string, unknown> = {}) => {
        await this.audit.record({
          action,
          entityType: 'refresh_token',
          entityId: stored?.id ?? null,
          facilityId: user?.facility_id ?? null,
          actor: user ? principalOf(user) : null,
          note,
        });
        return null;
      };
      if (!stored || !user) return refuse('auth.refresh.failed');
      if (stored.used_at) {
        const revoked = await this.tokens.revokeFamily(stored.family_id);
        return refuse('auth.refresh.reuse', { familyId: stored.family_id, revoked });
      }
      if (stored.revoked_at || stored.expires_at <= new Date() || user.disabled_at) return refuse('auth.refresh.failed');
      await this.tokens.markUsed(stored.id);
      const pair = await this.tokens.issue(principalOf(user), stored.family_id);
      await this.audit.record({ action: 'auth.refresh', entityType: 'refresh_token', entityId: stored.id, actor: principalOf(user) });
      return pair;
    });
    if (!outcome) throw new UnauthorizedException(INVALID_REFRESH);
    return outcome;
  }

  /** Sign-out: the family of the given refresh token ends (the caller's own only). */
  logout(principal: Principal, refreshToken: string): Promise<void> {
    // Its own read-write transaction: a regulator's requests are otherwise read-only.
    return this.txHost.withTransaction(async () => {
      await this.actAs(principal);
      const stored = await this.tokens.findForUpdate(refreshToken);
      const revoked = stored && stored.user_id === principal.userId ? await this.tokens.revokeFamily(stored.family_id) : 0;
      await this.audit.record({ action: 'auth.logout', entityType: 'refresh_token', entityId: stored?.id ?? null, note: { revoked } });
    });
  }

  /** Sets the tenant of the user just authenticated, so its audit row lands in its facility. */
  private async actAs(principal: Principal): Promise<void> {
    const scope = principal.facilityId ? { facilityId: principal.facilityId } : {};
    this.cls.set('scope', scope);
    await applyTenantScope(this.txHost.tx, scope);
  }
}
