import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsDecimalNumber, IsMonth } from '@careops/platform';

const count = (zh: string) =>
  ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, description: `${zh}: a count; null removes the target` });
const ratio = (zh: string) =>
  ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 100,
    description: `${zh}: a percentage, ≤ 2 decimals; null removes it`,
  });

/** `PUT /divisions/:code/targets/:year`: `{INDICATOR: target, …}` (docs/rules.md §11); indicators left out stay as they are. */
export class TargetsDto {
  @count('街道综合养老中心 in operation') @IsOptional() @IsInt() @Min(0) @Max(1_000_000_000) STREET_CENTERS?: number | null;
  @count('社区日间照料中心 in operation') @IsOptional() @IsInt() @Min(0) @Max(1_000_000_000) DAY_CENTERS?: number | null;
  @count('家庭养老床位 enrolled in the year') @IsOptional() @IsInt() @Min(0) @Max(1_000_000_000) HOME_CARE_BEDS?: number | null;
  @count('护理员培训: caregivers trained in the year') @IsOptional() @IsInt() @Min(0) @Max(1_000_000_000) CAREGIVERS_TRAINED?:
    | number
    | null;
  @ratio('护理型床位占比') @IsOptional() @IsDecimalNumber(2) @Min(0) @Max(100) NURSING_BED_RATIO?: number | null;
  @ratio('持证上岗率') @IsOptional() @IsDecimalNumber(2) @Min(0) @Max(100) CERTIFICATION_RATE?: number | null;
  @ratio('消防达标率') @IsOptional() @IsDecimalNumber(2) @Min(0) @Max(100) FIRE_SAFETY_RATE?: number | null;
  @ratio('医养结合覆盖率') @IsOptional() @IsDecimalNumber(2) @Min(0) @Max(100) MEDICAL_COVERAGE_RATE?: number | null;
}

/** `:code/targets/:year`. */
export class DivisionYearParams {
  @ApiProperty({ example: '410400', pattern: '^\\d{6}$' })
  @Matches(/^\d{6}$/, { message: 'code must be a division code of six digits (行政区划代码应为6位数字)' })
  code!: string;

  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

/** `?year=` of the task list. */
export class YearQuery {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

/** `POST facilities/:id/monthly-reports`: the month (a past one); a resubmission says why. */
export class SubmitMonthlyReportDto {
  @ApiProperty({ example: '2026-11', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' })
  @IsMonth()
  month!: string;

  @ApiPropertyOptional({ example: '11月护理型床位数填报有误，更正', description: 'required for a resubmission, refused on the first' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;
}
