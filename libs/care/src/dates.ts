import { DEFAULT_TIME_ZONE } from './time-zone';
/**
 * Calendar dates of the domain are `YYYY-MM-DD` strings (docs/api.md), handled as whole day numbers so
 * that no time zone or clock can move a day. Intervals are half-open [from, to) (docs/rules.md §3).
 */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Dates already checked and converted: a staffing month asks for the same few thousands of times. */
const DAY_NUMBERS = new Map<IsoDate, number>();

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(date: IsoDate): number {
  const known = DAY_NUMBERS.get(date);
  if (known !== undefined) return known;
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`no such day: ${date}`);
  if (DAY_NUMBERS.size >= 50_000) DAY_NUMBERS.clear();
  DAY_NUMBERS.set(date, ms / MS_PER_DAY);
  return ms / MS_PER_DAY;
}

export function isoDate(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The calendar the domain accepts from outside: a birth in 1900 to a plan in 2199. Beyond it lie only
 * typing mistakes (`0001-01`, `9999-12`), and JavaScript's dates read the years 0–99 as 1900–1999.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;
const inCalendar = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
};

export function isIsoDate(value: string): boolean {
  try {
    dayNumber(value);
    return inCalendar(value);
  } catch {
    return false;
  }
}

/** A month `YYYY-MM` (docs/api.md), in the calendar above. */
export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) && inCalendar(value);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return isoDate(dayNumber(date) + days);
}

/** [from, to): `to` null is open-ended (a stay with no discharge yet). */
export interface DateInterval {
  from: IsoDate;
  to: IsoDate | null;
}

/** The days of [from, to) as day numbers; an open end is cut at `limit`. */
export function daySpan(i: DateInterval, limit: number): [number, number] {
  return [dayNumber(i.from), i.to === null ? limit : Math.min(dayNumber(i.to), limit)];
}

/** The calendar date of an instant in a time zone (docs/api.md: the facility's, default Asia/Shanghai). */
export function calendarDate(instant: Date, timeZone = DEFAULT_TIME_ZONE): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
