import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import type { IsoDate } from '@careops/care';
import { type RequestContext, TenantDb } from '@careops/db';

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
 * The facts behind the task list (docs/rules.md §11): the division's facilities, then each
 * facility's own figures in its tenant scope — one query per facility, each set-based.
 */
@Injectable()
export class TasksRepository {
  constructor(
    private readonly db: TenantDb,
    private readonly cls: ClsService<RequestContext>,
  ) {}

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
   * In the tenant scope of `facilityId` (an id row-level security has just shown this caller), then
   * back to the caller's scope: home-care beds enrolled and caregivers who passed a training in
   * [yearFrom, yearTo); beds in service and nursing ones, caregivers employed and those holding a
   * valid certificate on `asOf` (docs/rules.md §6, §7).
   */
  async figuresOf(facilityId: string, asOf: IsoDate, yearFrom: IsoDate, yearTo: IsoDate): Promise<FacilityTaskFigures> {
    const scope = this.cls.get('scope');
    try {
      await this.db.sql.query(`SELECT set_config('app.facility_id', $1, true)`, [facilityId]);
      const [r]: Record<keyof FacilityTaskFigures, number>[] = await this.db.sql.query(
        `WITH in_service AS (
           SELECT b.kind FROM bed b
           WHERE NOT EXISTS (SELECT 1 FROM bed_outage o WHERE o.facility_id = b.facility_id AND o.bed_id = b.id AND o.period @> $1::date)),
         caregivers AS (
           SELECT s.id, EXISTS (SELECT 1 FROM staff_certificate c WHERE c.facility_id = s.facility_id AND c.staff_id = s.id
                                 AND c.issued_on <= $1::date AND c.expires_on > $1::date) AS certified
           FROM staff s
           WHERE s.role = 'CAREGIVER' AND s.employed_from <= $1::date AND (s.employed_to IS NULL OR s.employed_to > $1::date))
         SELECT
           (SELECT count(*) FROM home_care_bed h WHERE lower(h.period) >= $2::date AND lower(h.period) < $3::date)::int AS "homeCareBeds",
           (SELECT count(DISTINCT t.staff_id) FROM staff_training t JOIN staff s ON s.facility_id = t.facility_id AND s.id = t.staff_id
             WHERE s.role = 'CAREGIVER' AND t.passed AND t.completed_on >= $2::date AND t.completed_on < $3::date)::int AS "caregiversTrained",
           (SELECT count(*) FROM in_service)::int AS beds,
           (SELECT count(*) FROM in_service WHERE kind = 'NURSING')::int AS "nursingBeds",
           (SELECT count(*) FROM caregivers)::int AS caregivers,
           (SELECT count(*) FROM caregivers WHERE certified)::int AS certified`,
        [asOf, yearFrom, yearTo],
      );
      return r;
    } finally {
      await this.db.sql.query(`SELECT set_config('app.facility_id', $1, true)`, [scope?.facilityId ?? '']);
    }
  }
}
