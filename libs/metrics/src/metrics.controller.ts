import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, DateOrMonthQuery, FacilityController, Roles } from '@careops/platform';
import { MetricsResponse } from './dto/metrics.response';
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
