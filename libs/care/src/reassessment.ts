import { addDays, IsoDate } from './dates';

/** Why a resident's ability assessment is due (docs/rules.md §4a). */
export type ReassessmentReason = 'MISSING' | 'ROUTINE' | 'AFTER_HOSPITAL' | 'AFTER_INCIDENT';

export interface ReassessmentSettings {
  /** 常规评估: months between assessments (default 12). */
  intervalMonths: number;
  /** 即时评估 after a hospital leave of at least this many days (default 7). */
  hospitalDays: number;
  /** How far ahead a routine assessment is listed as due (30 days). */
  leadDays: number;
}
export const DEFAULT_REASSESSMENT_SETTINGS: ReassessmentSettings = { intervalMonths: 12, hospitalDays: 7, leadDays: 30 };

/** An event after which an 即时评估 is due: a hospital stay, an incident (from another feature). */
export interface ReassessmentTrigger {
  reason: Exclude<ReassessmentReason, 'MISSING' | 'ROUTINE'>;
  /** The day the event happened or ended: it counts when after the latest assessment. */
  on: IsoDate;
  dueOn: IsoDate;
}

export interface ResidentAssessmentState {
  /** The current admission's first day: a first assessment is due then. */
  admittedOn: IsoDate;
  /** The latest assessment in force: when it was assessed (null if not scored) and took effect; null if none. */
  last: { assessedOn: IsoDate | null; effectiveOn: IsoDate } | null;
  /** Hospital leaves [from, to) of this admission. */
  hospitalLeaves: readonly { from: IsoDate; to: IsoDate }[];
}

export interface ReassessmentDue {
  reason: ReassessmentReason;
  dueOn: IsoDate;
}

/** `date` plus whole months, the day clamped to the month's end (2025-01-31 + 1 → 2025-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const daysBetween = (from: IsoDate, to: IsoDate) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/**
 * docs/rules.md §4a: whether a resident in care on `date` is due an assessment, and why — none yet
 * (MISSING, due on admission); an event after the latest one (a hospital leave of ≥ `hospitalDays`
 * ended by `date`, due the day it ended; `extra` triggers such as incidents), the earliest first;
 * else the routine interval from the latest effective date, listed from `leadDays` ahead. Null if not due.
 */
export function reassessmentDue(
  state: ResidentAssessmentState,
  date: IsoDate,
  settings: ReassessmentSettings = DEFAULT_REASSESSMENT_SETTINGS,
  extra: readonly ReassessmentTrigger[] = [],
): ReassessmentDue | null {
  if (!state.last) return { reason: 'MISSING', dueOn: state.admittedOn };
  const since = state.last.assessedOn ?? state.last.effectiveOn;
  const hospital: ReassessmentTrigger[] = state.hospitalLeaves
    .filter((l) => l.to <= date && daysBetween(l.from, l.to) >= settings.hospitalDays)
    .map((l) => ({ reason: 'AFTER_HOSPITAL', on: l.to, dueOn: l.to }));
  const events = [...hospital, ...extra].filter((t) => t.on > since && t.on <= date).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  if (events.length) return { reason: events[0].reason, dueOn: events[0].dueOn };
  const routine = addMonths(state.last.effectiveOn, settings.intervalMonths);
  return routine <= addDays(date, settings.leadDays) ? { reason: 'ROUTINE', dueOn: routine } : null;
}
