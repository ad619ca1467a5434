import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  registerDecorator,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';
import { ID_NUMBER_PROBLEM_MESSAGES, idNumberProblem } from '@careops/care';
import { IsIsoDate } from '@careops/platform';
import { RESIDENT_CATEGORIES } from '../resident.entity';

/** docs/rules.md §4: 18 characters, ISO 7064 MOD 11-2, a real birth date and region. */
function IsResidentIdNumber(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isResidentIdNumber',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          return idNumberProblem(value) === null;
        },
        // The number alone; a birth date or gender contradicting it is refused by the service with the field's own code.
        defaultMessage(args: ValidationArguments) {
          const problem = typeof args.value === 'string' ? idNumberProblem(args.value) : 'FORMAT';
          return `idNumber: ${ID_NUMBER_PROBLEM_MESSAGES[problem ?? 'FORMAT']}`;
        },
      },
    });
}

/** A mainland mobile (11 digits from 13–19) or a landline with its area code (0371-12345678). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;
const PHONE_MESSAGE =
  'phone must be a mobile number (11 digits) or a landline with area code, e.g. 0375-1234567 (手机号11位或带区号的固话)';

export class EmergencyContactDto {
  @ApiProperty({ example: '王建国' }) @IsString() @MinLength(1) @MaxLength(50) name!: string;
  @ApiProperty({ example: '儿子' }) @IsString() @MinLength(1) @MaxLength(20) relation!: string;
  @ApiProperty({ example: '13803751234' }) @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE }) phone!: string;
}

/** docs/api.md: `name, gender (M / F), dateOfBirth, idNumber, hukou?, phone?, categories?: string[]` */
export class CreateResidentDto {
  @ApiProperty({ example: '王秀英' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;

  @ApiProperty({ enum: ['M', 'F'] })
  @IsIn(['M', 'F'], { message: 'gender must be M or F' })
  gender!: 'M' | 'F';

  @ApiProperty({ example: '1948-05-12' })
  @IsIsoDate()
  dateOfBirth!: string;

  @ApiProperty({ example: '410421194805121234', description: 'stored encrypted; every read shows it masked' })
  @IsResidentIdNumber()
  idNumber!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '户籍地; null clears it' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  hukou?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '13803751234', description: 'null clears it' })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string | null;

  @ApiPropertyOptional({ type: EmergencyContactDto, nullable: true, description: '监护人; null removes it' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EmergencyContactDto)
  guardian?: EmergencyContactDto | null;

  @ApiPropertyOptional({ enum: RESIDENT_CATEGORIES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(RESIDENT_CATEGORIES, { each: true, message: `categories must be among ${RESIDENT_CATEGORIES.join(', ')}` })
  categories?: string[];

  @ApiPropertyOptional({ type: [EmergencyContactDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => EmergencyContactDto)
  emergencyContacts?: EmergencyContactDto[];
}

/** A correction: the ID number and birth date, when changed, are checked together. */
export class UpdateResidentDto extends PartialType(OmitType(CreateResidentDto, ['idNumber'] as const)) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsResidentIdNumber()
  idNumber?: string;
}
