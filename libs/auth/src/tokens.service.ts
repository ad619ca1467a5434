import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Principal } from '@careops/db';
import { AuthRepository, type StoredRefreshToken } from './auth.repository';
import { AUTH_SETTINGS, AuthSettings } from './auth.settings';

export type { StoredRefreshToken } from './auth.repository';

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

export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest();

/** Access tokens (JWT, HS256, ≤ 15 min) and opaque refresh tokens stored hashed, in families. */
@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly repo: AuthRepository,
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
    await this.repo.insertRefreshToken(principal.userId, familyId, hashRefreshToken(refreshToken), this.settings.refreshTtlDays);
    return { accessToken, refreshToken, expiresIn: this.settings.accessTtlSeconds };
  }

  findForUpdate(refreshToken: string): Promise<StoredRefreshToken | undefined> {
    return this.repo.lockRefreshToken(hashRefreshToken(refreshToken));
  }

  markUsed(id: string): Promise<void> {
    return this.repo.markRefreshTokenUsed(id);
  }

  /** Revokes every live token of a rotation chain. */
  revokeFamily(familyId: string): Promise<number> {
    return this.repo.revokeFamily(familyId);
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
