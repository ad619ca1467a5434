import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Principal } from '@careops/db';
import { AUTH_SETTINGS, AuthSettings, JWT_AUDIENCE, JWT_ISSUER } from './auth.settings';
import { AccessClaims, TokensService } from './tokens.service';

/** Bearer access tokens: HS256 only (so `alg: none` is refused), issuer, audience and expiry checked. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(@Inject(AUTH_SETTINGS) settings: AuthSettings) {
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

  validate(claims: AccessClaims): Principal {
    return TokensService.principalOf(claims);
  }
}
