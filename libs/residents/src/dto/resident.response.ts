import { ApiProperty } from '@nestjs/swagger';
import { ASSESSMENT_GRADES, CARE_LEVELS, type AssessmentGrade, type CareLevel } from '@careops/care';
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
export class AssessmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-03-15' }) effectiveOn!: string;
  @ApiProperty({ enum: CARE_LEVELS }) careLevel!: CareLevel;
  @ApiProperty({ enum: ASSESSMENT_GRADES, nullable: true }) grade!: AssessmentGrade | null;
  @ApiProperty({ example: '李评估员' }) assessor!: string;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: Date;
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
