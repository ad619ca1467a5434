import { BadRequestException, ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { isProvincePrefix } from '@careops/care';
import { AuditService } from '@careops/audit';
import { Facility } from './facility.entity';
import { CreateFacilityDto, UpdateFacilityDto } from './dto/facility.dto';

/** Facilities; what the caller sees is decided by the RLS policies of its transaction's scope. */
@Injectable()
export class FacilitiesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
  ) {}

  private get repo() {
    return this.txHost.tx.getRepository(Facility);
  }

  async create(dto: CreateFacilityDto): Promise<Facility> {
    if (!isProvincePrefix(dto.divisionCode.slice(0, 2))) {
      throw new UnprocessableEntityException(`divisionCode ${dto.divisionCode} is in no province (行政区划代码不存在)`);
    }
    const { id } = await this.repo.save(this.repo.create(dto));
    const created = await this.get(id);
    await this.audit.record({ action: 'facility.create', entityType: 'facility', entityId: id, facilityId: id, after: { ...created } });
    return created;
  }

  /** Admin: all; regulator: its division; facility users: their own (RLS). */
  list(): Promise<Facility[]> {
    return this.repo.find({ order: { divisionCode: 'ASC', name: 'ASC' } });
  }

  async get(id: string): Promise<Facility> {
    const facility = await this.repo.findOneBy({ id });
    if (!facility) throw new NotFoundException('facility not found (机构不存在)');
    return facility;
  }

  async update(id: string, dto: UpdateFacilityDto, role?: string): Promise<Facility> {
    // Which bureau oversees a facility, and what kind it is, are the platform's to change.
    if ((dto.divisionCode !== undefined || dto.type !== undefined) && role !== 'PLATFORM_ADMIN') {
      throw new ForbiddenException('only the platform admin may change divisionCode or type (仅平台管理员可修改行政区划或机构类型)');
    }
    if (Object.values(dto).every((v) => v === undefined)) {
      throw new BadRequestException(['no field to update (没有需要修改的字段)']);
    }
    const before = await this.get(id);
    if (dto.divisionCode && dto.divisionCode !== before.divisionCode && !isProvincePrefix(dto.divisionCode.slice(0, 2))) {
      throw new UnprocessableEntityException(`divisionCode ${dto.divisionCode} is in no province (行政区划代码不存在)`);
    }
    await this.repo.update({ id }, { ...dto, updatedAt: () => 'now()' } as never);
    const after = await this.get(id);
    await this.audit.record({ action: 'facility.update', entityType: 'facility', entityId: id, before: { ...before }, after: { ...after } });
    return after;
  }
}
