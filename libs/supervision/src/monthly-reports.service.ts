import { Injectable } from '@nestjs/common';
import {
  calendarDate,
  divisionPrefix,
  type IsoDate,
  monthlyReportDeadline,
  monthlyReportState,
  type MonthlyReportState,
  monthSpan,
  percentHalfUp,
  previousMonth,
} from '@careops/care';
import { AuditService } from '@careops/audit';
import { TenantDb } from '@careops/db';
import { FacilitiesService } from '@careops/facilities';
import { assertDivisionVisible, MetricsService } from '@careops/metrics';
import { divisionName, InvalidInputError, RuleViolation } from '@careops/platform';
import type {
  DivisionMonthlyReportsResponse,
  FacilityMonthlyReportsResponse,
  MonthlyReportResponse,
  MonthStatusResponse,
} from './dto/supervision.response';
import { MonthlyReportsRepository } from './monthly-reports.repository';

/**
 * Monthly reports 月报 (docs/rules.md §11): the manager submits a past month's figures, frozen; the
 * report is due the 25th of the next month in the facility's time zone; a correction is a
 * resubmission with a reason and the first is kept (the table is append-only).
 */
@Injectable()
export class MonthlyReportsService {
  constructor(
    private readonly reports: MonthlyReportsRepository,
    private readonly facilities: FacilitiesService,
    private readonly metrics: MetricsService,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  /** Refuses a submission before anything is issued for it: a month not over, a resubmission without a reason, a first with one. */
  async check(month: string, reason?: string): Promise<void> {
    const facility = await this.facilities.current();
    const today = calendarDate(new Date(), facility.timezone);
    if (month >= today.slice(0, 7)) throw new RuleViolation('MONTHLY_REPORT_MONTH_NOT_OVER', { month });
    const earlier = await this.reports.history(month);
    if (earlier.length > 0 && !reason) throw new RuleViolation('MONTHLY_REPORT_REASON_REQUIRED', { month });
    if (earlier.length === 0 && reason) throw new InvalidInputError('MONTHLY_REPORT_REASON_NOT_EXPECTED', { month });
  }

  /**
   * The submission, frozen, with the number of the month's document issued for it (docs/rules.md §8):
   * the controller issues the document between `check` and this, outside any transaction.
   */
  async submit(month: string, reason?: string, documentNumber: string | null = null): Promise<MonthlyReportResponse> {
    await this.check(month, reason);
    const facility = await this.facilities.current();
    const { from, to } = monthSpan(month);
    const figures = await this.metrics.period(from, to, { month });
    const snapshot = {
      facility: {
        name: facility.name,
        type: facility.type,
        divisionCode: facility.divisionCode,
        licenseNumber: facility.licenseNumber,
        operatorKind: facility.operatorKind,
        operator: facility.operator,
        inOperationSince: facility.inOperationSince,
        tekunSupport: facility.tekunSupport,
        fireSafetyPassedOn: facility.fireSafetyPassedOn,
        medicalArrangement: facility.medicalArrangement,
        safetyStandardCheckedOn: facility.safetyStandardCheckedOn,
        qualityStandardCheckedOn: facility.qualityStandardCheckedOn,
      },
      metrics: figures,
    };
    const id = await this.reports.insert(month, reason ?? null, snapshot, documentNumber);
    const submitted = (await this.reports.history(month)).find((r) => r.id === id)!;
    await this.audit.record({
      action: submitted.seq === 1 ? 'monthly_report.submit' : 'monthly_report.resubmit',
      entityType: 'monthly_report',
      entityId: id,
      after: { month, seq: submitted.seq, documentNumber, ...(reason ? { reason } : {}) },
    });
    return submitted;
  }

  /** The facility in scope: the report due now (the previous month's) and every submission. */
  async history(): Promise<FacilityMonthlyReportsResponse> {
    const facility = await this.facilities.current();
    const today = calendarDate(new Date(), facility.timezone);
    return { due: await this.status(previousMonth(today), today), rows: await this.reports.history() };
  }

  /** The state of the facility in scope's report for `month` on `today` (the home's reminder, docs/rules.md §7). */
  async status(month: string, today: IsoDate): Promise<MonthStatusResponse> {
    const submissions = await this.reports.history(month);
    const first = submissions.find((r) => r.seq === 1) ?? null;
    return {
      month,
      deadline: monthlyReportDeadline(month),
      state: monthlyReportState(month, first?.submittedOn ?? null, today),
      submittedAt: first?.submittedAt ?? null,
      resubmissions: submissions.length - (first ? 1 : 0),
    };
  }

  /**
   * The worker's reminder of the 20th: the facility in scope has not submitted `month`'s report, so
   * an alert MONTHLY_REPORT_NOT_SUBMITTED on `today` (once a day). Returns 1 if written.
   */
  async remindUnsubmitted(month: string, today: IsoDate): Promise<number> {
    if ((await this.reports.history(month)).length > 0) return 0;
    const deadline = monthlyReportDeadline(month);
    const written = await this.reports.insertReminder(today, {
      month,
      deadline,
      message: `${month} 的月报尚未报送，民政局截止日为 ${deadline}`,
    });
    return written ? 1 : 0;
  }

  /**
   * The bureau's view (docs/rules.md §11): every facility of the division with the state of its
   * report for `month` — by the day of its first submission in its own time zone — and the
   * division's on-time rate, on time ÷ facilities.
   */
  async ofDivision(code: string, month: string, now = new Date()): Promise<DivisionMonthlyReportsResponse> {
    assertDivisionVisible(this.db.principal(), code);
    const rows = (await this.reports.ofDivision(divisionPrefix(code), month)).map((r) => ({
      facilityId: r.facilityId,
      name: r.name,
      divisionCode: r.divisionCode,
      divisionName: divisionName(r.divisionCode),
      state: monthlyReportState(month, r.firstSubmittedOn, calendarDate(now, r.timezone)),
      submittedAt: r.firstSubmittedAt,
      resubmissions: r.resubmissions,
    }));
    const counts: Record<MonthlyReportState, number> = { ON_TIME: 0, LATE: 0, MISSING: 0, DUE: 0 };
    for (const r of rows) counts[r.state]++;
    return {
      divisionCode: code,
      divisionName: divisionName(code),
      month,
      deadline: monthlyReportDeadline(month),
      onTimeRate: percentHalfUp(counts.ON_TIME, rows.length),
      counts,
      rows,
    };
  }
}
