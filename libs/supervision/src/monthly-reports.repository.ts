import { Injectable } from '@nestjs/common';
import type { IsoDate } from '@careops/care';
import { TenantDb } from '@careops/db';

export interface MonthlyReportRecord {
  id: string;
  month: string;
  seq: number;
  submittedAt: string;
  /** The day of submission in the facility's time zone: what the deadline is judged by. */
  submittedOn: IsoDate;
  reason: string | null;
  snapshot: Record<string, unknown>;
  /** The 养老机构合规报告 (or a day center's report) of the month issued with it (docs/rules.md §8, §11). */
  documentNumber: string | null;
}

/** A facility of a division and the first submission of its report for a month, if any. */
export interface DivisionReportRow {
  facilityId: string;
  name: string;
  divisionCode: string;
  timezone: string;
  firstSubmittedAt: string | null;
  firstSubmittedOn: IsoDate | null;
  resubmissions: number;
}

/** Monthly reports 月报 (docs/rules.md §11), append-only: the database refuses updates and deletes. */
@Injectable()
export class MonthlyReportsRepository {
  constructor(private readonly db: TenantDb) {}

  /** The facility in scope's reports, newest month first, each month's submissions in order. */
  async history(month?: string): Promise<MonthlyReportRecord[]> {
    const rows: {
      id: string;
      month: string;
      seq: number;
      submitted_at: Date;
      submitted_on: string;
      reason: string | null;
      snapshot: Record<string, unknown>;
      document_number: string | null;
    }[] = await this.db.sql.query(
      `SELECT r.id, to_char(r.month, 'YYYY-MM') AS month, r.seq, r.submitted_at,
              (r.submitted_at AT TIME ZONE f.timezone)::date::text AS submitted_on, r.reason, r.snapshot, r.document_number
       FROM monthly_report r JOIN facility f ON f.id = r.facility_id
       WHERE r.facility_id = $1 AND ($2::date IS NULL OR r.month = $2::date)
       ORDER BY r.month DESC, r.seq`,
      [this.db.facilityId(), month ? `${month}-01` : null],
    );
    return rows.map((r) => ({
      id: r.id,
      month: r.month,
      seq: r.seq,
      submittedAt: r.submitted_at.toISOString(),
      submittedOn: r.submitted_on,
      reason: r.reason,
      snapshot: r.snapshot,
      documentNumber: r.document_number,
    }));
  }

  /** One submission: the next in the month's sequence (the unique key refuses a concurrent twin). */
  async insert(month: string, reason: string | null, snapshot: object, documentNumber: string | null): Promise<string> {
    await this.db.sql.query(`SELECT pg_advisory_xact_lock(hashtextextended('monthly_report:' || $1 || ':' || $2, 0))`, [
      this.db.facilityId(),
      month,
    ]);
    const [row]: { id: string }[] = await this.db.sql.query(
      `INSERT INTO monthly_report (facility_id, month, seq, submitted_by, reason, snapshot, document_number)
       SELECT $1, $2::date, coalesce(max(seq), 0) + 1, $3, $4, $5::jsonb, $6 FROM monthly_report WHERE facility_id = $1 AND month = $2::date
       RETURNING id`,
      [this.db.facilityId(), `${month}-01`, this.db.userId(), reason, JSON.stringify(snapshot), documentNumber],
    );
    return row.id;
  }

  /** Every facility of the division row-level security shows the caller, with its first submission for `month`. */
  async ofDivision(prefix: string, month: string): Promise<DivisionReportRow[]> {
    const rows: {
      facility_id: string;
      name: string;
      division_code: string;
      timezone: string;
      first_at: Date | null;
      first_on: string | null;
      resubmissions: number;
    }[] = await this.db.sql.query(
      `SELECT f.id AS facility_id, f.name, f.division_code::text AS division_code, f.timezone,
              r.submitted_at AS first_at, (r.submitted_at AT TIME ZONE f.timezone)::date::text AS first_on,
              (SELECT count(*) FROM monthly_report x WHERE x.facility_id = f.id AND x.month = $2::date AND x.seq > 1)::int AS resubmissions
       FROM facility f LEFT JOIN monthly_report r ON r.facility_id = f.id AND r.month = $2::date AND r.seq = 1
       WHERE starts_with(f.division_code::text, $1) AND f.archived_at IS NULL
       ORDER BY f.division_code, f.name, f.id`,
      [prefix, `${month}-01`],
    );
    return rows.map((r) => ({
      facilityId: r.facility_id,
      name: r.name,
      divisionCode: r.division_code,
      timezone: r.timezone,
      firstSubmittedAt: r.first_at ? r.first_at.toISOString() : null,
      firstSubmittedOn: r.first_on,
      resubmissions: r.resubmissions,
    }));
  }

  /** The reminder of the 20th, once per facility and day; whether it was new. */
  async insertReminder(day: IsoDate, detail: object): Promise<boolean> {
    const rows: unknown[] = await this.db.sql.query(
      `INSERT INTO compliance_alert (facility_id, day, kind, detail) VALUES ($1, $2, 'MONTHLY_REPORT_NOT_SUBMITTED', $3)
       ON CONFLICT (facility_id, day, kind) DO NOTHING RETURNING id`,
      [this.db.facilityId(), day, JSON.stringify(detail)],
    );
    return rows.length > 0;
  }
}
