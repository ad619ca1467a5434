import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CARE_LEVELS, type CareLevel } from '@careops/care';
import { RESIDENT_CATEGORIES } from '../resident.entity';

/** `?reveal=idNumber`: the full ID number, to the facility manager only, audited (docs/rules.md §4). */
export class RevealQuery {
  @ApiPropertyOptional({ enum: ['idNumber'], description: 'managers only; audited' })
  @IsOptional()
  @IsIn(['idNumber'], { message: 'reveal accepts only idNumber (仅可查看身份证号)' })
  reveal?: 'idNumber';
}

export const REGISTER_STATUSES = ['IN_CARE', 'ON_LEAVE', 'DISCHARGED', 'ALL'] as const;

/**
 * The register 老人档案: `q` matches the name, its pinyin initials (wxy), a bed code or the last
 * digits of the ID number. With `page`, the answer is a page `{items, total, page, pageSize}`;
 * without it, the plain list of residents as before (docs/api.md).
 */
export class RegisterQuery {
  @ApiPropertyOptional({ example: 'wxy', description: 'name, pinyin initials, bed code or the last 1–4 characters of the ID number' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ enum: REGISTER_STATUSES, default: 'ALL', description: 'today: 在住, 请假, 已退住, or all' })
  @IsOptional()
  @IsIn(REGISTER_STATUSES, { message: `status must be one of ${REGISTER_STATUSES.join(', ')}` })
  status?: (typeof REGISTER_STATUSES)[number];

  @ApiPropertyOptional({ enum: CARE_LEVELS, description: 'the level in force today' })
  @IsOptional()
  @IsIn(CARE_LEVELS, { message: `level must be one of ${CARE_LEVELS.join(', ')}` })
  level?: CareLevel;

  @ApiPropertyOptional({ enum: RESIDENT_CATEGORIES })
  @IsOptional()
  @IsIn(RESIDENT_CATEGORIES, { message: `category must be one of ${RESIDENT_CATEGORIES.join(', ')}` })
  category?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100_000, description: 'given: the answer is a page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number from 1' })
  @Min(1, { message: 'page must be a whole number from 1' })
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number from 1 to 100' })
  @Min(1, { message: 'pageSize must be a whole number from 1 to 100' })
  @Max(100, { message: 'pageSize must be a whole number from 1 to 100' })
  pageSize?: number;
}
