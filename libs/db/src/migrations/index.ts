import { Foundation1764000000000 } from './1764000000000-foundation';
import { IdentityTenancyAudit1764100000000 } from './1764100000000-identity-tenancy-audit';
import { BedsResidentsStays1764200000000 } from './1764200000000-beds-residents-stays';
import { BoardNotify1764300000000 } from './1764300000000-board-notify';
import { StaffCompliance1764400000000 } from './1764400000000-staff-compliance';
import { SubsidyClaims1764500000000 } from './1764500000000-subsidy-claims';
import { Idempotency1764600000000 } from './1764600000000-idempotency';
import { ClaimAdjustments1764700000000 } from './1764700000000-claim-adjustments';
import { ClaimReminders1764800000000 } from './1764800000000-claim-reminders';
import { ClaimProgrammes1764900000000 } from './1764900000000-claim-programmes';
import { Documents1765000000000 } from './1765000000000-documents';
import { ReportJobOwner1765100000000 } from './1765100000000-report-job-owner';
import { Hardening1765200000000 } from './1765200000000-hardening';
import { CareLevelOn1765300000000 } from './1765300000000-care-level-on';
import { ClaimAnswers1765400000000 } from './1765400000000-claim-answers';
import { PolicyMonths1765410000000 } from './1765410000000-policy-months';
import { DocumentRegister1765420000000 } from './1765420000000-document-register';
import { DocumentForms1765430000000 } from './1765430000000-document-forms';
import { ResidentRegister1765500000000 } from './1765500000000-resident-register';
import { Corrections1765510000000 } from './1765510000000-corrections';
import { ScoredAssessments1765520000000 } from './1765520000000-scored-assessments';
import { Safety1765530000000 } from './1765530000000-safety';
import { AssessmentReport1765540000000 } from './1765540000000-assessment-report';
import { DivisionRead1765550000000 } from './1765550000000-division-read';
import { Supervision1765560000000 } from './1765560000000-supervision';
import { FacilityArchive1765570000000 } from './1765570000000-facility-archive';
import { SupervisionDocuments1765580000000 } from './1765580000000-supervision-documents';
import { SupervisionSetBased1765590000000 } from './1765590000000-supervision-set-based';
import { Billing1765600000000 } from './1765600000000-billing';
import { BillingDocuments1765610000000 } from './1765610000000-billing-documents';
import { DivisionReaderRole1765620000000 } from './1765620000000-division-reader-role';

/** Every migration, in order. The bundle imports them explicitly (no file globs at run time). */
export const MIGRATIONS = [
  Foundation1764000000000,
  IdentityTenancyAudit1764100000000,
  BedsResidentsStays1764200000000,
  BoardNotify1764300000000,
  StaffCompliance1764400000000,
  SubsidyClaims1764500000000,
  Idempotency1764600000000,
  ClaimAdjustments1764700000000,
  ClaimReminders1764800000000,
  ClaimProgrammes1764900000000,
  Documents1765000000000,
  ReportJobOwner1765100000000,
  Hardening1765200000000,
  CareLevelOn1765300000000,
  ClaimAnswers1765400000000,
  PolicyMonths1765410000000,
  DocumentRegister1765420000000,
  DocumentForms1765430000000,
  ResidentRegister1765500000000,
  Corrections1765510000000,
  ScoredAssessments1765520000000,
  Safety1765530000000,
  AssessmentReport1765540000000,
  DivisionRead1765550000000,
  Supervision1765560000000,
  FacilityArchive1765570000000,
  SupervisionDocuments1765580000000,
  SupervisionSetBased1765590000000,
  Billing1765600000000,
  BillingDocuments1765610000000,
  DivisionReaderRole1765620000000,
];
