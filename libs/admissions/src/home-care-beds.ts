import { Body, ConflictException, Controller, Get, Injectable, NotFoundException, Param, ParseUUIDPipe, Post, UnprocessableEntityException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import { dayNumber } from '@careops/care';
import { AuditService } from '@careops/audit';
import { EXCLUSION_VIOLATION, refuseOn, type RequestContext, FacilityScoped } from '@careops/db';
import { ANY_ROLE, Roles } from '@careops/platform';
import { ResidentsService } from '@careops/residents';
import { CreateHomeCareBedDto, EndHomeCareBedDto } from './dto/home-care-bed.dto';

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

/**
 * 家庭养老床位 (docs/rules.md §5, HOME_CARE_BED): the facility serves a resident at home; the enrolment
 * [from, to) is what the HOME_CARE_BED claim counts, as an admission is for INSTITUTIONAL_CARE.
 * The database forbids two enrolments of one resident overlapping.
 */
@Injectable()
export class HomeCareBedsService extends FacilityScoped {
  constructor(
    txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    cls: ClsService<RequestContext>,
    private readonly audit: AuditService,
    private readonly residents: ResidentsService,
  ) {
    super(txHost, cls);
  }

  list(): Promise<HomeCareBedView[]> {
    return this.sql.query(`${VIEW} ORDER BY lower(h.period) DESC, r.name`);
  }

  async enrol(dto: CreateHomeCareBedDto): Promise<HomeCareBedView> {
    const [resident]: { name: string }[] = await this.sql.query(`SELECT name FROM resident WHERE id = $1`, [dto.residentId]);
    if (!resident) throw new UnprocessableEntityException(`residentId ${dto.residentId}: no such resident in this facility (老人不存在)`);
    // Served at home or living in: not both on one day (one subsidy per person and day).
    const [admitted]: { from: string }[] = await this.sql.query(
      `SELECT lower(period)::text AS "from" FROM admission WHERE resident_id = $1 AND period && daterange($2, NULL)`, [dto.residentId, dto.from]);
    if (admitted) {
      throw new ConflictException(`${resident.name} is admitted to the facility (from ${admitted.from}); a home-care bed cannot overlap a stay (该老人已入住机构)`);
    }
    const [row]: { id: string }[] = await refuseOn(
      this.sql, [EXCLUSION_VIOLATION],
      () => this.sql.query(
        `INSERT INTO home_care_bed (facility_id, resident_id, period, address) VALUES ($1, $2, daterange($3, NULL), $4) RETURNING id`,
        [this.facilityId(), dto.residentId, dto.from, dto.address],
      ),
      () => new ConflictException(`${resident.name} already has a home-care bed on or after ${dto.from} (该老人已有家庭养老床位)`),
    );
    if (dto.careLevel) {
      await this.residents.recordAssessment(dto.residentId, {
        careLevel: dto.careLevel, grade: null, effectiveOn: dto.from, assessor: this.actor(), notes: '家庭养老床位建床时记录',
      }, { audited: false });
    }
    await this.audit.record({ action: 'home_care_bed.create', entityType: 'home_care_bed', entityId: row.id, after: { ...dto } });
    return this.get(row.id);
  }

  async end(id: string, dto: EndHomeCareBedDto): Promise<HomeCareBedView> {
    const current = await this.get(id);
    if (current.to !== null) throw new ConflictException(`this home-care bed already ended on ${current.to} (已撤床)`);
    if (dayNumber(dto.on) <= dayNumber(current.from)) {
      throw new UnprocessableEntityException(`the end ${dto.on} must be after the start ${current.from} (撤床日期须晚于建床日期)`);
    }
    await this.sql.query(`UPDATE home_care_bed SET period = daterange(lower(period), $2) WHERE id = $1`, [id, dto.on]);
    await this.audit.record({ action: 'home_care_bed.end', entityType: 'home_care_bed', entityId: id, before: { to: null }, after: { to: dto.on } });
    return this.get(id);
  }

  private async get(id: string): Promise<HomeCareBedView> {
    const [row] = await this.sql.query(`${VIEW} WHERE h.id = $1`, [id]);
    if (!row) throw new NotFoundException('home-care bed not found (家庭养老床位不存在)');
    return row;
  }
}

const MANAGING = ['FACILITY_MANAGER', 'PLATFORM_ADMIN'] as const;

@ApiTags('home-care beds')
@Controller('facilities/:facilityId/home-care-beds')
export class HomeCareBedsController {
  constructor(private readonly beds: HomeCareBedsService) {}

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: '家庭养老床位: residents served at home, newest first' })
  list(@Param('facilityId', ParseUUIDPipe) _f: string) {
    return this.beds.list();
  }

  @Post()
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'Enrol a resident in a home-care bed from a date (建床)' })
  enrol(@Param('facilityId', ParseUUIDPipe) _f: string, @Body() dto: CreateHomeCareBedDto) {
    return this.beds.enrol(dto);
  }

  @Post(':homeCareBedId/end')
  @Roles(...MANAGING)
  @ApiOperation({ summary: 'End the enrolment: `on` is the first day no longer served (撤床)' })
  end(@Param('facilityId', ParseUUIDPipe) _f: string, @Param('homeCareBedId', ParseUUIDPipe) id: string, @Body() dto: EndHomeCareBedDto) {
    return this.beds.end(id, dto);
  }
}
