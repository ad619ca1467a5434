import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, Roles } from '@careops/platform';
import { DivisionsService } from './divisions.service';
import { MetricsService } from './metrics.service';

@ApiTags('metrics')
@Controller('facilities/:facilityId/metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'docs/rules.md §7 metrics on a date or over a month, each against its target' })
  @ApiQuery({ name: 'date', required: false, example: '2026-10-31' })
  @ApiQuery({ name: 'month', required: false, example: '2026-10' })
  get(@Param('facilityId', ParseUUIDPipe) _f: string, @Query('date') date?: string, @Query('month') month?: string) {
    return this.metrics.query({ date, month });
  }
}

@ApiTags('divisions')
@Controller('divisions')
export class DivisionsController {
  constructor(private readonly divisions: DivisionsService) {}

  @Get(':code/summary')
  @Roles('REGULATOR', 'PLATFORM_ADMIN')
  @ApiOperation({ summary: '辖区汇总: one row per facility of the division and the total as a ratio of sums' })
  summary(@Param('code') code: string, @Query('month') month: string) {
    return this.divisions.summary(code, month);
  }
}
