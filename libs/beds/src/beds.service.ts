import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import { calendarDate } from '@careops/care';
import { AuditService } from '@careops/audit';
import { scopeOf, type RequestContext, withTenantScope } from '@careops/db';
import { AppConfig, ConflictError, InvalidInputError, NotFoundError, RuleViolation } from '@careops/platform';
import { BedAvailabilityRepository } from './bed-availability.repository';
import { BedOnDate, BedsRepository, Room } from './beds.repository';
import { BoardCache, BoardEntry } from './board-cache';
import { CreateBedDto, CreateRoomDto, UpdateBedDto } from './dto/bed.dto';

export type { BedOnDate, Room } from './beds.repository';

@Injectable()
export class BedsService {
  constructor(
    private readonly beds: BedsRepository,
    private readonly availability: BedAvailabilityRepository,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService<RequestContext>,
    private readonly audit: AuditService,
    private readonly cache: BoardCache,
    private readonly config: AppConfig,
  ) {}

  async createRoom(dto: CreateRoomDto): Promise<Room> {
    const room = await this.beds.insertRoom(dto);
    await this.audit.record({ action: 'room.create', entityType: 'room', entityId: room.id, after: { ...room } });
    return room;
  }

  rooms(): Promise<Room[]> {
    return this.beds.rooms();
  }

  async createBed(dto: CreateBedDto): Promise<BedOnDate> {
    if (!(await this.beds.roomExists(dto.roomId))) throw new RuleViolation('ROOM_NOT_FOUND', { roomId: dto.roomId });
    if (dto.inService === false && !dto.reason) throw new InvalidInputError('BED_OUTAGE_REASON_REQUIRED');
    const bedId = await this.beds.insertBed(dto);
    const today = this.today();
    if (dto.inService === false) await this.beds.insertOutage(bedId, today, dto.reason as string);
    await this.audit.record({ action: 'bed.create', entityType: 'bed', entityId: bedId, after: { ...dto } });
    return this.bedOn(bedId, today);
  }

  async updateBed(bedId: string, dto: UpdateBedDto): Promise<BedOnDate> {
    if (Object.values(dto).every((v) => v === undefined)) throw new InvalidInputError('NOTHING_TO_UPDATE');
    const on = dto.on ?? this.today();
    await this.availability.lock(bedId);
    const before = await this.bedOn(bedId, on);
    if (dto.code !== undefined || dto.kind !== undefined)
      await this.beds.updateBed(bedId, { code: dto.code ?? null, kind: dto.kind ?? null });
    if (dto.inService === false) {
      if (!dto.reason) throw new InvalidInputError('BED_OUTAGE_REASON_REQUIRED');
      const stay = await this.beds.firstStayFrom(bedId, on);
      if (stay) throw new ConflictError('BED_OCCUPIED', { bed: before.code, from: stay.from, to: stay.to ?? '(open)' });
      await this.beds.insertOutage(bedId, on, dto.reason, () => new ConflictError('BED_ALREADY_OUT_OF_SERVICE', { bed: before.code, on }));
    } else if (dto.inService === true) {
      await this.beds.endOutagesOn(bedId, on);
    }
    const after = await this.bedOn(bedId, on);
    await this.audit.record({
      action: 'bed.update',
      entityType: 'bed',
      entityId: bedId,
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

  /** Today in the configured time zone: the board's default date. */
  today(): string {
    return calendarDate(new Date(), this.config.APP_TIMEZONE);
  }

  async bedOn(bedId: string, date: string): Promise<BedOnDate> {
    const [bed] = await this.board(date, bedId);
    if (!bed) throw new NotFoundError('BED_NOT_FOUND');
    return bed;
  }

  /** The bed board on a date (docs/rules.md §3): every bed, or one, or a room's. */
  board(date: string, bedId?: string, roomId?: string): Promise<BedOnDate[]> {
    return this.beds.board(date, bedId, roomId);
  }
}
