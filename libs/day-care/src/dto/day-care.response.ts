import { ApiProperty } from '@nestjs/swagger';
import { CARE_LEVELS } from '@careops/care';
import { SIX_HELPS } from './day-care.dto';

export const ATTENDANCE_STATUSES = ['PRESENT', 'LEFT', 'ABSENT'] as const;

/** A day-center membership: [enrolledOn, leftOn). */
export class DayMemberResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ example: '刘德胜' }) name!: string;
  @ApiProperty({ format: 'date' }) enrolledOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'first day no longer a member' }) leftOn!: string | null;
}

/** A member on a day, with their care level that day (docs/rules.md §4). */
export class DayMemberOnDayResponse extends DayMemberResponse {
  @ApiProperty({ enum: CARE_LEVELS, nullable: true, description: 'null: not assessed by then' }) careLevel!: string | null;
}

/** A day's attendance of one member. */
export class AttendanceResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ format: 'date' }) day!: string;
  @ApiProperty({ example: '08:30' }) checkIn!: string;
  @ApiProperty({ type: String, nullable: true, example: '16:45' }) checkOut!: string | null;
}

/** A line of the day's attendance sheet: every member, present or not (nulls when absent). */
export class AttendanceSheetRowResponse {
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ example: '刘德胜' }) name!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) attendanceId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '08:30' }) checkIn!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '16:45' }) checkOut!: string | null;
  @ApiProperty({ enum: ATTENDANCE_STATUSES, description: 'PRESENT: checked in, not out; LEFT: checked out; ABSENT: not checked in' })
  status!: (typeof ATTENDANCE_STATUSES)[number];
}

/** A member a bulk check-in or check-out left alone, and why. */
export class BulkSkippedResponse {
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ example: '刘德胜' }) name!: string;
  @ApiProperty({ enum: ['ALREADY_CHECKED_IN', 'NOT_CHECKED_IN', 'ALREADY_CHECKED_OUT'] }) reason!: string;
}

/** The outcome of 全部签到 / 全部签退: who was recorded, who was already done (or not yet here). */
export class BulkAttendanceResponse {
  @ApiProperty({ format: 'date' }) day!: string;
  @ApiProperty({ type: [AttendanceResponse] }) done!: AttendanceResponse[];
  @ApiProperty({ type: [BulkSkippedResponse] }) skipped!: BulkSkippedResponse[];
}

/** A service of the six helps 六助 (docs/rules.md §4). */
export class ServiceRecordResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ example: '刘德胜' }) name!: string;
  @ApiProperty({ enum: SIX_HELPS }) kind!: string;
  @ApiProperty({ type: String, format: 'date-time' }) servedAt!: Date;
  @ApiProperty({ example: '张护理员' }) servedBy!: string;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
}

/** One kind of the six helps in a month: how many services, for how many different members. */
export class ServiceKindSummaryResponse {
  @ApiProperty({ enum: SIX_HELPS }) kind!: string;
  @ApiProperty({ example: '助餐' }) label!: string;
  @ApiProperty({ example: 42 }) services!: number;
  @ApiProperty({ example: 12, description: 'different members served' }) persons!: number;
}

/** The month's six helps 六助 (docs/rules.md §4): per kind, and in all (persons: different members). */
export class ServiceSummaryResponse {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({ type: [ServiceKindSummaryResponse], description: 'all six kinds, in the order 助餐 助浴 助洁 助行 助医 助急' })
  kinds!: ServiceKindSummaryResponse[];
  @ApiProperty({ example: 60 }) services!: number;
  @ApiProperty({ example: 12 }) persons!: number;
}
