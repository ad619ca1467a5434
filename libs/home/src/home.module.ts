import { Module } from '@nestjs/common';
import { StaysRepository } from '@careops/admissions';
import { ClaimsModule } from '@careops/claims';
import { DayCareModule } from '@careops/day-care';
import { FacilitiesModule } from '@careops/facilities';
import { MetricsModule } from '@careops/metrics';
import { SafetyModule } from '@careops/safety';
import { StaffModule } from '@careops/staff';
import { SupervisionModule } from '@careops/supervision';
import { HomeController } from './home.controller';
import { HomeService } from './home.service';

/** Reads other features through their services; stays through their reader (CareLevelsRepository: ResidentsModule, global). */
@Module({
  imports: [FacilitiesModule, MetricsModule, StaffModule, ClaimsModule, DayCareModule, SupervisionModule, SafetyModule],
  controllers: [HomeController],
  providers: [HomeService, StaysRepository],
})
export class HomeModule {}
