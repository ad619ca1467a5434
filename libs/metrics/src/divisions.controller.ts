import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DivisionCodeParam, MonthQuery, Roles, SUPERVISING } from '@careops/platform';
import { DivisionsService } from './divisions.service';
import { DivisionSummaryResponse } from './dto/metrics.response';
import { TrendQuery, TrendResponse } from './dto/trend.dto';

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

  @Get(':code/trend')
  @Roles(...SUPERVISING)
  @ApiOperation({ summary: 'The division’s (or one facility’s) ratios over the months ending with `to`: the dashboard’s trend' })
  @ApiOkResponse({ type: TrendResponse })
  trend(@Param() p: DivisionCodeParam, @Query() q: TrendQuery) {
    return this.divisions.trend(p.code, q.to, q.months ?? 12, q.facilityId);
  }
}
