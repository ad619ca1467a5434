import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiFileResponse, DivisionCodeParam, MonthQuery, Roles, SUPERVISING } from '@careops/platform';
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
}
