import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsIsoDate } from '@careops/platform';

export class AuditQueryDto {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'first calendar day (China time, UTC+8), inclusive' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'last calendar day, exclusive' })
  @IsOptional()
  @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({ default: 1, maximum: 100_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page = 1;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 50;
}
