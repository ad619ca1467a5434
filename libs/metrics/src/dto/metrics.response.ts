import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FACILITY_TYPES } from '@careops/care';

export class ResidentsByLevelCountsResponse {
  @ApiProperty() SELF_CARE!: number;
  @ApiProperty() SEMI_DISABLED!: number;
  @ApiProperty() FULLY_DISABLED!: number;
  @ApiProperty({ description: 'in care with no assessment by then' }) UNASSESSED!: number;
}

export class MetricsWorstDayResponse {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() required!: number;
  @ApiProperty() counted!: number;
}

export class MetricsStaffingResponse {
  @ApiProperty() days!: number;
  @ApiProperty() compliantDays!: number;
  @ApiProperty({ type: Number, nullable: true }) compliancePct!: number | null;
  @ApiProperty({ type: MetricsWorstDayResponse, nullable: true }) worstDay!: MetricsWorstDayResponse | null;
}

export class MetricsCertificationResponse {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() certified!: number;
  @ApiProperty() caregivers!: number;
  @ApiProperty({ type: Number, nullable: true }) pct!: number | null;
}

export class PctTargetResponse {
  @ApiProperty({ example: 55 }) targetPct!: number;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null: nothing to measure' }) met!: boolean | null;
}

export class EveryDayTargetResponse {
  @ApiProperty({ enum: ['EVERY_DAY'] }) target!: 'EVERY_DAY';
  @ApiProperty({ type: Boolean, nullable: true, description: 'null: nothing to measure' }) met!: boolean | null;
}

export class MetricsTargetsResponse {
  @ApiProperty({ type: PctTargetResponse }) nursingBedRatio!: PctTargetResponse;
  @ApiProperty({ type: EveryDayTargetResponse }) staffingCompliance!: EveryDayTargetResponse;
  @ApiProperty({ type: PctTargetResponse }) certification!: PctTargetResponse;
}

export class MetricsDayResponse {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() inService!: number;
  @ApiProperty() occupied!: number;
  @ApiProperty({ type: Number, nullable: true }) occupancyPct!: number | null;
}

/** docs/rules.md §7 figures of one facility on a date or over a month, each against its target. */
export class MetricsResponse {
  @ApiProperty({ format: 'uuid' }) facilityId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: FACILITY_TYPES }) type!: string;
  @ApiProperty({ example: '410403' }) divisionCode!: string;
  @ApiPropertyOptional({ format: 'date', description: 'when asked for a date' }) date?: string;
  @ApiPropertyOptional({ example: '2026-09', description: 'when asked for a month' }) month?: string;
  @ApiProperty({ format: 'date', description: 'the day of the snapshot figures (the last of the period)' }) asOf!: string;
  @ApiProperty() bedsInService!: number;
  @ApiProperty() nursingBeds!: number;
  @ApiProperty({ type: Number, nullable: true }) nursingBedRatioPct!: number | null;
  @ApiProperty() occupiedBeds!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'occupied bed-days ÷ in-service bed-days' }) occupancyPct!: number | null;
  @ApiProperty() occupiedBedDays!: number;
  @ApiProperty() inServiceBedDays!: number;
  @ApiProperty() residentsTotal!: number;
  @ApiProperty({ type: ResidentsByLevelCountsResponse }) residentsByLevel!: ResidentsByLevelCountsResponse;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'residents by category' })
  residentsByCategory!: Record<string, number>;
  @ApiProperty({ type: MetricsStaffingResponse }) staffing!: MetricsStaffingResponse;
  @ApiProperty({ type: MetricsCertificationResponse }) certification!: MetricsCertificationResponse;
  @ApiProperty({ type: MetricsTargetsResponse }) targets!: MetricsTargetsResponse;
  @ApiProperty({ type: [MetricsDayResponse] }) daily!: MetricsDayResponse[];
}

/** The ratios of docs/rules.md §7 and the sums they are made of. */
export class SummaryFiguresResponse {
  @ApiProperty() bedsInService!: number;
  @ApiProperty() nursingBeds!: number;
  @ApiProperty() occupiedBedDays!: number;
  @ApiProperty() inServiceBedDays!: number;
  @ApiProperty() staffingDays!: number;
  @ApiProperty() compliantDays!: number;
  @ApiProperty({ type: Number, nullable: true }) nursingBedRatioPct!: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) nursingBedTargetMet!: boolean | null;
  @ApiProperty({ type: Number, nullable: true }) occupancyPct!: number | null;
  @ApiProperty({ type: Number, nullable: true }) staffingCompliancePct!: number | null;
}

/** 持证上岗率 on the last day of the month: certified caregivers ÷ caregivers employed then. */
export class DivisionCertificationResponse {
  @ApiProperty() certified!: number;
  @ApiProperty() caregivers!: number;
  @ApiProperty({ type: Number, nullable: true }) pct!: number | null;
}

/** A facility's row of the division summary. */
export class DivisionRowResponse extends SummaryFiguresResponse {
  @ApiProperty({ format: 'uuid' }) facilityId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: FACILITY_TYPES }) type!: string;
  @ApiProperty({ example: '410403' }) divisionCode!: string;
  @ApiProperty({ type: String, nullable: true, example: '卫东区', description: 'GB/T 2260 name of divisionCode' }) divisionName!:
    | string
    | null;
  @ApiProperty() residentsTotal!: number;
  @ApiProperty({ type: ResidentsByLevelCountsResponse, description: 'in care on the last day of the month' })
  residentsByLevel!: ResidentsByLevelCountsResponse;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'residents by category on the last day' })
  residentsByCategory!: Record<string, number>;
  @ApiProperty({ type: DivisionCertificationResponse }) certification!: DivisionCertificationResponse;
  @ApiProperty({ type: String, nullable: true, description: 'when the last document was issued for the facility' }) lastReportAt!:
    | string
    | null;
}

/** The division total: ratios of sums over the rows (docs/rules.md §7). */
export class DivisionFiguresResponse extends SummaryFiguresResponse {
  @ApiProperty() facilities!: number;
  @ApiProperty() residentsTotal!: number;
  @ApiProperty({ type: ResidentsByLevelCountsResponse }) residentsByLevel!: ResidentsByLevelCountsResponse;
  @ApiProperty({ type: DivisionCertificationResponse }) certification!: DivisionCertificationResponse;
}

/** The division total: ratios of sums over the rows (docs/rules.md §7). */
export class DivisionTotalResponse extends DivisionFiguresResponse {
  @ApiProperty({ type: String, nullable: true, example: '平顶山市' }) divisionName!: string | null;
}

/** A subtotal: a city, or a county within it (docs/rules.md §7: ratios of sums at every level). */
export class DivisionGroupResponse {
  @ApiProperty({ example: '410421' }) divisionCode!: string;
  @ApiProperty({ type: String, nullable: true, example: '宝丰县' }) divisionName!: string | null;
  @ApiProperty({ enum: ['CITY', 'COUNTY'] }) level!: 'CITY' | 'COUNTY';
  @ApiProperty({ type: String, nullable: true, description: 'the city of a county; null for a city' }) parentCode!: string | null;
  @ApiProperty({ type: DivisionFiguresResponse }) figures!: DivisionFiguresResponse;
  @ApiProperty({ type: [String], description: 'the rows it sums, in the order of rows' }) facilityIds!: string[];
}

/** 辖区汇总 (docs/rules.md §8). */
export class DivisionSummaryResponse {
  @ApiProperty({ example: '410403' }) divisionCode!: string;
  @ApiProperty({ type: String, nullable: true, example: '卫东区' }) divisionName!: string | null;
  @ApiProperty({ example: '2026-09' }) month!: string;
  @ApiProperty({ type: [DivisionRowResponse] }) rows!: DivisionRowResponse[];
  @ApiProperty({ type: DivisionTotalResponse }) total!: DivisionTotalResponse;
  @ApiProperty({ type: [DivisionGroupResponse], description: 'city → county subtotals, each city followed by its counties' })
  groups!: DivisionGroupResponse[];
}
