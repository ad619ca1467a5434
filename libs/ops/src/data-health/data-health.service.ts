import { Injectable } from '@nestjs/common';
import { isProvincePrefix } from '@careops/care';
import { DataHealthReads, DataHealthRepository } from './data-health.repository';
import type { DataHealthCheck, DataHealthReport } from './data-health.types';

export type { DataHealthCheck, DataHealthReport } from './data-health.types';

/**
 * The nightly health-of-data check: facts the database cannot enforce by itself, checked and
 * written down so that an operator sees when the data drifted, and since when.
 */
@Injectable()
export class DataHealthService {
  constructor(private readonly repo: DataHealthRepository) {}

  /** Runs in platform scope: the check looks across every tenant (RLS would hide them otherwise). */
  run(trigger: 'SCHEDULE' | 'MANUAL', jobId?: string): Promise<DataHealthReport> {
    return this.repo.inPlatformScope(async (reads) => {
      const checks = [await this.migrationsCurrent(reads), await this.facilityDivisionCodes(reads), await this.rowCounts(reads)];
      const ok = checks.every((c) => c.ok);
      const row = await reads.insertReport(ok, checks, trigger, jobId ?? null);
      return { id: row.id, ranAt: row.ranAt.toISOString(), ok, checks };
    });
  }

  private async migrationsCurrent(reads: DataHealthReads): Promise<DataHealthCheck> {
    const names = await reads.appliedMigrations();
    const pending = this.repo.migrationNames().some((n) => !names.has(n));
    return { name: 'migrations_current', ok: !pending, detail: pending ? 'migrations are pending' : 'schema is current' };
  }

  /** docs/rules.md §1: a facility's division code must name a real province, or no regulator sees it. */
  private async facilityDivisionCodes(reads: DataHealthReads): Promise<DataHealthCheck> {
    const rows = await reads.facilityDivisions();
    const bad = rows.filter((r) => !isProvincePrefix(r.divisionCode.slice(0, 2)));
    return {
      name: 'facility_division_codes',
      ok: bad.length === 0,
      detail:
        bad.length === 0
          ? `${rows.length} facilities, all in a known province`
          : `facilities outside any province: ${bad.map((b) => `${b.id} (${b.divisionCode})`).join(', ')}`,
    };
  }

  private async rowCounts(reads: DataHealthReads): Promise<DataHealthCheck> {
    return { name: 'row_counts', ok: true, detail: `facility=${await reads.facilityCount()}` };
  }
}
