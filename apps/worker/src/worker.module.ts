import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { appDatabaseUrl, databaseServers, dataSourceOptions, directOwnerUrl, QueueModule, TenancyModule } from '@careops/db';
import { WorkerJobsModule } from '@careops/ops';
import { PdfModule } from '@careops/pdf';
import { ReportJobsWorkerModule } from '@careops/reports';
import { ResidentsModule } from '@careops/residents';
import { AppConfig, ConfigModule, LoggingModule } from '@careops/platform';

/** Background jobs on the pg-boss queue: the nightly data-health check (more in later issues). */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            url: appDatabaseUrl(config.DATABASE_URL, config.DATABASE_APP_URL),
            poolSize: 4,
            connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
            applicationName: 'careops:worker',
          }),
          autoLoadEntities: true,
          retryAttempts: 2,
          retryDelay: 1000,
        }),
        // Request-like scopes for jobs that reuse the features' services (the monthly claims).
        TenancyModule.forRoot(databaseServers(config, 'careops:worker:replica')),
        // pg-boss manages its own schema, so it connects as the owner.
        QueueModule.forRoot({ url: directOwnerUrl(config), role: 'worker', ...(config.JOBS_CRON ? { cronCheckSeconds: 2 } : {}) }),
        WorkerJobsModule.forRoot({ cron: config.DATA_HEALTH_CRON, timezone: config.APP_TIMEZONE, rehearsalCron: config.JOBS_CRON }),
        // large documents (a division summary) are rendered here, as pg-boss jobs.
        PdfModule.forRoot({
          ...(config.PDF_POOL_SIZE > 0 ? { poolSize: config.PDF_POOL_SIZE } : {}),
          timeoutMs: config.PDF_TIMEOUT_MS * 10,
          recycleAfter: config.PDF_RECYCLE_AFTER,
        }),
        // The documents read residents (masked IDs, names) through its global readers.
        ResidentsModule.forRoot({ encryptionKeys: config.ID_ENCRYPTION_KEYS, hmacKey: config.ID_HMAC_KEY }),
        ReportJobsWorkerModule,
      ],
    };
  }
}
