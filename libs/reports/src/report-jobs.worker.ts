import { Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import type PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { InjectQueue, type RequestContext, scopeOf, serially, TenantDb, withTenantScope } from '@careops/db';
import { RendererUnavailableError } from '@careops/pdf';
import { ReportJobsQueueRepository } from './report-jobs.repository';
import { REPORT_JOBS_QUEUE } from './report-jobs.service';
import { Draft, IssuedDocument, ReportsService } from './reports.service';
import { ZipWriter } from './zip-writer';

/** Renders of one document a job tries when Chromium crashes (or is busy) under it: the renderer relaunches at once. */
const JOB_RENDER_ATTEMPTS = 3;

/** The worker's side: runs each job in the requester's scope, reporting progress as it goes. */
@Injectable()
export class ReportJobsWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportJobsWorker.name);
  private readonly jobs: ReportJobsQueueRepository;

  constructor(
    @InjectQueue() private readonly boss: PgBoss,
    @InjectDataSource() dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService<RequestContext>,
    private readonly reports: ReportsService,
    @Optional() private readonly db?: TenantDb,
  ) {
    this.jobs = new ReportJobsQueueRepository(dataSource);
  }

  async onApplicationBootstrap(): Promise<void> {
    await serially(() => this.boss.createQueue(REPORT_JOBS_QUEUE, { name: REPORT_JOBS_QUEUE, retryLimit: 0 }));
    await this.jobs.failAbandoned('interrupted: the worker stopped while it ran (任务中断，请重新生成)');
    await this.boss.work<{ jobId: string }>(REPORT_JOBS_QUEUE, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) =>
      this.run(job.data.jobId),
    );
  }

  async run(jobId: string): Promise<void> {
    const job = await this.jobs.findQueued(jobId);
    if (!job) return;
    // Progress is written outside the job's transaction, so the requester sees it while it runs.
    const progress = (done: number, total: number) => this.jobs.progress(jobId, done, total);
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
      await this.jobs.succeed(jobId, result);
    } catch (e) {
      this.logger.error({ err: e, jobId }, 'report job failed');
      const error =
        e instanceof RendererUnavailableError
          ? `the document renderer failed ${JOB_RENDER_ATTEMPTS} times; start the job again (文件生成服务异常，请重新生成)`
          : (e as Error).message.slice(0, 500);
      await this.jobs.fail(jobId, error);
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
   * Facts are read in a short transaction of the job's scope (on the replica when there is one); rendering happens after it ends, so
   * the worker never holds a database connection while Chromium works (as for requests).
   */
  private read<T>(work: () => Promise<T>): Promise<T> {
    // On the read replica when there is one (docs/scale.md): a job's facts are a past month's or year's.
    return withTenantScope(this.txHost, this.cls, this.cls.get('scope') ?? {}, () => (this.db ? this.db.onReplica(work) : work()));
  }

  /** Every claim of the year issued as its own numbered, recorded PDF, added to one ZIP as it is issued. */
  private async claimPdfs(year: number, progress: (done: number, total: number) => Promise<unknown>) {
    const claims = await this.read(() => this.reports.claimsOfYear(year));
    if (claims.length === 0) throw new Error(`no claims in ${year} (该年度无申领)`);
    const archive = new ZipWriter();
    for (const [i, c] of claims.entries()) {
      const doc = await this.issue(await this.read(() => this.reports.claim(c.id)));
      archive.add(doc.fileName, doc.pdf);
      await progress(i + 1, claims.length);
    }
    return { bytes: archive.end(), name: `claims-${year}.zip` };
  }
}
