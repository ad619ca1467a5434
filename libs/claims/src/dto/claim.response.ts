import { ApiProperty } from '@nestjs/swagger';
import { CARE_LEVELS, type CareLevel, PROGRAMMES, type Programme } from '@careops/care';
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

/** A claim in the list, newest month first. */
export class ClaimListItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026-0001', description: 'sequential per facility and year' }) number!: string;
  @ApiProperty({ example: '2026-01' }) month!: string;
  @ApiProperty({ enum: PROGRAMMES }) programme!: Programme;
  @ApiProperty({ enum: CLAIM_STATES }) state!: (typeof CLAIM_STATES)[number];
  @ApiProperty({ example: 45000 }) totalFen!: number;
  @ApiProperty({ type: TotalsByLevelResponse }) totalsByLevel!: TotalsByLevelResponse;
}

/** The policy version a claim was computed under. */
export class ClaimPolicyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '410400' }) divisionCode!: string;
  @ApiProperty({ type: String, format: 'date' }) effectiveFrom!: string;
  @ApiProperty({ type: RatesResponse }) rates!: RatesResponse;
  @ApiProperty({ type: Number, nullable: true }) annualFen!: number | null;
  @ApiProperty({ enum: CLAIM_PERIODS }) claimPeriod!: (typeof CLAIM_PERIODS)[number];
  @ApiProperty({ type: DayCountingResponse }) dayCounting!: DayCountingResponse;
  @ApiProperty({ example: 60 }) minAge!: number;
  @ApiProperty({ type: [String] }) excludedCategories!: string[];
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
  @ApiProperty({ required: false, example: '30000 × 31 ÷ 31 = 30000 (四舍五入到分)' }) formula?: string;
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

/** A claim with its lines, each explained (docs/rules.md §5). */
export class ClaimResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026-0001' }) number!: string;
  @ApiProperty({ example: '2026-01' }) month!: string;
  @ApiProperty({ enum: PROGRAMMES }) programme!: Programme;
  @ApiProperty({ enum: CLAIM_STATES }) state!: (typeof CLAIM_STATES)[number];
  @ApiProperty() totalFen!: number;
  @ApiProperty({ type: TotalsByLevelResponse }) totalsByLevel!: TotalsByLevelResponse;
  @ApiProperty({ type: String, nullable: true }) rejectionReason!: string | null;
  @ApiProperty({ type: ClaimPolicyResponse }) policy!: ClaimPolicyResponse;
  @ApiProperty({ type: [ClaimLineResponse] }) lines!: ClaimLineResponse[];
}
