import { BadRequestException, Controller, Get, Injectable, Param, ParseUUIDPipe, Query, Res, ServiceUnavailableException, SetMetadata } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ANY_ROLE, Public, Roles } from '@careops/platform';
import { RenderTimeoutError, RendererBusyError, RendererUnavailableError } from '@careops/pdf';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import { isMonth } from '@careops/care';
import { OWN_TRANSACTIONS, type RequestContext, scopeOf, withTenantScope } from '@careops/db';
import { Draft, IssuedDocument, ReportsService } from './reports.service';


/**
 * A document request in two steps: its facts are read in a transaction of the caller's tenant scope
 * (read-only for regulators), which ends before Chromium renders — a request waiting for the
 * renderer holds no database connection.
 */
@Injectable()
export class DocumentRequests {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService<RequestContext>,
    private readonly reports: ReportsService,
  ) {}

  read<T>(facilityId: string | undefined, work: () => Promise<T>): Promise<T> {
    return withTenantScope(this.txHost, this.cls, scopeOf(this.cls.get('principal'), facilityId), work);
  }

  /** Sends the issued PDF, or 503 with Retry-After when the renderer's queue is full or Chromium crashed under it. */
  async send(res: Response, facilityId: string | undefined, gather: () => Promise<Draft>): Promise<void> {
    const draft = await this.read(facilityId, gather);
    await sendPdf(res, () => this.reports.issue(draft));
  }
}

async function sendPdf(res: Response, make: () => Promise<IssuedDocument>): Promise<void> {
  let doc: IssuedDocument;
  try {
    doc = await make();
  } catch (e) {
    if (e instanceof RendererUnavailableError) {
      res.setHeader('Retry-After', String(e.retryAfterSeconds));
      throw new ServiceUnavailableException(e instanceof RendererBusyError
        ? 'the document renderer is busy; try again shortly (文件生成繁忙，请稍后重试)'
        : 'the document renderer restarted during this document; try again shortly (文件生成服务已重启，请稍后重试)', { cause: e });
    }
    // Over its budget the document is not lost for good: the server was slow, not the request wrong.
    if (e instanceof RenderTimeoutError) {
      res.setHeader('Retry-After', '5');
      throw new ServiceUnavailableException('the document took too long to render; try again shortly (文件生成超时，请稍后重试)', { cause: e });
    }
    throw e;
  }
  res.setHeader('content-type', 'application/pdf');
  res.setHeader('content-disposition', `inline; filename="${doc.fileName}"`);
  res.setHeader('x-document-number', doc.number);
  res.setHeader('x-document-sha256', doc.sha256);
  res.send(doc.pdf);
}

function month(value: string | undefined): string {
  if (!isMonth(value)) throw new BadRequestException(['month must be YYYY-MM']);
  return value;
}

const OwnTransactions = () => SetMetadata(OWN_TRANSACTIONS, true);

@ApiTags('reports')
@Controller('facilities/:facilityId/reports')
@OwnTransactions()
export class ReportsController {
  constructor(private readonly reports: ReportsService, private readonly requests: DocumentRequests) {}

  @Get('claim/:claimId.pdf')
  @Roles(...ANY_ROLE)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: '养老服务补贴申领表 (PDF)' })
  claim(@Param('facilityId', ParseUUIDPipe) f: string, @Param('claimId', ParseUUIDPipe) id: string, @Res() res: Response) {
    return this.requests.send(res, f, () => this.reports.claim(id));
  }

  @Get('compliance.pdf')
  @Roles(...ANY_ROLE)
  @ApiProduces('application/pdf')
  @ApiQuery({ name: 'month', example: '2026-10' })
  @ApiOperation({ summary: '养老机构合规报告 (PDF)' })
  compliance(@Param('facilityId', ParseUUIDPipe) f: string, @Query('month') m: string, @Res() res: Response) {
    return this.requests.send(res, f, () => this.reports.compliance(month(m)));
  }

  @Get('compliance.html')
  @Roles(...ANY_ROLE)
  @ApiProduces('text/html')
  @ApiQuery({ name: 'month', example: '2026-10' })
  @ApiOperation({ summary: '养老机构合规报告 as HTML: a preview, not numbered, not recorded' })
  async complianceHtml(@Param('facilityId', ParseUUIDPipe) f: string, @Query('month') m: string, @Res() res: Response) {
    const draft = await this.requests.read(f, () => this.reports.compliance(month(m)));
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.send(this.reports.preview(draft));
  }

  @Get('operations.pdf')
  @Roles(...ANY_ROLE)
  @ApiProduces('application/pdf')
  @ApiQuery({ name: 'month', example: '2026-10' })
  @ApiOperation({ summary: '月度运营报表 (PDF)' })
  operations(@Param('facilityId', ParseUUIDPipe) f: string, @Query('month') m: string, @Res() res: Response) {
    return this.requests.send(res, f, () => this.reports.operations(month(m)));
  }
}

@ApiTags('divisions')
@Controller('divisions')
@OwnTransactions()
export class DivisionReportsController {
  constructor(private readonly reports: ReportsService, private readonly requests: DocumentRequests) {}

  @Get(':code/summary.pdf')
  @Roles('REGULATOR', 'PLATFORM_ADMIN')
  @ApiProduces('application/pdf')
  @ApiQuery({ name: 'month', example: '2026-10' })
  @ApiOperation({ summary: '辖区汇总表 (PDF)' })
  summary(@Param('code') code: string, @Query('month') m: string, @Res() res: Response) {
    return this.requests.send(res, undefined, () => this.reports.division(code, month(m)));
  }
}

@ApiTags('documents')
@Controller('documents')
export class DocumentsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':codeOrNumber')
  @Public()
  @ApiOperation({ summary: 'Verify a PDF this system issued, by the SHA-256 of the file, the code printed on it or its number: what it is, never who asked for it' })
  verify(@Param('codeOrNumber') ref: string) {
    return this.reports.verify(ref);
  }
}
