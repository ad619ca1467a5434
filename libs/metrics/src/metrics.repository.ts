import { Injectable } from '@nestjs/common';
import type { CareLevel, IsoDate } from '@careops/care';
import { TenantDb } from '@careops/db';

/** One day of the facility's beds: in service (no outage), nursing-type in service, occupied in service. */
export interface BedDay {
  day: IsoDate;
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

  /** Each day of [from, to), in order. */
  async bedDays(from: IsoDate, to: IsoDate): Promise<BedDay[]> {
    const rows: { day: string; in_service: number; nursing: number; occupied: number }[] = await this.db.sql.query(
      `SELECT d.day::date::text AS day,
              count(*) FILTER (WHERE x.in_service)::int AS in_service,
              count(*) FILTER (WHERE x.in_service AND x.kind = 'NURSING')::int AS nursing,
              count(*) FILTER (WHERE x.in_service AND x.occupied)::int AS occupied
       FROM generate_series($1::date, $2::date - 1, interval '1 day') AS d(day)
       LEFT JOIN LATERAL (
         SELECT b.kind,
                NOT EXISTS (SELECT 1 FROM bed_outage o WHERE o.bed_id = b.id AND o.period @> d.day::date) AS in_service,
                EXISTS (SELECT 1 FROM stay s WHERE s.bed_id = b.id AND s.period @> d.day::date) AS occupied
         FROM bed b) x ON true
       GROUP BY d.day ORDER BY d.day`,
      [from, to],
    );
    return rows.map((r) => ({ day: r.day, inService: r.in_service, nursing: r.nursing, occupied: r.occupied }));
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
