import { BadRequestException, ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import { calendarDate } from '@careops/care';
import { AuditService } from '@careops/audit';
import { EXCLUSION_VIOLATION, refuseOn, scopeOf, UNIQUE_VIOLATION, type RequestContext, FacilityScoped, withTenantScope } from '@careops/db';
import { BoardCache, BoardEntry } from './board-cache';
import { CreateBedDto, CreateRoomDto, UpdateBedDto } from './dto/bed.dto';

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


@Injectable()
export class BedsService extends FacilityScoped {
  constructor(
    txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    cls: ClsService<RequestContext>,
    private readonly audit: AuditService,
    private readonly cache: BoardCache,
  ) {
    super(txHost, cls);
  }



  /** Runs a write; a unique-key clash becomes 409 with `message`. */
  private uniquely<T>(write: () => Promise<T>, message: string): Promise<T> {
    return refuseOn(this.sql, [UNIQUE_VIOLATION], write, () => new ConflictException(message));
  }

  async createRoom(dto: CreateRoomDto): Promise<Room> {
    const [room]: Room[] = await this.uniquely(
      () => this.sql.query(
        `INSERT INTO room (facility_id, building, floor, number) VALUES ($1, $2, $3, $4) RETURNING id, building, floor, number`,
        [this.facilityId(), dto.building, dto.floor, dto.number],
      ),
      `room ${dto.building} ${dto.floor}F ${dto.number} already exists (房间已存在)`,
    );
    await this.audit.record({ action: 'room.create', entityType: 'room', entityId: room.id, after: { ...room } });
    return room;
  }

  rooms(): Promise<Room[]> {
    return this.sql.query(`SELECT id, building, floor, number FROM room ORDER BY building, floor, number`);
  }

  async createBed(dto: CreateBedDto): Promise<BedOnDate> {
    const [room] = await this.sql.query(`SELECT id FROM room WHERE id = $1`, [dto.roomId]);
    if (!room) throw new UnprocessableEntityException(`roomId ${dto.roomId}: no such room in this facility (房间不存在)`);
    if (dto.inService === false && !dto.reason) throw new BadRequestException(['reason is required when inService is false (停用须填写原因)']);
    const [bed]: { id: string }[] = await this.uniquely(
      () => this.sql.query(`INSERT INTO bed (facility_id, room_id, code, kind) VALUES ($1, $2, $3, $4) RETURNING id`, [
        this.facilityId(), dto.roomId, dto.code, dto.kind,
      ]),
      `bed code ${dto.code} is already used in this facility (床位编号已存在)`,
    );
    const today = this.today();
    if (dto.inService === false) {
      await this.sql.query(`INSERT INTO bed_outage (facility_id, bed_id, period, reason) VALUES ($1, $2, daterange($3, NULL), $4)`, [
        this.facilityId(), bed.id, today, dto.reason,
      ]);
    }
    await this.audit.record({ action: 'bed.create', entityType: 'bed', entityId: bed.id, after: { ...dto } });
    return this.bedOn(bed.id, today);
  }

  async updateBed(bedId: string, dto: UpdateBedDto): Promise<BedOnDate> {
    if (Object.values(dto).every((v) => v === undefined)) throw new BadRequestException(['no field to update (没有需要修改的字段)']);
    const on = dto.on ?? this.today();
    // Locked like admissions lock it: an admission and an outage of one bed never pass each other.
    await this.sql.query(`SELECT id FROM bed WHERE id = $1 FOR UPDATE`, [bedId]);
    const before = await this.bedOn(bedId, on);
    if (dto.code !== undefined || dto.kind !== undefined) {
      await this.uniquely(
        () => this.sql.query(`UPDATE bed SET code = coalesce($2, code), kind = coalesce($3, kind) WHERE id = $1`, [bedId, dto.code ?? null, dto.kind ?? null]),
        `bed code ${dto.code} is already used in this facility (床位编号已存在)`,
      );
    }
    if (dto.inService === false) {
      if (!dto.reason) throw new BadRequestException(['reason is required when inService is false (停用须填写原因)']);
      const [stay]: { lower: string; upper: string | null }[] = await this.sql.query(
        `SELECT lower(period)::text AS lower, upper(period)::text AS upper FROM stay
         WHERE bed_id = $1 AND period && daterange($2, NULL) ORDER BY lower(period) LIMIT 1`,
        [bedId, on],
      );
      if (stay) {
        throw new ConflictException(
          `bed ${before.code} is occupied from ${stay.lower} to ${stay.upper ?? '(open)'}; transfer or discharge first (床位有人入住，不能停用)`,
        );
      }
      await refuseOn(
        this.sql,
        [EXCLUSION_VIOLATION],
        () => this.sql.query(`INSERT INTO bed_outage (facility_id, bed_id, period, reason) VALUES ($1, $2, daterange($3, NULL), $4)`, [
          this.facilityId(), bedId, on, dto.reason,
        ]),
        () => new ConflictException(`bed ${before.code} is already out of service on ${on} (床位已停用)`),
      );
    } else if (dto.inService === true) {
      // Back in service on `on`: the period that covers it ends there (a period starting that day is withdrawn).
      await this.sql.query(`DELETE FROM bed_outage WHERE bed_id = $1 AND lower(period) >= $2`, [bedId, on]);
      await this.sql.query(`UPDATE bed_outage SET period = daterange(lower(period), $2) WHERE bed_id = $1 AND period @> $2::date`, [bedId, on]);
    }
    const after = await this.bedOn(bedId, on);
    await this.audit.record({
      action: 'bed.update', entityType: 'bed', entityId: bedId,
      before: { code: before.code, kind: before.kind, inService: before.inService },
      after: { code: after.code, kind: after.kind, inService: after.inService, on, reason: dto.reason },
    });
    return after;
  }

  /**
   * The board as cached JSON bytes (many clients watch it). Runs its own transaction, in
   * the caller's tenant scope, only when the cache has no current entry.
   */
  async cachedBoard(facilityId: string, date: string): Promise<BoardEntry<BedOnDate[]>> {
    const hit = this.cache.get(facilityId, date);
    if (hit) return hit as BoardEntry<BedOnDate[]>;
    const generation = this.cache.generation(facilityId);
    const board = await withTenantScope(this.txHost, this.cls, scopeOf(this.cls.get('principal'), facilityId), () => this.board(date));
    return this.cache.put(facilityId, date, generation, board) as BoardEntry<BedOnDate[]>;
  }

  today(): string {
    return calendarDate(new Date());
  }

  async bedOn(bedId: string, date: string): Promise<BedOnDate> {
    const [bed] = await this.board(date, bedId);
    if (!bed) throw new NotFoundException('bed not found (床位不存在)');
    return bed;
  }

  /**
   * The bed board on a date: every bed, its room, whether it is in service, and who occupies it
   * (a resident on leave keeps the bed, docs/rules.md §3) at which care level. One query.
   */
  async board(date: string, bedId?: string, roomId?: string): Promise<BedOnDate[]> {
    const rows: Record<string, unknown>[] = await this.sql.query(
      `SELECT b.id, b.code, b.kind, r.id AS room_id, r.building, r.floor, r.number,
              o.reason AS outage_reason, lower(o.period)::text AS outage_from, upper(o.period)::text AS outage_to,
              s.admission_id, s.resident_id, lower(s.period)::text AS since, p.name,
              lvl.care_level, l.kind AS leave_kind, lower(l.period)::text AS leave_from, upper(l.period)::text AS leave_to
       FROM bed b
       JOIN room r ON r.id = b.room_id
       LEFT JOIN bed_outage o ON o.bed_id = b.id AND o.period @> $1::date
       LEFT JOIN stay s ON s.bed_id = b.id AND s.period @> $1::date
       LEFT JOIN resident p ON p.id = s.resident_id
       LEFT JOIN LATERAL (
         SELECT care_level FROM assessment a WHERE a.resident_id = s.resident_id AND a.effective_on <= $1::date
         ORDER BY a.effective_on DESC, a.seq DESC LIMIT 1) lvl ON true
       LEFT JOIN leave l ON l.resident_id = s.resident_id AND l.period @> $1::date
       WHERE ($2::uuid IS NULL OR b.id = $2) AND ($3::uuid IS NULL OR r.id = $3)
       ORDER BY r.building, r.floor, r.number, b.code`,
      [date, bedId ?? null, roomId ?? null],
    );
    return rows.map((r) => {
      const occupant = r['resident_id']
        ? {
            residentId: r['resident_id'] as string,
            name: r['name'] as string,
            admissionId: r['admission_id'] as string,
            careLevel: (r['care_level'] as string | null) ?? null,
            since: r['since'] as string,
            onLeave: r['leave_kind']
              ? { kind: r['leave_kind'] as 'LEAVE' | 'HOSPITAL', from: r['leave_from'] as string, to: r['leave_to'] as string }
              : null,
          }
        : null;
      const outOfService = r['outage_reason']
        ? { from: r['outage_from'] as string, to: (r['outage_to'] as string | null) ?? null, reason: r['outage_reason'] as string }
        : null;
      return {
        id: r['id'] as string,
        code: r['code'] as string,
        kind: r['kind'] as 'NURSING' | 'GENERAL',
        room: { id: r['room_id'] as string, building: r['building'] as string, floor: r['floor'] as number, number: r['number'] as string },
        inService: !outOfService,
        outOfService,
        occupant,
        status: outOfService ? 'OUT_OF_SERVICE' : !occupant ? 'FREE' : occupant.onLeave ? 'ON_LEAVE' : 'OCCUPIED',
      };
    });
  }
}
