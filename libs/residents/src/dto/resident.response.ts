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
