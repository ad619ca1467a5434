import { ApiProperty } from '@nestjs/swagger';
import { INCIDENT_TYPES, SAFETY_DRILL_KINDS, SAFETY_RISKS } from '@careops/care';
import { INCIDENT_STATES, RisksDto } from './safety.dto';

/** A nine-risk assessment 九防 of a resident (docs/rules.md §10). */
export class RiskAssessmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ example: '刘德胜' }) name!: string;
  @ApiProperty({ format: 'date' }) assessedOn!: string;
  @ApiProperty({ type: RisksDto, description: 'each risk NONE / LOW / HIGH' })
  risks!: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'the protective measure by risk' })
  measures!: Record<string, string>;
  @ApiProperty({ type: String, nullable: true, example: '王护士长' }) assessor!: string | null;
  @ApiProperty({ enum: SAFETY_RISKS, isArray: true, description: 'the HIGH risks, in the standard’s order' }) highRisks!: string[];
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: Date;
}

/** A resident in care and their latest nine-risk assessment (null: never assessed). */
export class ResidentRiskResponse {
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ example: '刘德胜' }) name!: string;
  @ApiProperty({ type: RiskAssessmentResponse, nullable: true }) latest!: RiskAssessmentResponse | null;
}

export class IncidentResidentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '刘德胜' }) name!: string;
}

/** A safety incident 安全事件 (docs/rules.md §10); closed only with the family notice and a review. */
export class IncidentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: INCIDENT_TYPES }) type!: string;
  @ApiProperty({ example: '跌倒' }) label!: string;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt!: Date;
  @ApiProperty({ example: '2号楼 203 卫生间' }) place!: string;
  @ApiProperty({ type: [IncidentResidentResponse] }) residents!: IncidentResidentResponse[];
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, nullable: true }) injuries!: string | null;
  @ApiProperty({ type: String, nullable: true }) actions!: string | null;
  @ApiProperty({ enum: INCIDENT_STATES }) state!: (typeof INCIDENT_STATES)[number];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) familyNotifiedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, example: '电话' }) familyNotifiedHow!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '李护士长' }) familyNotifiedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) review!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: Date | null;
}

/** A fire drill 消防演练 or a safety inspection 安全检查. */
export class SafetyDrillResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SAFETY_DRILL_KINDS }) kind!: string;
  @ApiProperty({ example: '消防演练' }) label!: string;
  @ApiProperty({ format: 'date' }) on!: string;
  @ApiProperty({ description: 'who took part, as text' }) participants!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'how many took part, when counted' }) participantCount!: number | null;
  @ApiProperty() findings!: string;
}

export class IncidentTypeCountResponse {
  @ApiProperty({ enum: INCIDENT_TYPES }) type!: string;
  @ApiProperty({ example: '跌倒' }) label!: string;
  @ApiProperty({ example: 2 }) count!: number;
}

export class UnmeasuredRiskResponse {
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ example: '刘德胜' }) name!: string;
  @ApiProperty({ enum: SAFETY_RISKS }) risk!: string;
  @ApiProperty({ example: '跌倒' }) label!: string;
  @ApiProperty({ format: 'date' }) assessedOn!: string;
}

export class UnassessedResidentResponse {
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ example: '刘德胜' }) name!: string;
}

/** The month's safety figures (docs/rules.md §10), as the compliance report prints them. */
export class SafetySummaryResponse {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({ format: 'date', description: 'the day the residents in care are counted: the month’s last day, or today if earlier' })
  asOf!: string;
  @ApiProperty({ example: 12, description: 'residents on a bed on asOf' }) residentsInCare!: number;
  @ApiProperty({ example: 11, description: 'of them, with a nine-risk assessment on or before asOf' }) residentsAssessed!: number;
  @ApiProperty({ type: [UnassessedResidentResponse] }) unassessed!: UnassessedResidentResponse[];
  @ApiProperty({ type: [UnmeasuredRiskResponse], description: 'HIGH risks of the latest assessments with no measure (should be none)' })
  highRisksWithoutMeasure!: UnmeasuredRiskResponse[];
  @ApiProperty({ example: 3, description: 'incidents that occurred in the month' }) incidents!: number;
  @ApiProperty({ example: 1, description: 'of them, not closed yet' }) openIncidents!: number;
  @ApiProperty({ type: [IncidentTypeCountResponse], description: 'the month’s incidents by type, types with none left out' })
  incidentsByType!: IncidentTypeCountResponse[];
  @ApiProperty({ type: SafetyDrillResponse, nullable: true, description: 'the last fire drill on or before the month’s end' })
  lastFireDrill!: SafetyDrillResponse | null;
  @ApiProperty({ type: SafetyDrillResponse, nullable: true, description: 'the last safety inspection on or before the month’s end' })
  lastInspection!: SafetyDrillResponse | null;
}
