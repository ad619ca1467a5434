import fc from 'fast-check';
import { CARE_LEVELS, CareLevel } from './care-level';
import { ClaimedAmount, claimAdjustments } from './claim-adjustments';
import { ClaimLine } from './subsidy';

const claimed = (amounts: ClaimedAmount[]) => ({ number: '2025-0003', month: '2025-03', amounts });
const paid = (
  residentId: string,
  careLevel: CareLevel,
  amountFen: number,
  days: number,
  lineId: string | null = `line-${residentId}`,
): ClaimedAmount => ({ residentId, careLevel, amountFen, days, lineId, rateFen: 30000 });
const due = (residentId: string, careLevel: CareLevel, amountFen: number, days: number, rateFen = 30000): ClaimLine => ({
  residentId,
  careLevel,
  amountFen,
  days,
  rateFen,
  segments: [{ from: '2025-03-01', to: `2025-03-${String(days + 1).padStart(2, '0')}` }],
});

describe('claimAdjustments (docs/rules.md §5: frozen means frozen, 补差 / 追回)', () => {
  const RUNS = { numRuns: Number(process.env['CAREOPS_FC_RUNS'] ?? 1000) };

  it('more days found after the claim: 补差 of the difference, against the claimed line', () => {
    // Claimed 20 of 31 days at ¥300 (19355); the facts now say 25 days: 30000 × 25 ÷ 31 = 24194.
    expect(claimAdjustments(claimed([paid('wang', 'FULLY_DISABLED', 19355, 20)]), [due('wang', 'FULLY_DISABLED', 24194, 25)])).toEqual([
      {
        residentId: 'wang',
        careLevel: 'FULLY_DISABLED',
        days: 25,
        rateFen: 30000,
        deltaFen: 4839,
        lineId: 'line-wang',
        reason: '补差: the facts of 2025-03 changed after claim 2025-0003 (now 25 days at FULLY_DISABLED, claimed 20)',
        explanation: {
          originalClaim: '2025-0003',
          originalMonth: '2025-03',
          claimedFen: 19355,
          recomputedFen: 24194,
          segments: [{ from: '2025-03-01', to: '2025-03-26' }],
        },
      },
    ]);
  });

  it('a resident claimed who is no longer due anything: 追回 of the whole amount, 0 days', () => {
    expect(claimAdjustments(claimed([paid('li', 'SEMI_DISABLED', 15000, 31)]), [])).toEqual([
      {
        residentId: 'li',
        careLevel: 'SEMI_DISABLED',
        days: 0,
        rateFen: 30000,
        deltaFen: -15000,
        lineId: 'line-li',
        reason: '追回: the facts of 2025-03 changed after claim 2025-0003 (now 0 days at SEMI_DISABLED, claimed 31)',
        explanation: { originalClaim: '2025-0003', originalMonth: '2025-03', claimedFen: 15000, recomputedFen: 0, segments: [] },
      },
    ]);
  });

  it('a level the claim did not have (a reassessment backdated): 补差 without a line to refer to', () => {
    const [line] = claimAdjustments(claimed([]), [due('zhao', 'SELF_CARE', 10000, 31, 10000)]);
    expect(line).toMatchObject({ residentId: 'zhao', careLevel: 'SELF_CARE', days: 31, rateFen: 10000, deltaFen: 10000, lineId: null });
    expect(line.reason).toBe('补差: the facts of 2025-03 changed after claim 2025-0003 (now 31 days at SELF_CARE, claimed 0)');
  });

  it('unchanged amounts give no line, even when the days differ', () => {
    expect(claimAdjustments(claimed([paid('wang', 'FULLY_DISABLED', 30000, 31)]), [due('wang', 'FULLY_DISABLED', 30000, 31)])).toEqual([]);
    expect(claimAdjustments(claimed([paid('wang', 'FULLY_DISABLED', 0, 0, null)]), [due('wang', 'FULLY_DISABLED', 0, 1)])).toEqual([]);
  });

  it('properties: the claimed amounts plus the adjustments are the recomputed ones, to the fen; no line has a zero delta', () => {
    const residents = ['a', 'b', 'c', 'd'];
    const cell = fc.record({
      resident: fc.constantFrom(...residents),
      level: fc.constantFrom(...CARE_LEVELS),
      fen: fc.integer({ min: 0, max: 1_000_000 }),
      days: fc.integer({ min: 0, max: 31 }),
    });
    const unique = () => fc.uniqueArray(cell, { selector: (c) => `${c.resident}|${c.level}`, maxLength: 12 });
    fc.assert(
      fc.property(unique(), unique(), (before, after) => {
        const amounts = before.map((c) => paid(c.resident, c.level, c.fen, c.days));
        const lines = after.map((c) => due(c.resident, c.level, c.fen, c.days));
        const adjustments = claimAdjustments(claimed(amounts), lines);
        const total = new Map<string, number>();
        const add = (k: string, fen: number) => total.set(k, (total.get(k) ?? 0) + fen);
        for (const a of amounts) add(`${a.residentId}|${a.careLevel}`, a.amountFen);
        for (const a of adjustments) add(`${a.residentId}|${a.careLevel}`, a.deltaFen);
        const expected = new Map<string, number>();
        for (const l of lines) expected.set(`${l.residentId}|${l.careLevel}`, l.amountFen);
        for (const k of new Set([...total.keys(), ...expected.keys()])) expect(total.get(k) ?? 0).toBe(expected.get(k) ?? 0);
        for (const a of adjustments) {
          expect(a.deltaFen).not.toBe(0);
          expect(a.reason.startsWith(a.deltaFen > 0 ? '补差' : '追回')).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
