import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { Draining } from './draining';
import { HealthController } from './health.controller';
import { MigrationsHealthIndicator } from './migrations.health';
import { MigrationsRepository } from './migrations.repository';

/** /api/health (readiness, as the launcher and tests know it), /api/health/ready and /api/health/live. */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json', gracefulShutdownTimeoutMs: 0 })],
  controllers: [HealthController],
  providers: [MigrationsHealthIndicator, MigrationsRepository, Draining],
  exports: [Draining],
})
export class HealthModule {}
