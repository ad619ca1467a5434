import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DivisionCodeParam, DivisionWrite, MonthQuery, Roles, SUPERVISING } from '@careops/platform';
import { DivisionYearParams, TargetsDto, YearQuery } from './dto/supervision.dto';
import { DivisionMonthlyReportsResponse, TargetsResponse, TaskListResponse } from './dto/supervision.response';
import { MonthlyReportsService } from './monthly-reports.service';
import { TargetsService } from './targets.service';
import { TasksService } from './tasks.service';

@ApiTags('supervision')
@Controller('divisions')
export class SupervisionController {
  constructor(
    private readonly targets: TargetsService,
    private readonly tasks: TasksService,
    private readonly reports: MonthlyReportsService,
  ) {}

  @Put(':code/targets/:year')
  @Roles(...SUPERVISING)
  @DivisionWrite()
  @ApiOperation({ summary: '重点任务: set the division’s targets for a year (its regulator or a parent’s); null removes one' })
  @ApiOkResponse({ type: TargetsResponse })
  setTargets(@Param() p: DivisionYearParams, @Body() dto: TargetsDto) {
    return this.targets.set(p.code, p.year, dto);
  }

  @Get(':code/targets/:year')
  @Roles(...SUPERVISING)
  @ApiOperation({ summary: 'the division’s own targets for a year' })
  @ApiOkResponse({ type: TargetsResponse })
  getTargets(@Param() p: DivisionYearParams) {
    return this.targets.get(p.code, p.year);
  }

  @Get(':code/tasks')
  @Roles(...SUPERVISING)
  @ApiOperation({ summary: '重点任务清单: per child division and in total, target, done, 占比 and 缺口 of each indicator' })
  @ApiOkResponse({ type: TaskListResponse })
  taskList(@Param() p: DivisionCodeParam, @Query() q: YearQuery) {
    return this.tasks.list(p.code, q.year);
  }

  @Get(':code/monthly-reports')
  @Roles(...SUPERVISING)
  @ApiOperation({ summary: '月报: per facility of the division, on time, late, missing or still due; the on-time rate' })
  @ApiOkResponse({ type: DivisionMonthlyReportsResponse })
  monthlyReports(@Param() p: DivisionCodeParam, @Query() q: MonthQuery) {
    return this.reports.ofDivision(p.code, q.month);
  }
}
