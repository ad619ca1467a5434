import { Module } from '@nestjs/common';
import { AuditModule } from '@careops/audit';
import { FacilitiesModule } from '@careops/facilities';
import { MetricsModule } from '@careops/metrics';
import { MonthlyReportsController } from './monthly-reports.controller';
import { MonthlyReportsRepository } from './monthly-reports.repository';
import { MonthlyReportsService } from './monthly-reports.service';
import { SupervisionController } from './supervision.controller';
import { TargetsRepository } from './targets.repository';
import { TargetsService } from './targets.service';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

/** Supervision by the bureau (docs/rules.md §11): targets, the task list, monthly reports. */
@Module({
  imports: [AuditModule, FacilitiesModule, MetricsModule],
  controllers: [SupervisionController, MonthlyReportsController],
  providers: [TargetsService, TasksService, MonthlyReportsService, TargetsRepository, TasksRepository, MonthlyReportsRepository],
  exports: [MonthlyReportsService, TasksService],
})
export class SupervisionModule {}
