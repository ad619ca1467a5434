import type { Beneficiary, CareLevel, DayCounting, EligibilityStart, Granularity, Programme } from '@careops/care';

export type ClaimState = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'REJECTED' | 'PAID';
export type ClaimPeriod = 'MONTHLY' | 'YEARLY';
export type LineKind = 'REGULAR' | 'ADJUSTMENT';

/** A version of a subsidy policy, as the API shows it. */
export interface Policy {
  id: string;
  programme: Programme;
  divisionCode: string;
  effectiveFrom: string;
  rates: Partial<Record<CareLevel, number>>;
  annualFen: number | null;
  minAge: number;
  excludedCategories: string[];
  dayCounting: DayCounting;
  claimPeriod: ClaimPeriod;
  // The API always shows the three below; a version read without them (a claim's) means DAY, SAME_MONTH, FACILITY.
  /** docs/rules.md §5: DAY pro-rates the days, MONTH pays a month with a counted day whole. */
  granularity?: Granularity;
  /** docs/rules.md §5: NEXT_MONTH, a level pays from the month after its assessment (评估下月起发放). */
  eligibilityStart?: EligibilityStart;
  /** docs/rules.md §5: RESIDENT, the elder's subsidy, credited to their account once paid (§9). */
  beneficiary?: Beneficiary;
}

/** A line as drafted, before it is stored. */
export interface NewClaimLine {
  residentId: string | null;
  careLevel: CareLevel | null;
  days: number;
  rateFen: number;
  amountFen: number;
  kind: LineKind;
  adjustsClaimId: string | null;
  adjustsLineId: string | null;
  reason: string | null;
  explanation: object;
}

export interface ClaimListItem {
  id: string;
  number: string;
  month: string;
  programme: Programme;
  state: ClaimState;
  totalFen: number;
  totalsByLevel: Record<CareLevel, number>;
}

/** A stored line, in the order the claim shows them (regular first, then by resident and first day). */
export interface ClaimLineRecord {
  /** null on a line of the facility itself (the day-center operating subsidy). */
  residentId: string | null;
  careLevel: CareLevel | null;
  days: number;
  rateFen: number;
  amountFen: number;
  kind: LineKind;
  explanation: { segments: { from: string; to: string }[]; formula?: string };
  reason: string | null;
  adjustsClaimId: string | null;
  adjustsLineId: string | null;
}

/** A line as the claim shows it: the stored line and whose it is. */
export interface ClaimLineView extends ClaimLineRecord {
  residentName: string;
}

export interface ClaimView {
  id: string;
  number: string;
  month: string;
  programme: Programme;
  state: ClaimState;
  totalFen: number;
  totalsByLevel: Record<CareLevel, number>;
  rejectionReason: string | null;
  policy: {
    id: string;
    divisionCode: string;
    effectiveFrom: string;
    rates: Record<string, number>;
    annualFen: number | null;
    claimPeriod: ClaimPeriod;
    dayCounting: DayCounting;
    minAge: number;
    excludedCategories: string[];
  };
  lines: ClaimLineView[];
}
