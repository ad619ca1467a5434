import { Get, Param, ParseUUIDPipe, Query, Res, SetMetadata } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { OWN_TRANSACTIONS } from '@careops/db';
import { ANY_ROLE, ApiFileResponse, FACILITY_STAFF, FacilityController, MonthQuery, Roles } from '@careops/platform';
import { DocumentRequests } from './document-requests';
import { ReportsService } from './reports.service';

/** The facts are read in a transaction of their own (DocumentRequests), none around the render. */
export const OwnTransactions = () => SetMetadata(OWN_TRANSACTIONS, true);

const HTML_RESPONSE = { content: { 'text/html': { schema: { type: 'string' } } } } as const;

@ApiTags('reports')
@FacilityController('reports')
@OwnTransactions()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly requests: DocumentRequests,
  ) {}

  @Get('claim/:claimId.pdf')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: '养老服务补贴申领表 (PDF)' })
  @ApiFileResponse(['application/pdf'])
  claim(@Param('facilityId') f: string, @Param('claimId', ParseUUIDPipe) id: string, @Res() res: Response) {
    return this.requests.send(res, f, () => this.reports.claim(id));
  }

  @Get('assessment/:assessmentId.pdf')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: '老年人能力评估报告 (PDF) of a scored assessment; 422 ASSESSMENT_NOT_SCORED for one recorded as a level only' })
  @ApiFileResponse(['application/pdf'])
  assessment(@Param('facilityId') f: string, @Param('assessmentId', ParseUUIDPipe) id: string, @Res() res: Response) {
    return this.requests.send(res, f, () => this.reports.assessment(id));
  }

  @Get('bill/:billId.pdf')
  @Roles(...FACILITY_STAFF)
  @ApiOperation({ summary: '缴费通知单 (PDF) of a bill; a DRAFT bill prints as 草稿, not registered; another facility’s: 404' })
  @ApiFileResponse(['application/pdf'])
  bill(@Param('facilityId') f: string, @Param('billId', ParseUUIDPipe) id: string, @Res() res: Response) {
    return this.requests.send(res, f, () => this.reports.bill(id));
  }

  @Get('receipt/:paymentId.pdf')
  @Roles(...FACILITY_STAFF)
  @ApiOperation({ summary: '收据 (PDF) of a payment or a deposit: its receipt number, the amount in capitals, the bills it paid' })
  @ApiFileResponse(['application/pdf'])
  receipt(@Param('facilityId') f: string, @Param('paymentId', ParseUUIDPipe) id: string, @Res() res: Response) {
    return this.requests.send(res, f, () => this.reports.receipt(id));
  }

  @Get('refund/:refundId.pdf')
  @Roles(...FACILITY_STAFF)
  @ApiOperation({ summary: '退款凭证 (PDF) of a refund: deposit and prepayment refunded, owed deducted, the net in capitals' })
  @ApiFileResponse(['application/pdf'])
  refund(@Param('facilityId') f: string, @Param('refundId', ParseUUIDPipe) id: string, @Res() res: Response) {
    return this.requests.send(res, f, () => this.reports.refund(id));
  }

  @Get('compliance.pdf')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: '养老机构合规报告 (PDF); 422 REPORT_NOT_FOR_FACILITY for a day center' })
  @ApiFileResponse(['application/pdf'])
  compliance(@Param('facilityId') f: string, @Query() q: MonthQuery, @Res() res: Response) {
    return this.requests.send(res, f, () => this.reports.compliance(q.month));
  }

  @Get('compliance.html')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: '养老机构合规报告 as HTML: a preview, not numbered, not recorded' })
  @ApiOkResponse(HTML_RESPONSE)
  complianceHtml(@Param('facilityId') f: string, @Query() q: MonthQuery, @Res() res: Response) {
    return this.requests.sendPreview(res, f, () => this.reports.compliance(q.month));
  }

  @Get('day-center.pdf')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: '日间照料中心运营报告 (PDF): members, attendance, the six helps, the ≥ 3 staff rule; 422 for a care home' })
  @ApiFileResponse(['application/pdf'])
  dayCenter(@Param('facilityId') f: string, @Query() q: MonthQuery, @Res() res: Response) {
    return this.requests.send(res, f, () => this.reports.dayCenter(q.month));
  }

  @Get('operations.pdf')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: '月度运营报表 (PDF)' })
  @ApiFileResponse(['application/pdf'])
  operations(@Param('facilityId') f: string, @Query() q: MonthQuery, @Res() res: Response) {
    return this.requests.send(res, f, () => this.reports.operations(q.month));
  }
}
