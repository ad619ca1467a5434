import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsIsoDate, IsMonth } from './is-iso-date';

/** `?month=YYYY-MM`, required (a claim's, a report's, a summary's month). */
export class MonthQuery {
  @ApiProperty({ example: '2026-03', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' })
  @IsMonth()
  month: string;
}

/** `?date=` or `?month=`: a figure on one day or over one month (metrics); the service requires one of them. */
export class DateOrMonthQuery {
  @ApiPropertyOptional({ example: '2026-03-15', format: 'date' })
  @IsOptional()
  @IsIsoDate()
  date?: string;

  @ApiPropertyOptional({ example: '2026-03' })
  @IsOptional()
  @IsMonth()
  month?: string;
}

/** `:code`, a GB/T 2260 division code of six digits (410400 = 平顶山市). */
export class DivisionCodeParam {
  @ApiProperty({ example: '410400', pattern: '^\\d{6}$' })
  @Matches(/^\d{6}$/, { message: 'code must be a division code of six digits (行政区划代码应为6位数字)' })
  code: string;
}
