import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isProvincePrefix } from '@careops/care';
import { DataSource, EntityManager } from 'typeorm';
import { applyTenantScope } from '@careops/db';

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

  /** Runs in platform scope: the check looks across every tenant (RLS would hide them otherwise). */
  async run(trigger: 'SCHEDULE' | 'MANUAL', jobId?: string): Promise<DataHealthReport> {
    return this.dataSource.transaction(async (tx) => {
      await applyTenantScope(tx, { platform: true });
      return this.runIn(tx, trigger, jobId);
    });
  }

  private async runIn(tx: EntityManager, trigger: 'SCHEDULE' | 'MANUAL', jobId?: string): Promise<DataHealthReport> {
    const checks = [await this.migrationsCurrent(tx), await this.facilityDivisionCodes(tx), await this.rowCounts(tx)];
    const ok = checks.every((c) => c.ok);
    const [row] = await tx.query(
      `INSERT INTO data_health_report (ok, checks, trigger, job_id) VALUES ($1, $2, $3, $4)
       RETURNING id, ran_at`,
      [ok, JSON.stringify(checks), trigger, jobId ?? null],
    );
    return { id: row.id, ranAt: new Date(row.ran_at).toISOString(), ok, checks };
  }

  private async migrationsCurrent(tx: EntityManager): Promise<DataHealthCheck> {
    const applied: { name: string }[] = await tx.query(`SELECT name FROM migrations`);
    const names = new Set(applied.map((m) => m.name));
    const pending = this.dataSource.migrations.some((m) => !names.has(m.name ?? m.constructor.name));
    return { name: 'migrations_current', ok: !pending, detail: pending ? 'migrations are pending' : 'schema is current' };
  }

  /** docs/rules.md §1: a facility's division code must name a real province, or no regulator sees it. */
  private async facilityDivisionCodes(tx: EntityManager): Promise<DataHealthCheck> {
    const rows: { id: string; division_code: string }[] = await tx.query(
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

  private async rowCounts(tx: EntityManager): Promise<DataHealthCheck> {
    const [row] = await tx.query(`SELECT count(*)::int AS facilities FROM facility`);
    return { name: 'row_counts', ok: true, detail: `facility=${row.facilities}` };
  }
}
