import { Module } from '@nestjs/common';
import { AdmissionsModule } from '@careops/admissions';
import { AuditModule } from '@careops/audit';
import { AuthRepository } from '@careops/auth';
import { BedsModule } from '@careops/beds';
import { ClaimsModule } from '@careops/claims';
import { CareLevelsRepository } from '@careops/residents';
import { StaffModule } from '@careops/staff';
import { AuditTrailController } from './audit-trail.controller';
import { AuditTrailService } from './audit-trail.service';
import { TrailNamesService } from './trail-names.service';

/**
 * Reading the trail, above the features it names: every feature writes through AuditModule, so the
 * reader that resolves their names cannot live there (it would import them back).
 */
@Module({
  imports: [AuditModule, AdmissionsModule, BedsModule, ClaimsModule, StaffModule],
  controllers: [AuditTrailController],
  providers: [AuditTrailService, TrailNamesService, AuthRepository, CareLevelsRepository],
})
export class AuditTrailModule {}
