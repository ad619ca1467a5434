import { Module } from '@nestjs/common';
import { StaysRepository } from '@careops/admissions';
import { AuditModule } from '@careops/audit';
import { FacilitiesModule } from '@careops/facilities';
import { CareLevelsRepository } from '@careops/residents';
import { ClaimDraftService } from './claim-drafts.service';
import { ClaimExports } from './claim-exports';
import { ClaimLifecycle } from './claim-lifecycle';
import { ClaimsController } from './claims.controller';
import { ClaimsRepository } from './claims.repository';
import { ClaimsService } from './claims.service';
import { PoliciesController } from './policies.controller';
import { PoliciesRepository } from './policies.repository';
import { PoliciesService } from './policies.service';

/**
 * The readers of admissions and residents (StaysRepository, CareLevelsRepository) are provided here
 * rather than through AdmissionsModule / ResidentsModule: they need only TenantDb, and the worker,
 * which drafts claims, has neither module (their services need the ID-number keys).
 */
@Module({
  imports: [AuditModule, FacilitiesModule],
  controllers: [ClaimsController, PoliciesController],
  providers: [
    ClaimsRepository,
    ClaimsService,
    ClaimDraftService,
    ClaimLifecycle,
    ClaimExports,
    PoliciesRepository,
    PoliciesService,
    StaysRepository,
    CareLevelsRepository,
  ],
  // FacilitiesModule too: the worker lists every facility to draft and remind their claims.
  exports: [ClaimsService, FacilitiesModule],
})
export class ClaimsModule {}
