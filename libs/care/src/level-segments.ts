import { CareLevel } from './care-level';
import { DateInterval, dayNumber, IsoDate, isoDate } from './dates';

export interface LevelAssessment {
  effectiveOn: IsoDate;
  careLevel: CareLevel;
  /** Order of recording: of two assessments effective the same day, the later recorded wins. */
  recordedSeq: number;
}

/** A run of consecutive days in care at one level; `careLevel` null while not yet assessed. */
export interface LevelSegment {
  from: IsoDate;
  to: IsoDate;
  careLevel: CareLevel | null;
  days: number;
}

/**
 * docs/rules.md §4: the level on a day is the latest assessment effective on or before it (a new one
 * takes effect on its effective date; history is never overwritten). Returns the level segments
 * of one resident within the window [from, to): disjoint, ordered, covering exactly the days the
 * resident was in care (`stays`, [from, to) each) inside the window.
 */
export function levelSegments(
  assessments: readonly LevelAssessment[],
  stays: readonly DateInterval[],
  window: { from: IsoDate; to: IsoDate },
): LevelSegment[] {
  const start = dayNumber(window.from);
  const end = dayNumber(window.to);
  // In-care day ranges inside the window, merged (a transfer's two stays touch on one day).
  const ranges = stays
    .map((s) => [Math.max(dayNumber(s.from), start), s.to === null ? end : Math.min(dayNumber(s.to), end)] as const)
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of ranges) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }

  // Level changes as (day, level), one per day: the last recorded of that day wins.
  const byDay = new Map<number, LevelAssessment>();
  for (const a of assessments) {
    const day = dayNumber(a.effectiveOn);
    const current = byDay.get(day);
    if (!current || a.recordedSeq > current.recordedSeq) byDay.set(day, a);
  }
  const changes = [...byDay.entries()].sort((x, y) => x[0] - y[0]);

  const segments: LevelSegment[] = [];
  for (const [a, b] of merged) {
    // The level in force on day a: the last change on or before it.
    let i = 0;
    let level: CareLevel | null = null;
    while (i < changes.length && changes[i][0] <= a) level = changes[i++][1].careLevel;
    let from = a;
    while (from < b) {
      const next = i < changes.length && changes[i][0] < b ? changes[i][0] : b;
      if (next > from) push(segments, from, next, level);
      if (next < b) level = changes[i++][1].careLevel;
      from = next;
    }
  }
  return segments;
}

function push(segments: LevelSegment[], from: number, to: number, careLevel: CareLevel | null) {
  const last = segments[segments.length - 1];
  if (last && last.careLevel === careLevel && dayNumber(last.to) === from) {
    last.to = isoDate(to);
    last.days += to - from;
    return;
  }
  segments.push({ from: isoDate(from), to: isoDate(to), careLevel, days: to - from });
}
