import { addDays, calendarDate, IsoDate } from './dates';
import { monthSpan } from './subsidy';

/**
 * Where a month stands for its claim on a facility's calendar day (docs/rules.md §5 "When a claim may
 * be made"): not begun (nothing to claim), running (an estimate 预估, not to be submitted), ended.
 */
export type ClaimMonthPhase = 'NOT_STARTED' | 'RUNNING' | 'ENDED';

export interface ClaimTiming {
  phase: ClaimMonthPhase;
  /** The facility's today. */
  today: IsoDate;
  /** The month's first day. */
  startsOn: IsoDate;
  /** The first day after the month: from then on the claim may be submitted. */
  endsOn: IsoDate;
  /** The month's last day. */
  lastDay: IsoDate;
}

/** The facility's calendar day at an instant, in its time zone (2026-11-30T16:30Z is 2026-12-01 in Asia/Shanghai). */
export function facilityToday(now: Date, timeZone: string): IsoDate {
  return calendarDate(now, timeZone);
}

/** Where `month` stands on the facility's day `today`. */
export function claimTiming(month: string, today: IsoDate): ClaimTiming {
  const { from, to } = monthSpan(month);
  const phase: ClaimMonthPhase = today < from ? 'NOT_STARTED' : today < to ? 'RUNNING' : 'ENDED';
  return { phase, today, startsOn: from, endsOn: to, lastDay: addDays(to, -1) };
}
