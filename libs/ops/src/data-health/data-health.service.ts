import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isProvincePrefix } from '@careops/care';
import { DataSource } from 'typeorm';

export interface DataHealthCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface DataHealthReport {
  id: string;
  ranAt: string;
  ok: boolean;
  checks: DataHealthCheck[];
}

/**
 * The nightly health-of-data check: facts the database cannot enforce by itself, checked and
 * written down so that an operator sees when the data drifted, and since when.
 */
@Injectable()
export class DataHealthService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run(trigger: 'SCHEDULE' | 'MANUAL', jobId?: string): Promise<DataHealthReport> {
    const checks = [await this.migrationsCurrent(), await this.facilityDivisionCodes(), await this.rowCounts()];
    const ok = checks.every((c) => c.ok);
    const [row] = await this.dataSource.query(
      `INSERT INTO data_health_report (ok, checks, trigger, job_id) VALUES ($1, $2, $3, $4)
       RETURNING id, ran_at`,
      [ok, JSON.stringify(checks), trigger, jobId ?? null],
    );
    return { id: row.id, ranAt: new Date(row.ran_at).toISOString(), ok, checks };
  }

  async latest(): Promise<DataHealthReport | null> {
    const [row] = await this.dataSource.query(
      `SELECT id, ran_at, ok, checks FROM data_health_report ORDER BY ran_at DESC LIMIT 1`,
    );
    return row ? { id: row.id, ranAt: new Date(row.ran_at).toISOString(), ok: row.ok, checks: row.checks } : null;
  }

  private async migrationsCurrent(): Promise<DataHealthCheck> {
    const pending = await this.dataSource.showMigrations();
    return { name: 'migrations_current', ok: !pending, detail: pending ? 'migrations are pending' : 'schema is current' };
  }

  /** DOMAIN.md §1: a facility's division code must name a real province, or no regulator sees it. */
  private async facilityDivisionCodes(): Promise<DataHealthCheck> {
    const rows: { id: string; division_code: string }[] = await this.dataSource.query(
      `SELECT id, division_code FROM facility ORDER BY id`,
    );
    const bad = rows.filter((r) => !isProvincePrefix(r.division_code.slice(0, 2)));
    return {
      name: 'facility_division_codes',
      ok: bad.length === 0,
      detail: bad.length === 0
        ? `${rows.length} facilities, all in a known province`
        : `facilities outside any province: ${bad.map((b) => `${b.id} (${b.division_code})`).join(', ')}`,
    };
  }

  private async rowCounts(): Promise<DataHealthCheck> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS facilities FROM facility`);
    return { name: 'row_counts', ok: true, detail: `facility=${row.facilities}` };
  }
}
