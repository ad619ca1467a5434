import { Body, Get, HttpCode, Param, ParseUUIDPipe, Post, Res, SetMetadata } from '@nestjs/common';
import { Controller } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { OWN_TRANSACTIONS } from '@careops/db';
import { ANY_ROLE, ApiFileResponse, DivisionCodeParam, FacilityController, ReadRequest, Roles, SUPERVISING } from '@careops/platform';
import { ClaimPdfsJobDto, DivisionSummaryJobDto } from './dto/report-job.dto';
import { ReportJobResponse } from './dto/report-job.response';
import { contentDisposition } from './documents/draft';
import { ReportJobsService } from './report-jobs.service';

/** A regulator's requests are read-only; starting a job is recorded in a transaction of its own. */
const OwnTransactions = () => SetMetadata(OWN_TRANSACTIONS, true);

@ApiTags('jobs')
@Controller('divisions')
export class DivisionJobsController {
  constructor(private readonly jobs: ReportJobsService) {}

  @Post(':code/summary-jobs')
  @HttpCode(202)
  @Roles(...SUPERVISING)
  @ReadRequest()
  @OwnTransactions()
  // The operation ids of the jobs' routes stay those of the one controller they had (generated clients).
  @ApiOperation({
    operationId: 'ReportJobsController_start',
    summary: 'Start the 辖区汇总表 PDF as a background job; poll GET /api/jobs/:id',
  })
  @ApiAcceptedResponse({ type: ReportJobResponse })
  start(@Param() p: DivisionCodeParam, @Body() dto: DivisionSummaryJobDto) {
    return this.jobs.startDivisionSummary(p.code, dto.month);
  }
}

@ApiTags('jobs')
@FacilityController('reports')
export class FacilityJobsController {
  constructor(private readonly jobs: ReportJobsService) {}

  @Post('claim-jobs')
  @HttpCode(202)
  @Roles(...ANY_ROLE)
  @ReadRequest()
  @OwnTransactions()
  @ApiOperation({
    operationId: 'ReportJobsController_claims',
    summary: 'Issue every claim PDF of a year as a background job; the result is a ZIP of them',
  })
  @ApiAcceptedResponse({ type: ReportJobResponse })
  claims(@Param('facilityId') facilityId: string, @Body() dto: ClaimPdfsJobDto) {
    return this.jobs.startClaimPdfs(facilityId, dto.year);
  }
}

@ApiTags('jobs')
@Controller('jobs')
export class ReportJobsController {
  constructor(private readonly jobs: ReportJobsService) {}

  @Get(':jobId')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'A background job of yours: state, percent, result link' })
  @ApiOkResponse({ type: ReportJobResponse })
  get(@Param('jobId', ParseUUIDPipe) id: string) {
    return this.jobs.get(id);
  }

  @Get(':jobId/result')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'The document a finished job produced' })
  @ApiFileResponse(['application/pdf', 'application/zip'], 'a division summary as PDF, a year of claims as a ZIP of PDFs')
  async result(@Param('jobId', ParseUUIDPipe) id: string, @Res() res: Response) {
    const file = await this.jobs.result(id);
    res.setHeader('content-type', file.zip ? 'application/zip' : 'application/pdf');
    res.setHeader('content-disposition', contentDisposition(file.zip ? 'attachment' : 'inline', file.name));
    if (file.number) res.setHeader('x-document-number', file.number);
    res.send(file.bytes);
  }
}
