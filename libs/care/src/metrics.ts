import { percentHalfUp } from './percent';

/** docs/rules.md §7: 护理型床位占比 target, nursing-type beds ≥ 55 % of beds in service. */
export const NURSING_BED_TARGET_PCT = 55;
/** docs/rules.md §6–§7: 持证上岗率 target. */
export const CERTIFICATION_TARGET_PCT = 100;

/** Whether numerator ÷ denominator ≥ target %, exactly (no rounding); null without a denominator. */
export function meetsPct(numerator: number, denominator: number, targetPct: number): boolean | null {
  return denominator === 0 ? null : numerator * 100 >= targetPct * denominator;
}

/**
 * The counts a facility's row of the division summary is made of (docs/rules.md §7, §8 辖区汇总表).
 * Ratios are computed from these, never averaged: a total is a ratio of sums.
 */
export interface FacilityCounts {
  bedsInService: number;
  nursingBeds: number;
  /** Occupied bed-days and in-service bed-days of the period (入住率 over a month). */
  occupiedBedDays: number;
  inServiceBedDays: number;
  /** Days of the period, and those on which counted caregivers ≥ required (docs/rules.md §6). */
  staffingDays: number;
  compliantDays: number;
}

export interface SummaryFigures extends FacilityCounts {
  nursingBedRatioPct: number | null;
  nursingBedTargetMet: boolean | null;
  occupancyPct: number | null;
  staffingCompliancePct: number | null;
}

export function summaryFigures(c: FacilityCounts): SummaryFigures {
  return {
    ...c,
    nursingBedRatioPct: percentHalfUp(c.nursingBeds, c.bedsInService),
    nursingBedTargetMet: meetsPct(c.nursingBeds, c.bedsInService, NURSING_BED_TARGET_PCT),
    occupancyPct: percentHalfUp(c.occupiedBedDays, c.inServiceBedDays),
    staffingCompliancePct: percentHalfUp(c.compliantDays, c.staffingDays),
  };
}

/** docs/rules.md §7: a jurisdiction's figures are ratios of sums over its facilities, never a mean of ratios. */
export function divisionTotal(rows: readonly FacilityCounts[]): SummaryFigures {
  const sum = (k: keyof FacilityCounts) => rows.reduce((s, r) => s + r[k], 0);
  return summaryFigures({
    bedsInService: sum('bedsInService'),
    nursingBeds: sum('nursingBeds'),
    occupiedBedDays: sum('occupiedBedDays'),
    inServiceBedDays: sum('inServiceBedDays'),
    staffingDays: sum('staffingDays'),
    compliantDays: sum('compliantDays'),
  });
}

/** A percentage as printed on the documents: "26.51 %", or "—" where there is no denominator. */
export function printPct(pct: number | null): string {
  return pct === null ? '—' : `${pct.toFixed(2)} %`;
}
