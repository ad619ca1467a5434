import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsIsoDate } from '@careops/platform';

export const PROGRAMMES = ['INSTITUTIONAL_CARE', 'HOME_CARE_BED', 'DAY_CENTER_OPERATION'] as const;

export class RatesDto {
  @ApiPropertyOptional({ example: 10000, description: 'fen a month' }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) SELF_CARE?: number;
  @ApiPropertyOptional({ example: 15000 }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) SEMI_DISABLED?: number;
  @ApiPropertyOptional({ example: 30000 }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) FULLY_DISABLED?: number;
}

/** A new version of a subsidy policy (DOMAIN.md §5: versioned by effective date, per division). */
export class CreatePolicyDto {
  @ApiProperty({ enum: PROGRAMMES }) @IsIn(PROGRAMMES, { message: `programme must be one of ${PROGRAMMES.join(', ')}` }) programme!: (typeof PROGRAMMES)[number];
  @ApiProperty({ example: '410400', description: '000000 is the national default; the most specific code wins' })
  @Matches(/^\d{6}$/, { message: 'divisionCode must be a 6-digit division code (行政区划代码)' })
  divisionCode!: string;
  @ApiProperty({ example: '2027-01-01' }) @IsIsoDate() effectiveFrom!: string;
  @ApiProperty({ type: RatesDto }) @ValidateNested() @Type(() => RatesDto) rates!: RatesDto;
  @ApiPropertyOptional({ example: 2000000, description: 'DAY_CENTER_OPERATION: fen a year per center' }) @IsOptional() @IsInt() @Min(0) annualFen?: number;
  @ApiPropertyOptional({ example: 60 }) @IsOptional() @IsInt() @Min(0) @Max(120) minAge?: number;
  @ApiPropertyOptional({ example: ['TEKUN'] }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) excludedCategories?: string[];
}
