import { DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@careops/db';
import { AppConfig, ConfigModule, LoggingModule } from '@careops/platform';
import { HealthController } from './health/health.controller';
import { MigrationsHealthIndicator } from './health/migrations.health';

/** The HTTP API: wires feature modules; the rules live in libs/ (STYLE.md). */
@Module({})
export class AppModule {
  /** `logDestination`: where JSON logs go (stdout by default; tests capture them). */
  static forRoot(config: AppConfig, logDestination?: DestinationStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config, logDestination),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            url: config.DATABASE_URL,
            poolSize: config.DATABASE_POOL_SIZE,
            connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
            applicationName: 'careops:api',
          }),
          autoLoadEntities: true,
          retryAttempts: 2,
          retryDelay: 1000,
        }),
        TerminusModule.forRoot({ errorLogStyle: 'json', gracefulShutdownTimeoutMs: 0 }),
      ],
      controllers: [HealthController],
      providers: [MigrationsHealthIndicator],
    };
  }
}
