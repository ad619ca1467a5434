import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { INCIDENT_TYPES, RISK_RATINGS, SAFETY_DRILL_KINDS, type IncidentType, type RiskRating, type SafetyDrillKind } from '@careops/care';
import { IsIsoDate, IsMonth } from '@careops/platform';

const RATING = { enum: RISK_RATINGS, description: 'NONE 无 / LOW 低 / HIGH 高' };
const rated = { message: (a: { property: string }) => `risks.${a.property} must be NONE, LOW or HIGH` };

/** docs/rules.md §10: each of the nine risks rated; none may be left out. */
export class RisksDto {
  @ApiProperty({ ...RATING, description: '噎食' }) @IsIn(RISK_RATINGS, rated) CHOKING!: RiskRating;
  @ApiProperty({ ...RATING, description: '食品药品误食' }) @IsIn(RISK_RATINGS, rated) WRONG_INTAKE!: RiskRating;
  @ApiProperty({ ...RATING, description: '压疮' }) @IsIn(RISK_RATINGS, rated) PRESSURE_INJURY!: RiskRating;
  @ApiProperty({ ...RATING, description: '烫伤' }) @IsIn(RISK_RATINGS, rated) SCALD!: RiskRating;
  @ApiProperty({ ...RATING, description: '坠床' }) @IsIn(RISK_RATINGS, rated) FALL_FROM_BED!: RiskRating;
  @ApiProperty({ ...RATING, description: '跌倒' }) @IsIn(RISK_RATINGS, rated) FALL!: RiskRating;
  @ApiProperty({ ...RATING, description: '走失' }) @IsIn(RISK_RATINGS, rated) WANDERING!: RiskRating;
  @ApiProperty({ ...RATING, description: '他伤和自伤' }) @IsIn(RISK_RATINGS, rated) HARM!: RiskRating;
  @ApiProperty({ ...RATING, description: '文娱活动意外' }) @IsIn(RISK_RATINGS, rated) RECREATION!: RiskRating;
}

export class RiskAssessmentDto {
  @ApiProperty({ example: '2026-11-20' }) @IsIsoDate() assessedOn!: string;
  @ApiProperty({ type: RisksDto })
  @IsObject({ message: 'risks must rate all nine risks' })
  @ValidateNested()
  @Type(() => RisksDto)
  risks!: RisksDto;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { FALL: '床栏、防滑鞋，如厕有人陪同' },
    description: 'the protective measure of a risk, by risk; required (non-blank) for each HIGH risk',
  })
  @IsOptional()
  @IsObject({ message: 'measures must be an object of texts by risk' })
  measures?: Record<string, string>;
  @ApiPropertyOptional({ example: '王护士长' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(50) assessor?: string;
}

export class IncidentDto {
  @ApiProperty({ enum: INCIDENT_TYPES, description: 'one of the nine risks, or OTHER 其他' })
  @IsIn(INCIDENT_TYPES, { message: `type must be one of ${INCIDENT_TYPES.join(', ')}` })
  type!: IncidentType;
  @ApiProperty({ example: '2026-11-20T15:10:00+08:00' })
  @IsDateString({ strict: true }, { message: 'occurredAt must be an ISO 8601 date-time' })
  occurredAt!: string;
  @ApiProperty({ example: '2号楼 203 卫生间' }) @IsString() @MinLength(1) @MaxLength(100) place!: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'the residents involved (at least one unless type is OTHER)' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'residentIds must be UUIDs' })
  residentIds!: string[];
  @ApiProperty({ example: '如厕时滑倒，右手撑地' }) @IsString() @MinLength(1) @MaxLength(2000) description!: string;
  @ApiPropertyOptional({ example: '右腕擦伤' }) @IsOptional() @IsString() @MaxLength(1000) injuries?: string;
  @ApiPropertyOptional({ example: '当班护理员扶起，医务室处理伤口' }) @IsOptional() @IsString() @MaxLength(2000) actions?: string;
}

/** Sent whole to close; the fields are optional here so that a missing one is named by a 422 (docs/rules.md §10). */
export class CloseIncidentDto {
  @ApiProperty({ example: '2026-11-20T15:40:00+08:00' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'familyNotifiedAt must be an ISO 8601 date-time' })
  familyNotifiedAt?: string;
  @ApiProperty({ example: '电话' }) @IsOptional() @IsString() @MaxLength(100) familyNotifiedHow?: string;
  @ApiProperty({ example: '李护士长' }) @IsOptional() @IsString() @MaxLength(50) familyNotifiedBy?: string;
  @ApiProperty({ example: '卫生间加装扶手，夜间如厕有人陪同' }) @IsOptional() @IsString() @MaxLength(2000) review?: string;
}

export const INCIDENT_STATES = ['OPEN', 'CLOSED'] as const;

export class IncidentQuery {
  @ApiPropertyOptional({ example: '2026-11-01', description: "first day (facility's calendar)" }) @IsOptional() @IsIsoDate() from?: string;
  @ApiPropertyOptional({ example: '2026-12-01', description: 'day after the last' }) @IsOptional() @IsIsoDate() to?: string;
  @ApiPropertyOptional({ enum: INCIDENT_TYPES })
  @IsOptional()
  @IsIn(INCIDENT_TYPES, { message: `type must be one of ${INCIDENT_TYPES.join(', ')}` })
  type?: IncidentType;
  @ApiPropertyOptional({ enum: INCIDENT_STATES })
  @IsOptional()
  @IsIn(INCIDENT_STATES, { message: 'state must be OPEN or CLOSED' })
  state?: (typeof INCIDENT_STATES)[number];
  @ApiPropertyOptional({ description: "part of a resident's name, the place or what happened" })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;
}

export class SafetyDrillDto {
  @ApiProperty({ enum: SAFETY_DRILL_KINDS, description: 'FIRE_DRILL 消防演练 / SAFETY_INSPECTION 安全检查' })
  @IsIn(SAFETY_DRILL_KINDS, { message: 'kind must be FIRE_DRILL or SAFETY_INSPECTION' })
  kind!: SafetyDrillKind;
  @ApiProperty({ example: '2026-11-15' }) @IsIsoDate() on!: string;
  @ApiProperty({ example: '全体在班员工、2号楼自理老人', description: 'who took part, as text' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  participants!: string;
  @ApiPropertyOptional({ example: 32, description: 'how many took part, when counted' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  participantCount?: number;
  @ApiProperty({ example: '疏散用时 4 分钟；3 楼应急灯不亮，已报修' }) @IsString() @MinLength(1) @MaxLength(2000) findings!: string;
}

export class SafetyDrillQuery {
  @ApiPropertyOptional({ enum: SAFETY_DRILL_KINDS })
  @IsOptional()
  @IsIn(SAFETY_DRILL_KINDS, { message: 'kind must be FIRE_DRILL or SAFETY_INSPECTION' })
  kind?: SafetyDrillKind;
}

export class SafetyMonthQuery {
  @ApiPropertyOptional({ example: '2026-11', description: "default: this month in the facility's time zone" })
  @IsOptional()
  @IsMonth()
  month?: string;
}
