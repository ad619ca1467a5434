import { Injectable } from '@nestjs/common';
import type { CareLevel, IsoDate } from '@careops/care';
import { TenantDb } from '@careops/db';

/** One day of the facility's beds: all of them, in service (no outage), nursing-type in service, occupied in service. */
export interface BedDay {
  day: IsoDate;
  beds: number;
  inService: number;
  nursing: number;
  occupied: number;
}

/** A resident in care on a day: their level that day (null: not assessed by then) and categories. */
export interface ResidentOnDay {
  level: CareLevel | null;
  categories: string[];
}

/**
 * The counts of docs/rules.md §7 for the tenant in scope, one query each over beds, outages and
 * stays (never a query per day); care levels through `careops_care_level_on` (docs/rules.md §4).
 */
@Injectable()
export class MetricsRepository {
  constructor(private readonly db: TenantDb) {}

  /**
   * Each day of [from, to), in order. Set-based: the beds are counted once, and only the outages and
   * stays that overlap the period are spread over its days (a bed has at most one of each on a day:
   * exclusion constraints), so the cost follows the facts, not beds × days.
   */
  async bedDays(from: IsoDate, to: IsoDate): Promise<BedDay[]> {
    const rows: { day: string; beds: number; in_service: number; nursing: number; occupied: number }[] = await this.db.sql.query(
      `WITH days AS (SELECT d::date AS day FROM generate_series($1::date, $2::date - 1, interval '1 day') AS d),
            beds AS (SELECT count(*)::int AS beds, count(*) FILTER (WHERE kind = 'NURSING')::int AS nursing FROM bed),
            outage AS MATERIALIZED (SELECT o.bed_id, o.period, b.kind FROM bed_outage o JOIN bed b ON b.id = o.bed_id
                                    WHERE o.period && daterange($1::date, $2::date)),
            out_by_day AS (SELECT d.day, count(*)::int AS beds, count(*) FILTER (WHERE o.kind = 'NURSING')::int AS nursing
                           FROM outage o JOIN days d ON o.period @> d.day GROUP BY d.day),
            occupied_by_day AS (SELECT d.day, count(*)::int AS beds
                                FROM stay s JOIN days d ON s.period @> d.day
                                LEFT JOIN outage o ON o.bed_id = s.bed_id AND o.period @> d.day
                                WHERE s.period && daterange($1::date, $2::date) AND o.bed_id IS NULL
                                GROUP BY d.day)
       SELECT d.day::text AS day, beds.beds,
              beds.beds - coalesce(o.beds, 0) AS in_service,
              beds.nursing - coalesce(o.nursing, 0) AS nursing,
              coalesce(s.beds, 0) AS occupied
       FROM days d CROSS JOIN beds LEFT JOIN out_by_day o ON o.day = d.day LEFT JOIN occupied_by_day s ON s.day = d.day
       ORDER BY d.day`,
      [from, to],
    );
    return rows.map((r) => ({ day: r.day, beds: r.beds, inService: r.in_service, nursing: r.nursing, occupied: r.occupied }));
  }

  /** Residents on a bed on `day` (leave days included: the stay goes on). */
  residentsOn(day: IsoDate): Promise<ResidentOnDay[]> {
    return this.db.sql.query(
      `SELECT careops_care_level_on(r.id, $1::date) AS level, r.categories
       FROM resident r WHERE EXISTS (SELECT 1 FROM stay s WHERE s.resident_id = r.id AND s.period @> $1::date)`,
      [day],
    );
  }
}
