import { BadRequestException, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Strategy } from 'passport-local';
import type { Principal } from '@careops/db';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/auth.dto';

/** Passport local strategy for POST /api/auth/login. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'username', passwordField: 'password' });
  }

  validate(username: string, password: string): Promise<Principal> {
    return this.auth.verifyCredentials(username, password);
  }
}

/** Guards run before pipes: the login body is validated here, so a bad one is a 400, not a 401. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override canActivate(context: ExecutionContext) {
    const body = context.switchToHttp().getRequest<{ body?: unknown }>().body;
    const dto = plainToInstance(LoginDto, body ?? {});
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      throw new BadRequestException(
        errors.flatMap((e) =>
          Object.values(e.constraints ?? {}).map((m) =>
            m.endsWith('should not exist') ? `${e.property} is not an accepted field (不允许的字段)` : m,
          ),
        ),
      );
    }
    return super.canActivate(context);
  }
}
