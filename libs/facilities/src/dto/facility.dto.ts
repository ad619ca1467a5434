import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { FACILITY_TYPES, MEDICAL_ARRANGEMENTS, OPERATOR_KINDS } from '../facility.entity';
import { IsDecimalNumber } from '@careops/platform';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** docs/api.md: `name, type, divisionCode, buildingAreaM2, ...` */
export class CreateFacilityDto {
  @ApiProperty({ example: '平顶山市颐康养老院' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: FACILITY_TYPES })
  @IsIn(FACILITY_TYPES, { message: `type must be one of ${FACILITY_TYPES.join(', ')}` })
  type!: (typeof FACILITY_TYPES)[number];

  @ApiProperty({ example: '410421', description: 'GB/T 2260 division code, 6 digits' })
  @Matches(/^\d{6}$/, { message: 'divisionCode must be a 6-digit division code (行政区划代码)' })
  divisionCode!: string;

  @ApiProperty({ example: 6800 })
  @IsDecimalNumber(2)
  @Min(0)
  @Max(10_000_000)
  buildingAreaM2!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string;

  @ApiPropertyOptional({ description: '备案号' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  licenseNumber?: string;

  @ApiPropertyOptional({ enum: OPERATOR_KINDS })
  @IsOptional()
  @IsIn(OPERATOR_KINDS)
  operatorKind?: (typeof OPERATOR_KINDS)[number];

  @ApiPropertyOptional({
    example: '2025-06-01',
    description: 'in operation since (docs/rules.md §11: the task list counts centers in operation)',
  })
  @IsOptional()
  @Matches(DATE, { message: 'inOperationSince must be a date YYYY-MM-DD' })
  inOperationSince?: string;

  @ApiPropertyOptional({ example: '宝丰县民政局', description: '运营方: who runs it' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  operator?: string;

  @ApiPropertyOptional({ description: '特困供养: the facility takes in state-supported residents' })
  @IsOptional()
  @IsBoolean()
  tekunSupport?: boolean;
}

/** The facility's checks (docs/rules.md §2) and descriptive fields; type and division: platform admin only. */
export class UpdateFacilityDto extends PartialType(CreateFacilityDto) {
  @ApiPropertyOptional({ example: '2026-03-01', description: '消防达标 date' })
  @IsOptional()
  @Matches(DATE, { message: 'fireSafetyPassedOn must be a date YYYY-MM-DD' })
  fireSafetyPassedOn?: string;

  @ApiPropertyOptional({ enum: MEDICAL_ARRANGEMENTS, description: '医养结合' })
  @IsOptional()
  @IsIn(MEDICAL_ARRANGEMENTS)
  medicalArrangement?: (typeof MEDICAL_ARRANGEMENTS)[number];

  @ApiPropertyOptional({ description: 'GB 38600 safety self-check date' })
  @IsOptional()
  @Matches(DATE, { message: 'safetyStandardCheckedOn must be a date YYYY-MM-DD' })
  safetyStandardCheckedOn?: string;

  @ApiPropertyOptional({ description: 'GB/T 35796 quality self-check date' })
  @IsOptional()
  @Matches(DATE, { message: 'qualityStandardCheckedOn must be a date YYYY-MM-DD' })
  qualityStandardCheckedOn?: string;

  @ApiPropertyOptional({ example: '中国农业银行宝丰县支行', description: '开户银行 (收款账户 of the claim form)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  bankName?: string;

  @ApiPropertyOptional({ example: '宝丰县颐康养老院', description: '账户名称' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  bankAccountName?: string;

  @ApiPropertyOptional({ example: '16231101040012345', description: '银行账号: 8–32 digits' })
  @IsOptional()
  @Matches(/^\d{8,32}$/, { message: 'bankAccountNumber must be 8 to 32 digits (银行账号)' })
  bankAccountNumber?: string;

  @ApiPropertyOptional({ example: '李会计', description: '经办人' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  contactPerson?: string;

  @ApiPropertyOptional({ example: '0375-6512345', description: '联系电话: digits, "-", "+", spaces; 7–20 characters' })
  @IsOptional()
  @Matches(/^[-0-9+ ]{7,20}$/, { message: 'contactPhone must be a phone number of 7 to 20 digits, "-", "+" or spaces (联系电话)' })
  contactPhone?: string;
}

/** `POST /api/facilities/:id/archive` (docs/rules.md §11): why the facility leaves the figures. */
export class ArchiveFacilityDto {
  @ApiProperty({ example: '2026年10月停业注销' })
  @IsString()
  @Matches(/\S/, { message: 'reason is required: say why the facility is archived (请填写归档原因)' })
  @MaxLength(200)
  reason!: string;
}
