import type { CareLevel } from './care-level';
import type { IsoDate } from './dates';
import type { ClaimLine, Fen } from './subsidy';

/** What a frozen claim paid one resident at one level, its earlier adjustments included. */
export interface ClaimedAmount {
  residentId: string;
  careLevel: CareLevel;
  amountFen: Fen;
  /** Days of its regular line (0 if only adjustments paid it). */
  days: number;
  /** Its regular line, the one an adjustment refers to (null if only adjustments paid it). */
  lineId: string | null;
  /** The highest rate among its lines (null if none). */
  rateFen: Fen | null;
}

/** A frozen claim as it was paid: its number, month and amounts per resident and level. */
export interface ClaimedClaim {
  number: string;
  month: string;
  amounts: readonly ClaimedAmount[];
}

/** One 补差 (positive delta) or 追回 (negative delta) line against a frozen claim. */
export interface ClaimAdjustment {
  residentId: string;
  careLevel: CareLevel;
  days: number;
  rateFen: Fen;
  deltaFen: Fen;
  /** The frozen claim's regular line it adjusts, or null when the claim had none for it. */
  lineId: string | null;
  reason: string;
  explanation: {
    originalClaim: string;
    originalMonth: string;
    claimedFen: Fen;
    recomputedFen: Fen;
    segments: { from: IsoDate; to: IsoDate }[];
  };
}

/**
 * docs/rules.md §5 "frozen means frozen": a claim that left DRAFT is never changed; where today's
 * facts give a resident a different amount at a level than was claimed, the difference is a line of
 * a later claim: 补差 if more is due, 追回 if less. Equal amounts give no line. Pure.
 */
export function claimAdjustments(claimed: ClaimedClaim, recomputed: readonly ClaimLine[]): ClaimAdjustment[] {
  const key = (residentId: string, level: CareLevel) => `${residentId}|${level}`;
  const before = new Map(claimed.amounts.map((c) => [key(c.residentId, c.careLevel), c]));
  const after = new Map(recomputed.map((l) => [key(l.residentId, l.careLevel), l]));
  const result: ClaimAdjustment[] = [];
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(k);
    const is = after.get(k);
    const claimedFen = was?.amountFen ?? 0;
    const recomputedFen = is?.amountFen ?? 0;
    const delta = recomputedFen - claimedFen;
    if (delta === 0) continue;
    const { residentId, careLevel } = (was ?? is) as { residentId: string; careLevel: CareLevel };
    result.push({
      residentId,
      careLevel,
      days: is?.days ?? 0,
      rateFen: is?.rateFen ?? was?.rateFen ?? 0,
      deltaFen: delta,
      lineId: was?.lineId ?? null,
      reason: `${delta > 0 ? '补差' : '追回'}: the facts of ${claimed.month} changed after claim ${claimed.number} (now ${is?.days ?? 0} days at ${careLevel}, claimed ${was?.days ?? 0})`,
      explanation: { originalClaim: claimed.number, originalMonth: claimed.month, claimedFen, recomputedFen, segments: is?.segments ?? [] },
    });
  }
  return result;
}
