import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditModule } from '@careops/audit';
import { FacilitiesModule } from '@careops/facilities';
import { AccessGuard } from './access.guard';
import { ActiveUsers } from './active-users';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { AUTH_SETTINGS, AuthSettings, JWT_AUDIENCE, JWT_ISSUER } from './auth.settings';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { PgThrottlerStorage } from './pg-throttler.storage';
import { TokensService } from './tokens.service';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Sign-in, tokens, users, and the global access guard. */
@Module({})
export class AuthModule {
  static forRoot(settings: AuthSettings): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        TypeOrmModule.forFeature([User]),
        AuditModule,
        FacilitiesModule,
        PassportModule,
        JwtModule.register({
          secret: settings.jwtSecret,
          signOptions: { algorithm: 'HS256', expiresIn: settings.accessTtlSeconds, issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
          verifyOptions: { algorithms: ['HS256'], issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
        }),
        // Login attempts per client address, counted in PostgreSQL for every process
        // and instance; lockout per username is in AuthService.
        ThrottlerModule.forRootAsync({
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) => ({
            // 'default': the standard Retry-After header (a named throttler suffixes it).
            throttlers: [{ name: 'default', ttl: 60_000, limit: settings.loginRateLimitPerMinute }],
            storage: new PgThrottlerStorage(dataSource),
          }),
        }),
      ],
      controllers: [AuthController, UsersController],
      providers: [
        { provide: AUTH_SETTINGS, useValue: settings },
        AuthService,
        AuthRepository,
        ActiveUsers,
        TokensService,
        UsersService,
        LocalStrategy,
        JwtStrategy,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [AuthService, TokensService],
    };
  }
}
