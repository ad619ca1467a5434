import { Module } from '@nestjs/common';
import { ClaimsModule } from '@careops/claims';
import { MetricsModule } from '@careops/metrics';
import { DivisionReportsController, DocumentRequests, DocumentsController, ReportsController } from './reports.controller';
import { DocumentRegistry } from './document-registry';
import { ReportsService } from './reports.service';

/** The documents of docs/rules.md §8. Needs the global PdfModule (one renderer per process). */
@Module({
  imports: [ClaimsModule, MetricsModule],
  controllers: [ReportsController, DivisionReportsController, DocumentsController],
  providers: [ReportsService, DocumentRegistry, DocumentRequests],
  exports: [ReportsService],
})
export class ReportsModule {}
