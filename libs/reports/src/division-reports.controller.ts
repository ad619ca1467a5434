import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiFileResponse, DivisionCodeParam, MonthQuery, Roles, SUPERVISING } from '@careops/platform';
import { YearQuery } from '@careops/supervision';
import { DocumentRequests } from './document-requests';
import { OwnTransactions } from './reports.controller';
import { ReportsService } from './reports.service';

@ApiTags('divisions')
@Controller('divisions')
@OwnTransactions()
export class DivisionReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly requests: DocumentRequests,
  ) {}

  @Get(':code/summary.pdf')
  @Roles(...SUPERVISING)
  @ApiOperation({ summary: '辖区汇总表 (PDF)' })
  @ApiFileResponse(['application/pdf'])
  summary(@Param() p: DivisionCodeParam, @Query() q: MonthQuery, @Res() res: Response) {
    return this.requests.send(res, undefined, () => this.reports.division(p.code, q.month));
  }

  @Get(':code/tasks.pdf')
  @Roles(...SUPERVISING)
  @ApiOperation({ summary: '重点任务清单 (PDF): the task list of a year, one row per child division and the total' })
  @ApiFileResponse(['application/pdf'])
  tasks(@Param() p: DivisionCodeParam, @Query() q: YearQuery, @Res() res: Response) {
    return this.requests.send(res, undefined, () => this.reports.taskList(p.code, q.year));
  }

  @Get(':code/bulletin.pdf')
  @Roles(...SUPERVISING)
  @ApiOperation({ summary: '通报 (PDF): facilities ranked, those below target, late or missing monthly reports, the 12-month trend' })
  @ApiFileResponse(['application/pdf'])
  bulletin(@Param() p: DivisionCodeParam, @Query() q: MonthQuery, @Res() res: Response) {
    return this.requests.send(res, undefined, () => this.reports.bulletin(p.code, q.month));
  }
}
