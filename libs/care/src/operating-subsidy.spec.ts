import fc from 'fast-check';
import { operatingSubsidyLine } from './operating-subsidy';

describe('operatingSubsidyLine (docs/rules.md §5: the day-center operating subsidy)', () => {
  const RUNS = { numRuns: Number(process.env['CAREOPS_FC_RUNS'] ?? 1000) };
  const monthly = (annualFen: number | null) => ({ annualFen, claimPeriod: 'MONTHLY' as const });
  const yearly = (annualFen: number | null) => ({ annualFen, claimPeriod: 'YEARLY' as const });

  it('claimed monthly: January carries round(2000000 × 1 ÷ 12) = 166667 over its 31 days', () => {
    expect(operatingSubsidyLine('2026-01', monthly(2_000_000))).toEqual({
      days: 31,
      rateFen: 2_000_000,
      amountFen: 166_667,
      explanation: {
        segments: [{ from: '2026-01-01', to: '2026-02-01' }],
        formula: 'round(2000000 × 1 ÷ 12) − round(2000000 × 0 ÷ 12) = 166667 (按月分摊，全年合计 2000000)',
      },
    });
  });

  it('claimed monthly: February carries 333333 − 166667 = 166666 over 28 days', () => {
    const line = operatingSubsidyLine('2026-02', monthly(2_000_000));
    expect(line).toMatchObject({ days: 28, amountFen: 166_666, explanation: { segments: [{ from: '2026-02-01', to: '2026-03-01' }] } });
    expect(line?.explanation.formula).toBe('round(2000000 × 2 ÷ 12) − round(2000000 × 1 ÷ 12) = 166666 (按月分摊，全年合计 2000000)');
  });

  it('claimed yearly: the December claim carries the whole year, over the 365 or 366 days of the year', () => {
    expect(operatingSubsidyLine('2027-12', yearly(2_400_000))).toEqual({
      days: 365,
      rateFen: 2_400_000,
      amountFen: 2_400_000,
      explanation: { segments: [{ from: '2027-01-01', to: '2028-01-01' }], formula: '2400000 (全年运营补贴)' },
    });
    expect(operatingSubsidyLine('2028-12', yearly(2_400_000))?.days).toBe(366);
  });

  it('claimed yearly: no other month has a line', () => {
    expect(operatingSubsidyLine('2027-05', yearly(2_400_000))).toBeNull();
    expect(operatingSubsidyLine('2027-11', yearly(2_400_000))).toBeNull();
  });

  it('a policy without an annual amount pays nothing', () => {
    expect(operatingSubsidyLine('2026-03', monthly(null))).toMatchObject({ rateFen: 0, amountFen: 0 });
    expect(operatingSubsidyLine('2026-12', yearly(null))).toMatchObject({ rateFen: 0, amountFen: 0 });
  });

  it('properties: the twelve monthly shares add up to the annual amount exactly; yearly, only December has a line, of the whole amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 0, max: 100_000_000 }), (year, annual) => {
        const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
        const shares = months.map((m) => operatingSubsidyLine(m, monthly(annual)));
        expect(shares.reduce((sum, l) => sum + (l?.amountFen ?? Number.NaN), 0)).toBe(annual);
        for (const l of shares) expect(Number.isInteger(l?.amountFen)).toBe(true);
        const lines = months.map((m) => operatingSubsidyLine(m, yearly(annual)));
        expect(lines.slice(0, 11)).toEqual(Array(11).fill(null));
        expect(lines[11]?.amountFen).toBe(annual);
      }),
      RUNS,
    );
  });
});
