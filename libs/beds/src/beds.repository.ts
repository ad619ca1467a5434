import { Injectable } from '@nestjs/common';
import { EXCLUSION_VIOLATION, refuseOn, TenantDb, UNIQUE_VIOLATION } from '@careops/db';
import { ConflictError } from '@careops/platform';

export interface Room {
  id: string;
  building: string;
  floor: number;
  number: string;
}

/** One bed of the bed board 床位一览 on a date. */
export interface BedOnDate {
  id: string;
  code: string;
  kind: 'NURSING' | 'GENERAL';
  room: Room;
  inService: boolean;
  outOfService: { from: string; to: string | null; reason: string } | null;
  occupant: {
    residentId: string;
    name: string;
    admissionId: string;
    careLevel: string | null;
    since: string;
    onLeave: { kind: 'LEAVE' | 'HOSPITAL'; from: string; to: string } | null;
  } | null;
  status: 'FREE' | 'OCCUPIED' | 'ON_LEAVE' | 'OUT_OF_SERVICE';
}

interface BoardRow {
  id: string;
  code: string;
  kind: 'NURSING' | 'GENERAL';
  room_id: string;
  building: string;
  floor: number;
  number: string;
  outage_reason: string | null;
  outage_from: string | null;
  outage_to: string | null;
  admission_id: string | null;
  resident_id: string | null;
  since: string | null;
  name: string | null;
  care_level: string | null;
  leave_kind: 'LEAVE' | 'HOSPITAL' | null;
  leave_from: string | null;
  leave_to: string | null;
}

const bedOnDate = (r: BoardRow): BedOnDate => {
  const occupant = r.resident_id
    ? {
        residentId: r.resident_id,
        name: r.name as string,
        admissionId: r.admission_id as string,
        careLevel: r.care_level ?? null,
        since: r.since as string,
        onLeave: r.leave_kind ? { kind: r.leave_kind, from: r.leave_from as string, to: r.leave_to as string } : null,
      }
    : null;
  const outOfService = r.outage_reason ? { from: r.outage_from as string, to: r.outage_to ?? null, reason: r.outage_reason } : null;
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    room: { id: r.room_id, building: r.building, floor: r.floor, number: r.number },
    inService: !outOfService,
    outOfService,
    occupant,
    status: outOfService ? 'OUT_OF_SERVICE' : !occupant ? 'FREE' : occupant.onLeave ? 'ON_LEAVE' : 'OCCUPIED',
  };
};

/** Rooms, beds and their out-of-service periods, through the request's transaction. */
@Injectable()
export class BedsRepository {
  constructor(private readonly db: TenantDb) {}

  private get sql() {
    return this.db.sql;
  }

  /** Runs a write; a unique-key clash becomes `refusal`. */
  private uniquely<T>(write: () => Promise<T>, refusal: () => ConflictError): Promise<T> {
    return refuseOn(this.sql, [UNIQUE_VIOLATION], write, refusal);
  }

  async insertRoom(room: Omit<Room, 'id'>): Promise<Room> {
    const [row]: Room[] = await this.uniquely(
      () =>
        this.sql.query(
          `INSERT INTO room (facility_id, building, floor, number) VALUES ($1, $2, $3, $4) RETURNING id, building, floor, number`,
          [this.db.facilityId(), room.building, room.floor, room.number],
        ),
      () => new ConflictError('ROOM_TAKEN', { building: room.building, floor: room.floor, number: room.number }),
    );
    return row;
  }

  /** Rooms by building, floor and number. */
  rooms(): Promise<Room[]> {
    return this.sql.query(`SELECT id, building, floor, number FROM room ORDER BY building, floor, number`);
  }

  async roomExists(roomId: string): Promise<boolean> {
    const [room] = await this.sql.query(`SELECT id FROM room WHERE id = $1`, [roomId]);
    return room !== undefined;
  }

  /** A new bed's id; a code already used in the facility is refused (BED_CODE_TAKEN). */
  async insertBed(bed: { roomId: string; code: string; kind: 'NURSING' | 'GENERAL' }): Promise<string> {
    const [row]: { id: string }[] = await this.uniquely(
      () =>
        this.sql.query(`INSERT INTO bed (facility_id, room_id, code, kind) VALUES ($1, $2, $3, $4) RETURNING id`, [
          this.db.facilityId(),
          bed.roomId,
          bed.code,
          bed.kind,
        ]),
      () => new ConflictError('BED_CODE_TAKEN', { code: bed.code }),
    );
    return row.id;
  }

  /** Changes the code and/or kind (a null one is kept). */
  async updateBed(bedId: string, changes: { code: string | null; kind: string | null }): Promise<void> {
    await this.uniquely(
      () =>
        this.sql.query(`UPDATE bed SET code = coalesce($2, code), kind = coalesce($3, kind) WHERE id = $1`, [
          bedId,
          changes.code,
          changes.kind,
        ]),
      () => new ConflictError('BED_CODE_TAKEN', { code: `${changes.code}` }),
    );
  }

  /** The first stay on the bed from `on` on, if any (whose it is does not matter here). */
  async firstStayFrom(bedId: string, on: string): Promise<{ from: string; to: string | null } | undefined> {
    const [stay]: { from: string; to: string | null }[] = await this.sql.query(
      `SELECT lower(period)::text AS "from", upper(period)::text AS "to" FROM stay
       WHERE bed_id = $1 AND period && daterange($2, NULL) ORDER BY lower(period) LIMIT 1`,
      [bedId, on],
    );
    return stay;
  }

  /** An open-ended out-of-service period from `from`; one overlapping another is refused with `clash`. */
  async insertOutage(bedId: string, from: string, reason: string, clash?: () => ConflictError): Promise<void> {
    const write = () =>
      this.sql.query(`INSERT INTO bed_outage (facility_id, bed_id, period, reason) VALUES ($1, $2, daterange($3, NULL), $4)`, [
        this.db.facilityId(),
        bedId,
        from,
        reason,
      ]);
    await (clash ? refuseOn(this.sql, [EXCLUSION_VIOLATION], write, clash) : write());
  }

  /** Back in service on `on`: the period that covers it ends there (a period starting that day is withdrawn). */
  async endOutagesOn(bedId: string, on: string): Promise<void> {
    await this.sql.query(`DELETE FROM bed_outage WHERE bed_id = $1 AND lower(period) >= $2`, [bedId, on]);
    await this.sql.query(`UPDATE bed_outage SET period = daterange(lower(period), $2) WHERE bed_id = $1 AND period @> $2::date`, [
      bedId,
      on,
    ]);
  }

  /**
   * The bed board on a date: every bed, its room, whether it is in service, and who occupies it
   * (a resident on leave keeps the bed, docs/rules.md §3) at which care level (docs/rules.md §4,
   * `careops_care_level_on`). One query.
   */
  async board(date: string, bedId?: string, roomId?: string): Promise<BedOnDate[]> {
    const rows: BoardRow[] = await this.sql.query(
      `SELECT b.id, b.code, b.kind, r.id AS room_id, r.building, r.floor, r.number,
              o.reason AS outage_reason, lower(o.period)::text AS outage_from, upper(o.period)::text AS outage_to,
              s.admission_id, s.resident_id, lower(s.period)::text AS since, p.name,
              careops_care_level_on(s.resident_id, $1::date) AS care_level, l.kind AS leave_kind, lower(l.period)::text AS leave_from, upper(l.period)::text AS leave_to
       FROM bed b
       JOIN room r ON r.id = b.room_id
       LEFT JOIN bed_outage o ON o.bed_id = b.id AND o.period @> $1::date
       LEFT JOIN stay s ON s.bed_id = b.id AND s.period @> $1::date
       LEFT JOIN resident p ON p.id = s.resident_id
       LEFT JOIN leave l ON l.resident_id = s.resident_id AND l.period @> $1::date
       WHERE ($2::uuid IS NULL OR b.id = $2) AND ($3::uuid IS NULL OR r.id = $3)
       ORDER BY r.building, r.floor, r.number, b.code`,
      [date, bedId ?? null, roomId ?? null],
    );
    return rows.map(bedOnDate);
  }
}
