import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Principal } from '@careops/db';
import { AUTH_SETTINGS, AuthSettings } from './auth.settings';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

/** The claims of an access token; short names keep it small. */
export interface AccessClaims {
  sub: string;
  usr: string;
  role: Principal['role'];
  fid?: string;
  div?: string;
}

export interface StoredRefreshToken {
  id: string;
  user_id: string;
  family_id: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest();

/** Access tokens (JWT, HS256, ≤ 15 min) and opaque refresh tokens stored hashed, in families. */
@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  /** A new pair; `familyId` continues a rotation chain, none starts one (a login). */
  async issue(principal: Principal, familyId: string = randomUUID()): Promise<TokenPair> {
    const claims: AccessClaims = {
      sub: principal.userId,
      usr: principal.username,
      role: principal.role,
      ...(principal.facilityId ? { fid: principal.facilityId } : {}),
      ...(principal.divisionCode ? { div: principal.divisionCode } : {}),
    };
    const accessToken = await this.jwt.signAsync(claims);
    const refreshToken = randomBytes(32).toString('base64url');
    await this.txHost.tx.query(
      `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(days => $4))`,
      [principal.userId, familyId, hashRefreshToken(refreshToken), this.settings.refreshTtlDays],
    );
    return { accessToken, refreshToken, expiresIn: this.settings.accessTtlSeconds };
  }

  async findForUpdate(refreshToken: string): Promise<StoredRefreshToken | undefined> {
    const rows: StoredRefreshToken[] = await this.txHost.tx.query(
      `SELECT id, user_id, family_id, expires_at, used_at, revoked_at FROM refresh_token WHERE token_hash = $1 FOR UPDATE`,
      [hashRefreshToken(refreshToken)],
    );
    return rows[0];
  }

  async markUsed(id: string): Promise<void> {
    await this.txHost.tx.query(`UPDATE refresh_token SET used_at = now() WHERE id = $1`, [id]);
  }

  /** Revokes every live token of a rotation chain. */
  async revokeFamily(familyId: string): Promise<number> {
    const rows: unknown[] = await this.txHost.tx.query(
      `UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL RETURNING id`,
      [familyId],
    );
    return rows.length;
  }

  static principalOf(claims: AccessClaims): Principal {
    return {
      userId: claims.sub,
      username: claims.usr,
      role: claims.role,
      ...(claims.fid ? { facilityId: claims.fid } : {}),
      ...(claims.div ? { divisionCode: claims.div } : {}),
    };
  }
}
