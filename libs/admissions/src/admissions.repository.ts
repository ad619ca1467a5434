import { Injectable } from '@nestjs/common';
import { EXCLUSION_VIOLATION, refuseOn, TenantDb } from '@careops/db';
import type { ConflictError } from '@careops/platform';

export interface StayView {
  /** The stay; a stay after the admission's first is a transfer 转床, voided by this id (docs/rules.md §12). */
  id: string;
  bedId: string;
  bedCode: string;
  from: string;
  to: string | null;
}

export interface LeaveView {
  id: string;
  kind: 'LEAVE' | 'HOSPITAL';
  from: string;
  to: string;
  reason: string;
}

export interface AdmissionRow {
  id: string;
  residentId: string;
  admittedOn: string;
  dischargedOn: string | null;
  dischargeReason: string | null;
  /** Set when the admission was voided 撤销 (docs/rules.md §12); a voided admission is read, never counted. */
  voidedAt: string | null;
}

export type AdmissionSummary = Omit<AdmissionRow, 'dischargeReason' | 'voidedAt'>;

/** The first stays that overlap a period, on a bed and of a resident (null: none). */
export interface StayClash {
  bed: { from: string; to: string } | null;
  resident: { from: string; to: string } | null;
}

/** Thrown by an interval insert the exclusion constraints refused; `constraint` names which. */
export class IntervalRefused extends Error {
  constructor(readonly constraint: string) {
    super(`exclusion constraint ${constraint}`);
  }
}

/**
 * Admissions, their bed stays and leaves as dated intervals [from, to) (docs/rules.md §3), through
 * the request's transaction. The database's exclusion constraints forbid overlaps.
 */
@Injectable()
export class AdmissionsRepository {
  constructor(private readonly db: TenantDb) {}

  private get sql() {
    return this.db.sql;
  }

  /**
   * An admission, voided or not; `lock` holds it (and so its stays and leaves) for a change. A
   * voided one is read from the entries (docs/rules.md §12), with the stays and leaves voided with it.
   */
  async findAdmission(id: string, lock = false): Promise<AdmissionRow | undefined> {
    const [row]: (Omit<AdmissionRow, 'voidedAt'> & { voidedAt: Date | null })[] = await this.sql.query(
      `SELECT id, resident_id AS "residentId", lower(period)::text AS "admittedOn", upper(period)::text AS "dischargedOn",
              discharge_reason AS "dischargeReason", voided_at AS "voidedAt"
       FROM admission_entry WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row && { ...row, voidedAt: row.voidedAt?.toISOString() ?? null };
  }

  /** The admission's stays in force with their bed's code, in order (of a voided admission: those voided with it). */
  stays(admissionId: string, voided = false): Promise<StayView[]> {
    return this.sql.query(
      `SELECT s.id, s.bed_id AS "bedId", b.code AS "bedCode", lower(s.period)::text AS "from", upper(s.period)::text AS "to"
       FROM ${voided ? 'stay_entry' : 'stay'} s JOIN bed b ON b.id = s.bed_id WHERE s.admission_id = $1 ORDER BY lower(s.period), s.created_at`,
      [admissionId],
    );
  }

  /** The admission's leaves in force, in order (of a voided admission: those voided with it). */
  leaves(admissionId: string, voided = false): Promise<LeaveView[]> {
    return this.sql.query(
      `SELECT id, kind, lower(period)::text AS "from", upper(period)::text AS "to", reason FROM ${voided ? 'leave_entry' : 'leave'}
       WHERE admission_id = $1 ORDER BY lower(period)`,
      [admissionId],
    );
  }

  /** Admissions (of one resident, or all), newest first. */
  list(residentId?: string): Promise<AdmissionSummary[]> {
    return this.sql.query(
      `SELECT id, resident_id AS "residentId", lower(period)::text AS "admittedOn", upper(period)::text AS "dischargedOn"
       FROM admission WHERE ($1::uuid IS NULL OR resident_id = $1) ORDER BY lower(period) DESC`,
      [residentId ?? null],
    );
  }

  /** The start of the resident's admission overlapping [from, ∞), if any. */
  async admittedFrom(residentId: string, from: string): Promise<string | undefined> {
    const [row]: { from: string }[] = await this.sql.query(
      `SELECT lower(period)::text AS "from" FROM admission WHERE resident_id = $1 AND period && daterange($2, NULL)`,
      [residentId, from],
    );
    return row?.from;
  }

  /** The first stays overlapping [from, to) on the bed (when given) and of the resident; '(open)' for no end. */
  async stayClash(bedId: string | null, residentId: string, from: string, to: string | null): Promise<StayClash> {
    const [c]: { bed_from: string | null; bed_to: string | null; res_from: string | null; res_to: string | null }[] = await this.sql.query(
      `SELECT (SELECT lower(period)::text FROM stay WHERE bed_id = $1 AND period && daterange($3::date, $4::date) ORDER BY lower(period) LIMIT 1) AS bed_from,
              (SELECT coalesce(upper(period)::text, '(open)') FROM stay WHERE bed_id = $1 AND period && daterange($3::date, $4::date) ORDER BY lower(period) LIMIT 1) AS bed_to,
              (SELECT lower(period)::text FROM stay WHERE resident_id = $2 AND period && daterange($3::date, $4::date) ORDER BY lower(period) LIMIT 1) AS res_from,
              (SELECT coalesce(upper(period)::text, '(open)') FROM stay WHERE resident_id = $2 AND period && daterange($3::date, $4::date) ORDER BY lower(period) LIMIT 1) AS res_to`,
      [bedId, residentId, from, to],
    );
    return {
      bed: c.bed_from ? { from: c.bed_from, to: c.bed_to as string } : null,
      resident: c.res_from ? { from: c.res_from, to: c.res_to as string } : null,
    };
  }

  /**
   * The admission [admittedOn, ∞) and its first stay on the bed. An overlap the exclusion
   * constraints refuse (a clash committed concurrently) throws IntervalRefused.
   */
  admit(a: { residentId: string; bedId: string; admittedOn: string }): Promise<string> {
    return this.refusingOverlap(async () => {
      const [row]: { id: string }[] = await this.sql.query(
        `INSERT INTO admission (facility_id, resident_id, period) VALUES ($1, $2, daterange($3, NULL)) RETURNING id`,
        [this.db.facilityId(), a.residentId, a.admittedOn],
      );
      await this.sql.query(
        `INSERT INTO stay (facility_id, admission_id, resident_id, bed_id, period) VALUES ($1, $2, $3, $4, daterange($5, NULL))`,
        [this.db.facilityId(), row.id, a.residentId, a.bedId, a.admittedOn],
      );
      return row.id;
    });
  }

  /** A stay [from, to) on the bed; an overlap the constraints refuse throws IntervalRefused. */
  async openStay(s: { admissionId: string; residentId: string; bedId: string; from: string; to: string | null }): Promise<void> {
    await this.refusingOverlap(() =>
      this.sql.query(
        `INSERT INTO stay (facility_id, admission_id, resident_id, bed_id, period) VALUES ($1, $2, $3, $4, daterange($5, $6))`,
        [this.db.facilityId(), s.admissionId, s.residentId, s.bedId, s.from, s.to],
      ),
    );
  }

  /** Ends the admission's stay that began on `stayFrom` on `on` (a transfer's first half). */
  async endStay(admissionId: string, stayFrom: string, on: string): Promise<void> {
    await this.sql.query(`UPDATE stay SET period = daterange(lower(period), $3) WHERE admission_id = $1 AND lower(period) = $2`, [
      admissionId,
      stayFrom,
      on,
    ]);
  }

  /** The admission and its open stay end on `on`, the first day no longer in care. */
  async discharge(admissionId: string, on: string, reason: string): Promise<void> {
    await this.sql.query(`UPDATE admission SET period = daterange(lower(period), $2), discharge_reason = $3 WHERE id = $1`, [
      admissionId,
      on,
      reason,
    ]);
    await this.sql.query(`UPDATE stay SET period = daterange(lower(period), $2) WHERE admission_id = $1 AND upper_inf(period)`, [
      admissionId,
      on,
    ]);
  }

  /** A leave [from, to); one overlapping another of the resident is refused with `clash`. */
  async insertLeave(
    l: { admissionId: string; residentId: string; from: string; to: string; kind: 'LEAVE' | 'HOSPITAL'; reason: string },
    clash: () => ConflictError,
  ): Promise<void> {
    await refuseOn(
      this.sql,
      [EXCLUSION_VIOLATION],
      () =>
        this.sql.query(
          `INSERT INTO leave (facility_id, admission_id, resident_id, period, kind, reason) VALUES ($1, $2, $3, daterange($4, $5), $6, $7)`,
          [this.db.facilityId(), l.admissionId, l.residentId, l.from, l.to, l.kind, l.reason],
        ),
      clash,
    );
  }

  /** An exclusion violation (23P01) becomes IntervalRefused; the transaction is then aborted and can run no further query. */
  private async refusingOverlap<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      const err = e as { code?: string; constraint?: string; driverError?: { constraint?: string } };
      if (err.code !== EXCLUSION_VIOLATION) throw e;
      throw new IntervalRefused(err.constraint ?? err.driverError?.constraint ?? '');
    }
  }
}
