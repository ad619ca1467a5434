import { Injectable } from '@nestjs/common';
import type { IsoDate } from '@careops/care';
import { TenantDb } from '@careops/db';

/** A resident in care on a day, with what decides whether an assessment is due (docs/rules.md §4a). */
export interface InCareAssessmentRow {
  residentId: string;
  name: string;
  bed: string | null;
  admittedOn: IsoDate;
  lastAssessedOn: IsoDate | null;
  lastEffectiveOn: IsoDate | null;
  hospitalLeaves: { from: IsoDate; to: IsoDate }[];
}

@Injectable()
export class ReassessmentsRepository {
  constructor(private readonly db: TenantDb) {}

  /**
   * Residents admitted on `day` (on leave too), by name: the bed, the latest assessment in force (by
   * effective date, then order of recording) and the hospital leaves 外出住院 of the admission.
   */
  inCareOn(day: IsoDate): Promise<InCareAssessmentRow[]> {
    return this.db.sql.query(
      `SELECT r.id AS "residentId", r.name,
              (SELECT b.code FROM stay s JOIN bed b ON b.id = s.bed_id WHERE s.admission_id = a.id AND s.period @> $1::date LIMIT 1) AS bed,
              lower(a.period)::text AS "admittedOn",
              last.assessed_on::text AS "lastAssessedOn", last.effective_on::text AS "lastEffectiveOn",
              coalesce((SELECT json_agg(json_build_object('from', lower(l.period)::text, 'to', upper(l.period)::text) ORDER BY lower(l.period))
                        FROM leave l WHERE l.admission_id = a.id AND l.kind = 'HOSPITAL'), '[]') AS "hospitalLeaves"
       FROM admission a JOIN resident r ON r.id = a.resident_id
       LEFT JOIN LATERAL (SELECT x.assessed_on, x.effective_on FROM assessment x WHERE x.resident_id = r.id
                          ORDER BY x.effective_on DESC, x.seq DESC LIMIT 1) last ON true
       WHERE a.period @> $1::date
       ORDER BY r.name, r.id`,
      [day],
    );
  }
}
