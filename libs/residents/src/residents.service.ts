import { Injectable } from '@nestjs/common';
import { calendarDate, careLevelOfGrade, CareLevel, idNumberProblem, ID_NUMBER_PROBLEM_MESSAGES } from '@careops/care';
import { AuditService } from '@careops/audit';
import { TenantDb } from '@careops/db';
import { AppConfig, InvalidInputError, NotAllowedError, validationFailed } from '@careops/platform';
import { Assessment } from './assessment.entity';
import { AssessmentsRepository } from './assessments.repository';
import { CareLevelsRepository } from './care-levels.repository';
import { CreateAssessmentDto } from './dto/assessment.dto';
import { CreateResidentDto, UpdateResidentDto } from './dto/resident.dto';
import { IdNumberProtector } from './id-number.protector';
import { Resident } from './resident.entity';
import { ResidentNotFoundError } from './residents.errors';
import { ResidentsRepository } from './residents.repository';

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
const auditable = (r: Resident) => ({
  name: r.name,
  gender: r.gender,
  dateOfBirth: r.dateOfBirth,
  hukou: r.hukou,
  phone: r.phone,
  categories: r.categories,
});

@Injectable()
export class ResidentsService {
  constructor(
    private readonly residents: ResidentsRepository,
    private readonly assessmentRows: AssessmentsRepository,
    private readonly careLevels: CareLevelsRepository,
    private readonly db: TenantDb,
    private readonly ids: IdNumberProtector,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async create(dto: CreateResidentDto): Promise<ResidentView> {
    const id = this.ids.protect(dto.idNumber);
    const resident = this.residents.build({
      facilityId: this.db.facilityId(),
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
    await this.residents.insert(resident);
    await this.audit.record({ action: 'resident.create', entityType: 'resident', entityId: resident.id, after: auditable(resident) });
    return view(resident, null);
  }

  async list(): Promise<ResidentView[]> {
    const residents = await this.residents.listByName();
    const levels = await this.levelsOn(this.today());
    return residents.map((r) => view(r, levels.get(r.id) ?? null));
  }

  /** A resident; `reveal` shows the full ID number, to the facility manager only, and audits it. */
  async get(id: string, reveal = false): Promise<ResidentView> {
    if (reveal && this.db.principal().role !== 'FACILITY_MANAGER') throw new NotAllowedError('ID_NUMBER_REVEAL_MANAGER_ONLY');
    const resident = await this.residents.findById(id, reveal);
    if (!resident) throw new ResidentNotFoundError();
    const level = (await this.levelsOn(this.today(), id)).get(id) ?? null;
    if (!reveal) return view(resident, level);
    // docs/rules.md §4: every read of the full number is audited.
    await this.audit.record({ action: 'resident.reveal_id_number', entityType: 'resident', entityId: id });
    return view(resident, level, this.ids.reveal(resident.idCipher, resident.idKeyVersion));
  }

  async update(id: string, dto: UpdateResidentDto): Promise<ResidentView> {
    if (Object.values(dto).every((v) => v === undefined)) throw new InvalidInputError('NOTHING_TO_UPDATE');
    const before = await this.residents.findById(id, true);
    if (!before) throw new ResidentNotFoundError();
    const dateOfBirth = dto.dateOfBirth ?? before.dateOfBirth;
    const idNumber = dto.idNumber ?? this.ids.reveal(before.idCipher, before.idKeyVersion);
    const problem = idNumberProblem(idNumber, dateOfBirth);
    // The body's fields checked against the stored ones: refused as the validation pipe refuses a new resident.
    if (problem) throw validationFailed([`idNumber: ${ID_NUMBER_PROBLEM_MESSAGES[problem]}`]);
    const changes: Partial<Resident> = {
      name: dto.name,
      gender: dto.gender,
      dateOfBirth: dto.dateOfBirth,
      hukou: dto.hukou,
      phone: dto.phone,
      categories: dto.categories as Resident['categories'] | undefined,
      emergencyContacts: dto.emergencyContacts,
    };
    if (dto.idNumber) {
      const p = this.ids.protect(dto.idNumber);
      Object.assign(changes, { idCipher: p.cipher, idKeyVersion: p.keyVersion, idHmac: p.hmac, idMasked: p.masked });
    }
    for (const k of Object.keys(changes) as (keyof Resident)[]) if (changes[k] === undefined) delete changes[k];
    await this.residents.update(id, changes);
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
    if (!dto.grade && !dto.careLevel) throw new InvalidInputError('ASSESSMENT_LEVEL_REQUIRED');
    const careLevel = dto.grade ? careLevelOfGrade(dto.grade) : (dto.careLevel as CareLevel);
    if (dto.grade && dto.careLevel && dto.careLevel !== careLevel) {
      throw new InvalidInputError('ASSESSMENT_GRADE_MISMATCH', { grade: dto.grade, careLevel, given: dto.careLevel });
    }
    await this.get(residentId);
    return this.recordAssessment(residentId, {
      careLevel,
      grade: dto.grade ?? null,
      effectiveOn: dto.effectiveOn,
      assessor: dto.assessor,
      notes: dto.notes ?? null,
    });
  }

  /** Also used by admissions (`careLevel` on admission records an assessment effective that day). */
  async recordAssessment(
    residentId: string,
    a: { careLevel: CareLevel; grade: Assessment['grade']; effectiveOn: string; assessor: string; notes: string | null },
    options: { audited: boolean } = { audited: true },
  ): Promise<Assessment> {
    const row = await this.assessmentRows.insert({ ...a, residentId, facilityId: this.db.facilityId() });
    if (options.audited) {
      await this.audit.record({ action: 'assessment.create', entityType: 'assessment', entityId: row.id, after: { residentId, ...a } });
      return this.assessmentRows.findById(row.id);
    }
    return row;
  }

  async assessments(residentId: string): Promise<Assessment[]> {
    await this.get(residentId);
    return this.assessmentRows.listFor(residentId);
  }

  /** Today in the configured time zone: the day whose level a resident is shown with. */
  private today(): string {
    return calendarDate(new Date(), this.config.APP_TIMEZONE);
  }

  /** Level in force on `date` per resident (of one, or all): docs/rules.md §4, `careops_care_level_on`. */
  levelsOn(date: string, residentId?: string): Promise<Map<string, CareLevel>> {
    return this.careLevels.levelsOn(date, residentId ? [residentId] : undefined);
  }
}
