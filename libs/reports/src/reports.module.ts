import { Module } from '@nestjs/common';
import { AdmissionsModule } from '@careops/admissions';
import { BedsModule } from '@careops/beds';
import { BillingModule } from '@careops/billing';
import { ClaimsModule } from '@careops/claims';
import { FacilitiesModule } from '@careops/facilities';
import { MetricsModule } from '@careops/metrics';
import { SafetyModule } from '@careops/safety';
import { StaffModule } from '@careops/staff';
import { SupervisionModule } from '@careops/supervision';
import { DivisionReportsController } from './division-reports.controller';
import { DocumentIssuer } from './document-issuer';
import { DocumentRegistry } from './document-registry.repository';
import { DocumentRequests } from './document-requests';
import { DocumentsController } from './documents.controller';
import { IssuedDocumentsController } from './issued-documents.controller';
import { IssuedDocumentsRepository } from './issued-documents.repository';
import { AssessmentDocument } from './documents/assessment-document';
import { BillingDocuments } from './documents/billing-sources';
import { ClaimDocument } from './documents/claim-document';
import { ComplianceDocument } from './documents/compliance-document';
import { DayCenterDocument } from './documents/day-center-document';
import { DivisionSummaryDocument } from './documents/division-summary-document';
import { OperationsDocument } from './documents/operations-document';
import { BulletinDocument } from './documents/bulletin-document';
import { TaskListDocument } from './documents/task-list-document';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/**
 * The documents of docs/rules.md §8 without their routes: builders, issuer, register (the API's
 * ReportsModule and the worker's report jobs). Needs the global PdfModule (one renderer per
 * process) and ResidentsModule (global).
 */
@Module({
  imports: [
    ClaimsModule,
    MetricsModule,
    StaffModule,
    BedsModule,
    FacilitiesModule,
    AdmissionsModule,
    SafetyModule,
    SupervisionModule,
    BillingModule,
  ],
  providers: [
    ReportsService,
    DocumentIssuer,
    DocumentRegistry,
    ReportsRepository,
    ClaimDocument,
    ComplianceDocument,
    OperationsDocument,
    DivisionSummaryDocument,
    DayCenterDocument,
    AssessmentDocument,
    TaskListDocument,
    BulletinDocument,
    BillingDocuments,
  ],
  exports: [ReportsService],
})
export class DocumentsModule {}

/** The document routes. */
@Module({
  imports: [DocumentsModule],
  controllers: [ReportsController, DivisionReportsController, DocumentsController, IssuedDocumentsController],
  providers: [DocumentRequests, IssuedDocumentsRepository],
  exports: [DocumentsModule],
})
export class ReportsModule {}
