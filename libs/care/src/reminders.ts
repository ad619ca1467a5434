import { addDays, type IsoDate } from './dates';
import { addMonths } from './reassessment';

/** How far ahead the manager's home warns of certificates running out. */
export const REMINDER_WINDOW_DAYS = 30;
/** How many days after the date the home looks for short-staffed days (the date and the next 14). */
export const STAFFING_LOOKAHEAD_DAYS = 14;
/** docs/rules.md §7, §11: the bureau's deadline for the previous month (its claim, its monthly report) is the 25th. */
export const MONTHLY_DEADLINE_DAY = 25;

/** The month before the month of `date` (`2026-01-10` → `2025-12`). */
export function previousMonth(date: IsoDate): string {
  return addMonths(`${date.slice(0, 7)}-01`, -1).slice(0, 7);
}

/** The 25th of the month of `date`: the deadline for the previous month's claim and report. */
export function monthlyDeadline(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-${MONTHLY_DEADLINE_DAY}`;
}

/**
 * docs/rules.md §6: where a certificate stands on `date` — valid on [issuedOn, expiresOn), so on its
 * expiry day it is EXPIRED; EXPIRING when it runs out within the window; else null (nothing to say).
 */
export function certificateStanding(expiresOn: IsoDate, date: IsoDate): 'EXPIRED' | 'EXPIRING' | null {
  if (expiresOn <= date) return 'EXPIRED';
  return expiresOn <= addDays(date, REMINDER_WINDOW_DAYS) ? 'EXPIRING' : null;
}
