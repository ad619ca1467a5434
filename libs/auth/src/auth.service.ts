import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import { AuditService } from '@careops/audit';
import { applyTenantScope, Principal, RequestContext } from '@careops/db';
import { DomainError } from '@careops/platform';
import { AuthRepository, type AuthUser } from './auth.repository';
import { LOCKOUT } from './auth.settings';
import { dummyHash, verifyPassword } from './password';
import { TokenPair, TokensService } from './tokens.service';

/** The one refusal for every failed login, locked or not, existing user or not (no enumeration). */
export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('INVALID_CREDENTIALS');
  }
}

const principalOf = (u: AuthUser): Principal => ({
  userId: u.id,
  username: u.username,
  role: u.role,
  ...(u.facilityId ? { facilityId: u.facilityId } : {}),
  ...(u.divisionCode ? { divisionCode: u.divisionCode } : {}),
});

/**
 * Sign-in, refresh rotation and sign-out. Each runs in its own transaction so that a refusal
 * still commits what it must (a counted failure, a revoked family) and its audit row.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly repo: AuthRepository,
    private readonly tokens: TokensService,
    private readonly audit: AuditService,
    private readonly cls: ClsService<RequestContext>,
  ) {}

  /** Checks a username and password; a failure is counted (and may lock the name) before 401. */
  async verifyCredentials(username: string, password: string): Promise<Principal> {
    const principal = await this.txHost.withTransaction(async () => {
      const key = username.toLowerCase();
      const locked = await this.repo.lockThrottle(key);
      const user = await this.repo.authUser(username, null);
      const ok = (await verifyPassword(user?.passwordHash ?? (await dummyHash()), password)) && !!user && !user.disabledAt;
      if (ok && !locked) return principalOf(user);
      await this.repo.countFailure(key, LOCKOUT);
      await this.audit.record({
        action: locked ? 'auth.login.locked' : 'auth.login.failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        facilityId: null,
        actor: null,
        // A mistyped password often lands in the username field: only a digest of it is kept.
        note: { usernameDigest: createHash('sha256').update(key).digest('hex').slice(0, 16) },
      });
      return null;
    });
    if (!principal) throw new InvalidCredentialsError();
    return principal;
  }

  /** After verifyCredentials: clears the failure count, issues the first pair of a family. */
  login(principal: Principal): Promise<TokenPair> {
    return this.txHost.withTransaction(async () => {
      await this.actAs(principal);
      await this.repo.clearThrottle(principal.username.toLowerCase());
      const pair = await this.tokens.issue(principal);
      await this.audit.record({ action: 'auth.login', entityType: 'user', entityId: principal.userId, actor: principal });
      return pair;
    });
  }

  /** Rotation: a token works once; presenting a spent one revokes its whole family (theft). */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const outcome = await this.txHost.withTransaction(async () => {
      const stored = await this.tokens.findForUpdate(refreshToken);
      const user = stored ? await this.repo.authUser(null, stored.userId) : undefined;
      if (user) await this.actAs(principalOf(user));
      const refuse = async (action: string, note: Record<string, unknown> = {}) => {
        await this.audit.record({
          action,
          entityType: 'refresh_token',
          entityId: stored?.id ?? null,
          facilityId: user?.facilityId ?? null,
          actor: user ? principalOf(user) : null,
          note,
        });
        return null;
      };
      if (!stored || !user) return refuse('auth.refresh.failed');
      if (stored.usedAt) {
        const revoked = await this.tokens.revokeFamily(stored.familyId);
        return refuse('auth.refresh.reuse', { familyId: stored.familyId, revoked });
      }
      if (stored.revokedAt || stored.expiresAt <= new Date() || user.disabledAt) return refuse('auth.refresh.failed');
      await this.tokens.markUsed(stored.id);
      const pair = await this.tokens.issue(principalOf(user), stored.familyId);
      await this.audit.record({ action: 'auth.refresh', entityType: 'refresh_token', entityId: stored.id, actor: principalOf(user) });
      return pair;
    });
    if (!outcome) throw new DomainError('REFRESH_TOKEN_INVALID');
    return outcome;
  }

  /** Sign-out: the family of the given refresh token ends (the caller's own only). */
  logout(principal: Principal, refreshToken: string): Promise<void> {
    // Its own read-write transaction: a regulator's requests are otherwise read-only.
    return this.txHost.withTransaction(async () => {
      await this.actAs(principal);
      const stored = await this.tokens.findForUpdate(refreshToken);
      const revoked = stored && stored.userId === principal.userId ? await this.tokens.revokeFamily(stored.familyId) : 0;
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
