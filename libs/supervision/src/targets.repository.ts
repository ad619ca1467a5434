import { Injectable } from '@nestjs/common';
import type { Indicator } from '@careops/care';
import { TenantDb } from '@careops/db';

/** A stored target: a count, or a ratio in integer hundredths of a percent (docs/rules.md §11). */
export interface StoredTarget {
  divisionCode: string;
  indicator: Indicator;
  target: number;
}

/** The divisions' targets per year; row-level security shows the caller's division and those inside it. */
@Injectable()
export class TargetsRepository {
  constructor(private readonly db: TenantDb) {}

  async ofDivisions(codes: string[], year: number): Promise<StoredTarget[]> {
    const rows: { division_code: string; indicator: Indicator; target: string }[] = await this.db.sql.query(
      `SELECT division_code::text, indicator, target FROM division_target WHERE division_code = ANY($1::text[]) AND year = $2 ORDER BY division_code, indicator`,
      [codes, year],
    );
    return rows.map((r) => ({ divisionCode: r.division_code, indicator: r.indicator, target: Number(r.target) }));
  }

  /** Last write wins: the audit trail keeps what each replaced. */
  async upsert(code: string, year: number, values: { indicator: Indicator; target: number }[]): Promise<void> {
    await this.db.sql.query(
      `INSERT INTO division_target (division_code, year, indicator, target, set_by)
       SELECT $1, $2, v.indicator, v.target, $4 FROM jsonb_to_recordset($3::jsonb) AS v(indicator text, target bigint)
       ON CONFLICT (division_code, year, indicator) DO UPDATE SET target = EXCLUDED.target, set_by = EXCLUDED.set_by, set_at = now()`,
      [code, year, JSON.stringify(values), this.db.userId()],
    );
  }

  async remove(code: string, year: number, indicators: Indicator[]): Promise<void> {
    await this.db.sql.query(`DELETE FROM division_target WHERE division_code = $1 AND year = $2 AND indicator = ANY($3::text[])`, [
      code,
      year,
      indicators,
    ]);
  }
}
