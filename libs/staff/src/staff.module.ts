import { Module } from '@nestjs/common';
import { StaysRepository } from '@careops/admissions';
import { AuditModule } from '@careops/audit';
import { FacilitiesModule } from '@careops/facilities';
import { CareLevelsRepository } from '@careops/residents';
import { ComplianceAlertsRepository } from './compliance-alerts.repository';
import { StaffController } from './staff.controller';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';
import { StaffingService } from './staffing.service';

/**
 * The readers of stays and care levels are provided here, not imported with their modules: the
 * worker computes staffing (metrics, the division summary) without the residents' and admissions'
 * HTTP features.
 */
@Module({
  imports: [AuditModule, FacilitiesModule],
  controllers: [StaffController],
  providers: [StaffService, StaffingService, StaffRepository, ComplianceAlertsRepository, StaysRepository, CareLevelsRepository],
  exports: [StaffService, StaffingService],
})
export class StaffModule {}
