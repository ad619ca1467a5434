import { Injectable } from '@nestjs/common';
import type { DateInterval, IsoDate } from '@careops/care';
import { TenantDb } from '@careops/db';

/** A resident's periods of one kind that overlap a span, [from, to) each (to null: open). */
export interface ResidentPeriods {
  residentId: string;
  periods: DateInterval[];
}

/** Where a resident was on a day, as a claim line prints it (docs/rules.md §5: telling residents apart). */
export interface ResidentPlace {
  residentId: string;
  day: IsoDate;
  /** The bed of the stay holding the day, else of the latest stay begun before it; null if none. */
  bedCode: string | null;
  /** The period (admission or home-care enrolment) holding the day, else the latest begun before it. */
  from: IsoDate | null;
  to: IsoDate | null;
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

  /**
   * For each asked (resident, day): the bed then (or the latest before) and the period of `kind`
   * ('admission' or 'homeCareBed') around the day, in the order asked.
   */
  async placesOn(kind: 'admission' | 'homeCareBed', asked: { residentId: string; day: IsoDate }[]): Promise<ResidentPlace[]> {
    if (asked.length === 0) return [];
    const rows: { resident_id: string; day: string; bed_code: string | null; lower: string | null; upper: string | null }[] =
      await this.db.sql.query(
        `SELECT x.resident_id, x.day::text AS day,
                (SELECT b.code FROM stay s JOIN bed b ON b.id = s.bed_id
                 WHERE s.resident_id = x.resident_id AND lower(s.period) <= x.day ORDER BY lower(s.period) DESC LIMIT 1) AS bed_code,
                p.lower, p.upper
         FROM jsonb_to_recordset($1::jsonb) AS x(resident_id uuid, day date, n int)
         LEFT JOIN LATERAL (SELECT lower(t.period)::text AS lower, upper(t.period)::text AS upper FROM ${TABLES[kind]} t
                            WHERE t.resident_id = x.resident_id AND lower(t.period) <= x.day ORDER BY lower(t.period) DESC LIMIT 1) p ON true
         ORDER BY x.n`,
        [JSON.stringify(asked.map((a, n) => ({ resident_id: a.residentId, day: a.day, n })))],
      );
    return rows.map((r) => ({
      residentId: r.resident_id,
      day: r.day,
      bedCode: kind === 'admission' ? r.bed_code : null,
      from: r.lower,
      to: r.upper,
    }));
  }
}
