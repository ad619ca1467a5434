import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DestinationStream } from 'pino';
import { AuditModule, IdempotencyInterceptor } from '@careops/audit';
import { AuditTrailModule } from '@careops/audit-trail';
import { AuthModule } from '@careops/auth';
import { appDatabaseUrl, dataSourceOptions, QueueModule, TenancyModule, TenantTransactionInterceptor } from '@careops/db';
import { FacilitiesModule } from '@careops/facilities';
import { AdmissionsModule } from '@careops/admissions';
import { BedsModule } from '@careops/beds';
import { DayCareModule } from '@careops/day-care';
import { ResidentsModule } from '@careops/residents';
import { SafetyModule } from '@careops/safety';
import { StaffModule } from '@careops/staff';
import { ImportsModule } from '@careops/imports';
import { ClaimsModule } from '@careops/claims';
import { BillingModule } from '@careops/billing';
import { MetricsModule } from '@careops/metrics';
import { HomeModule } from '@careops/home';
import { SupervisionModule } from '@careops/supervision';
import { PdfModule } from '@careops/pdf';
import { ReportJobsApiModule, ReportsModule } from '@careops/reports';
import { DemoModule } from '@careops/ops';
import { AppConfig, ConfigModule, LoggingModule } from '@careops/platform';
import { HealthModule } from './health/health.module';

/** The renderer's settings (README: PDF_*); pool size 0 means one page per core. */
export function pdfOptions(config: AppConfig) {
  return {
    ...(config.PDF_POOL_SIZE > 0 ? { poolSize: config.PDF_POOL_SIZE } : {}),
    maxQueue: config.PDF_MAX_QUEUE,
    timeoutMs: config.PDF_TIMEOUT_MS,
    recycleAfter: config.PDF_RECYCLE_AFTER,
    ...(config.PDF_FONT_SUBSET === 'false' ? { fonts: false as const } : {}),
  };
}

/** The HTTP API: wires feature modules; the rules live in libs/ (docs/architecture.md). */
@Module({})
export class AppModule {
  /** `logDestination`: where JSON logs go (stdout by default; tests capture them). */
  static forRoot(config: AppConfig, logDestination?: DestinationStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config, logDestination),
        // The app's own login: no table ownership, no BYPASSRLS (migrations use DATABASE_URL).
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            url: appDatabaseUrl(config.DATABASE_URL, config.DATABASE_APP_URL),
            poolSize: config.DATABASE_POOL_SIZE,
            connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
            applicationName: 'careops:api',
          }),
          autoLoadEntities: true,
          retryAttempts: 2,
          retryDelay: 1000,
        }),
        TenancyModule.forRoot(),
        HealthModule,
        AuthModule.forRoot({
          jwtSecret: config.JWT_SECRET,
          accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
          refreshTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
          loginRateLimitPerMinute: config.LOGIN_RATE_LIMIT_PER_MINUTE,
        }),
        AuditModule,
        FacilitiesModule,
        ResidentsModule.forRoot({ encryptionKeys: config.ID_ENCRYPTION_KEYS, hmacKey: config.ID_HMAC_KEY }),
        BedsModule,
        AdmissionsModule,
        DayCareModule,
        SafetyModule,
        StaffModule,
        ImportsModule,
        ClaimsModule,
        BillingModule,
        MetricsModule,
        HomeModule,
        SupervisionModule,
        // one Chromium per process renders the documents; long ones go to the worker's queue.
        PdfModule.forRoot(pdfOptions(config)),
        ReportsModule,
        AuditTrailModule,
        QueueModule.forRoot({ url: config.DATABASE_URL, role: 'client' }),
        ReportJobsApiModule,
        DemoModule,
      ],
      providers: [
        // In this order: the tenant's transaction first, the Idempotency-Key inside it.
        { provide: APP_INTERCEPTOR, useClass: TenantTransactionInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
