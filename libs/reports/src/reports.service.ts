import { Injectable } from '@nestjs/common';
import { FACILITY_TYPE_LABELS, type FacilityType } from '@careops/care';
import { ClaimsService } from '@careops/claims';
import { FacilitiesService } from '@careops/facilities';
import { RuleViolation } from '@careops/platform';
import { DocumentIssuer, DocumentVerification, IssuedDocument } from './document-issuer';
import { AssessmentDocument } from './documents/assessment-document';
import { BillingDocuments } from './documents/billing-sources';
import { ClaimDocument } from './documents/claim-document';
import { ComplianceDocument } from './documents/compliance-document';
import { DivisionSummaryDocument } from './documents/division-summary-document';
import { DayCenterDocument } from './documents/day-center-document';
import { type Draft, fileNameOf, TITLES } from './documents/draft';
import { OperationsDocument } from './documents/operations-document';
import { BulletinDocument } from './documents/bulletin-document';
import { TaskListDocument } from './documents/task-list-document';

export type { Draft } from './documents/draft';
export type { IssuedDocument } from './document-issuer';

/** A report asked of a facility it is not for: a care home has no day center report, a day center no beds to report on. */
export class ReportNotForFacilityError extends RuleViolation {
  constructor(report: string, type: FacilityType, instead: string) {
    super('REPORT_NOT_FOR_FACILITY', { report, facilityType: FACILITY_TYPE_LABELS[type], instead });
  }
}

/**
 * The documents of docs/rules.md §8: each gathered by its builder inside a transaction, then
 * issued (numbered, rendered, registered) by the issuer after it ends.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly claimDocument: ClaimDocument,
    private readonly complianceDocument: ComplianceDocument,
    private readonly operationsDocument: OperationsDocument,
    private readonly divisionDocument: DivisionSummaryDocument,
    private readonly dayCenterDocument: DayCenterDocument,
    private readonly assessmentDocument: AssessmentDocument,
    private readonly taskListDocument: TaskListDocument,
    private readonly bulletinDocument: BulletinDocument,
    private readonly billingDocuments: BillingDocuments,
    private readonly issuer: DocumentIssuer,
    private readonly claims: ClaimsService,
    private readonly facilities: FacilitiesService,
  ) {}

  /**
   * 养老服务补贴申领表 of one claim: a claim still in DRAFT prints as a 草稿, an estimate as 预估,
   * neither registered (docs/rules.md §8).
   */
  async claim(claimId: string): Promise<Draft> {
    const draft = await this.claimDocument.build(claimId);
    const claim: { state: string; estimate?: boolean } = await this.claims.get(claimId);
    const provisional = claim.estimate ? 'ESTIMATE' : claim.state === 'DRAFT' ? 'DRAFT' : undefined;
    return { ...draft, claimId, ...(provisional && { provisional }) };
  }

  /** 养老机构合规报告 of a month: for facilities with beds (a day center has its own report). */
  async compliance(month: string): Promise<Draft> {
    const { type } = await this.facilities.current();
    if (type === 'DAY_CENTER')
      throw new ReportNotForFacilityError(TITLES.COMPLIANCE, type, `${TITLES.DAY_CENTER} (reports/day-center.pdf)`);
    const d = await this.complianceDocument.build(month);
    return { ...d, d: { ...d.d, fileName: fileNameOf('COMPLIANCE', d.d.subject, month), asciiFileName: d.d.fileName } };
  }

  /** 日间照料中心运营报告 of a month: for day centers and the day side of street centers (docs/rules.md §2). */
  async dayCenter(month: string): Promise<Draft> {
    const { type } = await this.facilities.current();
    if (type === 'CARE_HOME') throw new ReportNotForFacilityError(TITLES.DAY_CENTER, type, `${TITLES.COMPLIANCE} (reports/compliance.pdf)`);
    return this.dayCenterDocument.build(month);
  }

  /** 老年人能力评估报告 of a scored assessment (docs/rules.md §4a); 422 for one recorded as a level only. */
  assessment(assessmentId: string): Promise<Draft> {
    return this.assessmentDocument.build(assessmentId);
  }

  /** 缴费通知单 of a bill (docs/rules.md §9): a DRAFT bill prints as 草稿, not registered. */
  bill(billId: string): Promise<Draft> {
    return this.billingDocuments.bill(billId);
  }

  /** 收据 of a payment or a deposit (docs/rules.md §9). */
  receipt(paymentId: string): Promise<Draft> {
    return this.billingDocuments.receipt(paymentId);
  }

  /** 退款凭证 of a refund (docs/rules.md §9). */
  refund(refundId: string): Promise<Draft> {
    return this.billingDocuments.refund(refundId);
  }

  /** 月度运营报表 of a month. */
  operations(month: string): Promise<Draft> {
    return this.operationsDocument.build(month);
  }

  /** 辖区汇总表 of a division and month. */
  division(code: string, month: string, onProgress?: (done: number, total: number) => Promise<void> | void): Promise<Draft> {
    return this.divisionDocument.build(code, month, onProgress);
  }

  /** 重点任务清单 of a division and year (docs/rules.md §11). */
  taskList(code: string, year: number): Promise<Draft> {
    return this.taskListDocument.build(code, year);
  }

  /** 通报 of a division and month (docs/rules.md §11). */
  bulletin(code: string, month: string): Promise<Draft> {
    return this.bulletinDocument.build(code, month);
  }

  /** The facility's claims of a year, by month then number (a year of claim PDFs). */
  async claimsOfYear(year: number): Promise<{ id: string; number: string }[]> {
    const all: { id: string; number: string; month: string }[] = await this.claims.list();
    const byMonthThenNumber = (a: { month: string; number: string }, b: { month: string; number: string }) =>
      a.month < b.month ? -1 : a.month > b.month ? 1 : a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
    return all
      .filter((c) => c.month.startsWith(`${year}-`))
      .sort(byMonthThenNumber)
      .map((c) => ({ id: c.id, number: c.number }));
  }

  preview(draft: Draft): string {
    return this.issuer.preview(draft);
  }

  issue(draft: Draft): Promise<IssuedDocument> {
    return this.issuer.issue(draft);
  }

  verify(ref: string): Promise<DocumentVerification> {
    return this.issuer.verify(ref);
  }
}
