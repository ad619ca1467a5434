import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DivisionCodeParam, MonthQuery, Roles, SUPERVISING } from '@careops/platform';
import { DivisionsService } from './divisions.service';
import { DivisionSummaryResponse } from './dto/metrics.response';

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
