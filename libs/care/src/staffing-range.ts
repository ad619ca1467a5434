import { CARE_LEVELS, CareLevel } from './care-level';
import { DateInterval, dayNumber, IsoDate, isoDate } from './dates';
import { LevelAssessment, levelSegments } from './level-segments';
import { percentHalfUp } from './percent';
import { caregiverExclusion, CountsByLevel, StaffingDay, staffingDay, StaffOnRecord } from './staffing';

export interface ResidentInCare {
  stays: DateInterval[];
  assessments: LevelAssessment[];
}

export interface StaffingPeriod {
  days: (StaffingDay & { unassessed: number; staffOnRoster: number })[];
  summary: {
    days: number;
    compliantDays: number;
    compliancePct: number | null;
    /** The day with the largest shortfall (earliest of equals), or null when every day complies. */
    worstDay: { date: IsoDate; required: number; countedHundredths: number } | null;
    /** 持证上岗率 on the last day: caregivers with a valid certificate ÷ caregivers employed. */
    certification: { date: IsoDate; certified: number; caregivers: number; pct: number | null };
  };
}

/**
 * docs/rules.md §6 over [from, to): residents in care by level each day (admitted that day, leave
 * days included; level per the assessment history), required vs counted caregivers, and why each
 * caregiver does not count. One pass over the facility's facts; no query per day.
 */
export function staffingPeriod(
  residents: readonly ResidentInCare[],
  staff: readonly StaffOnRecord[],
  from: IsoDate,
  to: IsoDate,
): StaffingPeriod {
  const start = dayNumber(from);
  const n = dayNumber(to) - start;
  const diff: Record<CareLevel | 'NONE', Int32Array> = {
    SELF_CARE: new Int32Array(n + 1),
    SEMI_DISABLED: new Int32Array(n + 1),
    FULLY_DISABLED: new Int32Array(n + 1),
    NONE: new Int32Array(n + 1),
  };
  for (const r of residents) {
    for (const seg of levelSegments(r.assessments, r.stays, { from, to })) {
      const d = diff[seg.careLevel ?? 'NONE'];
      d[dayNumber(seg.from) - start] += 1;
      d[dayNumber(seg.to) - start] -= 1;
    }
  }
  const running: Record<CareLevel | 'NONE', number> = { SELF_CARE: 0, SEMI_DISABLED: 0, FULLY_DISABLED: 0, NONE: 0 };
  const days: StaffingPeriod['days'] = [];
  for (let i = 0; i < n; i++) {
    for (const k of [...CARE_LEVELS, 'NONE'] as const) running[k] += diff[k][i];
    const counts: CountsByLevel = {
      SELF_CARE: running.SELF_CARE,
      SEMI_DISABLED: running.SEMI_DISABLED,
      FULLY_DISABLED: running.FULLY_DISABLED,
    };
    const date = isoDate(start + i);
    const day = staffingDay(counts, staff, date);
    const staffOnRoster = staff.filter(
      (s) => dayNumber(s.employedFrom) <= start + i && (s.employedTo === null || start + i < dayNumber(s.employedTo)),
    ).length;
    days.push({ ...day, unassessed: running.NONE, staffOnRoster });
  }
  const compliantDays = days.filter((d) => d.compliant).length;
  let worst: StaffingPeriod['days'][number] | null = null;
  for (const d of days) {
    const shortfall = d.required * 100 - d.countedHundredths;
    if (shortfall > 0 && (!worst || shortfall > worst.required * 100 - worst.countedHundredths)) worst = d;
  }
  const last = start + n - 1;
  const caregivers = staff.filter((s) => s.role === 'CAREGIVER' && caregiverExclusion(s, last) !== 'NOT_EMPLOYED');
  const certified = caregivers.filter((s) =>
    s.certificates.some((c) => dayNumber(c.issuedOn) <= last && last < dayNumber(c.expiresOn)),
  ).length;
  return {
    days,
    summary: {
      days: n,
      compliantDays,
      compliancePct: percentHalfUp(compliantDays, n),
      worstDay: worst ? { date: worst.date, required: worst.required, countedHundredths: worst.countedHundredths } : null,
      certification: { date: isoDate(last), certified, caregivers: caregivers.length, pct: percentHalfUp(certified, caregivers.length) },
    },
  };
}
