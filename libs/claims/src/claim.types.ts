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
  /** docs/rules.md §5: DAY pro-rates the days, MONTH pays a month with a counted day whole. */
  granularity: Granularity;
  /** docs/rules.md §5: NEXT_MONTH, a level pays from the month after its assessment (评估下月起发放). */
  eligibilityStart: EligibilityStart;
  /** docs/rules.md §5: RESIDENT, the elder's subsidy, credited to their account once paid (§9). */
  beneficiary: Beneficiary;
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
  /** Drafted while its month ran: an estimate 预估 (docs/rules.md §5). */
  estimate: boolean;
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

/** A line as the claim shows it: the stored line, whose it is, and what tells two residents apart. */
export interface ClaimLineView extends ClaimLineRecord {
  residentName: string;
  /** The bed on the line's last counted day, or the latest bed before it; null at home or on the facility's line. */
  bedCode: string | null;
  idNumberMasked: string | null;
  /** The admission (or home-care enrolment) around the line: admitted on, discharged on (null: still in care). */
  inCareFrom: string | null;
  inCareTo: string | null;
}

/** A state change of a claim, written by the database (docs/rules.md §5: kept with who and when). */
export interface ClaimEvent {
  /** null for the creation. */
  from: ClaimState | null;
  to: ClaimState;
  /** ISO timestamp. */
  at: string;
  /** The acting user's id; null for the system (the worker's monthly drafts). */
  by: string | null;
  byName: string | null;
  note?: string;
}

/** The bureau's answer as recorded on the claim. */
export interface ClaimAnswer {
  /** ISO timestamp of the submission, null before. */
  submittedAt: string | null;
  approvedOn: string | null;
  approvedFen: number | null;
  rejectedOn: string | null;
  rejectionReason: string | null;
  paidOn: string | null;
  paidFen: number | null;
  paymentReference: string | null;
}

export interface ClaimView extends ClaimAnswer {
  id: string;
  number: string;
  month: string;
  programme: Programme;
  state: ClaimState;
  estimate: boolean;
  totalFen: number;
  totalsByLevel: Record<CareLevel, number>;
  /** approvedFen − totalFen; null until approved. */
  approvedDifferenceFen: number | null;
  /** Distinct persons with a regular line (a resident who changed level counts once). */
  peopleCount: number;
  /** Those persons by the level of their last regular line (the levels add up to peopleCount). */
  peopleByLevel: Record<CareLevel, number>;
  policy: {
    id: string;
    /** e.g. 平顶山市 2020 版, 全国默认 2020 版 */
    name: string;
    divisionName: string | null;
    divisionCode: string;
    effectiveFrom: string;
    rates: Record<string, number>;
    annualFen: number | null;
    claimPeriod: ClaimPeriod;
    dayCounting: DayCounting;
    minAge: number;
    excludedCategories: string[];
    granularity: Granularity;
    eligibilityStart: EligibilityStart;
    beneficiary: Beneficiary;
  };
  lines: ClaimLineView[];
  history: ClaimEvent[];
}
