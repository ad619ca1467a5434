import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FACILITY_TYPES } from '@careops/care';

export const HOME_ALERT_KINDS = [
  'CERTIFICATES_EXPIRED',
  'CERTIFICATES_EXPIRING',
  'STAFFING_SHORT',
  'ASSESSMENT_MISSING',
  'ASSESSMENT_DUE',
  'RISK_ASSESSMENT_MISSING',
  'CLAIM_DUE',
  'MONTHLY_REPORT_DUE',
] as const;
export type HomeAlertKind = (typeof HOME_ALERT_KINDS)[number];
export const HOME_ALERT_SEVERITIES = ['WARN', 'DANGER'] as const;
export type HomeAlertSeverity = (typeof HOME_ALERT_SEVERITIES)[number];

export class HomeByLevelResponse {
  @ApiProperty({ example: 20 }) SELF_CARE!: number;
  @ApiProperty({ example: 8 }) SEMI_DISABLED!: number;
  @ApiProperty({ example: 5 }) FULLY_DISABLED!: number;
}

/** Who is in care on the date and the beds (docs/rules.md §3, §4); a day center's members and who came. */
export class HomeCensusResponse {
  @ApiProperty({ description: 'in care and here (admitted, not on leave); for a day center with no beds 0', example: 31 })
  inCare!: number;
  @ApiProperty({ description: 'in care and away on leave 请假/外出住院 (they keep their bed)', example: 2 }) onLeave!: number;
  @ApiProperty({ type: HomeByLevelResponse, description: 'everyone in care (here or on leave) by the level in force on the date' })
  byLevel!: HomeByLevelResponse;
  @ApiProperty({ description: 'in care without any assessment in force on the date', example: 0 }) unassessed!: number;
  @ApiPropertyOptional({ description: 'every bed (in service or not); absent for a facility without beds', example: 40 }) beds?: number;
  @ApiPropertyOptional({ description: 'in service and nobody on it', example: 6 }) freeBeds?: number;
  @ApiPropertyOptional({ description: 'out of service 停用 on the date', example: 1 }) outOfService?: number;
  @ApiPropertyOptional({ description: 'a day center: members enrolled on the date', example: 12 }) members?: number;
  @ApiPropertyOptional({ description: 'a day center: members who checked in on the date', example: 9 }) present?: number;
}

/** One thing an alert is about: a person, a certificate, a day, a claim. */
export class HomeAlertItemResponse {
  @ApiProperty({ description: 'the certificate, resident, claim or programme, or the day', example: '2a0f…' }) id!: string;
  @ApiProperty({ description: 'who or what: a name, a day, a month', example: '王芳' }) label!: string;
  @ApiPropertyOptional({ description: 'what about it: the certificate type, the programme', example: '养老护理员职业技能等级证书' })
  detail?: string;
  @ApiPropertyOptional({ format: 'date', description: 'the day: expiry, due day, the short day' }) on?: string;
  @ApiPropertyOptional({ description: 'STAFFING_SHORT: caregivers required (a day center: staff required, 3)', example: 5 })
  required?: number;
  @ApiPropertyOptional({ description: 'STAFFING_SHORT: caregivers counted, FTE (a day center: staff on the roster)', example: 4 })
  counted?: number;
  @ApiPropertyOptional({ description: 'the web path of the screen for this item', example: '/f/…/residents/…' }) link?: string;
}

export class HomeAlertResponse {
  @ApiProperty({ enum: HOME_ALERT_KINDS }) kind!: HomeAlertKind;
  @ApiProperty({ enum: HOME_ALERT_SEVERITIES }) severity!: HomeAlertSeverity;
  @ApiProperty({ example: 2 }) count!: number;
  @ApiPropertyOptional({ format: 'date', description: 'the deadline (CLAIM_DUE, MONTHLY_REPORT_DUE: the 25th)' }) dueOn?: string;
  @ApiPropertyOptional({ description: 'the month a deadline is about (CLAIM_DUE, MONTHLY_REPORT_DUE)', example: '2026-11' }) month?: string;
  @ApiProperty({ type: [HomeAlertItemResponse] }) items!: HomeAlertItemResponse[];
  @ApiProperty({ description: 'the web path of the screen where it is fixed', example: '/f/…/staff?certificates=EXPIRING' }) link!: string;
}

/** The facility manager's 工作台 on a date: the census and what needs doing (docs/rules.md §6, §7, §11). */
export class HomeResponse {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ enum: FACILITY_TYPES }) facilityType!: (typeof FACILITY_TYPES)[number];
  @ApiProperty({ type: HomeCensusResponse }) census!: HomeCensusResponse;
  @ApiProperty({ type: [HomeAlertResponse], description: 'only the alerts that apply, the dangerous first' }) alerts!: HomeAlertResponse[];
}
