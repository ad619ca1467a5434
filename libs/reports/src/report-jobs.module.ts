import { Module } from '@nestjs/common';
import { AuditModule } from '@careops/audit';
import { DivisionJobsController, FacilityJobsController, ReportJobsController } from './report-jobs.controller';
import { ReportJobsRepository } from './report-jobs.repository';
import { ReportJobsService } from './report-jobs.service';
import { ReportJobsWorker } from './report-jobs.worker';
import { DocumentsModule } from './reports.module';

@Module({
  imports: [AuditModule],
  controllers: [DivisionJobsController, FacilityJobsController, ReportJobsController],
  providers: [ReportJobsService, ReportJobsRepository],
})
export class ReportJobsApiModule {}

/** For the worker: the report-jobs processor with what the documents need. */
@Module({ imports: [DocumentsModule], providers: [ReportJobsWorker] })
export class ReportJobsWorkerModule {}
