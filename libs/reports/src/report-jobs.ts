import { Body, Controller, Get, HttpCode, Injectable, Logger, Module, NotFoundException, OnApplicationBootstrap, Param, ParseUUIDPipe, Post, Res, SetMetadata } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { IsInt, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { ClsService } from 'nestjs-cls';
import type PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { AuditModule, AuditService } from '@careops/audit';
import { divisionCovers, isDivisionCode } from '@careops/care';
import { ClaimsModule } from '@careops/claims';
import { applyTenantScope, InjectQueue, OWN_TRANSACTIONS, type Principal, type RequestContext, scopeOf, serially, withTenantScope } from '@careops/db';
import { MetricsModule } from '@careops/metrics';
import { RendererUnavailableError } from '@careops/pdf';
import { IsMonth, ReadRequest, Roles } from '@careops/platform';
import { DocumentRegistry } from './document-registry';
import { Draft, IssuedDocument, ReportsService } from './reports.service';
import { zip } from './zip';

export const REPORT_JOBS_QUEUE = 'report-jobs';

/** Renders of one document a job tries when Chromium crashes (or is busy) under it: the renderer relaunches at once. */
const JOB_RENDER_ATTEMPTS = 3;

export class DivisionSummaryJobDto {
  @ApiProperty({ example: '2026-10' }) @IsMonth() month!: string;
}

export class ClaimPdfsJobDto {
  @ApiProperty({ example: 2026 }) @IsInt({ message: 'year must be a year like 2026' }) @Min(2000, { message: 'year must be a year like 2026' }) @Max(2100, { message: 'year must be a year like 2026' }) year!: number;
}

type JobParams =
  | { code: string; month: string; principal: Principal; facilityId?: undefined; year?: undefined }
  | { facilityId: string; year: number; principal: Principal; code?: undefined; month?: undefined };

interface JobRow {
  id: string; kind: 'DIVISION_SUMMARY_PDF' | 'CLAIM_PDFS'; params: JobParams; requested_by: string; state: string;
  done: number; total: number; error: string | null; result_name: string | null; number: string | null; sha256: string | null;
}

/** What a job is, for the one who asked: state, percent, and where the result is once done. */
function view(j: JobRow) {
  return {
    id: j.id, kind: j.kind, state: j.state, done: j.done, total: j.total,
    percent: j.state === 'DONE' ? 100 : j.total === 0 ? 0 : Math.floor((100 * j.done) / j.total),
    error: j.error, resultUrl: j.state === 'DONE' ? `/api/jobs/${j.id}/result` : null,
    document: j.number ? { number: j.number, sha256: j.sha256 } : null,
  };
}

/**
 * large documents (a division summary over hundreds of facilities) run in the worker as
 * pg-boss jobs; the API records the job, and `GET /api/jobs/:id` reports its progress.
 */
@ApiTags('jobs')
@Controller()
export class ReportJobsController {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService<RequestContext>,
    private readonly audit: AuditService,
    @InjectQueue() private readonly boss: PgBoss,
  ) {}

  @Post('divisions/:code/summary-jobs')
  @HttpCode(202)
  @Roles('REGULATOR', 'PLATFORM_ADMIN')
  @ReadRequest()
  // A regulator's requests are read-only; starting a job is recorded in a transaction of its own.
  @SetMetadata(OWN_TRANSACTIONS, true)
  @ApiOperation({ summary: 'Start the 辖区汇总表 PDF as a background job; poll GET /api/jobs/:id' })
  async start(@Param('code') code: string, @Body() dto: DivisionSummaryJobDto) {
    const principal = this.cls.get('principal') as Principal;
    if (!isDivisionCode(code)) throw new NotFoundException('division not found (辖区不存在)');
    if (principal.role === 'REGULATOR' && !divisionCovers(principal.divisionCode ?? '', code)) throw new NotFoundException('division not found (辖区不存在)');
    return this.enqueue('DIVISION_SUMMARY_PDF', { code, month: dto.month, principal }, undefined);
  }

  @Post('facilities/:facilityId/reports/claim-jobs')
  @HttpCode(202)
  @Roles('REGULATOR', 'PLATFORM_ADMIN', 'FACILITY_MANAGER', 'ACCOUNTANT')
  @ReadRequest()
  @SetMetadata(OWN_TRANSACTIONS, true)
  @ApiOperation({ summary: "Issue every claim PDF of a year as a background job; the result is a ZIP of them" })
  claims(@Param('facilityId', ParseUUIDPipe) facilityId: string, @Body() dto: ClaimPdfsJobDto) {
    return this.enqueue('CLAIM_PDFS', { facilityId, year: dto.year, principal: this.cls.get('principal') as Principal }, facilityId);
  }

  /** Records the job (and its one audit row) in a transaction of its own, then queues it. */
  private async enqueue(kind: JobRow['kind'], params: JobParams, facilityId: string | undefined) {
    const principal = params.principal;
    const job = await withTenantScope(this.txHost, this.cls, { ...scopeOf(principal, facilityId), readOnly: false }, async () => {
      const [row]: JobRow[] = await this.txHost.tx.query(
        `INSERT INTO report_job (kind, params, requested_by) VALUES ($1, $2, $3) RETURNING *`, [kind, JSON.stringify(params), principal.userId]);
      const { principal: _p, ...what } = params;
      await this.audit.record({ action: 'report_job.create', entityType: 'report_job', entityId: row.id, facilityId: facilityId ?? null, after: { kind, ...what } });
      return row;
    });
    // Sent once the row is committed, so the worker always finds it.
    await this.boss.send(REPORT_JOBS_QUEUE, { jobId: job.id });
    return view({ ...job, number: null, sha256: null });
  }

  @Get('jobs/:jobId')
  @Roles('REGULATOR', 'PLATFORM_ADMIN', 'FACILITY_MANAGER', 'ACCOUNTANT')
  @ApiOperation({ summary: 'A background job of yours: state, percent, result link' })
  async get(@Param('jobId', ParseUUIDPipe) id: string) {
    return view(await this.find(id));
  }

  @Get('jobs/:jobId/result')
  @Roles('REGULATOR', 'PLATFORM_ADMIN', 'FACILITY_MANAGER', 'ACCOUNTANT')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The document a finished job produced' })
  async result(@Param('jobId', ParseUUIDPipe) id: string, @Res() res: Response) {
    const job = await this.find(id);
    const [row]: { result_bytes: Buffer | null }[] = await this.txHost.tx.query(`SELECT result_bytes FROM report_job WHERE id = $1`, [id]);
    if (job.state !== 'DONE' || !row?.result_bytes) throw new NotFoundException(`job ${id} has no result yet (${job.state})`);
    res.setHeader('content-type', job.result_name?.endsWith('.zip') ? 'application/zip' : 'application/pdf');
    res.setHeader('content-disposition', `${job.result_name?.endsWith('.zip') ? 'attachment' : 'inline'}; filename="${job.result_name}"`);
    if (job.number) res.setHeader('x-document-number', job.number);
    res.send(row.result_bytes);
  }

  /** Only the one who asked sees a job; anyone else gets the same 404 as for a missing one. */
  private async find(id: string): Promise<JobRow> {
    const [job]: JobRow[] = await this.txHost.tx.query(
      `SELECT j.id, j.kind, j.params, j.requested_by, j.state, j.done, j.total, j.error, j.result_name, d.number, d.sha256::text AS sha256
       FROM report_job j LEFT JOIN document d ON d.id = j.result_document WHERE j.id = $1`, [id]);
    if (!job || job.requested_by !== this.cls.get('principal')?.userId) throw new NotFoundException('job not found (任务不存在)');
    return job;
  }
}

/** The worker's side: runs each job in the requester's scope, reporting progress as it goes. */
@Injectable()
export class ReportJobsWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportJobsWorker.name);

  constructor(
    @InjectQueue() private readonly boss: PgBoss,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService<RequestContext>,
    private readonly reports: ReportsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await serially(() => this.boss.createQueue(REPORT_JOBS_QUEUE, { name: REPORT_JOBS_QUEUE, retryLimit: 0 }));
    // A job a stopped worker left behind (no progress for 10 minutes) is reported as failed, not left spinning.
    await this.jobs(
      `UPDATE report_job SET state = 'FAILED', error = 'interrupted: the worker stopped while it ran (任务中断，请重新生成)', updated_at = now()
       WHERE state IN ('QUEUED', 'RUNNING') AND updated_at < now() - interval '10 minutes'`);
    await this.boss.work<{ jobId: string }>(REPORT_JOBS_QUEUE, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => this.run(job.data.jobId));
  }

  /** The worker runs everyone's jobs: it reads and writes `report_job` as the platform, in short transactions. */
  private jobs<T = JobRow[]>(text: string, values: unknown[] = []): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      await applyTenantScope(m, { platform: true });
      return m.query(text, values);
    });
  }

  async run(jobId: string): Promise<void> {
    const [job]: JobRow[] = await this.jobs(`SELECT * FROM report_job WHERE id = $1 AND state = 'QUEUED'`, [jobId]);
    if (!job) return;
    // Progress is written outside the job's transaction, so the requester sees it while it runs.
    const progress = async (done: number, total: number) => {
      await this.jobs(`UPDATE report_job SET state = 'RUNNING', done = $2, total = $3, updated_at = now() WHERE id = $1`, [jobId, done, total]);
    };
    await progress(0, 0);
    const p = job.params;
    try {
      const result = await this.cls.run(async () => {
        this.cls.set('principal', p.principal);
        // The requester's own scope, read-only for a regulator as its requests are.
        this.cls.set('scope', scopeOf(p.principal, p.facilityId));
        if (p.code !== undefined) {
          const doc = await this.issue(await this.read(() => this.reports.division(p.code, p.month, progress)));
          return { bytes: doc.pdf, name: doc.fileName, document: doc.id };
        }
        return { ...(await this.claimPdfs(p.year, progress)), document: null };
      });
      await this.jobs(
        `UPDATE report_job SET state = 'DONE', result_bytes = $2, result_name = $3, result_document = $4, updated_at = now() WHERE id = $1`,
        [jobId, result.bytes, result.name, result.document]);
    } catch (e) {
      this.logger.error({ err: e, jobId }, 'report job failed');
      const error = e instanceof RendererUnavailableError
        ? `the document renderer failed ${JOB_RENDER_ATTEMPTS} times; start the job again (文件生成服务异常，请重新生成)`
        : (e as Error).message.slice(0, 500);
      await this.jobs(`UPDATE report_job SET state = 'FAILED', error = $2, updated_at = now() WHERE id = $1`, [jobId, error]);
    }
  }

  /** Issues the document, rendering it again after a crash of Chromium (a fresh one is up by then) rather than failing the job. */
  private async issue(draft: Draft): Promise<IssuedDocument> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.reports.issue(draft);
      } catch (e) {
        if (!(e instanceof RendererUnavailableError) || attempt >= JOB_RENDER_ATTEMPTS) throw e;
        this.logger.warn({ err: e, attempt }, 'the PDF renderer failed under a report job; rendering again');
        await new Promise((resolve) => setTimeout(resolve, e.retryAfterSeconds * 1000));
      }
    }
  }

  /**
   * Facts are read in a short transaction of the job's scope; rendering happens after it ends, so
   * the worker never holds a database connection while Chromium works (as for requests).
   */
  private read<T>(work: () => Promise<T>): Promise<T> {
    return withTenantScope(this.txHost, this.cls, this.cls.get('scope') ?? {}, work);
  }

  /** Every claim of the year issued as its own numbered, recorded PDF, together in one ZIP. */
  private async claimPdfs(year: number, progress: (done: number, total: number) => Promise<unknown>) {
    const claims: { id: string; number: string }[] = await this.read(() => this.txHost.tx.query(
      `SELECT id, number FROM claim WHERE month LIKE $1 ORDER BY month, number`, [`${year}-%`]));
    if (claims.length === 0) throw new Error(`no claims in ${year} (该年度无申领)`);
    const files: { name: string; data: Buffer }[] = [];
    for (const [i, c] of claims.entries()) {
      const doc = await this.issue(await this.read(() => this.reports.claim(c.id)));
      files.push({ name: doc.fileName, data: doc.pdf });
      await progress(i + 1, claims.length);
    }
    return { bytes: zip(files), name: `claims-${year}.zip` };
  }
}

@Module({ imports: [AuditModule], controllers: [ReportJobsController] })
export class ReportJobsApiModule {}

/** For the worker: the report-jobs processor with what the documents need. */
@Module({ imports: [ClaimsModule, MetricsModule], providers: [ReportsService, DocumentRegistry, ReportJobsWorker] })
export class ReportJobsWorkerModule {}
