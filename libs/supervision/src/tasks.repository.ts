import { Injectable } from '@nestjs/common';
import type { IsoDate } from '@careops/care';
import { TenantDb } from '@careops/db';

/** What the task list reads of a facility row (visible to the regulator through the facility policy). */
export interface TaskFacility {
  id: string;
  divisionCode: string;
  type: string;
  inOperationSince: string | null;
  fireSafetyPassedOn: string | null;
  medicalArrangement: string | null;
}

/** What the task list reads inside a facility (its tenant scope). */
export interface FacilityTaskFigures {
  homeCareBeds: number;
  caregiversTrained: number;
  beds: number;
  nursingBeds: number;
  caregivers: number;
  certified: number;
}

/**
 * The facts behind the task list (docs/rules.md §11): the division's facilities, then all their
 * figures in one set-based query (two queries for a division of any size).
 */
@Injectable()
export class TasksRepository {
  constructor(private readonly db: TenantDb) {}

  async facilitiesIn(prefix: string): Promise<TaskFacility[]> {
    const rows: {
      id: string;
      division_code: string;
      type: string;
      in_operation_since: string | null;
      fire_safety_passed_on: string | null;
      medical_arrangement: string | null;
    }[] = await this.db.sql.query(
      `SELECT id, division_code::text, type, in_operation_since::text, fire_safety_passed_on::text, medical_arrangement
       FROM facility WHERE starts_with(division_code::text, $1) AND archived_at IS NULL ORDER BY division_code, name, id`,
      [prefix],
    );
    return rows.map((r) => ({
      id: r.id,
      divisionCode: r.division_code,
      type: r.type,
      inOperationSince: r.in_operation_since,
      fireSafetyPassedOn: r.fire_safety_passed_on,
      medicalArrangement: r.medical_arrangement,
    }));
  }

  /**
   * For every facility of `ids` at once (docs/rules.md §6, §7, §11), under the read-only division
   * read (the caller's row-level security on `facility` decides which facilities it reaches):
   * home-care beds enrolled and caregivers who passed a training in [yearFrom, yearTo); beds in
   * service and nursing ones, caregivers employed and those holding a valid certificate on `asOf`.
   * One query for the division, whatever its size.
   */
  async figuresOf(ids: readonly string[], asOf: IsoDate, yearFrom: IsoDate, yearTo: IsoDate): Promise<Map<string, FacilityTaskFigures>> {
    if (ids.length === 0) return new Map();
    return this.db.asDivisionReader(async () => {
      const rows: (FacilityTaskFigures & { id: string })[] = await this.db.sql.query(
        `WITH f AS MATERIALIZED (SELECT id FROM facility WHERE id = ANY($1::uuid[])),
         beds AS (
           SELECT b.facility_id, count(*)::int AS beds, count(*) FILTER (WHERE b.kind = 'NURSING')::int AS nursing
           FROM bed b
           WHERE b.facility_id = ANY($1::uuid[])
             AND NOT EXISTS (SELECT 1 FROM bed_outage o WHERE o.facility_id = b.facility_id AND o.bed_id = b.id AND o.period @> $2::date)
           GROUP BY b.facility_id),
         caregivers AS (
           SELECT s.facility_id, count(*)::int AS caregivers,
                  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM staff_certificate c WHERE c.facility_id = s.facility_id AND c.staff_id = s.id
                                                  AND c.issued_on <= $2::date AND c.expires_on > $2::date))::int AS certified
           FROM staff s
           WHERE s.facility_id = ANY($1::uuid[]) AND s.role = 'CAREGIVER' AND s.employed_from <= $2::date
             AND (s.employed_to IS NULL OR s.employed_to > $2::date)
           GROUP BY s.facility_id),
         home AS (
           SELECT facility_id, count(*)::int AS n FROM home_care_bed
           WHERE facility_id = ANY($1::uuid[]) AND lower(period) >= $3::date AND lower(period) < $4::date GROUP BY facility_id),
         trained AS (
           SELECT t.facility_id, count(DISTINCT t.staff_id)::int AS n
           FROM staff_training t JOIN staff s ON s.facility_id = t.facility_id AND s.id = t.staff_id
           WHERE t.facility_id = ANY($1::uuid[]) AND s.role = 'CAREGIVER' AND t.passed AND t.completed_on >= $3::date AND t.completed_on < $4::date
           GROUP BY t.facility_id)
         SELECT f.id, coalesce(h.n, 0) AS "homeCareBeds", coalesce(t.n, 0) AS "caregiversTrained",
                coalesce(b.beds, 0) AS beds, coalesce(b.nursing, 0) AS "nursingBeds",
                coalesce(c.caregivers, 0) AS caregivers, coalesce(c.certified, 0) AS certified
         FROM f LEFT JOIN beds b ON b.facility_id = f.id LEFT JOIN caregivers c ON c.facility_id = f.id
         LEFT JOIN home h ON h.facility_id = f.id LEFT JOIN trained t ON t.facility_id = f.id`,
        [ids, asOf, yearFrom, yearTo],
      );
      return new Map(rows.map(({ id, ...figures }) => [id, figures]));
    });
  }
}
