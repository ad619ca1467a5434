import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsMonth } from '@careops/platform';

/** `?months=12&to=YYYY-MM[&facilityId=]` (docs/api.md "Supervision"): the months ending with `to`. */
export class TrendQuery {
  @ApiProperty({ example: '2026-09', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'the last month of the trend' })
  @IsMonth()
  to!: string;

  @ApiPropertyOptional({ example: 12, minimum: 1, maximum: 24, default: 12 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24)
  months?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'one facility of the division (the drill-down) instead of the whole division' })
  @IsOptional()
  @IsUUID()
  facilityId?: string;
}

export class TrendMonthResponse {
  @ApiProperty({ example: '2026-09' }) month!: string;
  @ApiProperty({ description: 'facilities counted that month (archived ones never)' }) facilities!: number;
  @ApiProperty({ type: Number, nullable: true, example: 56.25 }) nursingBedRatioPct!: number | null;
  @ApiProperty({ type: Number, nullable: true }) occupancyPct!: number | null;
  @ApiProperty({ type: Number, nullable: true }) staffingCompliancePct!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '持证上岗率 on the last day of the month' }) certificationPct!: number | null;
}

export class TrendResponse {
  @ApiProperty({ example: '410400' }) divisionCode!: string;
  @ApiProperty({ type: String, nullable: true, example: '平顶山市' }) divisionName!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) facilityId!: string | null;
  @ApiProperty({ type: [TrendMonthResponse], description: 'oldest first; each a ratio of sums over the facilities (docs/rules.md §7)' })
  months!: TrendMonthResponse[];
}
