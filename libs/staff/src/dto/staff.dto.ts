import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { STAFF_ROLES } from '@careops/care';
import { IsDecimalNumber, IsIsoDate } from '@careops/platform';

/** docs/api.md: `name, role, employedFrom, employedTo?, fte` (fte: 1 full-time, 0.5 half-time). */
export class CreateStaffDto {
  @ApiProperty({ example: '张丽' }) @IsString() @MinLength(1) @MaxLength(50) name!: string;
  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: `role must be one of ${STAFF_ROLES.join(', ')}` })
  role!: (typeof STAFF_ROLES)[number];
  @ApiProperty({ example: '2025-03-01' }) @IsIsoDate() employedFrom!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-12-01',
    description: 'first day no longer employed; null in a change clears it (employed again)',
  })
  @IsOptional()
  @IsIsoDate()
  employedTo?: string | null;
  @ApiProperty({ example: 1, description: 'full-time 1, part-time a fraction (two decimals)' })
  @IsDecimalNumber(2, { message: 'fte must be a number with at most two decimals' })
  @Min(0.01, { message: 'fte must be between 0.01 and 1' })
  @Max(1, { message: 'fte must be between 0.01 and 1' })
  fte!: number;
  @ApiPropertyOptional({ type: String, nullable: true, example: '13803751234', description: 'null in a change clears it' })
  @IsOptional()
  @Matches(/^[0-9+\-() ]{5,20}$/, { message: 'phone must be a phone number' })
  phone?: string | null;
}

export class UpdateStaffDto extends PartialType(CreateStaffDto) {}

/** docs/api.md: `type, number, issuedOn, expiresOn` (level optional). */
export class CertificateDto {
  @ApiProperty({ example: '养老护理员职业技能等级证书' }) @IsString() @MinLength(1) @MaxLength(100) type!: string;
  @ApiProperty({ example: 'S000041000000235001234' }) @IsString() @MinLength(1) @MaxLength(60) number!: string;
  @ApiPropertyOptional({ example: '四级/中级工' }) @IsOptional() @IsString() @MaxLength(30) level?: string;
  @ApiProperty({ example: '2025-06-01' }) @IsIsoDate() issuedOn!: string;
  @ApiProperty({ example: '2028-06-01', description: 'valid on [issuedOn, expiresOn)' }) @IsIsoDate() expiresOn!: string;
}

/** docs/api.md: `course, completedOn, passed` */
export class TrainingDto {
  @ApiProperty({ example: '养老护理员岗前培训' }) @IsString() @MinLength(1) @MaxLength(100) course!: string;
  @ApiProperty({ example: '2025-02-20' }) @IsIsoDate() completedOn!: string;
  @ApiProperty() @IsBoolean() passed!: boolean;
}

/** A correction of a certificate: the fields given replace the recorded ones. */
export class UpdateCertificateDto extends PartialType(CertificateDto) {}

/** A correction of a training: the fields given replace the recorded ones. */
export class UpdateTrainingDto extends PartialType(TrainingDto) {}

export class PeriodDto {
  @ApiProperty({ example: '2026-03-01' }) @IsIsoDate() from!: string;
  @ApiProperty({ example: '2026-04-01', description: 'exclusive; at most 366 days after from' }) @IsIsoDate() to!: string;
}
