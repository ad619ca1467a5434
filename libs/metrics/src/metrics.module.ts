import { Module } from '@nestjs/common';
import { FacilitiesModule } from '@careops/facilities';
import { StaffModule } from '@careops/staff';
import { DivisionsRepository } from './divisions.repository';
import { DivisionsService } from './divisions.service';
import { DivisionsController } from './divisions.controller';
import { MetricsController } from './metrics.controller';
import { MetricsRepository } from './metrics.repository';
import { MetricsService } from './metrics.service';

@Module({
  imports: [FacilitiesModule, StaffModule],
  controllers: [MetricsController, DivisionsController],
  providers: [MetricsService, DivisionsService, MetricsRepository, DivisionsRepository],
  exports: [MetricsService, DivisionsService],
})
export class MetricsModule {}
