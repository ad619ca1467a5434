import fc from 'fast-check';
import { CARE_LEVELS, CareLevel } from './care-level';
import { addDays, dayNumber } from './dates';
import { levelSegments } from './level-segments';
import {
  birthdayAt,
  ClaimLine,
  EligibilityStart,
  fromNextMonth,
  Granularity,
  SubsidyPolicy,
  yuan,
  ClaimResident,
  computeClaim,
  countedDays,
  DEFAULT_DAY_COUNTING,
  DEFAULT_INSTITUTIONAL_CARE_POLICY as POLICY,
  monthlyShareFen,
  monthSpan,
  proratedFen,
} from './subsidy';

const resident = (over: Partial<ClaimResident>): ClaimResident => ({
  residentId: 'r1',
  dateOfBirth: '1945-05-05',
  categories: [],
  stays: [{ from: '2024-01-01', to: null }],
  assessments: [{ effectiveOn: '2024-01-01', careLevel: 'SEMI_DISABLED', recordedSeq: 1 }],
  ...over,
});

describe('the monthly claim (docs/rules.md §5)', () => {
  it.each([
    [8226, '82.26'],
    [-50, '-0.50'],
    [0, '0.00'],
    [2_000_000, '20000.00'],
    [-3333, '-33.33'],
  ])('%i fen prints as ¥%s', (fen, text) => {
    expect(yuan(fen)).toBe(text);
  });

  it('docs/rules.md example: admitted 2025-03-15 at 半失能 → 17 days of 31 → 15000 × 17 ÷ 31 = 8225.8… → ¥82.26', () => {
    const claim = computeClaim(
      '2025-03',
      [
        resident({
          stays: [{ from: '2025-03-15', to: null }],
          assessments: [{ effectiveOn: '2025-03-15', careLevel: 'SEMI_DISABLED', recordedSeq: 1 }],
        }),
      ],
      POLICY,
    );
    expect(claim.lines).toEqual([
      {
        residentId: 'r1',
        careLevel: 'SEMI_DISABLED',
        days: 17,
        rateFen: 15000,
        amountFen: 8226,
        segments: [{ from: '2025-03-15', to: '2025-04-01' }],
      },
    ]);
    expect(claim.totalFen).toBe(8226);
  });

  it('docs/rules.md example: 10 days 自理 then 20 days 全失能 in a 30-day month → ¥33.33 and ¥200.00', () => {
    const claim = computeClaim(
      '2025-06',
      [
        resident({
          assessments: [
            { effectiveOn: '2025-01-01', careLevel: 'SELF_CARE', recordedSeq: 1 },
            { effectiveOn: '2025-06-11', careLevel: 'FULLY_DISABLED', recordedSeq: 2 },
          ],
        }),
      ],
      POLICY,
    );
    expect(claim.lines.map((l) => [l.careLevel, l.days, l.amountFen])).toEqual([
      ['SELF_CARE', 10, 3333],
      ['FULLY_DISABLED', 20, 20000],
    ]);
    expect(claim.totalsByLevel).toEqual({ SELF_CARE: 3333, SEMI_DISABLED: 0, FULLY_DISABLED: 20000 });
  });

  it('the discharge day does not count; leave days count (they are inside the stay)', () => {
    const claim = computeClaim('2025-04', [resident({ stays: [{ from: '2025-01-01', to: '2025-04-11' }] })], POLICY);
    expect(claim.lines[0]).toMatchObject({ days: 10, amountFen: 5000 }); // 15000 × 10 ÷ 30
  });

  it('eligible from the 60th birthday; excluded categories get no line; unassessed days claim nothing', () => {
    const turns60 = resident({ dateOfBirth: '1965-04-21' });
    expect(computeClaim('2025-04', [turns60], POLICY).lines[0]).toMatchObject({
      days: 10,
      segments: [{ from: '2025-04-21', to: '2025-05-01' }],
    });
    expect(computeClaim('2025-04', [resident({ categories: ['TEKUN'] })], { ...POLICY, excludedCategories: ['TEKUN'] }).lines).toEqual([]);
    expect(computeClaim('2025-04', [resident({ assessments: [] })], POLICY).lines).toEqual([]);
    expect(birthdayAt('1964-02-29', 61)).toBe('2025-03-01');
  });

  describe('properties', () => {
    const month = fc
      .tuple(fc.integer({ min: 2024, max: 2027 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);

    it('a full month at one level is exactly the rate', () => {
      fc.assert(
        fc.property(month, fc.constantFrom(...CARE_LEVELS), (m, level) => {
          const claim = computeClaim(
            m,
            [resident({ assessments: [{ effectiveOn: '2020-01-01', careLevel: level, recordedSeq: 1 }] })],
            POLICY,
          );
          expect(claim.totalFen).toBe(POLICY.rates[level]);
        }),
      );
    });

    it('amounts are integers, never above the rate, and never fall as days grow', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 100_000 }),
          fc.integer({ min: 28, max: 31 }),
          fc.integer({ min: 0, max: 30 }),
          (rate, dim, d) => {
            const days = Math.min(d, dim);
            const a = proratedFen(rate, days, dim);
            expect(Number.isInteger(a)).toBe(true);
            expect(a).toBeLessThanOrEqual(rate);
            if (days < dim) expect(proratedFen(rate, days + 1, dim)).toBeGreaterThanOrEqual(a);
            // half-up: within half a fen of the exact value
            expect(Math.abs(2 * a * dim - 2 * rate * days)).toBeLessThanOrEqual(dim);
          },
        ),
      );
    });

    it('a resident’s lines never count more days than the month has', () => {
      fc.assert(
        fc.property(month, fc.integer({ min: -40, max: 40 }), fc.integer({ min: 1, max: 80 }), (m, offset, len) => {
          const { from, days } = monthSpan(m);
          const stayFrom = addDays(from, offset);
          const claim = computeClaim(m, [resident({ stays: [{ from: stayFrom, to: addDays(stayFrom, len) }] })], POLICY);
          expect(claim.lines.reduce((s, l) => s + l.days, 0)).toBeLessThanOrEqual(days);
        }),
      );
    });
  });
});

describe('the monthly claim (docs/rules.md §5)', () => {
  const LEVELS = ['SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED'] as const;
  // 1,000 runs in npm test; `npm run bench:claims` runs them 100,000 times (CAREOPS_FC_RUNS).
  const RUNS = { numRuns: Number(process.env['CAREOPS_FC_RUNS'] ?? 1000) };

  it.each(LEVELS)('a full month at %s is exactly its rate, February of a leap year included', (level) => {
    for (const m of ['2024-02', '2025-02', '2025-01', '2025-04']) {
      const claim = computeClaim(m, [resident({ assessments: [{ effectiveOn: '2020-01-01', careLevel: level, recordedSeq: 1 }] })], POLICY);
      expect(claim.totalFen).toBe(POLICY.rates[level]);
    }
    expect(monthSpan('2024-02').days).toBe(29);
  });

  it('admission and discharge on the same day → 0 days, no line', () => {
    expect(computeClaim('2025-03', [resident({ stays: [{ from: '2025-03-10', to: '2025-03-10' }] })], POLICY).lines).toEqual([]);
  });

  const month = fc
    .tuple(fc.integer({ min: 2023, max: 2028 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
  const people = fc.array(
    fc.record({
      offset: fc.integer({ min: -40, max: 40 }),
      len: fc.integer({ min: 1, max: 90 }),
      open: fc.boolean(),
      changes: fc.array(fc.record({ day: fc.integer({ min: -60, max: 40 }), level: fc.constantFrom(...LEVELS) }), {
        minLength: 1,
        maxLength: 4,
      }),
      born: fc.integer({ min: 1930, max: 1970 }),
    }),
    { maxLength: 6 },
  );
  type Person = { offset: number; len: number; open: boolean; changes: { day: number; level: (typeof LEVELS)[number] }[]; born: number };
  const residentsOf = (m: string, ps: Person[]) => {
    const { from } = monthSpan(m);
    return ps.map((p, i): ClaimResident => {
      const start = addDays(from, p.offset);
      return {
        residentId: `r${i}`,
        dateOfBirth: `${p.born}-06-15`,
        categories: [],
        stays: [{ from: start, to: p.open ? null : addDays(start, p.len) }],
        assessments: p.changes.map((c, j) => ({ effectiveOn: addDays(from, c.day), careLevel: c.level, recordedSeq: j })),
      };
    });
  };

  it('regenerating gives identical lines; each line ≤ its rate; total = Σ lines; a resident never gets more than the top rate', () => {
    fc.assert(
      fc.property(month, people, (m, ps) => {
        const residents = residentsOf(m, ps);
        const a = computeClaim(m, residents, POLICY);
        expect(computeClaim(m, residents, POLICY)).toEqual(a);
        expect(a.totalFen).toBe(a.lines.reduce((s, l) => s + l.amountFen, 0));
        for (const l of a.lines) expect(l.amountFen).toBeLessThanOrEqual(l.rateFen);
        const byResident = new Map<string, number>();
        for (const l of a.lines) byResident.set(l.residentId, (byResident.get(l.residentId) ?? 0) + l.amountFen);
        // Splitting a month into level segments never yields more than the top rate (one fen of rounding per line aside).
        for (const [id, sum] of byResident) {
          const lines = a.lines.filter((l) => l.residentId === id).length;
          expect(sum).toBeLessThanOrEqual(30_000 + (lines - 1));
        }
      }),
      RUNS,
    );
  });
});

describe('policy options: day counting and the other programmes (docs/rules.md §5)', () => {
  const RUNS = { numRuns: Number(process.env['CAREOPS_FC_RUNS'] ?? 1000) };
  const april = (over: Partial<ClaimResident>, dayCounting = DEFAULT_DAY_COUNTING) =>
    computeClaim('2025-04', [resident(over)], { ...POLICY, dayCounting }).lines.map((l) => [l.days, l.amountFen]);
  // Admitted 2025-04-10, on leave 04-20 … 04-25 (5 days), discharged 2025-04-28.
  const stay = { stays: [{ from: '2025-04-10', to: '2025-04-28' }], leaves: [{ from: '2025-04-20', to: '2025-04-25' }] };

  it('default: admission day counts, discharge day does not, leave days count → 18 days', () => {
    // 04-10 … 04-27 = 18 days; ¥150 × 18 ÷ 30 = ¥90.00
    expect(april(stay)).toEqual([[18, 9000]]);
  });

  it.each([
    // 04-11 … 04-27; 04-10 … 04-28; 04-10 … 04-27 less 04-20 … 04-24; 04-11 … 04-28 less the same 5 leave days.
    [{ admissionDay: false, dischargeDay: false, leaveDays: true }, 17, 8500],
    [{ admissionDay: true, dischargeDay: true, leaveDays: true }, 19, 9500],
    [{ admissionDay: true, dischargeDay: false, leaveDays: false }, 13, 6500],
    [{ admissionDay: false, dischargeDay: true, leaveDays: false }, 13, 6500],
  ])('%o → %i days, %i fen (¥150 × days ÷ 30)', (rules, days, fen) => {
    expect(april(stay, rules)).toEqual([[days, fen]]);
  });

  it('a transfer (two stays touching) is one run: its admission day is the first day only', () => {
    const transferred = {
      stays: [
        { from: '2025-04-10', to: '2025-04-15' },
        { from: '2025-04-15', to: null },
      ],
    };
    expect(countedDays(transferred.stays, [], { admissionDay: false, dischargeDay: false, leaveDays: true })).toEqual([
      { from: '2025-04-11', to: null },
    ]);
    expect(april(transferred, { admissionDay: false, dischargeDay: false, leaveDays: true })).toEqual([[20, 10000]]);
  });

  it('the same-day admission and discharge counts 1 day only where the policy counts the discharge day', () => {
    const sameDay = { stays: [{ from: '2025-04-10', to: '2025-04-10' }] };
    expect(april(sameDay)).toEqual([]);
    expect(april(sameDay, { admissionDay: true, dischargeDay: true, leaveDays: true })).toEqual([[1, 500]]);
  });

  it('HOME_CARE_BED: ¥300 失能 / ¥200 半失能, nothing for 自理 — the same engine, other rates', () => {
    const homeCare = { rates: { SEMI_DISABLED: 20000, FULLY_DISABLED: 30000 }, minAge: 60, excludedCategories: [] };
    const claim = computeClaim(
      '2025-04',
      [
        resident({ residentId: 'semi' }),
        resident({ residentId: 'self', assessments: [{ effectiveOn: '2024-01-01', careLevel: 'SELF_CARE', recordedSeq: 1 }] }),
        resident({
          residentId: 'full',
          stays: [{ from: '2025-04-16', to: null }],
          assessments: [{ effectiveOn: '2024-01-01', careLevel: 'FULLY_DISABLED', recordedSeq: 1 }],
        }),
      ],
      homeCare,
    );
    expect(claim.lines.map((l) => [l.residentId, l.days, l.amountFen])).toEqual([
      ['semi', 30, 20000],
      ['full', 15, 15000],
    ]);
  });

  it('DAY_CENTER_OPERATION ¥20,000 a year claimed monthly: 166667 / 166666 / 166667 …, the twelve add up to exactly 2000000', () => {
    expect([1, 2, 3, 12].map((m) => monthlyShareFen(2_000_000, m))).toEqual([166667, 166666, 166667, 166667]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (annual) => {
        const shares = Array.from({ length: 12 }, (_, i) => monthlyShareFen(annual, i + 1));
        expect(shares.reduce((a, b) => a + b, 0)).toBe(annual);
        for (const s of shares) expect(Math.abs(12 * s - annual)).toBeLessThanOrEqual(12);
      }),
      RUNS,
    );
  });

  it('properties: leave days not counting never pays more; the default options change nothing', () => {
    const d = fc.integer({ min: -20, max: 40 });
    fc.assert(
      fc.property(
        d,
        fc.integer({ min: 0, max: 50 }),
        d,
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        fc.boolean(),
        (a, len, l, llen, adm, dis) => {
          const from = addDays('2025-04-01', a);
          const r = {
            stays: [{ from, to: addDays(from, len) }],
            leaves: [{ from: addDays('2025-04-01', l), to: addDays('2025-04-01', l + llen) }],
          };
          const counting = computeClaim('2025-04', [resident(r)], {
            ...POLICY,
            dayCounting: { admissionDay: adm, dischargeDay: dis, leaveDays: true },
          }).totalFen;
          const cutting = computeClaim('2025-04', [resident(r)], {
            ...POLICY,
            dayCounting: { admissionDay: adm, dischargeDay: dis, leaveDays: false },
          }).totalFen;
          expect(cutting).toBeLessThanOrEqual(counting);
          expect(computeClaim('2025-04', [resident(r)], { ...POLICY, dayCounting: DEFAULT_DAY_COUNTING })).toEqual(
            computeClaim('2025-04', [resident(r)], POLICY),
          );
        },
      ),
      RUNS,
    );
  });
});

describe('whole months and next-month eligibility (docs/rules.md §5, 平阴)', () => {
  const RUNS = { numRuns: Number(process.env['CAREOPS_FC_RUNS'] ?? 1000) };
  const MONTHLY: SubsidyPolicy = { ...POLICY, granularity: 'MONTH' };
  const NEXT: SubsidyPolicy = { ...POLICY, eligibilityStart: 'NEXT_MONTH' };
  const MONTHLY_NEXT: SubsidyPolicy = { ...POLICY, granularity: 'MONTH', eligibilityStart: 'NEXT_MONTH' };
  const lines = (month: string, r: Partial<ClaimResident>, policy: SubsidyPolicy) =>
    computeClaim(month, [resident(r)], policy).lines.map((l) => [l.careLevel, l.days, l.amountFen]);
  const semi = (effectiveOn: string, recordedSeq = 1) => ({ effectiveOn, careLevel: 'SEMI_DISABLED' as const, recordedSeq });
  const full = (effectiveOn: string, recordedSeq = 2) => ({ effectiveOn, careLevel: 'FULLY_DISABLED' as const, recordedSeq });
  const self = (effectiveOn: string, recordedSeq = 1) => ({ effectiveOn, careLevel: 'SELF_CARE' as const, recordedSeq });

  it('by whole months, admitted 2025-03-15 at 半失能 is the whole rate ¥150.00 (31 days of 31), not 17 days’ ¥82.26', () => {
    const r = { stays: [{ from: '2025-03-15', to: null }], assessments: [semi('2025-03-15')] };
    expect(computeClaim('2025-03', [resident(r)], MONTHLY).lines).toEqual([
      {
        residentId: 'r1',
        careLevel: 'SEMI_DISABLED',
        days: 31,
        rateFen: 15000,
        amountFen: 15000,
        segments: [{ from: '2025-03-15', to: '2025-04-01' }],
      },
    ]);
    expect(lines('2025-03', r, POLICY)).toEqual([['SEMI_DISABLED', 17, 8226]]);
  });

  it('leap February: in care on 2024-02-29 only → by whole months ¥300.00 (29 days); by days 30000 × 1 ÷ 29 = 1034.48… → ¥10.34', () => {
    const r = { stays: [{ from: '2024-02-29', to: '2024-03-01' }], assessments: [full('2024-02-29')] };
    expect(lines('2024-02', r, MONTHLY)).toEqual([['FULLY_DISABLED', 29, 30000]]);
    expect(lines('2024-02', r, POLICY)).toEqual([['FULLY_DISABLED', 1, 1034]]);
    expect(lines('2024-03', r, MONTHLY)).toEqual([]);
  });

  it('自年满60周岁当月起: born 1966-12-25 → all of 2026-12 by whole months, nothing in 2026-11; by days only 12-25 … 12-31', () => {
    const r = { dateOfBirth: '1966-12-25', stays: [{ from: '2026-01-01', to: null }], assessments: [semi('2026-01-01')] };
    expect(computeClaim('2026-12', [resident(r)], MONTHLY).lines[0]).toMatchObject({
      days: 31,
      amountFen: 15000,
      segments: [{ from: '2026-12-01', to: '2027-01-01' }],
    });
    expect(lines('2026-11', r, MONTHLY)).toEqual([]);
    // 15000 × 7 ÷ 31 = 3387.09… → 3387
    expect(lines('2026-12', r, POLICY)).toEqual([['SEMI_DISABLED', 7, 3387]]);
    // Discharged 2026-12-20, before the birthday: the month still counts whole; by days, nothing.
    const left = { ...r, stays: [{ from: '2026-01-01', to: '2026-12-20' }] };
    expect(lines('2026-12', left, MONTHLY)).toEqual([['SEMI_DISABLED', 31, 15000]]);
    expect(lines('2026-12', left, POLICY)).toEqual([]);
  });

  it('discharged on 2025-04-01: March is whole, April has no counted day (unless the policy counts the discharge day)', () => {
    const r = { stays: [{ from: '2025-01-10', to: '2025-04-01' }] };
    expect(lines('2025-03', r, MONTHLY)).toEqual([['SEMI_DISABLED', 31, 15000]]);
    expect(lines('2025-04', r, MONTHLY)).toEqual([]);
    expect(lines('2025-04', r, { ...MONTHLY, dayCounting: { admissionDay: true, dischargeDay: true, leaveDays: true } })).toEqual([
      ['SEMI_DISABLED', 30, 15000],
    ]);
  });

  it('a level change mid-month: one line, the level paid on the last counted day (rising → ¥300.00, falling → ¥100.00)', () => {
    const rising = { assessments: [self('2024-01-01'), full('2026-03-10')] };
    const claim = computeClaim('2026-03', [resident(rising)], MONTHLY);
    expect(claim.lines).toEqual([
      {
        residentId: 'r1',
        careLevel: 'FULLY_DISABLED',
        days: 31,
        rateFen: 30000,
        amountFen: 30000,
        segments: [
          { from: '2026-03-01', to: '2026-03-10' },
          { from: '2026-03-10', to: '2026-04-01' },
        ],
      },
    ]);
    expect(claim.totalsByLevel).toEqual({ SELF_CARE: 0, SEMI_DISABLED: 0, FULLY_DISABLED: 30000 });
    expect(lines('2026-03', { assessments: [full('2024-01-01', 1), self('2026-03-10', 2)] }, MONTHLY)).toEqual([['SELF_CARE', 31, 10000]]);
    // Discharged 2026-03-10, the day the new level starts: the last counted day is 03-09, still 自理.
    expect(lines('2026-03', { ...rising, stays: [{ from: '2024-01-01', to: '2026-03-10' }] }, MONTHLY)).toEqual([['SELF_CARE', 31, 10000]]);
    // A level the programme does not pay is skipped: 半失能 then 自理 from 03-10 under home-care bed rates → 半失能 ¥200.00.
    const homeCare = { ...MONTHLY, rates: { SEMI_DISABLED: 20000, FULLY_DISABLED: 30000 } };
    expect(lines('2026-03', { assessments: [semi('2024-01-01'), self('2026-03-10', 2)] }, homeCare)).toEqual([
      ['SEMI_DISABLED', 31, 20000],
    ]);
  });

  it('评估下月起发放 by whole months: 半失能 since 2025, assessed 全失能 on 2026-03-10 → March ¥150.00, April ¥300.00', () => {
    const r = { assessments: [semi('2025-01-01'), full('2026-03-10')] };
    expect(lines('2026-03', r, MONTHLY_NEXT)).toEqual([['SEMI_DISABLED', 31, 15000]]);
    expect(lines('2026-04', r, MONTHLY_NEXT)).toEqual([['FULLY_DISABLED', 30, 30000]]);
    // Without a previous level, March pays nothing.
    const newcomer = { stays: [{ from: '2026-03-10', to: null }], assessments: [full('2026-03-10')] };
    expect(lines('2026-03', newcomer, MONTHLY_NEXT)).toEqual([]);
    expect(lines('2026-04', newcomer, MONTHLY_NEXT)).toEqual([['FULLY_DISABLED', 30, 30000]]);
    // An assessment on a month's first day still pays from the next month.
    expect(lines('2026-03', { assessments: [semi('2025-01-01'), full('2026-03-01')] }, MONTHLY_NEXT)).toEqual([
      ['SEMI_DISABLED', 31, 15000],
    ]);
  });

  it('评估下月起发放 by days: the new level’s days count from the next month’s first day', () => {
    const r = { assessments: [semi('2024-01-01'), full('2025-04-10')] };
    // Same month: 04-01 … 04-09 半失能 15000 × 9 ÷ 30 = 4500, 04-10 … 04-30 全失能 30000 × 21 ÷ 30 = 21000.
    expect(lines('2025-04', r, POLICY)).toEqual([
      ['SEMI_DISABLED', 9, 4500],
      ['FULLY_DISABLED', 21, 21000],
    ]);
    expect(lines('2025-04', r, NEXT)).toEqual([['SEMI_DISABLED', 30, 15000]]);
    expect(lines('2025-05', r, NEXT)).toEqual([['FULLY_DISABLED', 31, 30000]]);
    // Admitted and first assessed 2025-04-10: April nothing, May from 05-01.
    const newcomer = { stays: [{ from: '2025-04-10', to: '2025-05-21' }], assessments: [semi('2025-04-10')] };
    expect(lines('2025-04', newcomer, NEXT)).toEqual([]);
    // 05-01 … 05-20 = 20 days: 15000 × 20 ÷ 31 = 9677.4… → 9677
    expect(lines('2025-05', newcomer, NEXT)).toEqual([['SEMI_DISABLED', 20, 9677]]);
  });

  it('two assessments in one month, the later recorded first (back-dated): the later effective pays next month', () => {
    const r = { assessments: [self('2024-01-01', 1), full('2026-03-20', 2), semi('2026-03-05', 3)] };
    expect(fromNextMonth(r.assessments).map((a) => [a.effectiveOn, a.careLevel])).toEqual([
      ['2024-02-01', 'SELF_CARE'],
      ['2026-04-01', 'SEMI_DISABLED'],
      ['2026-04-01', 'FULLY_DISABLED'],
    ]);
    expect(lines('2026-04', r, MONTHLY_NEXT)).toEqual([['FULLY_DISABLED', 30, 30000]]);
    expect(lines('2026-04', r, NEXT)).toEqual([['FULLY_DISABLED', 30, 30000]]);
  });

  it('a whole month on leave, where leave days do not count, is no line', () => {
    const r = { leaves: [{ from: '2025-03-20', to: '2025-05-02' }] };
    const noLeave = { ...MONTHLY, dayCounting: { admissionDay: true, dischargeDay: false, leaveDays: false } };
    expect(lines('2025-04', r, noLeave)).toEqual([]);
    expect(lines('2025-03', r, noLeave)).toEqual([['SEMI_DISABLED', 31, 15000]]);
    expect(lines('2025-04', r, MONTHLY)).toEqual([['SEMI_DISABLED', 30, 15000]]);
  });

  describe('properties', () => {
    const month = fc
      .tuple(fc.integer({ min: 2024, max: 2027 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    const base = '2024-01-01';
    const day = (max = 1460) => fc.integer({ min: -120, max }).map((n) => addDays(base, n));
    /** A resident with random stays, leaves, birthday and assessments around 2024–2027. */
    const someone = (rising: boolean) =>
      fc
        .record({
          dob: fc.integer({ min: 0, max: 365 * 18 }).map((n) => addDays('1955-01-01', n)),
          stays: fc.array(fc.tuple(day(), fc.option(fc.integer({ min: 0, max: 200 }))), { minLength: 1, maxLength: 2 }),
          leaves: fc.array(fc.tuple(day(), fc.integer({ min: 1, max: 60 })), { maxLength: 2 }),
          assessments: fc.array(fc.tuple(day(), fc.constantFrom(...CARE_LEVELS), fc.integer({ min: 0, max: 100 })), { maxLength: 4 }),
          categories: fc.subarray(['TEKUN', 'DIBAO']),
        })
        .map((x): ClaimResident => {
          const sorted = [...x.assessments].sort((a, b) => a[0].localeCompare(b[0]) || a[2] - b[2]);
          const levels = rising ? sorted.map((a) => a[1]).sort((a, b) => CARE_LEVELS.indexOf(a) - CARE_LEVELS.indexOf(b)) : null;
          return {
            residentId: 'r',
            dateOfBirth: x.dob,
            categories: x.categories,
            stays: x.stays.map(([from, len]) => ({ from, to: len === null ? null : addDays(from, len) })),
            leaves: x.leaves.map(([from, len]) => ({ from, to: addDays(from, len) })),
            assessments: sorted.map(([effectiveOn, level, seq], i) => ({
              effectiveOn,
              careLevel: levels ? levels[i] : level,
              recordedSeq: levels ? i : seq,
            })),
          };
        });
    const options = fc.record({
      rates: fc
        .tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }))
        .map(([a, b, c]) => ({ SELF_CARE: a * 100, SEMI_DISABLED: (a + b) * 100, FULLY_DISABLED: (a + b + c) * 100 })),
      minAge: fc.constantFrom(60, 65, 70),
      excludedCategories: fc.constantFrom([], ['TEKUN']),
      dayCounting: fc.record({ admissionDay: fc.boolean(), dischargeDay: fc.boolean(), leaveDays: fc.boolean() }),
    });

    it('by whole months a person gets one line of exactly one rate, for the month’s days, or nothing', () => {
      fc.assert(
        fc.property(month, someone(false), options, fc.constantFrom<EligibilityStart>('SAME_MONTH', 'NEXT_MONTH'), (m, r, o, start) => {
          const claim = computeClaim(m, [r], { ...o, granularity: 'MONTH', eligibilityStart: start });
          expect(claim.lines.length).toBeLessThanOrEqual(1);
          for (const l of claim.lines) {
            expect(l.amountFen).toBe(o.rates[l.careLevel]);
            expect(l.days).toBe(monthSpan(m).days);
          }
          // Paid by whole months exactly when some day would be paid by days from the first of the 60th-birthday month.
          const byDays = computeClaim(m, [{ ...r, dateOfBirth: `${birthdayAt(r.dateOfBirth, o.minAge).slice(0, 7)}-01` }], {
            ...o,
            minAge: 0,
            eligibilityStart: start,
          });
          expect(claim.lines.length).toBe(byDays.lines.length > 0 ? 1 : 0);
        }),
        RUNS,
      );
    });

    it('when levels only rise, NEXT_MONTH never pays more than SAME_MONTH, and whole months never less than days', () => {
      fc.assert(
        fc.property(month, someone(true), options, fc.constantFrom<Granularity>('DAY', 'MONTH'), (m, r, o, g) => {
          const same = computeClaim(m, [r], { ...o, granularity: g, eligibilityStart: 'SAME_MONTH' }).totalFen;
          const next = computeClaim(m, [r], { ...o, granularity: g, eligibilityStart: 'NEXT_MONTH' }).totalFen;
          expect(next).toBeLessThanOrEqual(same);
          if (g === 'MONTH') expect(same).toBeGreaterThanOrEqual(computeClaim(m, [r], o).totalFen);
        }),
        RUNS,
      );
    });

    it('DAY and SAME_MONTH, stated or by default, compute exactly what the calculator did before them', () => {
      fc.assert(
        fc.property(month, someone(false), options, (m, r, o) => {
          const before = computeClaimBefore(m, [r], o);
          expect(computeClaim(m, [r], o)).toEqual(before);
          expect(computeClaim(m, [r], { ...o, granularity: 'DAY', eligibilityStart: 'SAME_MONTH' })).toEqual(before);
        }),
        RUNS,
      );
    });
  });
});

/** The calculator as it was before whole months and next-month eligibility, kept as the reference. */
function computeClaimBefore(month: string, residents: readonly ClaimResident[], policy: SubsidyPolicy) {
  const span = monthSpan(month);
  const lines: ClaimLine[] = [];
  for (const r of residents) {
    if (r.categories.some((c) => policy.excludedCategories.includes(c))) continue;
    const eligibleFrom = birthdayAt(r.dateOfBirth, policy.minAge);
    const start = dayNumber(eligibleFrom) > dayNumber(span.from) ? eligibleFrom : span.from;
    if (dayNumber(start) >= dayNumber(span.to)) continue;
    const byLevel = new Map<CareLevel, ClaimLine>();
    const counted = countedDays(r.stays, r.leaves ?? [], policy.dayCounting ?? DEFAULT_DAY_COUNTING);
    for (const seg of levelSegments(r.assessments, counted, { from: start, to: span.to })) {
      if (seg.careLevel === null) continue;
      const rate = policy.rates[seg.careLevel];
      if (rate === undefined) continue;
      const line = byLevel.get(seg.careLevel) ?? {
        residentId: r.residentId,
        careLevel: seg.careLevel,
        days: 0,
        rateFen: rate,
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
  const totalsByLevel: Record<CareLevel, number> = { SELF_CARE: 0, SEMI_DISABLED: 0, FULLY_DISABLED: 0 };
  for (const l of lines) totalsByLevel[l.careLevel] += l.amountFen;
  return { month, daysInMonth: span.days, lines, totalsByLevel, totalFen: lines.reduce((s, l) => s + l.amountFen, 0) };
}
