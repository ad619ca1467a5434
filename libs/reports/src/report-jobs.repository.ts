import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { applyTenantScope, TenantDb, type Principal } from '@careops/db';

export type ReportJobKind = 'DIVISION_SUMMARY_PDF' | 'CLAIM_PDFS';

export type ReportJobParams =
  | { code: string; month: string; principal: Principal; facilityId?: undefined; year?: undefined }
  | { facilityId: string; year: number; principal: Principal; code?: undefined; month?: undefined };

export interface ReportJob {
  id: string;
  kind: ReportJobKind;
  params: ReportJobParams;
  requestedBy: string;
  state: string;
  done: number;
  total: number;
  error: string | null;
  resultName: string | null;
  /** The document it issued, once done (a ZIP of many issues none of its own). */
  number: string | null;
  sha256: string | null;
}

interface JobRow {
  id: string;
  kind: ReportJobKind;
  params: ReportJobParams;
  requested_by: string;
  state: string;
  done: number;
  total: number;
  error: string | null;
  result_name: string | null;
  number?: string | null;
  sha256?: string | null;
}

const toJob = (j: JobRow): ReportJob => ({
  id: j.id,
  kind: j.kind,
  params: j.params,
  requestedBy: j.requested_by,
  state: j.state,
  done: j.done,
  total: j.total,
  error: j.error,
  resultName: j.result_name,
  number: j.number ?? null,
  sha256: j.sha256 ?? null,
});

/** The requester's jobs, in the request's transaction (row-level security: its own only). */
@Injectable()
export class ReportJobsRepository {
  constructor(private readonly db: TenantDb) {}

  async insert(kind: ReportJobKind, params: ReportJobParams, requestedBy: string): Promise<ReportJob> {
    const [row]: JobRow[] = await this.db.sql.query(`INSERT INTO report_job (kind, params, requested_by) VALUES ($1, $2, $3) RETURNING *`, [
      kind,
      JSON.stringify(params),
      requestedBy,
    ]);
    return toJob(row);
  }

  async find(id: string): Promise<ReportJob | undefined> {
    const [row]: JobRow[] = await this.db.sql.query(
      `SELECT j.id, j.kind, j.params, j.requested_by, j.state, j.done, j.total, j.error, j.result_name, d.number, d.sha256::text AS sha256
       FROM report_job j LEFT JOIN document d ON d.id = j.result_document WHERE j.id = $1`,
      [id],
    );
    return row && toJob(row);
  }

  async resultBytes(id: string): Promise<Buffer | null> {
    const [row]: { result_bytes: Buffer | null }[] = await this.db.sql.query(`SELECT result_bytes FROM report_job WHERE id = $1`, [id]);
    return row?.result_bytes ?? null;
  }
}

/** The worker runs everyone's jobs: it reads and writes `report_job` as the platform, in short transactions of its own. */
export class ReportJobsQueueRepository {
  constructor(private readonly dataSource: DataSource) {}

  private asPlatform<T>(text: string, values: unknown[] = []): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      await applyTenantScope(m, { platform: true });
      return m.query(text, values);
    });
  }

  /** Jobs a stopped worker left behind (no progress for 10 minutes) are failed, not left spinning. */
  async failAbandoned(error: string): Promise<void> {
    await this.asPlatform(
      `UPDATE report_job SET state = 'FAILED', error = $1, updated_at = now()
       WHERE state IN ('QUEUED', 'RUNNING') AND updated_at < now() - interval '10 minutes'`,
      [error],
    );
  }

  async findQueued(id: string): Promise<ReportJob | undefined> {
    const [row] = await this.asPlatform<JobRow[]>(`SELECT * FROM report_job WHERE id = $1 AND state = 'QUEUED'`, [id]);
    return row && toJob(row);
  }

  async progress(id: string, done: number, total: number): Promise<void> {
    await this.asPlatform(`UPDATE report_job SET state = 'RUNNING', done = $2, total = $3, updated_at = now() WHERE id = $1`, [
      id,
      done,
      total,
    ]);
  }

  async succeed(id: string, result: { bytes: Buffer; name: string; document: string | null }): Promise<void> {
    await this.asPlatform(
      `UPDATE report_job SET state = 'DONE', result_bytes = $2, result_name = $3, result_document = $4, updated_at = now() WHERE id = $1`,
      [id, result.bytes, result.name, result.document],
    );
  }

  async fail(id: string, error: string): Promise<void> {
    await this.asPlatform(`UPDATE report_job SET state = 'FAILED', error = $2, updated_at = now() WHERE id = $1`, [id, error]);
  }
}
