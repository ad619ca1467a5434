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

/** docs/rules.md §4: 18 characters, ISO 7064 MOD 11-2, birth date inside = dateOfBirth, a real region. */
function IsResidentIdNumber(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isResidentIdNumber',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          if (typeof value !== 'string') return false;
          const dob = (args.object as { dateOfBirth?: unknown }).dateOfBirth;
          return idNumberProblem(value, typeof dob === 'string' ? dob : undefined) === null;
        },
        defaultMessage(args: ValidationArguments) {
          const dob = (args.object as { dateOfBirth?: unknown }).dateOfBirth;
          const problem =
            typeof args.value === 'string' ? idNumberProblem(args.value, typeof dob === 'string' ? dob : undefined) : 'FORMAT';
          return `idNumber: ${ID_NUMBER_PROBLEM_MESSAGES[problem ?? 'FORMAT']}`;
        },
      },
    });
}

export class EmergencyContactDto {
  @ApiProperty({ example: '王建国' }) @IsString() @MinLength(1) @MaxLength(50) name!: string;
  @ApiProperty({ example: '儿子' }) @IsString() @MinLength(1) @MaxLength(20) relation!: string;
  @ApiProperty({ example: '13803751234' }) @Matches(/^[0-9+\-() ]{5,20}$/, { message: 'phone must be a phone number' }) phone!: string;
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

  @ApiPropertyOptional({ description: '户籍地' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  hukou?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[0-9+\-() ]{5,20}$/, { message: 'phone must be a phone number' })
  phone?: string;

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
