import { Injectable } from '@nestjs/common';
import {
  addDays,
  CareLevel,
  CERTIFICATION_TARGET_PCT,
  meetsPct,
  monthSpan,
  NURSING_BED_TARGET_PCT,
  percentHalfUp,
  StaffingPeriod,
  summaryFigures,
  SummaryFigures,
} from '@careops/care';
import { FacilitiesService, type Facility } from '@careops/facilities';
import { InvalidInputError } from '@careops/platform';
import { StaffingService, type StaffView } from '@careops/staff';
import { MetricsRepository } from './metrics.repository';

type Counts = Record<CareLevel, number>;

export interface FacilityMetrics {
  facilityId: string;
  name: string;
  type: string;
  divisionCode: string;
  /** A day, or a month [from, to) whose snapshot figures are those of its last day (`asOf`). */
  date?: string;
  month?: string;
  asOf: string;
  bedsInService: number;
  nursingBeds: number;
  nursingBedRatioPct: number | null;
  occupiedBeds: number;
  /** On a date: occupied ÷ in service; for a month: occupied bed-days ÷ in-service bed-days (docs/rules.md §7). */
  occupancyPct: number | null;
  occupiedBedDays: number;
  inServiceBedDays: number;
  residentsTotal: number;
  residentsByLevel: Counts & { UNASSESSED: number };
  residentsByCategory: Record<string, number>;
  staffing: {
    days: number;
    compliantDays: number;
    compliancePct: number | null;
    worstDay: { date: string; required: number; counted: number } | null;
  };
  certification: { date: string; certified: number; caregivers: number; pct: number | null };
  /** Each metric against its target (docs/rules.md §7); `met` null where there is nothing to measure. */
  targets: {
    nursingBedRatio: { targetPct: number; met: boolean | null };
    staffingCompliance: { target: 'EVERY_DAY'; met: boolean | null };
    certification: { targetPct: number; met: boolean | null };
  };
  /** Per day of the period: in-service and occupied beds, for the occupancy trend. */
  daily: { date: string; inService: number; occupied: number; occupancyPct: number | null }[];
}

/**
 * docs/rules.md §7, the numbers the government reads, for the facility in scope. Beds out of service
 * leave every ratio; residents count on the days they are in care (leave days included).
 */
@Injectable()
export class MetricsService {
  constructor(
    private readonly metrics: MetricsRepository,
    private readonly facilities: FacilitiesService,
    private readonly staffingPeriods: StaffingService,
  ) {}

  /** `GET metrics?date=` or `GET metrics?month=`: exactly one of them (each already a valid date / month). */
  figures(q: { date?: string; month?: string }): Promise<FacilityMetrics> {
    if ((q.date === undefined) === (q.month === undefined)) throw new InvalidInputError('DATE_OR_MONTH_REQUIRED');
    if (q.date !== undefined) return this.period(q.date, addDays(q.date, 1), { date: q.date });
    const { from, to } = monthSpan(q.month as string);
    return this.period(from, to, { month: q.month });
  }

  /** The figures of [from, to); snapshot counts are those of its last day. */
  async period(from: string, to: string, label: { date?: string; month?: string }): Promise<FacilityMetrics> {
    return (await this.periodWithStaffing(from, to, label)).metrics;
  }

  /**
   * The figures and the day-by-day staffing they were computed from (the compliance report shows
   * both), with what else the report prints: the staff counted (names) and the beds on `asOf`, in
   * service or not. `facility`: the current one, when the caller has it already.
   */
  async periodWithStaffing(
    from: string,
    to: string,
    label: { date?: string; month?: string },
    facility?: Facility,
  ): Promise<{ metrics: FacilityMetrics; staffing: StaffingPeriod; staff: StaffView[]; beds: { total: number; outOfService: number } }> {
    const asOf = addDays(to, -1);
    facility ??= await this.facilities.current();
    // Per bed and day: in service (no outage that day), nursing-type, occupied (a stay that day).
    const daily = await this.metrics.bedDays(from, to);
    const last = daily[daily.length - 1];
    const residents = await this.metrics.residentsOn(asOf);
    const byLevel = { SELF_CARE: 0, SEMI_DISABLED: 0, FULLY_DISABLED: 0, UNASSESSED: 0 };
    const byCategory: Record<string, number> = {};
    for (const r of residents) {
      byLevel[r.level ?? 'UNASSESSED']++;
      for (const c of r.categories) byCategory[c] = (byCategory[c] ?? 0) + 1;
    }
    const { period: staffing, staff } = await this.staffingPeriods.computeWithStaff(from, to);
    const s = staffing.summary;
    const occupiedBedDays = daily.reduce((sum, d) => sum + d.occupied, 0);
    const inServiceBedDays = daily.reduce((sum, d) => sum + d.inService, 0);
    const figures = summaryFigures({
      bedsInService: last.inService,
      nursingBeds: last.nursing,
      occupiedBedDays,
      inServiceBedDays,
      staffingDays: s.days,
      compliantDays: s.compliantDays,
    });
    const metrics: FacilityMetrics = {
      facilityId: facility.id,
      name: facility.name,
      type: facility.type,
      divisionCode: facility.divisionCode,
      ...label,
      asOf,
      bedsInService: last.inService,
      nursingBeds: last.nursing,
      nursingBedRatioPct: figures.nursingBedRatioPct,
      occupiedBeds: last.occupied,
      occupancyPct: figures.occupancyPct,
      occupiedBedDays,
      inServiceBedDays,
      residentsTotal: residents.length,
      residentsByLevel: byLevel,
      residentsByCategory: byCategory,
      staffing: {
        days: s.days,
        compliantDays: s.compliantDays,
        compliancePct: s.compliancePct,
        worstDay: s.worstDay && { date: s.worstDay.date, required: s.worstDay.required, counted: s.worstDay.countedHundredths / 100 },
      },
      certification: s.certification,
      targets: {
        nursingBedRatio: { targetPct: NURSING_BED_TARGET_PCT, met: figures.nursingBedTargetMet },
        staffingCompliance: { target: 'EVERY_DAY', met: s.days === 0 ? null : s.compliantDays === s.days },
        certification: {
          targetPct: CERTIFICATION_TARGET_PCT,
          met: meetsPct(s.certification.certified, s.certification.caregivers, CERTIFICATION_TARGET_PCT),
        },
      },
      daily: daily.map((d) => ({
        date: d.day,
        inService: d.inService,
        occupied: d.occupied,
        occupancyPct: percentHalfUp(d.occupied, d.inService),
      })),
    };
    return { metrics, staffing, staff, beds: { total: last.beds, outOfService: last.beds - last.inService } };
  }
}

/** A facility's row of the division summary: its figures as computed above, not computed again. */
export function summaryOf(m: FacilityMetrics): SummaryFigures {
  return {
    bedsInService: m.bedsInService,
    nursingBeds: m.nursingBeds,
    occupiedBedDays: m.occupiedBedDays,
    inServiceBedDays: m.inServiceBedDays,
    staffingDays: m.staffing.days,
    compliantDays: m.staffing.compliantDays,
    nursingBedRatioPct: m.nursingBedRatioPct,
    nursingBedTargetMet: m.targets.nursingBedRatio.met,
    occupancyPct: m.occupancyPct,
    staffingCompliancePct: m.staffing.compliancePct,
  };
}
