import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, DateOrMonthQuery, DivisionCodeParam, FacilityController, MonthQuery, Roles, SUPERVISING } from '@careops/platform';
import { DivisionsService } from './divisions.service';
import { DivisionSummaryResponse, MetricsResponse } from './dto/metrics.response';
import { MetricsService } from './metrics.service';

@ApiTags('metrics')
@FacilityController('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'docs/rules.md §7 metrics on a date or over a month (exactly one of them), each against its target' })
  @ApiOkResponse({ type: MetricsResponse })
  get(@Query() q: DateOrMonthQuery) {
    return this.metrics.figures(q);
  }
}

@ApiTags('divisions')
@Controller('divisions')
export class DivisionsController {
  constructor(private readonly divisions: DivisionsService) {}

  @Get(':code/summary')
  @Roles(...SUPERVISING)
  @ApiOperation({ summary: '辖区汇总: one row per facility of the division and the total as a ratio of sums' })
  @ApiOkResponse({ type: DivisionSummaryResponse })
  summary(@Param() p: DivisionCodeParam, @Query() q: MonthQuery) {
    return this.divisions.summary(p.code, q.month);
  }
}
