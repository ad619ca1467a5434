import { BadRequestException, Controller, Get, Param, ParseUUIDPipe, Query, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ANY_ROLE, Public, Roles } from '@careops/platform';
import { RendererBusyError } from '@careops/pdf';
import { IssuedDocument, ReportsService } from './reports.service';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Sends a PDF, or 503 with Retry-After when the renderer's queue is full (issue 7). */
export async function sendPdf(res: Response, make: () => Promise<IssuedDocument>): Promise<void> {
  let doc: IssuedDocument;
  try {
    doc = await make();
  } catch (e) {
    if (e instanceof RendererBusyError) {
      res.setHeader('Retry-After', String(e.retryAfterSeconds));
      throw new ServiceUnavailableException('the document renderer is busy; try again shortly (文件生成繁忙，请稍后重试)');
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
  if (!value || !MONTH.test(value)) throw new BadRequestException(['month must be YYYY-MM']);
  return value;
}

@ApiTags('reports')
@Controller('facilities/:facilityId/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('claim/:claimId.pdf')
  @Roles(...ANY_ROLE)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: '养老服务补贴申领表 (PDF)' })
  claim(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('claimId', ParseUUIDPipe) id: string, @Res() res: Response) {
    return sendPdf(res, () => this.reports.claimPdf(id));
  }

  @Get('compliance.pdf')
  @Roles(...ANY_ROLE)
  @ApiProduces('application/pdf')
  @ApiQuery({ name: 'month', example: '2026-10' })
  @ApiOperation({ summary: '养老机构合规报告 (PDF)' })
  compliance(@Param('facilityId', ParseUUIDPipe) _f: string, @Query('month') m: string, @Res() res: Response) {
    return sendPdf(res, () => this.reports.compliancePdf(month(m)));
  }

  @Get('compliance.html')
  @Roles(...ANY_ROLE)
  @ApiProduces('text/html')
  @ApiQuery({ name: 'month', example: '2026-10' })
  @ApiOperation({ summary: '养老机构合规报告 as HTML: a preview, not numbered, not recorded' })
  async complianceHtml(@Param('facilityId', ParseUUIDPipe) _f: string, @Query('month') m: string, @Res() res: Response) {
    const doc = await this.reports.compliancePdf(month(m), 'html');
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.send(doc.pdf);
  }

  @Get('operations.pdf')
  @Roles(...ANY_ROLE)
  @ApiProduces('application/pdf')
  @ApiQuery({ name: 'month', example: '2026-10' })
  @ApiOperation({ summary: '月度运营报表 (PDF)' })
  operations(@Param('facilityId', ParseUUIDPipe) _f: string, @Query('month') m: string, @Res() res: Response) {
    return sendPdf(res, () => this.reports.operationsPdf(month(m)));
  }
}

@ApiTags('divisions')
@Controller('divisions')
export class DivisionReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':code/summary.pdf')
  @Roles('REGULATOR', 'PLATFORM_ADMIN')
  @ApiProduces('application/pdf')
  @ApiQuery({ name: 'month', example: '2026-10' })
  @ApiOperation({ summary: '辖区汇总表 (PDF)' })
  summary(@Param('code') code: string, @Query('month') m: string, @Res() res: Response) {
    return sendPdf(res, () => this.reports.divisionPdf(code, month(m)));
  }
}

@ApiTags('documents')
@Controller('documents')
export class DocumentsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':hash')
  @Public()
  @ApiOperation({ summary: 'Verify a PDF this system issued, by the SHA-256 of the file or the code printed on it' })
  verify(@Param('hash') hash: string) {
    return this.reports.verify(hash);
  }
}
