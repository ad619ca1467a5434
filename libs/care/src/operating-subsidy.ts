import { dayNumber, IsoDate } from './dates';
import { Fen, monthlyShareFen, monthSpan } from './subsidy';

/** What the operating subsidy needs of a policy version: the yearly amount and how it is claimed. */
export interface OperatingSubsidyPolicy {
  annualFen: Fen | null;
  claimPeriod: 'MONTHLY' | 'YEARLY';
}

/** The facility's own line of a DAY_CENTER_OPERATION claim (no resident, no care level). */
export interface OperatingSubsidyLine {
  days: number;
  rateFen: Fen;
  amountFen: Fen;
  explanation: { segments: { from: IsoDate; to: IsoDate }[]; formula: string };
}

/**
 * docs/rules.md §5, the day-center operating subsidy: a yearly amount per center (¥20,000, the
 * policy's annualFen). Claimed monthly, month m carries `monthlyShareFen` so the twelve add up to the
 * year exactly; claimed yearly, the December claim carries the whole year and no other month has a
 * line (null).
 */
export function operatingSubsidyLine(month: string, policy: OperatingSubsidyPolicy): OperatingSubsidyLine | null {
  const annual = policy.annualFen ?? 0;
  const m = Number(month.slice(5));
  const year = month.slice(0, 4);
  const yearly = policy.claimPeriod === 'YEARLY';
  if (yearly && m !== 12) return null;
  const span = yearly ? { from: `${year}-01-01`, to: `${Number(year) + 1}-01-01` } : monthSpan(month);
  const amount = yearly ? annual : monthlyShareFen(annual, m);
  const formula = yearly
    ? `${annual} (全年运营补贴)`
    : `round(${annual} × ${m} ÷ 12) − round(${annual} × ${m - 1} ÷ 12) = ${amount} (按月分摊，全年合计 ${annual})`;
  return {
    days: dayNumber(span.to) - dayNumber(span.from),
    rateFen: annual,
    amountFen: amount,
    explanation: { segments: [{ from: span.from, to: span.to }], formula },
  };
}
