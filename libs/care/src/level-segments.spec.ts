import fc from 'fast-check';
import { CARE_LEVELS, CareLevel } from './care-level';
import { addDays, dayNumber, isoDate } from './dates';
import { LevelAssessment, levelSegments } from './level-segments';

const a = (effectiveOn: string, careLevel: CareLevel, recordedSeq = 0): LevelAssessment => ({ effectiveOn, careLevel, recordedSeq });
const MARCH = { from: '2025-03-01', to: '2025-04-01' };

describe('levelSegments (docs/rules.md §4: the latest assessment effective on or before the day)', () => {
  it('docs/rules.md §5 example: admitted 2025-03-15 at 半失能 → 17 days of March', () => {
    expect(levelSegments([a('2025-03-15', 'SEMI_DISABLED')], [{ from: '2025-03-15', to: null }], MARCH)).toEqual([
      { from: '2025-03-15', to: '2025-04-01', careLevel: 'SEMI_DISABLED', days: 17 },
    ]);
  });

  it('10 days 自理 then 20 days 全失能 in a 30-day month (docs/rules.md §5)', () => {
    const june = { from: '2025-06-01', to: '2025-07-01' };
    expect(
      levelSegments([a('2025-01-10', 'SELF_CARE'), a('2025-06-11', 'FULLY_DISABLED')], [{ from: '2024-12-01', to: null }], june),
    ).toEqual([
      { from: '2025-06-01', to: '2025-06-11', careLevel: 'SELF_CARE', days: 10 },
      { from: '2025-06-11', to: '2025-07-01', careLevel: 'FULLY_DISABLED', days: 20 },
    ]);
  });

  it('a back-dated assessment recorded later changes the level from its effective date', () => {
    const recordedInApril = a('2025-03-10', 'FULLY_DISABLED', 2);
    expect(levelSegments([a('2025-01-01', 'SELF_CARE', 1), recordedInApril], [{ from: '2025-01-01', to: null }], MARCH)).toEqual([
      { from: '2025-03-01', to: '2025-03-10', careLevel: 'SELF_CARE', days: 9 },
      { from: '2025-03-10', to: '2025-04-01', careLevel: 'FULLY_DISABLED', days: 22 },
    ]);
  });

  it('two assessments on one day: the later recorded wins', () => {
    const day = [a('2025-03-05', 'SELF_CARE', 1), a('2025-03-05', 'SEMI_DISABLED', 2)];
    expect(levelSegments(day, [{ from: '2025-03-05', to: '2025-03-08' }], MARCH)).toEqual([
      { from: '2025-03-05', to: '2025-03-08', careLevel: 'SEMI_DISABLED', days: 3 },
    ]);
    expect(levelSegments([...day].reverse(), [{ from: '2025-03-05', to: '2025-03-08' }], MARCH)[0].careLevel).toBe('SEMI_DISABLED');
  });

  it('an assessment before admission applies from the admission day', () => {
    expect(levelSegments([a('2024-11-20', 'SEMI_DISABLED')], [{ from: '2025-03-20', to: null }], MARCH)).toEqual([
      { from: '2025-03-20', to: '2025-04-01', careLevel: 'SEMI_DISABLED', days: 12 },
    ]);
  });

  it('days before any assessment are in care at no level (null), not dropped', () => {
    expect(levelSegments([a('2025-03-03', 'SELF_CARE')], [{ from: '2025-03-01', to: '2025-03-05' }], MARCH)).toEqual([
      { from: '2025-03-01', to: '2025-03-03', careLevel: null, days: 2 },
      { from: '2025-03-03', to: '2025-03-05', careLevel: 'SELF_CARE', days: 2 },
    ]);
  });

  it('discharge day does not count; a transfer (touching stays) is one run; a gap is two', () => {
    const stays = [
      { from: '2025-03-01', to: '2025-03-10' },
      { from: '2025-03-10', to: '2025-03-12' }, // transfer on the 10th
      { from: '2025-03-20', to: '2025-03-25' }, // readmitted after a discharge
    ];
    expect(levelSegments([a('2025-01-01', 'SELF_CARE')], stays, MARCH)).toEqual([
      { from: '2025-03-01', to: '2025-03-12', careLevel: 'SELF_CARE', days: 11 },
      { from: '2025-03-20', to: '2025-03-25', careLevel: 'SELF_CARE', days: 5 },
    ]);
  });

  it('nothing in care in the window → no segments', () => {
    expect(levelSegments([a('2025-01-01', 'SELF_CARE')], [{ from: '2025-01-01', to: '2025-02-01' }], MARCH)).toEqual([]);
  });

  describe('properties', () => {
    const base = dayNumber('2025-01-01');
    const day = fc.integer({ min: 0, max: 120 }).map((d) => isoDate(base + d));
    const assessment = fc.record({ effectiveOn: day, careLevel: fc.constantFrom(...CARE_LEVELS) });
    // Recording order is a sequence: unique, in any relation to the effective dates.
    const assessments = fc.array(assessment, { maxLength: 6 }).chain((as) =>
      fc
        .shuffledSubarray(
          as.map((_, i) => i),
          { minLength: as.length, maxLength: as.length },
        )
        .map((order) => as.map((x, i) => ({ ...x, recordedSeq: order[i] }))),
    );
    const stay = fc
      .tuple(day, fc.integer({ min: 1, max: 60 }), fc.boolean())
      .map(([from, len, open]) => ({ from, to: open ? null : addDays(from, len) }));
    const window = fc.tuple(day, fc.integer({ min: 1, max: 90 })).map(([from, len]) => ({ from, to: addDays(from, len) }));

    it('segments are disjoint, ordered, non-empty, and cover exactly the days in care inside the window', () => {
      fc.assert(
        fc.property(assessments, fc.array(stay, { maxLength: 4 }), window, (as, stays, w) => {
          const segs = levelSegments(as, stays, w);
          const covered = new Set<number>();
          let previousEnd = -Infinity;
          for (const s of segs) {
            const [f, t] = [dayNumber(s.from), dayNumber(s.to)];
            expect(f).toBeLessThan(t);
            expect(f).toBeGreaterThanOrEqual(previousEnd);
            expect(s.days).toBe(t - f);
            previousEnd = t;
            for (let d = f; d < t; d++) covered.add(d);
          }
          const expected = new Set<number>();
          for (let d = dayNumber(w.from); d < dayNumber(w.to); d++) {
            if (stays.some((s) => dayNumber(s.from) <= d && (s.to === null || d < dayNumber(s.to)))) expected.add(d);
          }
          expect([...covered].sort((x, y) => x - y)).toEqual([...expected].sort((x, y) => x - y));
        }),
      );
    });

    it('each day carries the level of the latest assessment effective on or before it', () => {
      fc.assert(
        fc.property(assessments, window, (as, w) => {
          for (const s of levelSegments(as, [{ from: '2024-12-01', to: null }], w)) {
            for (let d = dayNumber(s.from); d < dayNumber(s.to); d++) {
              const inForce = as
                .filter((x) => dayNumber(x.effectiveOn) <= d)
                .sort((x, y) => dayNumber(x.effectiveOn) - dayNumber(y.effectiveOn) || x.recordedSeq - y.recordedSeq)
                .pop();
              expect(s.careLevel).toBe(inForce?.careLevel ?? null);
            }
          }
        }),
      );
    });
  });
});
