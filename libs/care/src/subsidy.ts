import { CARE_LEVELS, CareLevel } from './care-level';
import { DateInterval, dayNumber, IsoDate, isoDate, isMonth } from './dates';
import { LevelAssessment, LevelSegment, levelSegments } from './level-segments';

/** Money is integer fen (0.01 yuan) end to end (docs/rules.md §5). */
export type Fen = number;

export interface SubsidyPolicy {
  /** Monthly rate per care level, in fen: INSTITUTIONAL_CARE 10000 / 15000 / 30000 by default. */
  rates: Partial<Record<CareLevel, Fen>>;
  /** Eligible from the day the resident turns this age (docs/rules.md §5: 60). */
  minAge: number;
  /** Categories funded elsewhere (e.g. 特困), whose residents get no line. */
  excludedCategories: readonly string[];
  /** Which days count (docs/rules.md §5 default: admission day yes, discharge day no, leave days yes). */
  dayCounting?: DayCounting;
  /** DAY (default): rate × days ÷ days in month; MONTH: a month with a counted day is the whole rate (docs/rules.md §5). */
  granularity?: Granularity;
  /** SAME_MONTH (default): a level pays from its effective date; NEXT_MONTH: from the next month's first day (评估下月起发放). */
  eligibilityStart?: EligibilityStart;
}

export const GRANULARITIES = ['DAY', 'MONTH'] as const;
export type Granularity = (typeof GRANULARITIES)[number];
export const ELIGIBILITY_STARTS = ['SAME_MONTH', 'NEXT_MONTH'] as const;
export type EligibilityStart = (typeof ELIGIBILITY_STARTS)[number];
/** Who the subsidy is paid to: the facility claims it either way; RESIDENT is credited to the elder (docs/rules.md §5, §9). */
export const BENEFICIARIES = ['FACILITY', 'RESIDENT'] as const;
export type Beneficiary = (typeof BENEFICIARIES)[number];

/** A city's day-counting rules, a policy setting (docs/rules.md: where cities differ, a setting). */
export interface DayCounting {
  admissionDay: boolean;
  dischargeDay: boolean;
  leaveDays: boolean;
}

export const DEFAULT_DAY_COUNTING: DayCounting = { admissionDay: true, dischargeDay: false, leaveDays: true };

export interface ClaimResident {
  residentId: string;
  dateOfBirth: IsoDate;
  categories: readonly string[];
  /** Stays in care, [admittedOn, dischargedOn); leave days count (docs/rules.md §5). */
  stays: readonly DateInterval[];
  /** Leaves 请假/外出住院 [from, to), taken out only when the policy says leave days do not count. */
  leaves?: readonly DateInterval[];
  assessments: readonly LevelAssessment[];
}

export interface ClaimLine {
  residentId: string;
  careLevel: CareLevel;
  days: number;
  rateFen: Fen;
  amountFen: Fen;
  /** The runs of days the line counts, for the accountant's explanation. */
  segments: { from: IsoDate; to: IsoDate }[];
}

export interface ClaimComputation {
  month: string;
  daysInMonth: number;
  lines: ClaimLine[];
  totalsByLevel: Record<CareLevel, Fen>;
  totalFen: Fen;
}

/** The month [first day, first day of next month). */
export function monthSpan(month: string): { from: IsoDate; to: IsoDate; days: number } {
  if (!isMonth(month)) throw new RangeError(`not a month YYYY-MM: ${month}`);
  const from = `${month}-01`;
  const [y, m] = month.split('-').map(Number);
  const to = m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${month.slice(0, 4)}-${String(m + 1).padStart(2, '0')}-01`;
  return { from, to, days: dayNumber(to) - dayNumber(from) };
}

/** Fen as yuan text with two decimals, by integer arithmetic: -50 → "-0.50", 8226 → "82.26". */
export function yuan(fen: Fen): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** rate × days ÷ daysInMonth in fen, rounded half-up once (docs/rules.md §5), in integers. */
export function proratedFen(rateFen: Fen, days: number, daysInMonth: number): Fen {
  return Math.floor((2 * rateFen * days + daysInMonth) / (2 * daysInMonth));
}

/** The day someone born on `dateOfBirth` turns `age` (29 February → 1 March in common years). */
export function birthdayAt(dateOfBirth: IsoDate, age: number): IsoDate {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  const year = y + age;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (m === 2 && d === 29 && !leap) return `${year}-03-01`;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * docs/rules.md §5, the monthly claim: per resident and care level, the days in care that month at
 * that level (aged ≥ minAge that day, not in an excluded category), and the amount
 * rate × days ÷ days in month, rounded half-up once per line. A full month at one level is
 * exactly the rate. Pure: no I/O, no floating point.
 *
 * By whole months (`granularity: MONTH`): one line per person, the whole rate, days = the month's
 * days, if at least one counted day is paid; eligible from the first day of the month of the
 * minAge birthday (自年满60周岁当月起); the level is the one paid on the last such day.
 * `eligibilityStart: NEXT_MONTH`: each assessment's level pays from the first day of the month
 * after its effective date (评估下月起发放); until then the previous level pays, or nothing.
 */
export function computeClaim(month: string, residents: readonly ClaimResident[], policy: SubsidyPolicy): ClaimComputation {
  const span = monthSpan(month);
  const byMonth = policy.granularity === 'MONTH';
  const lines: ClaimLine[] = [];
  for (const r of residents) {
    if (r.categories.some((c) => policy.excludedCategories.includes(c))) continue;
    // Eligible days start on the birthday of minAge; by whole months, on the first day of its month.
    const birthday = birthdayAt(r.dateOfBirth, policy.minAge);
    const eligibleFrom = byMonth ? `${birthday.slice(0, 7)}-01` : birthday;
    const start = dayNumber(eligibleFrom) > dayNumber(span.from) ? eligibleFrom : span.from;
    if (dayNumber(start) >= dayNumber(span.to)) continue;
    const assessments = policy.eligibilityStart === 'NEXT_MONTH' ? fromNextMonth(r.assessments) : r.assessments;
    const counted = countedDays(r.stays, r.leaves ?? [], policy.dayCounting ?? DEFAULT_DAY_COUNTING);
    const paid = levelSegments(assessments, counted, { from: start, to: span.to }).filter(
      // Not yet assessed, or a level the programme does not pay: nothing to claim for those days.
      (seg): seg is LevelSegment & { careLevel: CareLevel } => seg.careLevel !== null && policy.rates[seg.careLevel] !== undefined,
    );
    if (byMonth) {
      if (paid.length === 0) continue;
      const careLevel = paid[paid.length - 1].careLevel;
      const rateFen = policy.rates[careLevel] as Fen;
      const segments = paid.map((seg) => ({ from: seg.from, to: seg.to }));
      lines.push({ residentId: r.residentId, careLevel, days: span.days, rateFen, amountFen: rateFen, segments });
      continue;
    }
    const byLevel = new Map<CareLevel, ClaimLine>();
    for (const seg of paid) {
      const line = byLevel.get(seg.careLevel) ?? {
        residentId: r.residentId,
        careLevel: seg.careLevel,
        days: 0,
        rateFen: policy.rates[seg.careLevel] as Fen,
        amountFen: 0,
        segments: [],
      };
      line.days += seg.days;
      line.segments.push({ from: seg.from, to: seg.to });
      byLevel.set(seg.careLevel, line);
    }
    for (const level of CARE_LEVELS) {
      const line = byLevel.get(level);
      if (!line) continue;
      line.amountFen = proratedFen(line.rateFen, line.days, span.days);
      lines.push(line);
    }
  }
  const totalsByLevel: Record<CareLevel, Fen> = { SELF_CARE: 0, SEMI_DISABLED: 0, FULLY_DISABLED: 0 };
  for (const l of lines) totalsByLevel[l.careLevel] += l.amountFen;
  return { month, daysInMonth: span.days, lines, totalsByLevel, totalFen: lines.reduce((s, l) => s + l.amountFen, 0) };
}

/**
 * 评估下月起发放 (docs/rules.md §5): each assessment as if effective on the first day of the month
 * after its effective date; of those landing on the same day, the latest effective (then the
 * latest recorded) wins, as it would have on its own date.
 */
export function fromNextMonth(assessments: readonly LevelAssessment[]): LevelAssessment[] {
  return [...assessments]
    .sort((a, b) => dayNumber(a.effectiveOn) - dayNumber(b.effectiveOn) || a.recordedSeq - b.recordedSeq)
    .map((a, i) => ({ effectiveOn: monthSpan(a.effectiveOn.slice(0, 7)).to, careLevel: a.careLevel, recordedSeq: i }));
}

/**
 * The days that count under a policy's day-counting options, as [from, to) intervals. Stays that
 * touch (a transfer) are one run: its admission day is the first, its discharge day the end.
 * Default [admittedOn, dischargedOn) with leaves inside; `admissionDay: false` drops the first day,
 * `dischargeDay: true` adds the discharge day, `leaveDays: false` cuts the leaves out.
 */
export function countedDays(stays: readonly DateInterval[], leaves: readonly DateInterval[], rules: DayCounting): DateInterval[] {
  const runs: { from: number; to: number | null }[] = [];
  const sorted = stays
    .map((s) => ({ from: dayNumber(s.from), to: s.to === null ? null : dayNumber(s.to) }))
    .sort((a, b) => a.from - b.from);
  for (const s of sorted) {
    const last = runs[runs.length - 1];
    if (last && (last.to === null || s.from <= last.to)) {
      last.to = last.to === null || s.to === null ? null : Math.max(last.to, s.to);
    } else runs.push({ ...s });
  }
  let out = runs
    .map((r) => ({ from: r.from + (rules.admissionDay ? 0 : 1), to: r.to === null ? null : r.to + (rules.dischargeDay ? 1 : 0) }))
    .filter((r) => r.to === null || r.from < r.to);
  if (!rules.leaveDays) {
    for (const l of leaves) {
      const [a, b] = [dayNumber(l.from), l.to === null ? Infinity : dayNumber(l.to)];
      out = out.flatMap((r) => {
        const end = r.to ?? Infinity;
        if (b <= r.from || a >= end) return [r];
        const parts: { from: number; to: number | null }[] = [];
        if (a > r.from) parts.push({ from: r.from, to: a });
        if (b < end) parts.push({ from: b, to: r.to });
        return parts;
      });
    }
  }
  return out.map((r) => ({ from: isoDate(r.from), to: r.to === null ? null : isoDate(r.to) }));
}

/**
 * A yearly amount claimed monthly (docs/rules.md §5: the day-center operating subsidy, ¥20,000 a year):
 * month m (1–12) gets round(annual × m ÷ 12) − round(annual × (m − 1) ÷ 12), half-up, so the twelve
 * months add up to exactly the annual amount (2000000 → 166667, 166666, 166667, …).
 */
export function monthlyShareFen(annualFen: Fen, month: number): Fen {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`not a month 1–12: ${month}`);
  return proratedFen(annualFen, month, 12) - proratedFen(annualFen, month - 1, 12);
}

/** docs/rules.md §5 default: ¥100 / ¥150 / ¥300 a month, from age 60, no category excluded. */
export const DEFAULT_INSTITUTIONAL_CARE_POLICY: SubsidyPolicy = {
  rates: { SELF_CARE: 10_000, SEMI_DISABLED: 15_000, FULLY_DISABLED: 30_000 },
  minAge: 60,
  excludedCategories: [],
};
