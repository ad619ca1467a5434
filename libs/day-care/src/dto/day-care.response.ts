import { ApiProperty } from '@nestjs/swagger';
import { CARE_LEVELS } from '@careops/care';
import { SIX_HELPS } from './day-care.dto';

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
