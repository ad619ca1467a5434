import { Injectable } from '@nestjs/common';
import { TenantDb } from '@careops/db';

/** An alert the worker wrote for the facility (staffing projected short, a claim not submitted). */
export interface ComplianceAlert {
  id: string;
  day: string;
  kind: string;
  detail: Record<string, unknown>;
  createdAt: Date;
}

const STAFFING = 'STAFFING_PROJECTED_NONCOMPLIANT';

/** compliance_alert rows of the tenant in scope, and which facilities the staffing projection covers. */
@Injectable()
export class ComplianceAlertsRepository {
  constructor(private readonly db: TenantDb) {}

  /** The latest 100, newest day first. */
  latest(): Promise<ComplianceAlert[]> {
    return this.db.sql.query(
      `SELECT id, day::text AS day, kind, detail, created_at AS "createdAt" FROM compliance_alert ORDER BY day DESC, created_at DESC LIMIT 100`,
    );
  }

  /**
   * Ids of the facilities with residents on beds (every type but a day center), in the platform
   * scope of a job's own transaction: raw, as a job's bare DataSource has no entity metadata.
   */
  async facilitiesWithBeds(): Promise<string[]> {
    const rows: { id: string }[] = await this.db.sql.query(`SELECT id FROM facility WHERE type <> 'DAY_CENTER' ORDER BY id`);
    return rows.map((f) => f.id);
  }

  async clearStaffing(day: string): Promise<void> {
    await this.db.sql.query(`DELETE FROM compliance_alert WHERE day = $1 AND kind = '${STAFFING}'`, [day]);
  }

  /** Once per facility and day: a re-run refreshes the detail. */
  async upsertStaffing(day: string, detail: object): Promise<void> {
    await this.db.sql.query(
      `INSERT INTO compliance_alert (facility_id, day, kind, detail) VALUES ($1, $2, '${STAFFING}', $3)
       ON CONFLICT (facility_id, day, kind) DO UPDATE SET detail = excluded.detail, created_at = now()`,
      [this.db.facilityId(), day, JSON.stringify(detail)],
    );
  }
}
