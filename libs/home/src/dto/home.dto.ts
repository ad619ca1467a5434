import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIsoDate } from '@careops/platform';

/** `?date=`: the day the home is about (default today in the facility's time zone). */
export class HomeQuery {
  @ApiPropertyOptional({ example: '2026-12-07', format: 'date', description: "default: today in the facility's time zone" })
  @IsOptional()
  @IsIsoDate()
  date?: string;
}
