import { Module } from '@nestjs/common';
import { AuditModule } from '@careops/audit';
import { FacilitiesModule } from '@careops/facilities';
import { DayCareController } from './day-care.controller';
import { DayCareRepository } from './day-care.repository';
import { DayCareService } from './day-care.service';

/** Needs ResidentsModule (global) for residents, profiles and care levels. */
@Module({
  imports: [AuditModule, FacilitiesModule],
  controllers: [DayCareController],
  providers: [DayCareService, DayCareRepository],
  exports: [DayCareService],
})
export class DayCareModule {}
