import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { CARE_LEVELS } from '@careops/care';
import { IsIsoDate } from '@careops/platform';

/** 家庭养老床位: a registered resident served at home from `from` (docs/rules.md §5, HOME_CARE_BED). */
export class CreateHomeCareBedDto {
  @ApiProperty() @IsUUID('all', { message: 'residentId must be a UUID' }) residentId!: string;
  @ApiProperty({ example: '2026-03-01' }) @IsIsoDate() from!: string;
  @ApiProperty({ example: '宝丰县城关镇人民路12号' }) @IsString() @MinLength(1) @MaxLength(200) address!: string;
  @ApiPropertyOptional({ enum: CARE_LEVELS, description: 'records an assessment effective on `from`' })
  @IsOptional()
  @IsIn(CARE_LEVELS, { message: `careLevel must be one of ${CARE_LEVELS.join(', ')}` })
  careLevel?: (typeof CARE_LEVELS)[number];
}

/** The first day no longer served: the enrolment is [from, on). */
export class EndHomeCareBedDto {
  @ApiProperty({ example: '2026-06-01' }) @IsIsoDate() on!: string;
}
