import { Injectable } from '@nestjs/common';
import { isProvincePrefix } from '@careops/care';
import { AuditService } from '@careops/audit';
import { TenantDb } from '@careops/db';
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError, RuleViolation } from '@careops/platform';
import { CreateFacilityDto, UpdateFacilityDto } from './dto/facility.dto';
import { FacilitiesRepository } from './facilities.repository';
import { Facility } from './facility.entity';

/** Facilities; what the caller sees is decided by the RLS policies of its transaction's scope. */
@Injectable()
export class FacilitiesService {
  constructor(
    private readonly facilities: FacilitiesRepository,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateFacilityDto): Promise<Facility> {
    if (!isProvincePrefix(dto.divisionCode.slice(0, 2))) throw new RuleViolation('DIVISION_UNKNOWN', { code: dto.divisionCode });
    const id = await this.facilities.insert(dto);
    const created = await this.get(id);
    await this.audit.record({ action: 'facility.create', entityType: 'facility', entityId: id, facilityId: id, after: { ...created } });
    return created;
  }

  /** Admin: all; regulator: its division; facility users: their own (RLS). */
  list(): Promise<Facility[]> {
    return this.facilities.listVisible();
  }

  async get(id: string): Promise<Facility> {
    const facility = await this.facilities.findById(id);
    if (!facility) throw new NotFoundError('FACILITY_NOT_FOUND');
    return facility;
  }

  /** The facility of the current request's tenant scope: what other features read of it. */
  current(): Promise<Facility> {
    return this.get(this.db.facilityId());
  }

  async update(id: string, dto: UpdateFacilityDto): Promise<Facility> {
    // Which bureau oversees a facility, and what kind it is, are the platform's to change.
    if ((dto.divisionCode !== undefined || dto.type !== undefined) && this.db.principal().role !== 'PLATFORM_ADMIN') {
      throw new NotAllowedError('FACILITY_FIELDS_PLATFORM_ONLY');
    }
    if (Object.values(dto).every((v) => v === undefined)) throw new InvalidInputError('NOTHING_TO_UPDATE');
    const before = await this.get(id);
    if (dto.divisionCode && dto.divisionCode !== before.divisionCode && !isProvincePrefix(dto.divisionCode.slice(0, 2))) {
      throw new RuleViolation('DIVISION_UNKNOWN', { code: dto.divisionCode });
    }
    await this.facilities.update(id, dto);
    const after = await this.get(id);
    await this.audit.record({
      action: 'facility.update',
      entityType: 'facility',
      entityId: id,
      before: { ...before },
      after: { ...after },
    });
    return after;
  }

  /**
   * docs/rules.md §11 archive: the platform takes a closed facility or a test tenant out of every
   * division figure and list; its accounts can no longer sign in (migration 1765570000000). Audited.
   */
  async archive(id: string, reason: string): Promise<Facility> {
    const before = await this.get(id);
    if (before.archivedAt) throw new ConflictError('FACILITY_ARCHIVED', { archivedAt: before.archivedAt.toISOString() });
    await this.facilities.setArchived(id, reason.trim());
    const after = await this.get(id);
    await this.audit.record({
      action: 'facility.archive',
      entityType: 'facility',
      entityId: id,
      facilityId: id,
      before: { ...before },
      after: { ...after },
    });
    return after;
  }

  /** Back into the figures; its accounts sign in again (those deactivated one by one stay so). */
  async unarchive(id: string): Promise<Facility> {
    const before = await this.get(id);
    if (!before.archivedAt) throw new ConflictError('FACILITY_NOT_ARCHIVED');
    await this.facilities.setArchived(id, null);
    const after = await this.get(id);
    await this.audit.record({
      action: 'facility.unarchive',
      entityType: 'facility',
      entityId: id,
      facilityId: id,
      before: { ...before },
      after: { ...after },
    });
    return after;
  }
}
