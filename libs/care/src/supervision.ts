import type { IsoDate } from './dates';
import { percentHalfUp } from './percent';
import { addMonths } from './reassessment';
import { MONTHLY_DEADLINE_DAY } from './reminders';

/** docs/rules.md §11: the indicators of the task list 重点任务清单, counts first, then ratios. */
export const INDICATORS = [
  'STREET_CENTERS',
  'DAY_CENTERS',
  'HOME_CARE_BEDS',
  'CAREGIVERS_TRAINED',
  'NURSING_BED_RATIO',
  'CERTIFICATION_RATE',
  'FIRE_SAFETY_RATE',
  'MEDICAL_COVERAGE_RATE',
] as const;
export type Indicator = (typeof INDICATORS)[number];

export const RATIO_INDICATORS: readonly Indicator[] = [
  'NURSING_BED_RATIO',
  'CERTIFICATION_RATE',
  'FIRE_SAFETY_RATE',
  'MEDICAL_COVERAGE_RATE',
];

export function isRatioIndicator(indicator: Indicator): boolean {
  return RATIO_INDICATORS.includes(indicator);
}

/** One cell of the task list: 目标数, 完成数, 占比 (%), 缺口数; target null where none is set. */
export interface TaskCell {
  target: number | null;
  done: number | null;
  pct: number | null;
  gap: number | null;
}

/**
 * A percentage given with at most two decimals (validated before), as integer hundredths: 55 → 5500,
 * 41.4 → 4140. The stored form of a ratio target; ×100 of a two-decimal number rounds back exactly.
 */
export function percentToHundredths(pct: number): number {
  return Math.round(pct * 100);
}

/** A count: 占比 = done ÷ target (two decimals, half-up), 缺口 = max(0, target − done). */
export function countCell(target: number | null, done: number): TaskCell {
  if (target === null) return { target, done, pct: null, gap: null };
  return { target, done, pct: percentHalfUp(done, target), gap: Math.max(0, target - done) };
}

/**
 * A ratio (docs/rules.md §11): the target is a percentage (stored in hundredths), done is the
 * achieved percentage numerator ÷ denominator (two decimals, half-up; null with nothing to measure),
 * 占比 = done ÷ target as printed (41.40 ÷ 55 → 75.27) and 缺口 = max(0, target − done) in
 * percentage points (55 − 41.40 → 13.6), all in integer hundredths.
 */
export function ratioCell(targetHundredths: number | null, numerator: number, denominator: number): TaskCell {
  const done = percentHalfUp(numerator, denominator);
  const target = targetHundredths === null ? null : targetHundredths / 100;
  if (targetHundredths === null || done === null) return { target, done, pct: null, gap: null };
  const doneHundredths = Math.round(done * 100);
  return {
    target,
    done,
    pct: percentHalfUp(doneHundredths, targetHundredths),
    gap: Math.max(0, targetHundredths - doneHundredths) / 100,
  };
}

export type MonthlyReportState = 'ON_TIME' | 'LATE' | 'MISSING' | 'DUE';

/** The deadline of a month's report: the 25th of the next month (docs/rules.md §7, §11). 2026-11 → 2026-12-25. */
export function monthlyReportDeadline(month: string): IsoDate {
  return `${addMonths(`${month}-01`, 1).slice(0, 7)}-${MONTHLY_DEADLINE_DAY}`;
}

/**
 * docs/rules.md §11: the state of a facility's report for `month`, by the day of its first
 * submission in the facility's time zone — by the 25th ON_TIME, later LATE; none: MISSING once the
 * deadline has passed, DUE before.
 */
export function monthlyReportState(month: string, firstSubmittedOn: IsoDate | null, today: IsoDate): MonthlyReportState {
  const deadline = monthlyReportDeadline(month);
  if (firstSubmittedOn !== null) return firstSubmittedOn <= deadline ? 'ON_TIME' : 'LATE';
  return today > deadline ? 'MISSING' : 'DUE';
}
