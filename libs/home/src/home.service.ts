import { Injectable } from '@nestjs/common';
import { StaysRepository } from '@careops/admissions';
import {
  addDays,
  calendarDate,
  certificateStanding,
  type IsoDate,
  isMonth,
  monthlyDeadline,
  previousMonth,
  STAFFING_LOOKAHEAD_DAYS,
} from '@careops/care';
import { ClaimsService } from '@careops/claims';
import { DayCareService } from '@careops/day-care';
import { FacilitiesService, type Facility } from '@careops/facilities';
import { MetricsService } from '@careops/metrics';
import { CareLevelsRepository, ReassessmentsService } from '@careops/residents';
import { SafetyService } from '@careops/safety';
import { DAY_CENTER_MIN_STAFF, StaffService } from '@careops/staff';
import { MonthlyReportsService } from '@careops/supervision';
import type { HomeAlertItemResponse, HomeAlertResponse, HomeCensusResponse, HomeResponse } from './dto/home.response';

/**
 * The facility manager's 工作台 (docs/rules.md §7, §11): who is in care on a date, and what needs
 * doing — certificates running out, short-staffed days ahead, assessments missing or due, last
 * month's claim and report before the bureau's deadline. Each alert reads the feature that owns it
 * (the staffing calendar's computation, the claims' programmes), so the numbers are the same there.
 */
@Injectable()
export class HomeService {
  constructor(
    private readonly facilities: FacilitiesService,
    private readonly metrics: MetricsService,
    private readonly staff: StaffService,
    private readonly claims: ClaimsService,
    private readonly dayCare: DayCareService,
    private readonly stays: StaysRepository,
    private readonly levels: CareLevelsRepository,
    private readonly reassessments: ReassessmentsService,
    private readonly monthlyReports: MonthlyReportsService,
    private readonly safety: SafetyService,
  ) {}

  async home(date?: IsoDate): Promise<HomeResponse> {
    const facility = await this.facilities.current();
    const day = date ?? calendarDate(new Date(), facility.timezone);
    const path = (p: string) => `/f/${facility.id}/${p}`;
    const census = await this.census(facility, day);
    const alerts = [
      ...(await this.certificates(day, path)),
      ...(await this.staffing(facility, day, path)),
      ...(await this.assessments(facility, day, path)),
      ...(await this.riskAssessments(day, path)),
      ...(await this.claim(day, path)),
      ...(await this.monthlyReport(day, path)),
    ];
    // The dangerous first; otherwise in the order above.
    alerts.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'DANGER' ? -1 : 1));
    return { date: day, facilityType: facility.type, census, alerts };
  }

  /** Residents in care (admitted on the day: here or on leave) and day-center members; the beds. */
  private async census(facility: Facility, day: IsoDate): Promise<HomeCensusResponse> {
    const span = { from: day, to: addDays(day, 1) };
    const admitted = (await this.stays.periodsIn('admission', span)).map((p) => p.residentId);
    const inCare = new Set(admitted);
    const away = new Set((await this.stays.periodsIn('leave', span)).map((p) => p.residentId).filter((id) => inCare.has(id)));
    const dayCare = facility.type !== 'CARE_HOME';
    const members = dayCare ? await this.dayCare.members(day) : [];
    const sheet = dayCare ? await this.dayCare.attendance(day) : [];
    const people = [...new Set([...admitted, ...members.map((m) => m.residentId)])];
    const levels = people.length > 0 ? await this.levels.levelsOn(day, people) : new Map();
    const byLevel = { SELF_CARE: 0, SEMI_DISABLED: 0, FULLY_DISABLED: 0 };
    for (const level of levels.values()) byLevel[level as keyof typeof byLevel]++;
    const { metrics, beds } = await this.metrics.periodWithStaffing(day, span.to, { date: day }, facility);
    return {
      inCare: admitted.length - away.size,
      onLeave: away.size,
      byLevel,
      unassessed: people.length - levels.size,
      ...(beds.total > 0
        ? { beds: beds.total, freeBeds: metrics.bedsInService - metrics.occupiedBeds, outOfService: beds.outOfService }
        : {}),
      ...(dayCare ? { members: members.length, present: sheet.filter((r) => r.status !== 'ABSENT').length } : {}),
    };
  }

  /**
   * docs/rules.md §6: each employed person's latest certificate of each type, expired (no longer
   * counted from its expiry day) or running out within 30 days.
   */
  private async certificates(day: IsoDate, path: (p: string) => string): Promise<HomeAlertResponse[]> {
    const expired: HomeAlertItemResponse[] = [];
    const expiring: HomeAlertItemResponse[] = [];
    for (const s of await this.staff.list()) {
      if (s.employedFrom > day || (s.employedTo !== null && s.employedTo <= day)) continue;
      const latest = new Map<string, (typeof s.certificates)[number]>();
      for (const c of s.certificates) if ((latest.get(c.type)?.expiresOn ?? '') < c.expiresOn) latest.set(c.type, c);
      for (const c of latest.values()) {
        const standing = certificateStanding(c.expiresOn, day);
        const item = { id: c.id, label: s.name, detail: c.type, on: c.expiresOn };
        if (standing === 'EXPIRED') expired.push(item);
        if (standing === 'EXPIRING') expiring.push(item);
      }
    }
    const byDay = (a: HomeAlertItemResponse, b: HomeAlertItemResponse) =>
      (a.on as string).localeCompare(b.on as string) || a.label.localeCompare(b.label);
    return [
      ...alert('CERTIFICATES_EXPIRED', 'DANGER', expired.sort(byDay), path('staff?certificates=EXPIRED')),
      ...alert('CERTIFICATES_EXPIRING', 'WARN', expiring.sort(byDay), path('staff?certificates=EXPIRING')),
    ];
  }

  /**
   * The red days of the staffing calendar from the date through the next 14 — the same computation
   * (docs/rules.md §6); a day center's rule is at least 3 staff on the roster (§2). Danger if today is red.
   */
  private async staffing(facility: Facility, day: IsoDate, path: (p: string) => string): Promise<HomeAlertResponse[]> {
    const period = await this.staff.staffing(day, addDays(day, STAFFING_LOOKAHEAD_DAYS + 1));
    const dayCenter = facility.type === 'DAY_CENTER';
    const short = period.days
      .filter((d) => (dayCenter ? d.dayCenterMinimumMet === false : !d.compliant))
      .map((d) => ({
        id: d.date,
        label: d.date,
        on: d.date,
        ...(dayCenter ? { required: DAY_CENTER_MIN_STAFF, counted: d.staffOnRoster } : { required: d.required, counted: d.counted }),
      }));
    return alert('STAFFING_SHORT', short[0]?.on === day ? 'DANGER' : 'WARN', short, path(`staffing?month=${short[0]?.on.slice(0, 7)}`));
  }

  /**
   * docs/rules.md §4a: everyone in care has an assessment, and a new one when due — the routine
   * interval, after a hospital stay or an incident — as the reassessment list has them.
   */
  private async assessments(facility: Facility, day: IsoDate, path: (p: string) => string): Promise<HomeAlertResponse[]> {
    const rows = await this.reassessments.due(day);
    const item = (r: { residentId: string; name: string }) => ({
      id: r.residentId,
      label: r.name,
      link: path(`residents/${r.residentId}`),
    });
    const missing = rows.filter((r) => r.reason === 'MISSING').map(item);
    // A day center's members come with a level too (docs/rules.md §4); those without one are missing it.
    if (facility.type !== 'CARE_HOME') {
      const listed = new Set(missing.map((m) => m.id));
      for (const m of await this.dayCare.members(day)) if (m.careLevel === null && !listed.has(m.residentId)) missing.push(item(m));
    }
    const due = rows.filter((r) => r.reason !== 'MISSING').map((r) => ({ ...item(r), on: r.dueOn, detail: r.reason }));
    missing.sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
    return [
      ...alert('ASSESSMENT_MISSING', 'DANGER', missing, path('residents')),
      ...alert('ASSESSMENT_DUE', 'WARN', due, path('residents')),
    ];
  }

  /** docs/rules.md §10 (GB 38600): everyone on a bed has a nine-risk 九防 assessment, from admission on. */
  private async riskAssessments(day: IsoDate, path: (p: string) => string): Promise<HomeAlertResponse[]> {
    const items = (await this.safety.unassessedOn(day))
      .map((r) => ({ id: r.residentId, label: r.name, link: path(`residents/${r.residentId}`) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
    return alert('RISK_ASSESSMENT_MISSING', 'WARN', items, path('safety'));
  }

  /**
   * docs/rules.md §5, §7: last month's claim of each programme the facility claims, not yet
   * submitted (none, or a DRAFT), is due by the 25th; after the 25th it is late (danger).
   */
  private async claim(day: IsoDate, path: (p: string) => string): Promise<HomeAlertResponse[]> {
    const month = previousMonth(day);
    // January 1900, the calendar's first month, has no month before it to be due.
    if (!isMonth(month)) return [];
    const due = await this.claims.programmesDue(month);
    if (due.length === 0) return [];
    const ofMonth = (await this.claims.list()).filter((c) => c.month === month);
    const items: HomeAlertItemResponse[] = [];
    for (const programme of due) {
      const claims = ofMonth.filter((c) => c.programme === programme);
      if (claims.some((c) => c.state !== 'DRAFT')) continue;
      const draft = claims[0];
      items.push({ id: draft?.id ?? programme, label: month, detail: programme, ...(draft ? { link: path(`claims/${draft.id}`) } : {}) });
    }
    const dueOn = monthlyDeadline(day);
    const link = items.length === 1 && items[0].link ? items[0].link : path('claims');
    return alert('CLAIM_DUE', day > dueOn ? 'DANGER' : 'WARN', items, link).map((a) => ({ ...a, dueOn, month }));
  }

  /**
   * docs/rules.md §11: last month's report to the bureau, due by the 25th: until it is submitted a
   * reminder, after the 25th late (danger); gone once submitted.
   */
  private async monthlyReport(day: IsoDate, path: (p: string) => string): Promise<HomeAlertResponse[]> {
    const month = previousMonth(day);
    if (!isMonth(month)) return [];
    const { state, deadline: dueOn } = await this.monthlyReports.status(month, day);
    if (state === 'ON_TIME' || state === 'LATE') return [];
    const severity = state === 'MISSING' ? 'DANGER' : 'WARN';
    return alert('MONTHLY_REPORT_DUE', severity, [{ id: month, label: month }], path('reports')).map((a) => ({ ...a, dueOn, month }));
  }
}

/** An alert of its items, or none when there are none. */
function alert(
  kind: HomeAlertResponse['kind'],
  severity: HomeAlertResponse['severity'],
  items: HomeAlertItemResponse[],
  link: string,
): HomeAlertResponse[] {
  return items.length === 0 ? [] : [{ kind, severity, count: items.length, items, link }];
}
