import { ApiProperty } from '@nestjs/swagger';
import { BENEFICIARIES, ELIGIBILITY_STARTS, GRANULARITIES, PROGRAMMES, type Programme } from '@careops/care';
import { CLAIM_PERIODS } from './policy.dto';

/** Which days count, as stored on a policy version. */
export class DayCountingResponse {
  @ApiProperty({ description: '入院当天计入' }) admissionDay!: boolean;
  @ApiProperty({ description: '出院当天计入' }) dischargeDay!: boolean;
  @ApiProperty({ description: '请假/外出住院天数计入' }) leaveDays!: boolean;
}

/** Monthly rates in fen per care level; a level the programme does not pay is absent. */
export class RatesResponse {
  @ApiProperty({ required: false, example: 10000 }) SELF_CARE?: number;
  @ApiProperty({ required: false, example: 15000 }) SEMI_DISABLED?: number;
  @ApiProperty({ required: false, example: 30000 }) FULLY_DISABLED?: number;
}

/** A subsidy policy version (docs/rules.md §5). */
export class PolicyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PROGRAMMES }) programme!: Programme;
  @ApiProperty({ example: '410400', description: '000000 is the national default' }) divisionCode!: string;
  @ApiProperty({ type: String, format: 'date' }) effectiveFrom!: string;
  @ApiProperty({ type: RatesResponse }) rates!: RatesResponse;
  @ApiProperty({ type: Number, nullable: true, description: 'DAY_CENTER_OPERATION: fen a year per center' }) annualFen!: number | null;
  @ApiProperty({ example: 60 }) minAge!: number;
  @ApiProperty({ type: [String], example: ['TEKUN'] }) excludedCategories!: string[];
  @ApiProperty({ type: DayCountingResponse }) dayCounting!: DayCountingResponse;
  @ApiProperty({ enum: CLAIM_PERIODS }) claimPeriod!: (typeof CLAIM_PERIODS)[number];
  @ApiProperty({ enum: GRANULARITIES, description: 'DAY: pro-rated by days; MONTH: whole months (按月)' })
  granularity!: (typeof GRANULARITIES)[number];
  @ApiProperty({ enum: ELIGIBILITY_STARTS, description: 'NEXT_MONTH: a level pays from the month after its assessment (评估下月起发放)' })
  eligibilityStart!: (typeof ELIGIBILITY_STARTS)[number];
  @ApiProperty({ enum: BENEFICIARIES, description: 'RESIDENT: paid to the elder, credited to their account (§9)' })
  beneficiary!: (typeof BENEFICIARIES)[number];
}
