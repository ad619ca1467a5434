import { ApiProperty } from '@nestjs/swagger';
import {
  ABILITY_INSTRUMENT,
  ASSESSMENT_GRADES,
  ASSESSMENT_REASONS,
  CARE_LEVELS,
  type AssessmentGrade,
  type AssessmentReason,
  type CareLevel,
} from '@careops/care';
import { RiskEventsDto } from './assessment.dto';
import { RESIDENT_CATEGORIES } from '../resident.entity';

export class EmergencyContactResponse {
  @ApiProperty({ example: '王建国' }) name!: string;
  @ApiProperty({ example: '儿子' }) relation!: string;
  @ApiProperty({ example: '13803751234' }) phone!: string;
}

/** A resident as the API answers it: the ID number masked unless revealed (docs/rules.md §4). */
export class ResidentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '王秀英' }) name!: string;
  @ApiProperty({ enum: ['M', 'F'] }) gender!: 'M' | 'F';
  @ApiProperty({ type: String, format: 'date', example: '1948-05-12' }) dateOfBirth!: string;
  @ApiProperty({ example: '410421********1234', description: 'masked (`410421********1234`) unless revealed by a manager (audited)' })
  idNumber!: string;
  @ApiProperty({ type: String, nullable: true, description: '户籍地' }) hukou!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ enum: RESIDENT_CATEGORIES, isArray: true }) categories!: string[];
  @ApiProperty({ type: [EmergencyContactResponse] }) emergencyContacts!: EmergencyContactResponse[];
  @ApiProperty({ type: EmergencyContactResponse, nullable: true, description: '监护人' }) guardian!: EmergencyContactResponse | null;
  @ApiProperty({
    enum: ['IN_CARE', 'ON_LEAVE', 'DISCHARGED', 'REGISTERED'],
    description: 'today: 在住, 请假, 已退住; REGISTERED: not (yet) admitted',
  })
  status!: 'IN_CARE' | 'ON_LEAVE' | 'DISCHARGED' | 'REGISTERED';
  @ApiProperty({
    enum: CARE_LEVELS,
    nullable: true,
    description: 'the level in force today, from the assessment history (docs/rules.md §4)',
  })
  careLevel!: CareLevel | null;
}

/** An ability assessment as recorded (docs/rules.md §4). */
/** docs/rules.md §4a: an adjustment that made the grade worse, and why. */
export class GradeAdjustmentResponse {
  @ApiProperty({ enum: ['COMA', 'DEMENTIA', 'MENTAL_DISORDER', 'RISK_EVENTS'] }) kind!:
    | 'COMA'
    | 'DEMENTIA'
    | 'MENTAL_DISORDER'
    | 'RISK_EVENTS';
  @ApiProperty({ enum: ASSESSMENT_GRADES }) from!: AssessmentGrade;
  @ApiProperty({ enum: ASSESSMENT_GRADES }) to!: AssessmentGrade;
  @ApiProperty({ example: '诊断 F01（痴呆 F00–F03）：提高一个等级' }) reason!: string;
}

export class AssessmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-03-15' }) effectiveOn!: string;
  @ApiProperty({ enum: CARE_LEVELS }) careLevel!: CareLevel;
  @ApiProperty({ enum: ASSESSMENT_GRADES, nullable: true }) grade!: AssessmentGrade | null;
  @ApiProperty({ example: '李评估员' }) assessor!: string;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: Date;
  @ApiProperty({ description: 'scored by the GB/T 42195-2022 instrument (false: a level or grade typed in, 未评分)' }) scored!: boolean;
  @ApiProperty({ type: String, enum: [ABILITY_INSTRUMENT], nullable: true }) instrument!: string | null;
  @ApiProperty({ enum: ASSESSMENT_REASONS, nullable: true }) reason!: AssessmentReason | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) assessedOn!: string | null;
  @ApiProperty({ type: [String], nullable: true, example: ['李评估员', '王评估员'] }) assessors!: string[] | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    nullable: true,
    description: 'the 26 Part B scores by item code, B1.1–B4.5',
  })
  items!: Record<string, number> | null;
  @ApiProperty({ type: [String], example: ['F01'] }) diagnoses!: string[];
  @ApiProperty({ type: RiskEventsDto }) riskEvents30d!: RiskEventsDto;
  @ApiProperty() coma!: boolean;
  @ApiProperty({ type: Number, nullable: true, example: 84 }) totalScore!: number | null;
  @ApiProperty({ enum: ASSESSMENT_GRADES, nullable: true, description: 'the grade of the total, before the adjustments' })
  baseGrade!: AssessmentGrade | null;
  @ApiProperty({ type: [GradeAdjustmentResponse] }) adjustments!: GradeAdjustmentResponse[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the grade → level policy version that set the level' })
  levelPolicyId!: string | null;
}

/** One row of the register 老人档案: who, where and in what state today (docs/rules.md §4). */
export class RegisterItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '王秀英' }) name!: string;
  @ApiProperty({ enum: ['M', 'F'] }) gender!: 'M' | 'F';
  @ApiProperty({ example: 77, description: 'whole years today' }) age!: number;
  @ApiProperty({ example: '410421********1234' }) idNumber!: string;
  @ApiProperty({ type: String, nullable: true, example: '1-101-1', description: 'the bed today (also while on leave)' }) bed!:
    | string
    | null;
  @ApiProperty({ enum: CARE_LEVELS, nullable: true }) careLevel!: CareLevel | null;
  @ApiProperty({
    enum: ['IN_CARE', 'ON_LEAVE', 'DISCHARGED', 'REGISTERED'],
    description: '在住, 请假 (or 外出住院), 已退住; REGISTERED: registered, not (yet) admitted',
  })
  status!: 'IN_CARE' | 'ON_LEAVE' | 'DISCHARGED' | 'REGISTERED';
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'of the latest admission' }) admittedOn!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dischargedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) dischargeReason!: string | null;
  @ApiProperty({ type: Number, description: 'admissions so far' }) admissions!: number;
  @ApiProperty({ enum: RESIDENT_CATEGORIES, isArray: true }) categories!: string[];
}

/** A page of the register. */
export class RegisterPageResponse {
  @ApiProperty({ type: [RegisterItemResponse] }) items!: RegisterItemResponse[];
  @ApiProperty({ example: 42 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
}
