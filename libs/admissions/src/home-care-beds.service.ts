import { Injectable } from '@nestjs/common';
import { dayNumber } from '@careops/care';
import { AuditService } from '@careops/audit';
import { TenantDb } from '@careops/db';
import { ConflictError, NotFoundError, RuleViolation } from '@careops/platform';
import { CareLevelsRepository, ResidentsService } from '@careops/residents';
import { AdmissionsRepository } from './admissions.repository';
import { CreateHomeCareBedDto, EndHomeCareBedDto } from './dto/home-care-bed.dto';
import { HomeCareBedsRepository, HomeCareBedView } from './home-care-beds.repository';

export type { HomeCareBedView } from './home-care-beds.repository';

/**
 * 家庭养老床位 (docs/rules.md §5, HOME_CARE_BED): the facility serves a resident at home; the enrolment
 * [from, to) is what the HOME_CARE_BED claim counts, as an admission is for INSTITUTIONAL_CARE.
 * The database forbids two enrolments of one resident overlapping.
 */
@Injectable()
export class HomeCareBedsService {
  constructor(
    private readonly homeCareBeds: HomeCareBedsRepository,
    private readonly admissions: AdmissionsRepository,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly residents: ResidentsService,
    private readonly careLevels: CareLevelsRepository,
  ) {}

  list(): Promise<HomeCareBedView[]> {
    return this.homeCareBeds.list();
  }

  async enrol(dto: CreateHomeCareBedDto): Promise<HomeCareBedView> {
    const [resident] = await this.careLevels.profiles([dto.residentId]);
    if (!resident) throw new RuleViolation('UNKNOWN_RESIDENT', { residentId: dto.residentId });
    // Served at home or living in: not both on one day (one subsidy per person and day).
    const admitted = await this.admissions.admittedFrom(dto.residentId, dto.from);
    if (admitted) throw new ConflictError('HOME_CARE_BED_RESIDENT_ADMITTED', { name: resident.name, from: admitted });
    const id = await this.homeCareBeds.insert(
      { residentId: dto.residentId, from: dto.from, address: dto.address },
      () => new ConflictError('HOME_CARE_BED_OVERLAP', { name: resident.name, from: dto.from }),
    );
    if (dto.careLevel) {
      await this.residents.recordAssessment(
        dto.residentId,
        {
          careLevel: dto.careLevel,
          grade: null,
          effectiveOn: dto.from,
          assessor: this.db.actor(),
          notes: '家庭养老床位建床时记录',
        },
        { audited: false },
      );
    }
    await this.audit.record({ action: 'home_care_bed.create', entityType: 'home_care_bed', entityId: id, after: { ...dto } });
    return this.get(id);
  }

  async end(id: string, dto: EndHomeCareBedDto): Promise<HomeCareBedView> {
    const current = await this.get(id);
    if (current.to !== null) throw new ConflictError('HOME_CARE_BED_ENDED', { on: current.to });
    if (dayNumber(dto.on) <= dayNumber(current.from))
      throw new RuleViolation('HOME_CARE_BED_END_BEFORE_START', { on: dto.on, from: current.from });
    await this.homeCareBeds.end(id, dto.on);
    await this.audit.record({
      action: 'home_care_bed.end',
      entityType: 'home_care_bed',
      entityId: id,
      before: { to: null },
      after: { to: dto.on },
    });
    return this.get(id);
  }

  private async get(id: string): Promise<HomeCareBedView> {
    const row = await this.homeCareBeds.find(id);
    if (!row) throw new NotFoundError('HOME_CARE_BED_NOT_FOUND');
    return row;
  }
}
