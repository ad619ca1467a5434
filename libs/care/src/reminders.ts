import { addDays, type IsoDate } from './dates';

/** docs/rules.md §4a: a routine reassessment 常规评估 is due this many months after the last (a setting; the default). */
export const ROUTINE_REASSESSMENT_MONTHS = 12;
/** How far ahead the manager's home warns: certificates running out, reassessments coming due. */
export const REMINDER_WINDOW_DAYS = 30;
/** How many days after the date the home looks for short-staffed days (the date and the next 14). */
export const STAFFING_LOOKAHEAD_DAYS = 14;
/** docs/rules.md §7, §11: the bureau's deadline for the previous month (its claim, its monthly report) is the 25th. */
export const MONTHLY_DEADLINE_DAY = 25;

/** The same day `months` later, clamped to the month's last day (2025-02-28 for 2024-02-29 + 12). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The month before the month of `date` (`2026-01-10` → `2025-12`). */
export function previousMonth(date: IsoDate): string {
  return addMonths(`${date.slice(0, 7)}-01`, -1).slice(0, 7);
}

/** The 25th of the month of `date`: the deadline for the previous month's claim and report. */
export function monthlyDeadline(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-${MONTHLY_DEADLINE_DAY}`;
}

/**
 * docs/rules.md §4a: when a resident whose latest assessment took effect on `latestOn` is due a
 * routine reassessment, and whether the home shows it on `date` (due already, or within the window).
 */
export function reassessmentDue(latestOn: IsoDate, date: IsoDate, months = ROUTINE_REASSESSMENT_MONTHS): { dueOn: IsoDate; show: boolean } {
  const dueOn = addMonths(latestOn, months);
  return { dueOn, show: dueOn <= addDays(date, REMINDER_WINDOW_DAYS) };
}

/**
 * docs/rules.md §6: where a certificate stands on `date` — valid on [issuedOn, expiresOn), so on its
 * expiry day it is EXPIRED; EXPIRING when it runs out within the window; else null (nothing to say).
 */
export function certificateStanding(expiresOn: IsoDate, date: IsoDate): 'EXPIRED' | 'EXPIRING' | null {
  if (expiresOn <= date) return 'EXPIRED';
  return expiresOn <= addDays(date, REMINDER_WINDOW_DAYS) ? 'EXPIRING' : null;
}
