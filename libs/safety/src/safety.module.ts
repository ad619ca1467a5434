import { Module } from '@nestjs/common';
import { AuditModule } from '@careops/audit';
import { FacilitiesModule } from '@careops/facilities';
import { SafetyController } from './safety.controller';
import { SafetyRepository } from './safety.repository';
import { SafetyService } from './safety.service';

/** Needs ResidentsModule (global) for residents and their names. Exports the service for the compliance report. */
@Module({
  imports: [AuditModule, FacilitiesModule],
  controllers: [SafetyController],
  providers: [SafetyService, SafetyRepository],
  exports: [SafetyService],
})
export class SafetyModule {}
