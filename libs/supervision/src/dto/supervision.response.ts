import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One indicator of a task-list row (docs/rules.md §11; how a ratio reads: docs/api.md). */
export class TaskCellResponse {
  @ApiProperty({ type: Number, nullable: true, description: '目标数; a ratio: the target percentage' }) target!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '完成数; a ratio: the achieved percentage (null: nothing to measure)' })
  done!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '占比 = done ÷ target, percent, two decimals half-up' }) pct!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '缺口数 = max(0, target − done); a ratio: percentage points' })
  gap!: number | null;
  @ApiPropertyOptional({ description: 'a ratio: what it counts (nursing beds, certified caregivers, facilities passing)' })
  numerator?: number;
  @ApiPropertyOptional({ description: 'a ratio: of what (beds in service, caregivers, facilities)' }) denominator?: number;
}

export class TaskIndicatorsResponse {
  @ApiProperty() STREET_CENTERS!: TaskCellResponse;
  @ApiProperty() DAY_CENTERS!: TaskCellResponse;
  @ApiProperty() HOME_CARE_BEDS!: TaskCellResponse;
  @ApiProperty() CAREGIVERS_TRAINED!: TaskCellResponse;
  @ApiProperty() NURSING_BED_RATIO!: TaskCellResponse;
  @ApiProperty() CERTIFICATION_RATE!: TaskCellResponse;
  @ApiProperty() FIRE_SAFETY_RATE!: TaskCellResponse;
  @ApiProperty() MEDICAL_COVERAGE_RATE!: TaskCellResponse;
}

export class TaskRowResponse {
  @ApiProperty({ example: '410425' }) divisionCode!: string;
  @ApiProperty({ type: String, nullable: true, example: '郏县' }) divisionName!: string | null;
  @ApiProperty({ description: 'facilities counted' }) facilities!: number;
  @ApiProperty() indicators!: TaskIndicatorsResponse;
}

/** `GET divisions/:code/tasks?year=`: 重点任务清单. */
export class TaskListResponse {
  @ApiProperty({ example: '410400' }) divisionCode!: string;
  @ApiProperty({ type: String, nullable: true, example: '平顶山市' }) divisionName!: string | null;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ format: 'date', description: 'figures on a day are as of the year’s end, or today if earlier' }) asOf!: string;
  @ApiProperty({ type: [TaskRowResponse], description: 'one row per child division, in code order' }) rows!: TaskRowResponse[];
  @ApiProperty({ description: 'counts summed, ratios of sums' }) total!: TaskRowResponse;
}

export class TargetValuesResponse {
  @ApiProperty({ type: Number, nullable: true }) STREET_CENTERS!: number | null;
  @ApiProperty({ type: Number, nullable: true }) DAY_CENTERS!: number | null;
  @ApiProperty({ type: Number, nullable: true }) HOME_CARE_BEDS!: number | null;
  @ApiProperty({ type: Number, nullable: true }) CAREGIVERS_TRAINED!: number | null;
  @ApiProperty({ type: Number, nullable: true }) NURSING_BED_RATIO!: number | null;
  @ApiProperty({ type: Number, nullable: true }) CERTIFICATION_RATE!: number | null;
  @ApiProperty({ type: Number, nullable: true }) FIRE_SAFETY_RATE!: number | null;
  @ApiProperty({ type: Number, nullable: true }) MEDICAL_COVERAGE_RATE!: number | null;
}

export class TargetsResponse {
  @ApiProperty({ example: '410425' }) divisionCode!: string;
  @ApiProperty({ type: String, nullable: true, example: '郏县' }) divisionName!: string | null;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty() targets!: TargetValuesResponse;
}

const STATES = ['ON_TIME', 'LATE', 'MISSING', 'DUE'];

export class MonthlyReportResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({ description: '1: the first submission; 2, 3 …: resubmissions' }) seq!: number;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ format: 'date', description: 'the day in the facility’s time zone' }) submittedOn!: string;
  @ApiProperty({ type: String, nullable: true, description: 'why it was resubmitted' }) reason!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the frozen figures: metrics of the month and the facility' })
  snapshot!: Record<string, unknown>;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'HN-2026-000123',
    description:
      'the 养老机构合规报告 of the month issued with this submission (a day center’s: its 运营报告); verify at /api/documents/:number',
  })
  documentNumber!: string | null;
}

export class MonthStatusResponse {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({ format: 'date', example: '2026-12-25' }) deadline!: string;
  @ApiProperty({ enum: STATES }) state!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'the first submission' }) submittedAt!: string | null;
  @ApiProperty() resubmissions!: number;
}

/** `GET facilities/:id/monthly-reports`: last month's state and every submission. */
export class FacilityMonthlyReportsResponse {
  @ApiProperty({ description: 'the previous month, the one due now' }) due!: MonthStatusResponse;
  @ApiProperty({ type: [MonthlyReportResponse] }) rows!: MonthlyReportResponse[];
}

export class DivisionReportRowResponse {
  @ApiProperty({ format: 'uuid' }) facilityId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '410425' }) divisionCode!: string;
  @ApiProperty({ type: String, nullable: true, example: '郏县' }) divisionName!: string | null;
  @ApiProperty({ enum: STATES }) state!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'the first submission' }) submittedAt!: string | null;
  @ApiProperty() resubmissions!: number;
}

export class ReportStateCountsResponse {
  @ApiProperty() ON_TIME!: number;
  @ApiProperty() LATE!: number;
  @ApiProperty() MISSING!: number;
  @ApiProperty() DUE!: number;
}

/** `GET divisions/:code/monthly-reports?month=`. */
export class DivisionMonthlyReportsResponse {
  @ApiProperty({ example: '410400' }) divisionCode!: string;
  @ApiProperty({ type: String, nullable: true }) divisionName!: string | null;
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({ format: 'date', example: '2026-12-25' }) deadline!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'on time ÷ facilities, percent (null: no facilities)' }) onTimeRate!:
    | number
    | null;
  @ApiProperty() counts!: ReportStateCountsResponse;
  @ApiProperty({ type: [DivisionReportRowResponse] }) rows!: DivisionReportRowResponse[];
}
