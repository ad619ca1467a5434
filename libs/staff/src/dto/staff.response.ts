import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STAFF_ROLES } from '@careops/care';

const EXCLUSION_REASONS = ['NOT_EMPLOYED', 'UNTRAINED', 'NO_VALID_CERTIFICATE', 'CERTIFICATE_EXPIRED'] as const;

export class TrainingResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '养老护理员岗前培训' }) course!: string;
  @ApiProperty({ format: 'date' }) completedOn!: string;
  @ApiProperty() passed!: boolean;
}

export class CertificateResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '养老护理员职业技能等级证书' }) type!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ type: String, nullable: true, example: '四级/中级工' }) level!: string | null;
  @ApiProperty({ format: 'date' }) issuedOn!: string;
  @ApiProperty({ format: 'date', description: 'valid on [issuedOn, expiresOn)' }) expiresOn!: string;
}

/** A staff member with trainings and certificates (docs/api.md "staff"). */
export class StaffResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '张丽' }) name!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: (typeof STAFF_ROLES)[number];
  @ApiProperty({ format: 'date' }) employedFrom!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'first day no longer employed' }) employedTo!: string | null;
  @ApiProperty({ example: 1, description: 'full-time 1, part-time a fraction' }) fte!: number;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: [TrainingResponse] }) trainings!: TrainingResponse[];
  @ApiProperty({ type: [CertificateResponse] }) certificates!: CertificateResponse[];
}

export class ResidentsByLevelResponse {
  @ApiProperty() SELF_CARE!: number;
  @ApiProperty() SEMI_DISABLED!: number;
  @ApiProperty() FULLY_DISABLED!: number;
}

export class ExcludedStaffResponse {
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty({ enum: EXCLUSION_REASONS }) reason!: (typeof EXCLUSION_REASONS)[number];
  @ApiProperty({ example: '未经岗前培训' }) reasonLabel!: string;
}

/** One day of the staffing period (docs/rules.md §6). */
export class StaffingDayResponse {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ type: ResidentsByLevelResponse }) residentsByLevel!: ResidentsByLevelResponse;
  @ApiProperty({ description: 'residents in care with no assessment yet' }) unassessed!: number;
  @ApiProperty({ description: 'caregivers required' }) required!: number;
  @ApiProperty({ description: 'caregivers counted (FTE)' }) counted!: number;
  @ApiProperty() compliant!: boolean;
  @ApiProperty({ type: [ExcludedStaffResponse], description: 'caregivers not counted, and why' }) excluded!: ExcludedStaffResponse[];
  @ApiProperty() staffOnRoster!: number;
  @ApiPropertyOptional({ description: 'day centers and street centers only: at least 3 staff on the roster (docs/rules.md §2)' })
  dayCenterMinimumMet?: boolean;
}

export class WorstDayResponse {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() required!: number;
  @ApiProperty() countedHundredths!: number;
  @ApiProperty() counted!: number;
}

export class CertificationResponse {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() certified!: number;
  @ApiProperty() caregivers!: number;
  @ApiProperty({ type: Number, nullable: true }) pct!: number | null;
}

export class DayCenterMinimumResponse {
  @ApiProperty({ example: 3 }) required!: number;
  @ApiProperty() daysMet!: number;
}

export class StaffingSummaryResponse {
  @ApiProperty() days!: number;
  @ApiProperty() compliantDays!: number;
  @ApiProperty({ type: Number, nullable: true }) compliancePct!: number | null;
  @ApiProperty({ type: WorstDayResponse, nullable: true, description: 'the largest shortfall, earliest of equals' })
  worstDay!: WorstDayResponse | null;
  @ApiProperty({ type: CertificationResponse, description: '持证上岗率 on the last day' }) certification!: CertificationResponse;
  @ApiPropertyOptional({ type: DayCenterMinimumResponse, description: 'day centers and street centers only (docs/rules.md §2)' })
  dayCenterMinimum?: DayCenterMinimumResponse;
}

/** GET compliance/staffing: the period's days and summary (docs/rules.md §6–§7). */
export class StaffingResponse {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: [StaffingDayResponse] }) days!: StaffingDayResponse[];
  @ApiProperty({ type: StaffingSummaryResponse }) summary!: StaffingSummaryResponse;
}

/** An alert the worker wrote (tomorrow projected non-compliant, a claim not submitted). */
export class ComplianceAlertResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date' }) day!: string;
  @ApiProperty({ enum: ['STAFFING_PROJECTED_NONCOMPLIANT', 'CLAIM_NOT_SUBMITTED'] }) kind!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'what the alert is about, by kind' }) detail!: Record<
    string,
    unknown
  >;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}
