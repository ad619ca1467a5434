import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { BENEFICIARIES, ELIGIBILITY_STARTS, GRANULARITIES, PROGRAMMES } from '@careops/care';
import { IsIsoDate } from '@careops/platform';

export class RatesDto {
  @ApiPropertyOptional({ example: 10000, description: 'fen a month' }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) SELF_CARE?: number;
  @ApiPropertyOptional({ example: 15000 }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) SEMI_DISABLED?: number;
  @ApiPropertyOptional({ example: 30000 }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) FULLY_DISABLED?: number;
}

/** Which days count (docs/rules.md §5 default: admission day yes, discharge day no, leave days yes). */
export class DayCountingDto {
  @ApiProperty({ example: true, description: '入院当天计入' }) @IsBoolean() admissionDay!: boolean;
  @ApiProperty({ example: false, description: '出院当天计入' }) @IsBoolean() dischargeDay!: boolean;
  @ApiProperty({ example: true, description: '请假/外出住院天数计入' }) @IsBoolean() leaveDays!: boolean;
}

export const CLAIM_PERIODS = ['MONTHLY', 'YEARLY'] as const;

/** A new version of a subsidy policy (docs/rules.md §5: versioned by effective date, per division). */
export class CreatePolicyDto {
  @ApiProperty({ enum: PROGRAMMES })
  @IsIn(PROGRAMMES, { message: `programme must be one of ${PROGRAMMES.join(', ')}` })
  programme!: (typeof PROGRAMMES)[number];
  @ApiProperty({ example: '410400', description: '000000 is the national default; the most specific code wins' })
  @Matches(/^\d{6}$/, { message: 'divisionCode must be a 6-digit division code (行政区划代码)' })
  divisionCode!: string;
  @ApiProperty({ example: '2027-01-01' }) @IsIsoDate() effectiveFrom!: string;
  @ApiProperty({ type: RatesDto }) @ValidateNested() @Type(() => RatesDto) rates!: RatesDto;
  @ApiPropertyOptional({ example: 2000000, description: 'DAY_CENTER_OPERATION: fen a year per center' })
  @IsOptional()
  @IsInt()
  @Min(0)
  annualFen?: number;
  @ApiPropertyOptional({ example: 60 }) @IsOptional() @IsInt() @Min(0) @Max(120) minAge?: number;
  @ApiPropertyOptional({ type: DayCountingDto, description: 'default: admission day counts, discharge day does not, leave days count' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DayCountingDto)
  dayCounting?: DayCountingDto;
  @ApiPropertyOptional({
    enum: CLAIM_PERIODS,
    description: 'DAY_CENTER_OPERATION: claimed monthly (a twelfth) or yearly (the whole amount, with the December claim)',
  })
  @IsOptional()
  @IsIn(CLAIM_PERIODS, { message: 'claimPeriod must be MONTHLY or YEARLY' })
  claimPeriod?: (typeof CLAIM_PERIODS)[number];
  @ApiPropertyOptional({
    enum: GRANULARITIES,
    description: 'DAY (default): rate × days ÷ days in month; MONTH: 按月, a month with a counted day is the whole rate',
  })
  @IsOptional()
  @IsIn(GRANULARITIES, { message: 'granularity must be DAY or MONTH' })
  granularity?: (typeof GRANULARITIES)[number];
  @ApiPropertyOptional({
    enum: ELIGIBILITY_STARTS,
    description:
      'SAME_MONTH (default): a level pays from its effective date; NEXT_MONTH: from the month after the assessment (评估下月起发放)',
  })
  @IsOptional()
  @IsIn(ELIGIBILITY_STARTS, { message: 'eligibilityStart must be SAME_MONTH or NEXT_MONTH' })
  eligibilityStart?: (typeof ELIGIBILITY_STARTS)[number];
  @ApiPropertyOptional({
    enum: BENEFICIARIES,
    description: 'FACILITY (default), or RESIDENT: the elder’s subsidy, credited to their account once the bureau has paid (§9)',
  })
  @IsOptional()
  @IsIn(BENEFICIARIES, { message: 'beneficiary must be FACILITY or RESIDENT' })
  beneficiary?: (typeof BENEFICIARIES)[number];
  @ApiPropertyOptional({ example: ['TEKUN'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  excludedCategories?: string[];
}
