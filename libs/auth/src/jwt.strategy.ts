import { Inject, Injectable } from '@nestjs/common';
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
      secretOrKey: settings.jwtSecret,
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
