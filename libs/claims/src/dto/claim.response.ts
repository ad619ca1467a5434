import { ApiProperty } from '@nestjs/swagger';
import { BENEFICIARIES, CARE_LEVELS, type CareLevel, ELIGIBILITY_STARTS, GRANULARITIES, PROGRAMMES, type Programme } from '@careops/care';
import { CLAIM_PERIODS } from './policy.dto';
import { DayCountingResponse, RatesResponse } from './policy.response';

export const CLAIM_STATES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'PAID'] as const;
export const LINE_KINDS = ['REGULAR', 'ADJUSTMENT'] as const;

/** Amounts in fen per care level (each level present, 0 if none). */
export class TotalsByLevelResponse {
  @ApiProperty({ example: 0 }) SELF_CARE!: number;
  @ApiProperty({ example: 15000 }) SEMI_DISABLED!: number;
  @ApiProperty({ example: 30000 }) FULLY_DISABLED!: number;
}

/** Persons per care level (each present, 0 if none). */
export class PeopleByLevelResponse {
  @ApiProperty({ example: 1 }) SELF_CARE!: number;
  @ApiProperty({ example: 1 }) SEMI_DISABLED!: number;
  @ApiProperty({ example: 0 }) FULLY_DISABLED!: number;
}

/** A claim in the list, newest month first. */
export class ClaimListItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026-0001', description: 'sequential per facility and year' }) number!: string;
  @ApiProperty({ example: '2026-01' }) month!: string;
  @ApiProperty({ enum: PROGRAMMES }) programme!: Programme;
  @ApiProperty({ enum: CLAIM_STATES }) state!: (typeof CLAIM_STATES)[number];
  @ApiProperty({ example: 45000 }) totalFen!: number;
  @ApiProperty({ type: TotalsByLevelResponse }) totalsByLevel!: TotalsByLevelResponse;
  @ApiProperty({ description: 'drafted while its month ran: an estimate 预估 (docs/rules.md §5), not to be submitted' }) estimate!: boolean;
}

/** The policy version a claim was computed under. */
export class ClaimPolicyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '平顶山市 2020 版', description: '全国默认 2020 版 for the national default' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: '平顶山市' }) divisionName!: string | null;
  @ApiProperty({ example: '410400' }) divisionCode!: string;
  @ApiProperty({ type: String, format: 'date' }) effectiveFrom!: string;
  @ApiProperty({ type: RatesResponse }) rates!: RatesResponse;
  @ApiProperty({ type: Number, nullable: true }) annualFen!: number | null;
  @ApiProperty({ enum: CLAIM_PERIODS }) claimPeriod!: (typeof CLAIM_PERIODS)[number];
  @ApiProperty({ type: DayCountingResponse }) dayCounting!: DayCountingResponse;
  @ApiProperty({ example: 60 }) minAge!: number;
  @ApiProperty({ type: [String] }) excludedCategories!: string[];
  @ApiProperty({ enum: GRANULARITIES }) granularity!: (typeof GRANULARITIES)[number];
  @ApiProperty({ enum: ELIGIBILITY_STARTS }) eligibilityStart!: (typeof ELIGIBILITY_STARTS)[number];
  @ApiProperty({ enum: BENEFICIARIES, description: 'RESIDENT: credited to the elder’s account once the bureau has paid (§9)' })
  beneficiary!: (typeof BENEFICIARIES)[number];
}

/** A run of days a line counts, [from, to). */
export class SegmentResponse {
  @ApiProperty({ type: String, format: 'date' }) from!: string;
  @ApiProperty({ type: String, format: 'date' }) to!: string;
}

/**
 * Why a line has its amount: the runs of days and the formula; an adjustment also names the claim
 * it corrects (originalClaim, originalMonth, claimedFen, recomputedFen).
 */
export class LineExplanationResponse {
  @ApiProperty({ type: [SegmentResponse] }) segments!: SegmentResponse[];
  @ApiProperty({ required: false, example: '150.00 × 17 ÷ 31 = 82.26（四舍五入到分）', description: 'in yuan' }) formula?: string;
  @ApiProperty({ required: false, example: '2026-0001' }) originalClaim?: string;
  @ApiProperty({ required: false, example: '2026-01' }) originalMonth?: string;
  @ApiProperty({ required: false }) claimedFen?: number;
  @ApiProperty({ required: false }) recomputedFen?: number;
}

/** A line: a resident at a level (or the facility itself, for the operating subsidy). */
export class ClaimLineResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "null on the facility's own line (operating subsidy)" })
  residentId!: string | null;
  @ApiProperty({ description: 'the resident, or the facility on its own line' }) residentName!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'C-1',
    description: "the bed on the line's last counted day, or the latest before",
  })
  bedCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '410421********1234' }) idNumberMasked!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'admitted on (or enrolled on, home-care beds)' })
  inCareFrom!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'discharged on; null while in care' }) inCareTo!: string | null;
  @ApiProperty({ enum: CARE_LEVELS, nullable: true }) careLevel!: CareLevel | null;
  @ApiProperty() days!: number;
  @ApiProperty({ description: 'fen a month (a year for the operating subsidy)' }) rateFen!: number;
  @ApiProperty({ description: 'fen; negative on a 追回 adjustment' }) amountFen!: number;
  @ApiProperty({ enum: LINE_KINDS }) kind!: (typeof LINE_KINDS)[number];
  @ApiProperty({ type: LineExplanationResponse }) explanation!: LineExplanationResponse;
  @ApiProperty({ type: String, nullable: true, description: '补差 / 追回, on an adjustment' }) reason!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) adjustsClaimId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) adjustsLineId!: string | null;
}

/** A state change, written by the database: who and when (docs/rules.md §5). */
export class ClaimEventResponse {
  @ApiProperty({ enum: CLAIM_STATES, nullable: true, description: 'null for the creation' }) from!: (typeof CLAIM_STATES)[number] | null;
  @ApiProperty({ enum: CLAIM_STATES }) to!: (typeof CLAIM_STATES)[number];
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the acting user; null for the system (monthly drafts)' })
  by!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'accountant.a' }) byName!: string | null;
  @ApiProperty({ required: false, description: 'the rejection reason, on REJECTED' }) note?: string;
}

/** A claim with its lines, each explained (docs/rules.md §5). */
export class ClaimResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026-0001' }) number!: string;
  @ApiProperty({ example: '2026-01' }) month!: string;
  @ApiProperty({ enum: PROGRAMMES }) programme!: Programme;
  @ApiProperty({ enum: CLAIM_STATES }) state!: (typeof CLAIM_STATES)[number];
  @ApiProperty({ description: "drafted while its month ran: an estimate 预估, today's facts projected to the month end" })
  estimate!: boolean;
  @ApiProperty() totalFen!: number;
  @ApiProperty({ type: TotalsByLevelResponse }) totalsByLevel!: TotalsByLevelResponse;
  @ApiProperty({ description: 'distinct persons with a regular line (a level change counts once)' }) peopleCount!: number;
  @ApiProperty({ type: PeopleByLevelResponse, description: 'those persons by the level of their last regular line' })
  peopleByLevel!: PeopleByLevelResponse;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) approvedOn!: string | null;
  @ApiProperty({ type: Number, nullable: true }) approvedFen!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'approvedFen − totalFen; null until approved' }) approvedDifferenceFen!:
    | number
    | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) rejectedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) paidOn!: string | null;
  @ApiProperty({ type: Number, nullable: true }) paidFen!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'the bank reference 银行流水号' }) paymentReference!: string | null;
  @ApiProperty({ type: ClaimPolicyResponse }) policy!: ClaimPolicyResponse;
  @ApiProperty({ type: [ClaimLineResponse] }) lines!: ClaimLineResponse[];
  @ApiProperty({ type: [ClaimEventResponse], description: 'every state change, oldest first' }) history!: ClaimEventResponse[];
}
