import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { applyTenantScope } from '@careops/db';
import type { DataHealthCheck } from './data-health.types';

/** What the check reads of one transaction in platform scope, and the report it writes. */
export class DataHealthReads {
  constructor(private readonly tx: EntityManager) {}

  async appliedMigrations(): Promise<Set<string>> {
    const applied: { name: string }[] = await this.tx.query(`SELECT name FROM migrations`);
    return new Set(applied.map((m) => m.name));
  }

  /** Every facility of every tenant with its division code (the check looks across them all). */
  async facilityDivisions(): Promise<{ id: string; divisionCode: string }[]> {
    const rows: { id: string; division_code: string }[] = await this.tx.query(`SELECT id, division_code FROM facility ORDER BY id`);
    return rows.map((r) => ({ id: r.id, divisionCode: r.division_code }));
  }

  async facilityCount(): Promise<number> {
    const [row]: { facilities: number }[] = await this.tx.query(`SELECT count(*)::int AS facilities FROM facility`);
    return row.facilities;
  }

  async insertReport(
    ok: boolean,
    checks: DataHealthCheck[],
    trigger: 'SCHEDULE' | 'MANUAL',
    jobId: string | null,
  ): Promise<{ id: string; ranAt: Date }> {
    const [row]: { id: string; ran_at: Date }[] = await this.tx.query(
      `INSERT INTO data_health_report (ok, checks, trigger, job_id) VALUES ($1, $2, $3, $4)
       RETURNING id, ran_at`,
      [ok, JSON.stringify(checks), trigger, jobId],
    );
    return { id: row.id, ranAt: new Date(row.ran_at) };
  }
}

/** The data-health check's own transaction, in platform scope (RLS would hide the other tenants). */
@Injectable()
export class DataHealthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  inPlatformScope<T>(work: (reads: DataHealthReads) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      await applyTenantScope(tx, { platform: true });
      return work(new DataHealthReads(tx));
    });
  }

  /** The migrations of this build, by name. */
  migrationNames(): string[] {
    return this.dataSource.migrations.map((m) => m.name ?? m.constructor.name);
  }
}
