import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import type PgBoss from 'pg-boss';
import { AuditService } from '@careops/audit';
import { InjectQueue, type RequestContext, scopeOf, TenantDb, withTenantScope } from '@careops/db';
import { assertDivisionVisible } from '@careops/metrics';
import { NotFoundError } from '@careops/platform';
import type { ReportJobResponse } from './dto/report-job.response';
import { ReportJob, ReportJobKind, ReportJobParams, ReportJobsRepository } from './report-jobs.repository';

export const REPORT_JOBS_QUEUE = 'report-jobs';

export class ReportJobNotFoundError extends NotFoundError {
  constructor() {
    super('REPORT_JOB_NOT_FOUND');
  }
}

/** What a job is, for the one who asked: state, percent, and where the result is once done. */
function view(j: ReportJob): ReportJobResponse {
  return {
    id: j.id,
    kind: j.kind,
    state: j.state,
    done: j.done,
    total: j.total,
    percent: j.state === 'DONE' ? 100 : j.total === 0 ? 0 : Math.floor((100 * j.done) / j.total),
    error: j.error,
    resultUrl: j.state === 'DONE' ? `/api/jobs/${j.id}/result` : null,
    document: j.number && j.sha256 ? { number: j.number, sha256: j.sha256 } : null,
  };
}

/**
 * Large documents (a division summary over hundreds of facilities, a year of claims) run in the
 * worker as pg-boss jobs; the API records the job, and `GET /api/jobs/:id` reports its progress.
 */
@Injectable()
export class ReportJobsService {
  constructor(
    private readonly jobs: ReportJobsRepository,
    private readonly db: TenantDb,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService<RequestContext>,
    private readonly audit: AuditService,
    @InjectQueue() private readonly boss: PgBoss,
  ) {}

  /** 辖区汇总表 of a division the caller oversees (any other: the same 404 as an unknown one). */
  startDivisionSummary(code: string, month: string): Promise<ReportJobResponse> {
    const principal = this.db.principal();
    assertDivisionVisible(principal, code);
    return this.enqueue('DIVISION_SUMMARY_PDF', { code, month, principal }, undefined);
  }

  /** Every claim PDF of the facility's year, in one ZIP. */
  startClaimPdfs(facilityId: string, year: number): Promise<ReportJobResponse> {
    return this.enqueue('CLAIM_PDFS', { facilityId, year, principal: this.db.principal() }, facilityId);
  }

  /** Records the job (and its one audit row) in a transaction of its own, then queues it. */
  private async enqueue(kind: ReportJobKind, params: ReportJobParams, facilityId: string | undefined): Promise<ReportJobResponse> {
    const principal = params.principal;
    const job = await withTenantScope(this.txHost, this.cls, { ...scopeOf(principal, facilityId), readOnly: false }, async () => {
      const row = await this.jobs.insert(kind, params, principal.userId);
      const { principal: _p, ...what } = params;
      await this.audit.record({
        action: 'report_job.create',
        entityType: 'report_job',
        entityId: row.id,
        facilityId: facilityId ?? null,
        after: { kind, ...what },
      });
      return row;
    });
    // Sent once the row is committed, so the worker always finds it.
    await this.boss.send(REPORT_JOBS_QUEUE, { jobId: job.id });
    return view(job);
  }

  async get(id: string): Promise<ReportJobResponse> {
    return view(await this.find(id));
  }

  /** The file a finished job produced: a PDF (its number) or a ZIP of them. */
  async result(id: string): Promise<{ bytes: Buffer; name: string; zip: boolean; number: string | null }> {
    const job = await this.find(id);
    const bytes = await this.jobs.resultBytes(id);
    if (job.state !== 'DONE' || !bytes) throw new NotFoundError('REPORT_JOB_NO_RESULT', { id, state: job.state });
    const name = job.resultName ?? '';
    return { bytes, name, zip: name.endsWith('.zip'), number: job.number };
  }

  /** Only the one who asked sees a job; anyone else gets the same 404 as for a missing one. */
  private async find(id: string): Promise<ReportJob> {
    const job = await this.jobs.find(id);
    if (!job || job.requestedBy !== this.db.userId()) throw new ReportJobNotFoundError();
    return job;
  }
}
