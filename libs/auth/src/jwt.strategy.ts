import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Principal } from '@careops/db';
import { ActiveUsers } from './active-users';
import { AUTH_SETTINGS, AuthSettings, JWT_AUDIENCE, JWT_ISSUER } from './auth.settings';
import { AccessClaims, TokensService } from './tokens.service';

/**
 * Bearer access tokens: HS256 only (so `alg: none` is refused), issuer, audience and expiry checked,
 * and the user still standing as the token says (a deactivated or deleted user's token ends at once).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    @Inject(AUTH_SETTINGS) settings: AuthSettings,
    private readonly users: ActiveUsers,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject made once: given a string, jsonwebtoken first tries (and fails) to parse it as a
      // public key on every verification, which was a fifth of the API's CPU under load.
      secretOrKey: createSecretKey(Buffer.from(settings.jwtSecret, 'utf8')) as unknown as string,
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
      jsonWebTokenOptions: { maxAge: `${settings.accessTtlSeconds}s` },
    });
  }

  async validate(claims: AccessClaims & { iat?: number }): Promise<Principal | false> {
    const principal = TokensService.principalOf(claims);
    return (await this.users.stands(principal, claims.iat ?? 0)) ? principal : false;
  }
}
