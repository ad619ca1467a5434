import fc from 'fast-check';
import { divisionTotal, FacilityCounts, meetsPct, printPct, summaryFigures } from './metrics';
import { percentHalfUp } from './percent';

const counts = (over: Partial<FacilityCounts>): FacilityCounts => ({
  bedsInService: 0,
  nursingBeds: 0,
  occupiedBedDays: 0,
  inServiceBedDays: 0,
  staffingDays: 0,
  compliantDays: 0,
  ...over,
});

describe('government metrics (docs/rules.md §7)', () => {
  it('docs/rules.md example: 597 ÷ 2252 prints 26.51 %; no beds prints "—", never NaN', () => {
    expect(printPct(percentHalfUp(597, 2252))).toBe('26.51 %');
    expect(summaryFigures(counts({}))).toMatchObject({ nursingBedRatioPct: null, nursingBedTargetMet: null, occupancyPct: null });
    expect(printPct(null)).toBe('—');
  });

  it('the 55 % target is met exactly, not after rounding: 11 of 20 yes, 54.996 % no', () => {
    expect(meetsPct(11, 20, 55)).toBe(true);
    expect(meetsPct(10_999, 20_000, 55)).toBe(false);
    expect(percentHalfUp(10_999, 20_000)).toBe(55); // prints as 55.00 % but is below target
  });

  it('a division total is the ratio of sums, not the mean of ratios', () => {
    const total = divisionTotal([counts({ bedsInService: 10, nursingBeds: 10 }), counts({ bedsInService: 90, nursingBeds: 0 })]);
    expect(total.nursingBedRatioPct).toBe(10); // the mean of ratios would say 50
    expect(total).toMatchObject({ bedsInService: 100, nursingBeds: 10, nursingBedTargetMet: false });
  });

  it.each([
    // [nursing, beds] per facility → the total, worked by hand: Σ nursing ÷ Σ beds, half-up to 0.01 %.
    [
      [
        [3, 7],
        [5, 11],
      ],
      44.44,
    ], // 8 ÷ 18 = 44.444…
    [[[2, 3]], 66.67], // 66.666…
    [
      [
        [1, 8],
        [0, 0],
      ],
      12.5,
    ], // a facility without beds adds nothing to either sum
    [
      [
        [1, 6],
        [0, 2],
      ],
      12.5,
    ], // 1 ÷ 8
    [
      [
        [11, 20],
        [0, 0],
      ],
      55,
    ],
    [
      [
        [1, 3],
        [1, 3],
        [1, 3],
      ],
      33.33,
    ], // 3 ÷ 9
    [[[1, 200]], 0.5],
    [[[1, 16]], 6.25],
    [[[1, 1600]], 0.06], // 0.0625 rounds half-up to 0.06
    [[[0, 0]], null],
  ])('division total of %j is %p %', (rows, pct) => {
    const total = divisionTotal((rows as number[][]).map(([nursingBeds, bedsInService]) => counts({ nursingBeds, bedsInService })));
    expect(total.nursingBedRatioPct).toBe(pct);
  });

  it('property: the total lies between the smallest and largest facility ratio and equals Σ ÷ Σ', () => {
    const row = fc
      .integer({ min: 0, max: 500 })
      .chain((beds) => fc.integer({ min: 0, max: beds }).map((nursing) => counts({ bedsInService: beds, nursingBeds: nursing })));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        const total = divisionTotal(rows);
        const beds = rows.reduce((s, r) => s + r.bedsInService, 0);
        const nursing = rows.reduce((s, r) => s + r.nursingBeds, 0);
        // A ratio in hundredths of a percent, rounded half-up by BigInt long division — not percentHalfUp.
        const hundredths = (n: number, d: number) => Number((BigInt(n) * 20_000n + BigInt(d)) / (2n * BigInt(d)));
        expect(total.nursingBedRatioPct).toBe(beds === 0 ? null : hundredths(nursing, beds) / 100);
        // Σ ÷ Σ lies between the smallest and the largest ratio, and rounding half-up keeps the order:
        // compared exactly in hundredths (in floating point, 97 ÷ 160 = 60.625 % could look above its own rounding).
        const ratios = rows.filter((r) => r.bedsInService > 0).map((r) => hundredths(r.nursingBeds, r.bedsInService));
        if (ratios.length > 0 && total.nursingBedRatioPct !== null) {
          const totalHundredths = hundredths(nursing, beds);
          expect(totalHundredths).toBeGreaterThanOrEqual(Math.min(...ratios));
          expect(totalHundredths).toBeLessThanOrEqual(Math.max(...ratios));
        }
      }),
      // 97 ÷ 160 = 60.625 %: once found failing the floating-point form of the check.
      { numRuns: 1000, examples: [[[counts({ bedsInService: 160, nursingBeds: 97 })]]] },
    );
  });
});
