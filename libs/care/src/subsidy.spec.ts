import fc from 'fast-check';
import { CARE_LEVELS } from './care-level';
import { addDays } from './dates';
import {
  birthdayAt,
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
