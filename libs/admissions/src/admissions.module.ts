import { Module } from '@nestjs/common';
import { AuditModule } from '@careops/audit';
import { BedsModule } from '@careops/beds';
import { AdmissionsController } from './admissions.controller';
import { AdmissionsRepository } from './admissions.repository';
import { AdmissionsService } from './admissions.service';
import { CorrectionsController } from './corrections.controller';
import { CorrectionsRepository } from './corrections.repository';
import { CorrectionsService } from './corrections.service';
import { HomeCareBedsController } from './home-care-beds.controller';
import { HomeCareBedsRepository } from './home-care-beds.repository';
import { HomeCareBedsService } from './home-care-beds.service';
import { StaysRepository } from './stays.repository';

/** Needs ResidentsModule (global) for residents and assessments, BedsModule for the beds stays are on. */
@Module({
  imports: [AuditModule, BedsModule],
  controllers: [AdmissionsController, HomeCareBedsController, CorrectionsController],
  providers: [
    AdmissionsService,
    AdmissionsRepository,
    CorrectionsService,
    CorrectionsRepository,
    HomeCareBedsService,
    HomeCareBedsRepository,
    StaysRepository,
  ],
  exports: [AdmissionsService, CorrectionsService, HomeCareBedsService, StaysRepository],
})
export class AdmissionsModule {}
