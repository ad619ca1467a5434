import { addDays, dayNumber, type IsoDate } from './dates';
import { percentHalfUp } from './percent';

/** docs/rules.md §2: a day center has at least 3 management or service staff. */
export const DAY_CENTER_MIN_STAFF = 3;

/** A dated interval [from, to) — a membership, an employment; `to` null is open-ended. */
export interface Interval {
  from: IsoDate;
  to: IsoDate | null;
}

const covers = (i: Interval, day: IsoDate) => dayNumber(i.from) <= dayNumber(day) && (i.to === null || dayNumber(day) < dayNumber(i.to));

/** How many intervals cover each day of [from, to): members enrolled, staff employed (persons, not FTE). */
export function countByDay(intervals: Interval[], from: IsoDate, to: IsoDate): { date: IsoDate; count: number }[] {
  const out: { date: IsoDate; count: number }[] = [];
  for (let day = from; dayNumber(day) < dayNumber(to); day = addDays(day, 1)) {
    out.push({ date: day, count: intervals.filter((i) => covers(i, day)).length });
  }
  return out;
}

/**
 * The month of a day center: per day, members, those who attended and staff employed, with the
 * ≥ 3 staff rule checked each day; the attendance rate is attended member-days ÷ member-days.
 */
export function dayCenterMonth(
  from: IsoDate,
  to: IsoDate,
  members: Interval[],
  staff: Interval[],
  attendedByDay: Map<IsoDate, number>,
): {
  days: { date: IsoDate; members: number; attended: number; staff: number; staffOk: boolean }[];
  memberDays: number;
  attendedDays: number;
  attendancePct: number | null;
  staffOkDays: number;
  minStaff: number;
} {
  const staffByDay = countByDay(staff, from, to);
  const days = countByDay(members, from, to).map((m, i) => ({
    date: m.date,
    members: m.count,
    attended: attendedByDay.get(m.date) ?? 0,
    staff: staffByDay[i].count,
    staffOk: staffByDay[i].count >= DAY_CENTER_MIN_STAFF,
  }));
  const memberDays = days.reduce((n, d) => n + d.members, 0);
  const attendedDays = days.reduce((n, d) => n + d.attended, 0);
  return {
    days,
    memberDays,
    attendedDays,
    attendancePct: percentHalfUp(attendedDays, memberDays),
    staffOkDays: days.filter((d) => d.staffOk).length,
    minStaff: days.length ? Math.min(...days.map((d) => d.staff)) : 0,
  };
}
