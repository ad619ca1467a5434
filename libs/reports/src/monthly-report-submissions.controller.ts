import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { FacilityController, MANAGING, Roles } from '@careops/platform';
import { MonthlyReportResponse, MonthlyReportsService, SubmitMonthlyReportDto } from '@careops/supervision';
import { DocumentRequests } from './document-requests';
import { OwnTransactions } from './reports.controller';
import { ReportsService } from './reports.service';

/**
 * 报送月报 (docs/rules.md §8, §11): the submission of a month carries the month's 养老机构合规报告
 * (a day center's: its 运营报告), issued by the document issuer — numbered, registered, verifiable.
 * Three steps, as every document: the checks and the document's facts in one transaction, the render
 * outside any, then the frozen report with the document's number in a transaction of its own.
 */
@ApiTags('supervision')
@FacilityController('monthly-reports')
@OwnTransactions()
export class MonthlyReportSubmissionsController {
  constructor(
    private readonly monthly: MonthlyReportsService,
    private readonly reports: ReportsService,
    private readonly requests: DocumentRequests,
  ) {}

  @Post()
  @Roles(...MANAGING)
  @ApiOperation({
    summary:
      '报送月报: a past month’s figures, frozen, with the month’s 养老机构合规报告 issued and its number kept; again with a reason to correct it (the first is kept)',
  })
  @ApiCreatedResponse({ type: MonthlyReportResponse })
  async submit(
    @Param('facilityId') f: string,
    @Body() dto: SubmitMonthlyReportDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MonthlyReportResponse> {
    const draft = await this.requests.read(f, async () => {
      await this.monthly.check(dto.month, dto.reason);
      return this.reports.monthlyDocument(dto.month);
    });
    const doc = await this.requests.issue(res, draft);
    return this.requests.read(f, () => this.monthly.submit(dto.month, dto.reason, doc.number));
  }
}
