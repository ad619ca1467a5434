import { Injectable } from '@nestjs/common';
import type { DateInterval, IsoDate } from '@careops/care';
import { TenantDb } from '@careops/db';

/** A resident's periods of one kind that overlap a span, [from, to) each (to null: open). */
export interface ResidentPeriods {
  residentId: string;
  periods: DateInterval[];
}

/** What the kinds of period mean: in care 入住 (the admission), on a bed (its stays), away (leaves), served at home. */
const TABLES = { admission: 'admission', stay: 'stay', leave: 'leave', homeCareBed: 'home_care_bed' } as const;
export type PeriodKind = keyof typeof TABLES;

/**
 * What other features read of admissions (claims, staffing, reports): who was in care, on a bed,
 * away or served at home during a span, as dated intervals. docs/rules.md §3, §5.
 */
@Injectable()
export class StaysRepository {
  constructor(private readonly db: TenantDb) {}

  /** Every resident's periods of `kind` overlapping [from, to), each resident once, in no order. */
  async periodsIn(kind: PeriodKind, span: { from: IsoDate; to: IsoDate }): Promise<ResidentPeriods[]> {
    const rows: { resident_id: string; lower: string; upper: string | null }[] = await this.db.sql.query(
      `SELECT resident_id, lower(period)::text AS lower, upper(period)::text AS upper FROM ${TABLES[kind]}
       WHERE period && daterange($1::date, $2::date) ORDER BY resident_id, lower(period)`,
      [span.from, span.to],
    );
    const byResident = new Map<string, DateInterval[]>();
    for (const r of rows) {
      const periods = byResident.get(r.resident_id) ?? [];
      periods.push({ from: r.lower, to: r.upper });
      byResident.set(r.resident_id, periods);
    }
    return [...byResident].map(([residentId, periods]) => ({ residentId, periods }));
  }

  /** Whether anyone's period of `kind` overlaps [from, to). */
  async anyIn(kind: PeriodKind, span: { from: IsoDate; to: IsoDate }): Promise<boolean> {
    const [row] = await this.db.sql.query(`SELECT 1 FROM ${TABLES[kind]} WHERE period && daterange($1::date, $2::date) LIMIT 1`, [
      span.from,
      span.to,
    ]);
    return row !== undefined;
  }
}
