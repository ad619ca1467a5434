import { Injectable } from '@nestjs/common';
import { EXCLUSION_VIOLATION, refuseOn, TenantDb } from '@careops/db';
import type { ConflictError } from '@careops/platform';

export interface HomeCareBedView {
  id: string;
  residentId: string;
  residentName: string;
  from: string;
  to: string | null;
  address: string;
}

const VIEW = `SELECT h.id, h.resident_id AS "residentId", r.name AS "residentName", lower(h.period)::text AS "from",
  upper(h.period)::text AS "to", h.address FROM home_care_bed h JOIN resident r ON r.id = h.resident_id`;

/** 家庭养老床位 enrolments [from, to), through the request's transaction; the database forbids overlaps of one resident's. */
@Injectable()
export class HomeCareBedsRepository {
  constructor(private readonly db: TenantDb) {}

  /** Newest first, then by resident name. */
  list(): Promise<HomeCareBedView[]> {
    return this.db.sql.query(`${VIEW} ORDER BY lower(h.period) DESC, r.name`);
  }

  async find(id: string): Promise<HomeCareBedView | undefined> {
    const [row]: HomeCareBedView[] = await this.db.sql.query(`${VIEW} WHERE h.id = $1`, [id]);
    return row;
  }

  /** The start of the resident's enrolment overlapping [from, ∞), if any. */
  async atHomeFrom(residentId: string, from: string): Promise<string | undefined> {
    const [row]: { from: string }[] = await this.db.sql.query(
      `SELECT lower(period)::text AS "from" FROM home_care_bed WHERE resident_id = $1 AND period && daterange($2, NULL)`,
      [residentId, from],
    );
    return row?.from;
  }

  /** A new enrolment [from, ∞) and its id; one overlapping another of the resident is refused with `clash`. */
  async insert(e: { residentId: string; from: string; address: string }, clash: () => ConflictError): Promise<string> {
    const [row]: { id: string }[] = await refuseOn(
      this.db.sql,
      [EXCLUSION_VIOLATION],
      () =>
        this.db.sql.query(
          `INSERT INTO home_care_bed (facility_id, resident_id, period, address) VALUES ($1, $2, daterange($3, NULL), $4) RETURNING id`,
          [this.db.facilityId(), e.residentId, e.from, e.address],
        ),
      clash,
    );
    return row.id;
  }

  /** The enrolment becomes [from, on). */
  async end(id: string, on: string): Promise<void> {
    await this.db.sql.query(`UPDATE home_care_bed SET period = daterange(lower(period), $2) WHERE id = $1`, [id, on]);
  }
}
