import { Injectable } from '@nestjs/common';
import { EXCLUSION_VIOLATION, refuseOn, TenantDb, UNIQUE_VIOLATION } from '@careops/db';
import type { AttendanceDto, ServiceRecordDto } from './dto/day-care.dto';

export interface MembershipRow {
  id: string;
  residentId: string;
  enrolledOn: string;
  leftOn: string | null;
}

export interface AttendanceRow {
  id: string;
  residentId: string;
  day: string;
  checkIn: string;
  checkOut: string | null;
}

/** A member of the day, and their attendance that day if any. */
export interface SheetRow {
  residentId: string;
  attendanceId: string | null;
  checkIn: string | null;
  checkOut: string | null;
}

export interface ServiceRecordRow {
  id: string;
  residentId: string;
  kind: string;
  servedAt: Date;
  servedBy: string;
  notes: string | null;
}

/** Day-center memberships, attendance and service records of the tenant in scope. */
@Injectable()
export class DayCareRepository {
  constructor(private readonly db: TenantDb) {}

  /** The write, or null when it would make a second membership / attendance for the same days. */
  private async unlessTaken<T>(write: () => Promise<T>): Promise<T | null> {
    const taken = new Error('taken');
    try {
      return await refuseOn(this.db.sql, [UNIQUE_VIOLATION, EXCLUSION_VIOLATION], write, () => taken);
    } catch (e) {
      if (e === taken) return null;
      throw e;
    }
  }

  /** A membership from `enrolledOn`, open-ended; null when the resident is already a member then. */
  async insertMembership(residentId: string, enrolledOn: string): Promise<string | null> {
    const rows = await this.unlessTaken<{ id: string }[]>(() =>
      this.db.sql.query(`INSERT INTO day_member (facility_id, resident_id, period) VALUES ($1, $2, daterange($3, NULL)) RETURNING id`, [
        this.db.facilityId(),
        residentId,
        enrolledOn,
      ]),
    );
    return rows?.[0].id ?? null;
  }

  async endMembership(id: string, leftOn: string): Promise<void> {
    await this.db.sql.query(`UPDATE day_member SET period = daterange(lower(period), $2) WHERE id = $1`, [id, leftOn]);
  }

  async findMembership(id: string): Promise<MembershipRow | null> {
    const [m]: MembershipRow[] = await this.db.sql.query(
      `SELECT id, resident_id AS "residentId", lower(period)::text AS "enrolledOn", upper(period)::text AS "leftOn" FROM day_member WHERE id = $1`,
      [id],
    );
    return m ?? null;
  }

  /** Memberships that include `date`. */
  membershipsOn(date: string): Promise<MembershipRow[]> {
    return this.db.sql.query(
      `SELECT id, resident_id AS "residentId", lower(period)::text AS "enrolledOn", upper(period)::text AS "leftOn"
       FROM day_member WHERE period @> $1::date`,
      [date],
    );
  }

  async isMemberOn(residentId: string, day: string): Promise<boolean> {
    const [row] = await this.db.sql.query(`SELECT 1 FROM day_member WHERE resident_id = $1 AND period @> $2::date`, [residentId, day]);
    return row !== undefined;
  }

  /** The day's attendance; null when the resident has one that day already. */
  async insertAttendance(dto: AttendanceDto): Promise<string | null> {
    const rows = await this.unlessTaken<{ id: string }[]>(() =>
      this.db.sql.query(
        `INSERT INTO attendance (facility_id, resident_id, day, check_in, check_out) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [this.db.facilityId(), dto.residentId, dto.day, dto.checkIn, dto.checkOut ?? null],
      ),
    );
    return rows?.[0].id ?? null;
  }

  async setCheckOut(id: string, checkOut: string): Promise<void> {
    await this.db.sql.query(`UPDATE attendance SET check_out = $2 WHERE id = $1`, [id, checkOut]);
  }

  async findAttendance(id: string): Promise<AttendanceRow | null> {
    const [a]: AttendanceRow[] = await this.db.sql.query(
      `SELECT id, resident_id AS "residentId", day::text AS day, to_char(check_in, 'HH24:MI') AS "checkIn", to_char(check_out, 'HH24:MI') AS "checkOut"
       FROM attendance WHERE id = $1`,
      [id],
    );
    return a ?? null;
  }

  /** Every member on `date` with their attendance that day, present or not. */
  attendanceSheet(date: string): Promise<SheetRow[]> {
    return this.db.sql.query(
      `SELECT m.resident_id AS "residentId", a.id AS "attendanceId",
              to_char(a.check_in, 'HH24:MI') AS "checkIn", to_char(a.check_out, 'HH24:MI') AS "checkOut"
       FROM day_member m LEFT JOIN attendance a ON a.resident_id = m.resident_id AND a.day = $1::date
       WHERE m.period @> $1::date`,
      [date],
    );
  }

  async insertServiceRecord(dto: ServiceRecordDto): Promise<string> {
    const [row]: { id: string }[] = await this.db.sql.query(
      `INSERT INTO service_record (facility_id, resident_id, kind, served_at, served_by, notes) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [this.db.facilityId(), dto.residentId, dto.kind, dto.servedAt, dto.servedBy, dto.notes ?? null],
    );
    return row.id;
  }

  /**
   * Service records by time served: the one `id`, or those in the calendar days [from, to) of
   * `timeZone` (each bound optional), of one kind and one member when given.
   */
  serviceRecords(q: {
    id?: string;
    from?: string;
    to?: string;
    kind?: string;
    residentId?: string;
    timeZone: string;
  }): Promise<ServiceRecordRow[]> {
    return this.db.sql.query(
      `SELECT id, resident_id AS "residentId", kind, served_at AS "servedAt", served_by AS "servedBy", notes
       FROM service_record
       WHERE ($1::uuid IS NULL OR id = $1)
         AND ($2::date IS NULL OR served_at >= ($2::date::timestamp AT TIME ZONE $4::text))
         AND ($3::date IS NULL OR served_at < ($3::date::timestamp AT TIME ZONE $4::text))
         AND ($5::text IS NULL OR kind = $5)
         AND ($6::uuid IS NULL OR resident_id = $6)
       ORDER BY served_at, id`,
      [q.id ?? null, q.from ?? null, q.to ?? null, q.timeZone, q.kind ?? null, q.residentId ?? null],
    );
  }

  /**
   * Services in the calendar days [from, to) of `timeZone`: per kind (services, different members),
   * and the row with kind null for all kinds together (different members over every kind).
   */
  serviceCounts(from: string, to: string, timeZone: string): Promise<{ kind: string | null; services: number; persons: number }[]> {
    return this.db.sql.query(
      `SELECT kind, count(*)::int AS services, count(DISTINCT resident_id)::int AS persons
       FROM service_record
       WHERE served_at >= ($1::date::timestamp AT TIME ZONE $3::text) AND served_at < ($2::date::timestamp AT TIME ZONE $3::text)
       GROUP BY GROUPING SETS ((kind), ())`,
      [from, to, timeZone],
    );
  }
}
