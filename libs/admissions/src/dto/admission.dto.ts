import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { CARE_LEVELS } from '@careops/care';
import { IsIsoDate } from '@careops/platform';

/** docs/api.md: `residentId, bedId, admittedOn, careLevel?` */
export class CreateAdmissionDto {
  @ApiProperty() @IsUUID('all', { message: 'residentId must be a UUID' }) residentId!: string;
  @ApiProperty() @IsUUID('all', { message: 'bedId must be a UUID' }) bedId!: string;
  @ApiProperty({ example: '2026-03-15' }) @IsIsoDate() admittedOn!: string;
  @ApiPropertyOptional({ enum: CARE_LEVELS, description: 'records an assessment effective on admittedOn' })
  @IsOptional()
  @IsIn(CARE_LEVELS, { message: `careLevel must be one of ${CARE_LEVELS.join(', ')}` })
  careLevel?: (typeof CARE_LEVELS)[number];
}

/** docs/api.md: `{bedId, on}` */
export class TransferDto {
  @ApiProperty() @IsUUID('all', { message: 'bedId must be a UUID' }) bedId!: string;
  @ApiProperty({ example: '2026-04-01' }) @IsIsoDate() on!: string;
}

/** docs/api.md: `{dischargedOn, reason}` */
export class DischargeDto {
  @ApiProperty({ example: '2026-05-01', description: 'the first day no longer in care (docs/rules.md §5)' })
  @IsIsoDate()
  dischargedOn!: string;
  @ApiProperty({ example: '回家养老' }) @IsString() @MinLength(1) @MaxLength(200) reason!: string;
}

/** docs/api.md: `{from, to, reason}`; kind 请假 (LEAVE) or 外出住院 (HOSPITAL). */
export class LeaveDto {
  @ApiProperty({ example: '2026-04-10' }) @IsIsoDate() from!: string;
  @ApiProperty({ example: '2026-04-13', description: 'first day back (exclusive)' }) @IsIsoDate() to!: string;
  @ApiProperty({ example: '春节回家' }) @IsString() @MinLength(1) @MaxLength(200) reason!: string;
  @ApiPropertyOptional({ enum: ['LEAVE', 'HOSPITAL'], default: 'LEAVE' }) @IsOptional() @IsIn(['LEAVE', 'HOSPITAL']) kind?:
    | 'LEAVE'
    | 'HOSPITAL';
}

/** `?residentId=`: one resident's admissions only. */
export class AdmissionsQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'residentId must be a UUID' }) residentId?: string;
}
