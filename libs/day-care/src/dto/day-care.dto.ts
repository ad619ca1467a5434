import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { CARE_LEVELS } from '@careops/care';
import { IsIsoDate, IsMonth } from '@careops/platform';

export const SIX_HELPS = ['MEAL', 'BATH', 'CLEANING', 'MOBILITY', 'MEDICAL', 'EMERGENCY'] as const;
/** docs/rules.md §4: 助餐, 助浴, 助洁, 助行, 助医, 助急. */
export const SIX_HELP_LABELS: Record<(typeof SIX_HELPS)[number], string> = {
  MEAL: '助餐',
  BATH: '助浴',
  CLEANING: '助洁',
  MOBILITY: '助行',
  MEDICAL: '助医',
  EMERGENCY: '助急',
};
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class EnrolDto {
  @ApiProperty() @IsUUID('all', { message: 'residentId must be a UUID' }) residentId!: string;
  @ApiProperty({ example: '2026-11-01' }) @IsIsoDate() enrolledOn!: string;
  @ApiPropertyOptional({ enum: CARE_LEVELS, description: 'records an assessment effective on enrolledOn' })
  @IsOptional()
  @IsIn(CARE_LEVELS)
  careLevel?: (typeof CARE_LEVELS)[number];
}

export class EndMembershipDto {
  @ApiProperty({ example: '2026-12-01', description: 'first day no longer a member' }) @IsIsoDate() leftOn!: string;
}

export class AttendanceDto {
  @ApiProperty() @IsUUID('all', { message: 'residentId must be a UUID' }) residentId!: string;
  @ApiProperty({ example: '2026-11-24' }) @IsIsoDate() day!: string;
  @ApiProperty({ example: '08:30' }) @Matches(TIME, { message: 'checkIn must be a time HH:MM' }) checkIn!: string;
  @ApiPropertyOptional({ example: '16:45' }) @IsOptional() @Matches(TIME, { message: 'checkOut must be a time HH:MM' }) checkOut?: string;
}

export class CheckOutDto {
  @ApiProperty({ example: '16:45' }) @Matches(TIME, { message: 'checkOut must be a time HH:MM' }) checkOut!: string;
}

export class ServiceRecordDto {
  @ApiProperty() @IsUUID('all', { message: 'residentId must be a UUID' }) residentId!: string;
  @ApiProperty({ enum: SIX_HELPS })
  @IsIn(SIX_HELPS, { message: `kind must be one of ${SIX_HELPS.join(', ')}` })
  kind!: (typeof SIX_HELPS)[number];
  @ApiProperty({ example: '2026-11-24T11:30:00+08:00' })
  @IsDateString({ strict: true }, { message: 'servedAt must be an ISO 8601 date-time' })
  servedAt!: string;
  @ApiProperty({ example: '张护理员' }) @IsString() @MinLength(1) @MaxLength(50) servedBy!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) notes?: string;
}

/** Many members at once (全部签到 / 全部签退): one day, one time. */
class BulkAttendanceBase {
  @ApiProperty({ example: '2026-11-24' }) @IsIsoDate() day!: string;
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1, { message: 'residentIds must name at least one member' })
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'residentIds must be UUIDs' })
  residentIds!: string[];
}

export class BulkCheckInDto extends BulkAttendanceBase {
  @ApiProperty({ example: '08:30' }) @Matches(TIME, { message: 'checkIn must be a time HH:MM' }) checkIn!: string;
}

export class BulkCheckOutDto extends BulkAttendanceBase {
  @ApiProperty({ example: '16:45' }) @Matches(TIME, { message: 'checkOut must be a time HH:MM' }) checkOut!: string;
}

export class ServiceRecordQuery {
  @ApiProperty({ example: '2026-11-01' }) @IsIsoDate() from!: string;
  @ApiProperty({ example: '2026-12-01' }) @IsIsoDate() to!: string;
  @ApiPropertyOptional({ enum: SIX_HELPS })
  @IsOptional()
  @IsIn(SIX_HELPS, { message: `kind must be one of ${SIX_HELPS.join(', ')}` })
  kind?: (typeof SIX_HELPS)[number];
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'residentId must be a UUID' }) residentId?: string;
  @ApiPropertyOptional({ description: "part of the member's or the server's name" }) @IsOptional() @IsString() @MaxLength(50) q?: string;
}

export class MonthQuery {
  @ApiPropertyOptional({ example: '2026-11', description: "default: this month in the facility's time zone" })
  @IsOptional()
  @IsMonth()
  month?: string;
}

export class DayQuery {
  @ApiPropertyOptional({ example: '2026-11-24' }) @IsOptional() @IsIsoDate() date?: string;
}

export class PeriodQuery {
  @ApiProperty({ example: '2026-11-01' }) @IsIsoDate() from!: string;
  @ApiProperty({ example: '2026-12-01' }) @IsIsoDate() to!: string;
}
