import fc from 'fast-check';
import { CARE_LEVELS } from './care-level';
import { addDays } from './dates';
import { applyOldestFirst, arrearsBucket, billDueOn, billLines, BillingFacts, billTotal, FeeVersion, settlement } from './billing';
import { monthSpan } from './subsidy';

const fee = (p: Partial<FeeVersion> & Pick<FeeVersion, 'id' | 'code' | 'category' | 'amountFen'>): FeeVersion => ({
  name: p.code,
  kind: 'MONTHLY',
  careLevel: null,
  bedKind: null,
  chargedOnLeave: p.category !== 'MEALS',
  effectiveFrom: '2020-01-01',
  ...p,
});

/** docs/rules.md §9's example: bed 1500.00, care (半失能) 800.00, meals 600.00 a month. */
const FEES: FeeVersion[] = [
  fee({ id: 'bed', code: 'BED', name: '床位费', category: 'BED', amountFen: 150000 }),
  fee({ id: 'care-semi', code: 'CARE', name: '护理费（半失能）', category: 'CARE', amountFen: 80000, careLevel: 'SEMI_DISABLED' }),
  fee({ id: 'care-full', code: 'CARE', name: '护理费（全失能）', category: 'CARE', amountFen: 120000, careLevel: 'FULLY_DISABLED' }),
  fee({ id: 'meals', code: 'MEALS', name: '伙食费', category: 'MEALS', amountFen: 60000 }),
];
const admitted = (from: string, level = 'SEMI_DISABLED' as const, to: string | null = null): BillingFacts => ({
  stays: [{ from, to, bedKind: 'NURSING' }],
  assessments: [{ effectiveOn: from, careLevel: level, recordedSeq: 1 }],
  leaves: [],
});
const amounts = (lines: { code: string; amountFen: number }[]) => lines.map((l) => [l.code, l.amountFen]);

describe('the monthly bill (docs/rules.md §9)', () => {
  it('example: admitted 15 March (17 of 31 days) → 82258 + 43871 + 32903 = ¥1,590.32', () => {
    const lines = billLines('2025-03', admitted('2025-03-15'), FEES);
    expect(amounts(lines)).toEqual([
      ['BED', 82258],
      ['CARE', 43871],
      ['MEALS', 32903],
    ]);
    expect(billTotal(lines)).toBe(159032);
    expect(lines[0]).toMatchObject({ days: 17, leaveDays: 0, rateFen: 150000, formula: '1500.00 × 17 ÷ 31 = 822.58' });
  });

  it('example: with a leave 20–25 March (5 days) meals are 60000×12÷31 = 23226 → ¥1,493.55', () => {
    const facts = { ...admitted('2025-03-15'), leaves: [{ from: '2025-03-20', to: '2025-03-25' }] };
    const lines = billLines('2025-03', facts, FEES);
    expect(amounts(lines)).toEqual([
      ['BED', 82258],
      ['CARE', 43871],
      ['MEALS', 23226],
    ]);
    expect(lines[2]).toMatchObject({ days: 12, leaveDays: 5, formula: '600.00 × 12 ÷ 31 = 232.26' });
    expect(billTotal(lines)).toBe(149355);
  });

  it('a leave of 2 days (below the minimum of 3) still charges meals; a minimum of 2 does not', () => {
    const facts = { ...admitted('2025-03-15'), leaves: [{ from: '2025-03-20', to: '2025-03-22' }] };
    expect(billLines('2025-03', facts, FEES)[2]).toMatchObject({ days: 17, leaveDays: 0, amountFen: 32903 });
    expect(billLines('2025-03', facts, FEES, [], 2)[2]).toMatchObject({ days: 15, leaveDays: 2, amountFen: 29032 }); // 60000×15÷31 = 29032.26
  });

  it('two touching leaves are one run of days away', () => {
    const facts = {
      ...admitted('2025-03-01'),
      leaves: [
        { from: '2025-03-10', to: '2025-03-12' },
        { from: '2025-03-12', to: '2025-03-13' },
      ],
    };
    expect(billLines('2025-03', facts, FEES)[2]).toMatchObject({ days: 28, leaveDays: 3 });
  });

  it('a full month is exactly the sum of the fees', () => {
    expect(billTotal(billLines('2025-03', admitted('2024-12-01'), FEES))).toBe(150000 + 80000 + 60000);
  });

  it('leap February 2028 has 29 days: admitted on the 15th → 15 days, 150000×15÷29 = 77586', () => {
    const lines = billLines('2028-02', admitted('2028-02-15'), FEES);
    expect(lines[0]).toMatchObject({ days: 15, amountFen: 77586, formula: '1500.00 × 15 ÷ 29 = 775.86' }); // 77586.2
    expect(billTotal(billLines('2028-02', admitted('2028-01-01'), FEES))).toBe(290000);
  });

  it('a level change mid-month splits the care fee into two lines', () => {
    const facts: BillingFacts = {
      stays: [{ from: '2025-01-01', to: null, bedKind: 'NURSING' }],
      assessments: [
        { effectiveOn: '2025-01-01', careLevel: 'SEMI_DISABLED', recordedSeq: 1 },
        { effectiveOn: '2025-06-11', careLevel: 'FULLY_DISABLED', recordedSeq: 2 },
      ],
      leaves: [],
    };
    const care = billLines('2025-06', facts, FEES).filter((l) => l.code === 'CARE');
    // 80000×10÷30 = 26666.67 → 26667; 120000×20÷30 = 80000.
    expect(care.map((l) => [l.item, l.days, l.amountFen])).toEqual([
      ['护理费（半失能）', 10, 26667],
      ['护理费（全失能）', 20, 80000],
    ]);
  });

  it('a fee whose amount changes mid-month splits by days like a level change', () => {
    const fees = [
      ...FEES,
      fee({ id: 'bed-2', code: 'BED', name: '床位费', category: 'BED', amountFen: 180000, effectiveFrom: '2025-04-21' }),
    ];
    const bed = billLines('2025-04', admitted('2025-01-01'), fees).filter((l) => l.code === 'BED');
    // 150000×20÷30 = 100000; 180000×10÷30 = 60000.
    expect(bed.map((l) => [l.rateFen, l.days, l.amountFen])).toEqual([
      [150000, 20, 100000],
      [180000, 10, 60000],
    ]);
  });

  it('the bed fee by bed kind follows a move to another kind of bed; the discharge day is not charged', () => {
    const fees = [
      fee({ id: 'b-n', code: 'BED', category: 'BED', amountFen: 150000, bedKind: 'NURSING' }),
      fee({ id: 'b-g', code: 'BED', category: 'BED', amountFen: 90000, bedKind: 'GENERAL' }),
    ];
    const facts: BillingFacts = {
      stays: [
        { from: '2025-01-01', to: '2025-04-11', bedKind: 'GENERAL' },
        { from: '2025-04-11', to: '2025-04-21', bedKind: 'NURSING' },
      ],
      assessments: [],
      leaves: [],
    };
    // 90000×10÷30 = 30000; 150000×10÷30 = 50000; nothing from the 21st (discharged).
    expect(billLines('2025-04', facts, fees).map((l) => [l.rateFen, l.days, l.amountFen])).toEqual([
      [90000, 10, 30000],
      [150000, 10, 50000],
    ]);
  });

  it('a per-use item as recorded: 助浴 30.00 × 3', () => {
    const lines = billLines('2025-03', admitted('2025-03-15'), FEES, [
      { code: 'BATH', name: '助浴', category: 'OTHER', on: '2025-03-18', quantity: 3, unitFen: 3000 },
      { code: 'BATH', name: '助浴', category: 'OTHER', on: '2025-04-01', quantity: 1, unitFen: 3000 },
    ]);
    expect(lines[3]).toMatchObject({ code: 'BATH', quantity: 3, amountFen: 9000, formula: '30.00 × 3 = 90.00' });
    expect(lines).toHaveLength(4);
  });

  it('no stay in the month: no line', () => {
    expect(billLines('2025-03', admitted('2025-04-01'), FEES)).toEqual([]);
  });

  describe('properties', () => {
    const day = fc.integer({ min: 0, max: 120 }).map((n) => addDays('2025-01-01', n));
    const facts = fc
      .record({
        from: day,
        len: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
        levels: fc.array(fc.record({ at: day, level: fc.constantFrom(...CARE_LEVELS) }), { maxLength: 3 }),
        leaves: fc.array(fc.record({ at: day, len: fc.integer({ min: 1, max: 10 }) }), { maxLength: 3 }),
      })
      .map(
        (r): BillingFacts => ({
          stays: [{ from: r.from, to: r.len === null ? null : addDays(r.from, r.len), bedKind: 'NURSING' }],
          assessments: [
            { effectiveOn: r.from, careLevel: 'SEMI_DISABLED', recordedSeq: 0 },
            ...r.levels.map((l, i) => ({ effectiveOn: l.at, careLevel: l.level, recordedSeq: i + 1 })),
          ],
          leaves: r.leaves.map((l) => ({ from: l.at, to: addDays(l.at, l.len) })),
        }),
      );
    const month = fc.constantFrom('2025-01', '2025-02', '2025-03', '2025-04');

    it('the lines sum to the total, days never exceed the month, each item covers each day at most once', () => {
      fc.assert(
        fc.property(month, facts, (m, f) => {
          const lines = billLines(m, f, FEES);
          const { days } = monthSpan(m);
          expect(billTotal(lines)).toBe(lines.reduce((s, l) => s + l.amountFen, 0));
          for (const code of ['BED', 'CARE', 'MEALS']) {
            const mine = lines.filter((l) => l.code === code);
            expect(mine.reduce((s, l) => s + l.days + l.leaveDays, 0)).toBeLessThanOrEqual(days);
          }
          for (const l of lines) expect(Number.isInteger(l.amountFen) && l.amountFen >= 0).toBe(true);
        }),
      );
    });

    it('a full month at one level on one bed is exactly the fee, whatever the month', () => {
      fc.assert(
        fc.property(month, fc.constantFrom(...CARE_LEVELS), (m, level) => {
          const facts: BillingFacts = {
            stays: [{ from: '2024-12-01', to: null, bedKind: 'NURSING' }],
            assessments: [{ effectiveOn: '2024-12-01', careLevel: level, recordedSeq: 1 }],
            leaves: [],
          };
          const care = level === 'FULLY_DISABLED' ? 120000 : level === 'SEMI_DISABLED' ? 80000 : 0;
          expect(billTotal(billLines(m, facts, FEES))).toBe(150000 + care + 60000);
        }),
      );
    });
  });
});

describe('money of a bill (docs/rules.md §9)', () => {
  it('due the 10th of the next month; December rolls into January', () => {
    expect(billDueOn('2025-03')).toBe('2025-04-10');
    expect(billDueOn('2025-12', 5)).toBe('2026-01-05');
  });

  it('aging buckets 0–30, 31–60, 61–90, over 90', () => {
    expect([0, 30, 31, 60, 61, 90, 91].map(arrearsBucket)).toEqual(['D0_30', 'D0_30', 'D31_60', 'D31_60', 'D61_90', 'D61_90', 'OVER_90']);
  });

  it('a payment goes to the oldest open bill first; the rest is prepayment', () => {
    const bills = [
      { id: 'jan', openFen: 1000 },
      { id: 'feb', openFen: 0 },
      { id: 'mar', openFen: 5000 },
    ];
    const r = applyOldestFirst(3000, bills);
    expect(r.applied.map((a) => [a.bill.id, a.amountFen])).toEqual([
      ['jan', 1000],
      ['mar', 2000],
    ]);
    expect(r.restFen).toBe(0);
    expect(applyOldestFirst(7000, bills).restFen).toBe(1000);
  });

  it('settlement: deposit + prepayment − owed is refunded, or the rest stays owed', () => {
    expect(settlement({ owedFen: 30000, depositFen: 200000, prepaymentFen: 5000 })).toEqual({
      refundFen: 175000,
      stillOwedFen: 0,
      fromPrepaymentFen: 5000,
      fromDepositFen: 25000,
    });
    expect(settlement({ owedFen: 300000, depositFen: 200000, prepaymentFen: 0 })).toMatchObject({ refundFen: 0, stillOwedFen: 100000 });
  });
});
