import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import { calendarDate, careLevelOfGrade, CareLevel, idNumberProblem, ID_NUMBER_PROBLEM_MESSAGES } from '@careops/care';
import { AuditService } from '@careops/audit';
import { refuseOn, UNIQUE_VIOLATION, type RequestContext, FacilityScoped } from '@careops/db';
import { Assessment } from './assessment.entity';
import { CreateAssessmentDto } from './dto/assessment.dto';
import { CreateResidentDto, UpdateResidentDto } from './dto/resident.dto';
import { IdNumberProtector } from './id-number.protector';
import { Resident } from './resident.entity';

export interface ResidentView {
  id: string;
  name: string;
  gender: 'M' | 'F';
  dateOfBirth: string;
  /** Masked (`410421********1234`) unless revealed by a manager (audited). */
  idNumber: string;
  hukou: string | null;
  phone: string | null;
  categories: string[];
  emergencyContacts: unknown[];
  /** The level in force today, from the assessment history (docs/rules.md §4). */
  careLevel: CareLevel | null;
}

const view = (r: Resident, careLevel: CareLevel | null, idNumber = r.idMasked): ResidentView => ({
  id: r.id,
  name: r.name,
  gender: r.gender,
  dateOfBirth: r.dateOfBirth,
  idNumber,
  hukou: r.hukou,
  phone: r.phone,
  categories: r.categories,
  emergencyContacts: r.emergencyContacts,
  careLevel,
});

/** What the audit trail may hold of a resident: never the ID number, not even masked. */
const auditable = (r: Resident) => ({ name: r.name, gender: r.gender, dateOfBirth: r.dateOfBirth, hukou: r.hukou, phone: r.phone, categories: r.categories });


@Injectable()
export class ResidentsService extends FacilityScoped {
  constructor(
    txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    cls: ClsService<RequestContext>,
    private readonly ids: IdNumberProtector,
    private readonly audit: AuditService,
  ) {
    super(txHost, cls);
  }

  private get repo() {
    return this.txHost.tx.getRepository(Resident);
  }


  async create(dto: CreateResidentDto): Promise<ResidentView> {
    const id = this.ids.protect(dto.idNumber);
    const resident = this.repo.create({
      facilityId: this.facilityId(),
      name: dto.name,
      gender: dto.gender,
      dateOfBirth: dto.dateOfBirth,
      idCipher: id.cipher,
      idKeyVersion: id.keyVersion,
      idHmac: id.hmac,
      idMasked: id.masked,
      hukou: dto.hukou ?? null,
      phone: dto.phone ?? null,
      categories: (dto.categories ?? []) as Resident['categories'],
      emergencyContacts: dto.emergencyContacts ?? [],
    });
    await this.insertOrConflict(() => this.repo.insert(resident), id.hmac);
    await this.audit.record({ action: 'resident.create', entityType: 'resident', entityId: resident.id, after: auditable(resident) });
    return view(resident, null);
  }

  /** The same person twice in one facility is refused, naming the resident already registered. */
  private async insertOrConflict(write: () => Promise<unknown>, hmac: Buffer): Promise<void> {
    await refuseOn(this.txHost.tx, [UNIQUE_VIOLATION], write, async () => {
      const [existing]: { id: string; name: string }[] = await this.txHost.tx.query(`SELECT id, name FROM resident WHERE id_hmac = $1`, [hmac]);
      return new ConflictException(
        `this ID number is already registered in this facility, for ${existing?.name} (resident ${existing?.id}) (该身份证号已在本机构登记)`,
      );
    });
  }

  async list(): Promise<ResidentView[]> {
    const residents = await this.repo.find({ order: { name: 'ASC' } });
    const levels = await this.levelsOn(calendarDate(new Date()));
    return residents.map((r) => view(r, levels.get(r.id) ?? null));
  }

  async get(id: string, reveal = false): Promise<ResidentView> {
    const query = this.repo.createQueryBuilder('r').where('r.id = :id', { id });
    if (reveal) query.addSelect(['r.idCipher', 'r.idKeyVersion']);
    const resident = await query.getOne();
    if (!resident) throw new NotFoundException('resident not found (老人不存在)');
    const level = (await this.levelsOn(calendarDate(new Date()), id)).get(id) ?? null;
    if (!reveal) return view(resident, level);
    // docs/rules.md §4: every read of the full number is audited.
    await this.audit.record({ action: 'resident.reveal_id_number', entityType: 'resident', entityId: id });
    return view(resident, level, this.ids.reveal(resident.idCipher, resident.idKeyVersion));
  }

  async update(id: string, dto: UpdateResidentDto): Promise<ResidentView> {
    if (Object.values(dto).every((v) => v === undefined)) throw new BadRequestException(['no field to update (没有需要修改的字段)']);
    const before = await this.repo.createQueryBuilder('r').addSelect(['r.idCipher', 'r.idKeyVersion']).where('r.id = :id', { id }).getOne();
    if (!before) throw new NotFoundException('resident not found (老人不存在)');
    const dateOfBirth = dto.dateOfBirth ?? before.dateOfBirth;
    const idNumber = dto.idNumber ?? this.ids.reveal(before.idCipher, before.idKeyVersion);
    const problem = idNumberProblem(idNumber, dateOfBirth);
    if (problem) throw new BadRequestException([`idNumber: ${ID_NUMBER_PROBLEM_MESSAGES[problem]}`]);
    const changes: Partial<Resident> = {
      name: dto.name, gender: dto.gender, dateOfBirth: dto.dateOfBirth, hukou: dto.hukou, phone: dto.phone,
      categories: dto.categories as Resident['categories'] | undefined, emergencyContacts: dto.emergencyContacts,
    };
    if (dto.idNumber) {
      const p = this.ids.protect(dto.idNumber);
      Object.assign(changes, { idCipher: p.cipher, idKeyVersion: p.keyVersion, idHmac: p.hmac, idMasked: p.masked });
    }
    for (const k of Object.keys(changes) as (keyof Resident)[]) if (changes[k] === undefined) delete changes[k];
    await this.insertOrConflict(() => this.repo.update({ id }, { ...changes, updatedAt: () => 'now()' } as never), changes.idHmac ?? Buffer.alloc(0));
    const after = await this.get(id);
    await this.audit.record({
      action: 'resident.update',
      entityType: 'resident',
      entityId: id,
      before: { ...auditable(before), idNumberChanged: false },
      after: { ...auditable({ ...before, ...changes } as Resident), idNumberChanged: !!dto.idNumber },
    });
    return after;
  }

  async assess(residentId: string, dto: CreateAssessmentDto): Promise<Assessment> {
    if (!dto.grade && !dto.careLevel) throw new BadRequestException(['grade or careLevel is required (须填写评估等级或照护等级)']);
    const careLevel = dto.grade ? careLevelOfGrade(dto.grade) : (dto.careLevel as CareLevel);
    if (dto.grade && dto.careLevel && dto.careLevel !== careLevel) {
      throw new BadRequestException([`grade ${dto.grade} means careLevel ${careLevel}, not ${dto.careLevel} (docs/rules.md §4)`]);
    }
    await this.get(residentId);
    return this.recordAssessment(residentId, { careLevel, grade: dto.grade ?? null, effectiveOn: dto.effectiveOn, assessor: dto.assessor, notes: dto.notes ?? null });
  }

  /** Also used by admissions (`careLevel` on admission records an assessment effective that day). */
  async recordAssessment(
    residentId: string,
    a: { careLevel: CareLevel; grade: Assessment['grade']; effectiveOn: string; assessor: string; notes: string | null },
    options: { audited: boolean } = { audited: true },
  ): Promise<Assessment> {
    const repo = this.txHost.tx.getRepository(Assessment);
    const row = repo.create({ ...a, residentId, facilityId: this.facilityId() });
    await repo.insert(row);
    if (options.audited) {
      await this.audit.record({ action: 'assessment.create', entityType: 'assessment', entityId: row.id, after: { residentId, ...a } });
      return repo.findOneByOrFail({ id: row.id });
    }
    return row;
  }

  async assessments(residentId: string): Promise<Assessment[]> {
    await this.get(residentId);
    return this.txHost.tx.getRepository(Assessment).createQueryBuilder('a')
      .where('a.residentId = :residentId', { residentId })
      .orderBy('a.effectiveOn', 'ASC').addOrderBy('a.seq', 'ASC')
      .getMany();
  }

  /** Level in force on `date` per resident: the latest assessment effective on or before it. */
  async levelsOn(date: string, residentId?: string): Promise<Map<string, CareLevel>> {
    const rows: { resident_id: string; care_level: CareLevel }[] = await this.txHost.tx.query(
      `SELECT DISTINCT ON (resident_id) resident_id, care_level FROM assessment
       WHERE effective_on <= $1 ${residentId ? 'AND resident_id = $2' : ''}
       ORDER BY resident_id, effective_on DESC, seq DESC`,
      residentId ? [date, residentId] : [date],
    );
    return new Map(rows.map((r) => [r.resident_id, r.care_level]));
  }
}
