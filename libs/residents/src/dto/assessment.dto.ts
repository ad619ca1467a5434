import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ABILITY_INSTRUMENT, ABILITY_ITEM_CODES, ASSESSMENT_GRADES, ASSESSMENT_REASONS, CARE_LEVELS } from '@careops/care';
import { IsIsoDate } from '@careops/platform';

/** docs/rules.md §4a Part A: care risk events of the last 30 days, counts by kind. */
export class RiskEventsDto {
  @ApiPropertyOptional({ description: '跌倒' }) @IsOptional() @IsInt() @Min(0) @Max(99) FALL?: number;
  @ApiPropertyOptional({ description: '走失' }) @IsOptional() @IsInt() @Min(0) @Max(99) WANDER?: number;
  @ApiPropertyOptional({ description: '噎食' }) @IsOptional() @IsInt() @Min(0) @Max(99) CHOKE?: number;
  @ApiPropertyOptional({ description: '自杀/自伤' }) @IsOptional() @IsInt() @Min(0) @Max(99) SELF_HARM?: number;
  @ApiPropertyOptional({ description: '其他' }) @IsOptional() @IsInt() @Min(0) @Max(99) OTHER?: number;
}

/**
 * docs/api.md: the scored assessment `{instrument: "GB/T 42195-2022", reason, assessedOn, effectiveOn,
 * assessors, items, diagnoses?, riskEvents30d?, coma?}`, or the old `{grade or careLevel, effectiveOn,
 * assessor}` (not scored). The items are checked by the service, each problem naming the item.
 */
export class CreateAssessmentDto {
  @ApiPropertyOptional({ enum: [ABILITY_INSTRUMENT], description: 'present: a scored assessment (docs/rules.md §4a)' })
  @IsOptional()
  @IsIn([ABILITY_INSTRUMENT], { message: `instrument must be ${ABILITY_INSTRUMENT}` })
  instrument?: typeof ABILITY_INSTRUMENT;

  @ApiPropertyOptional({ enum: ASSESSMENT_REASONS, description: '首次评估 / 常规评估 / 即时评估 / 复评 (scored)' })
  @IsOptional()
  @IsIn(ASSESSMENT_REASONS, { message: `reason must be one of ${ASSESSMENT_REASONS.join(', ')}` })
  reason?: (typeof ASSESSMENT_REASONS)[number];

  @ApiPropertyOptional({ example: '2026-03-14', description: 'the day assessed (scored); effectiveOn is on or after it' })
  @IsOptional()
  @IsIsoDate()
  assessedOn?: string;

  @ApiPropertyOptional({ type: [String], example: ['李评估员', '王评估员'], description: 'at least two named assessors (scored)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(50, { each: true })
  assessors?: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: Object.fromEntries(ABILITY_ITEM_CODES.map((code) => [code, 1])),
    description: 'the 26 Part B scores by item code, B1.1–B4.5 (scored)',
  })
  @IsOptional()
  @IsObject()
  items?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [String], example: ['F01'], description: 'Part A: ICD-10 codes (F00–F03 痴呆, F04–F99 其他精神和行为障碍)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  diagnoses?: string[];

  @ApiPropertyOptional({ type: RiskEventsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RiskEventsDto)
  riskEvents30d?: RiskEventsDto;

  @ApiPropertyOptional({ description: '昏迷: the grade is 完全失能 directly' })
  @IsOptional()
  @IsBoolean()
  coma?: boolean;

  @ApiPropertyOptional({ enum: CARE_LEVELS, description: 'not scored: the level typed in' })
  @IsOptional()
  @IsIn(CARE_LEVELS, { message: `careLevel must be one of ${CARE_LEVELS.join(', ')}` })
  careLevel?: (typeof CARE_LEVELS)[number];

  @ApiPropertyOptional({ enum: ASSESSMENT_GRADES, description: 'not scored: a GB/T 42195-2022 grade; sets the care level by the policy' })
  @IsOptional()
  @IsIn(ASSESSMENT_GRADES, { message: `grade must be one of ${ASSESSMENT_GRADES.join(', ')}` })
  grade?: (typeof ASSESSMENT_GRADES)[number];

  @ApiProperty({ example: '2026-03-15' })
  @IsIsoDate()
  effectiveOn!: string;

  @ApiPropertyOptional({ example: '李评估员', description: 'not scored: the one assessor (scored: `assessors`)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  assessor?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  notes?: string;
}

/** docs/rules.md §4a: a grade → level policy version for a division (PLATFORM_ADMIN). */
export class GradeLevelMappingDto {
  @ApiProperty({ enum: CARE_LEVELS }) @IsIn(CARE_LEVELS) INTACT!: (typeof CARE_LEVELS)[number];
  @ApiProperty({ enum: CARE_LEVELS }) @IsIn(CARE_LEVELS) MILD!: (typeof CARE_LEVELS)[number];
  @ApiProperty({ enum: CARE_LEVELS }) @IsIn(CARE_LEVELS) MODERATE!: (typeof CARE_LEVELS)[number];
  @ApiProperty({ enum: CARE_LEVELS }) @IsIn(CARE_LEVELS) SEVERE!: (typeof CARE_LEVELS)[number];
  @ApiProperty({ enum: CARE_LEVELS }) @IsIn(CARE_LEVELS) COMPLETE!: (typeof CARE_LEVELS)[number];
}

export class CreateLevelPolicyDto {
  @ApiProperty({ example: '410400', description: 'GB/T 2260 code; 000000 = national' })
  @Matches(/^\d{6}$/, { message: 'divisionCode must be a 6-digit division code (行政区划代码)' })
  divisionCode!: string;

  @ApiProperty({ example: '2026-01-01' })
  @IsIsoDate()
  effectiveFrom!: string;

  @ApiProperty({ example: '平顶山市 2026 版' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ type: GradeLevelMappingDto })
  @ValidateNested()
  @Type(() => GradeLevelMappingDto)
  mapping!: GradeLevelMappingDto;
}
