import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEvent } from './audit-event.entity';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { IdempotencyRepository } from './idempotency.repository';

/** Writes the trail for every feature; reading it with names is AuditTrailModule's (libs/audit-trail). */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent])],
  providers: [AuditService, AuditRepository, IdempotencyRepository],
  exports: [AuditService, IdempotencyRepository],
})
export class AuditModule {}
