import { Injectable } from '@nestjs/common';
import {
  ABILITY_INSTRUMENT,
  calendarDate,
  CareLevel,
  idNumberBirthDate,
  idNumberGender,
  idNumberProblem,
  ID_NUMBER_PROBLEM_MESSAGES,
  scoreAssessment,
} from '@careops/care';
import { AuditService } from '@careops/audit';
import { TenantDb } from '@careops/db';
import {
  AppConfig,
  ConflictError,
  InvalidInputError,
  NotAllowedError,
  NotFoundError,
  RuleViolation,
  validationFailed,
} from '@careops/platform';
import { Assessment } from './assessment.entity';
import { AssessmentsRepository } from './assessments.repository';
import { CareLevelsRepository } from './care-levels.repository';
import { AssessmentView, assessmentView, scoredInput } from './assessment-input';
import { CreateAssessmentDto } from './dto/assessment.dto';
import { LevelPoliciesService } from './level-policies.service';
import { CreateResidentDto, UpdateResidentDto } from './dto/resident.dto';
import { IdNumberProtector } from './id-number.protector';
import { EmergencyContact, Resident } from './resident.entity';
import { ResidentNotFoundError } from './residents.errors';
import { nameInitials } from './name-initials';
import { RegisterFilter, RegisterRow, ResidentsRepository } from './residents.repository';

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
  guardian: EmergencyContact | null;
  /** Today: 在住, 请假, 已退住, or registered and not (yet) admitted (docs/rules.md §4). */
  status: RegisterRow['status'];
  /** The level in force today, from the assessment history (docs/rules.md §4). */
  careLevel: CareLevel | null;
}

export interface RegisterItem {
  id: string;
  name: string;
  gender: 'M' | 'F';
  age: number;
  idNumber: string;
  bed: string | null;
  careLevel: CareLevel | null;
  status: RegisterRow['status'];
  admittedOn: string | null;
  dischargedOn: string | null;
  dischargeReason: string | null;
  admissions: number;
  categories: string[];
}

export interface RegisterPage {
  items: RegisterItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** Whole years from `dateOfBirth` to `today` (both `YYYY-MM-DD`). */
export function ageOn(dateOfBirth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return today.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

const view = (r: Resident, careLevel: CareLevel | null, status: RegisterRow['status'], idNumber = r.idMasked): ResidentView => ({
  id: r.id,
  name: r.name,
  gender: r.gender,
  dateOfBirth: r.dateOfBirth,
  idNumber,
  hukou: r.hukou,
  phone: r.phone,
  categories: r.categories,
  emergencyContacts: r.emergencyContacts,
  guardian: r.guardian ?? null,
  status,
  careLevel,
});

/**
 * docs/rules.md §4: the birth date (digits 7–14) and gender (digit 17, odd = male) are written in the
 * ID number; a form contradicting it is refused naming the field.
 */
function refuseContradiction(idNumber: string, gender: 'M' | 'F', dateOfBirth: string): void {
  const expected = idNumberGender(idNumber);
  if (gender !== expected) {
    const en = { M: 'male (M)', F: 'female (F)' };
    throw new InvalidInputError('ID_NUMBER_GENDER_MISMATCH', {
      field: 'gender',
      expected: en[expected],
      expectedZh: expected === 'M' ? '男' : '女',
      given: en[gender],
    });
  }
  const born = idNumberBirthDate(idNumber);
  if (dateOfBirth !== born)
    throw new InvalidInputError('ID_NUMBER_BIRTH_DATE_MISMATCH', { field: 'dateOfBirth', expected: born, given: dateOfBirth });
}

/** What the audit trail may hold of a resident: never the ID number, not even masked. */
const auditable = (r: Resident) => ({
  name: r.name,
  gender: r.gender,
  dateOfBirth: r.dateOfBirth,
  hukou: r.hukou,
  phone: r.phone,
  categories: r.categories,
  guardian: r.guardian ?? null,
  emergencyContacts: r.emergencyContacts,
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
    private readonly levelPolicies: LevelPoliciesService,
  ) {}

  async create(dto: CreateResidentDto): Promise<ResidentView> {
    refuseContradiction(dto.idNumber.toUpperCase(), dto.gender, dto.dateOfBirth);
    const id = this.ids.protect(dto.idNumber);
    const resident = this.residents.build({
      facilityId: this.db.facilityId(),
      name: dto.name,
      nameInitials: nameInitials(dto.name),
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
      guardian: dto.guardian ?? null,
    });
    await this.residents.insert(resident, this.today());
    await this.audit.record({ action: 'resident.create', entityType: 'resident', entityId: resident.id, after: auditable(resident) });
    return view(resident, null, 'REGISTERED');
  }

  async list(): Promise<ResidentView[]> {
    const residents = await this.residents.listByName();
    const states = await this.states();
    return residents.map((r) => view(r, states.get(r.id)?.careLevel ?? null, states.get(r.id)?.status ?? 'REGISTERED'));
  }

  /** The register 老人档案, a page of it (docs/rules.md §4): searched, filtered, by name. */
  async register(filter: RegisterFilter, page: number, pageSize: number): Promise<RegisterPage> {
    const today = this.today();
    const { rows, total } = await this.residents.register(today, filter, { offset: (page - 1) * pageSize, limit: pageSize });
    const items = rows.map(({ idMasked, dateOfBirth, ...r }) => ({ ...r, idNumber: idMasked, age: ageOn(dateOfBirth, today) }));
    return { items, total, page, pageSize };
  }

  /** Each resident's state and level today (of one, or all). */
  private async states(residentId?: string): Promise<Map<string, RegisterRow>> {
    const { rows } = await this.residents.register(
      this.today(),
      { ids: residentId ? [residentId] : undefined },
      { offset: 0, limit: null },
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** A resident; `reveal` shows the full ID number, to the facility manager only, and audits it. */
  async get(id: string, reveal = false): Promise<ResidentView> {
    if (reveal && this.db.principal().role !== 'FACILITY_MANAGER') throw new NotAllowedError('ID_NUMBER_REVEAL_MANAGER_ONLY');
    const resident = await this.residents.findById(id, reveal);
    if (!resident) throw new ResidentNotFoundError();
    const state = (await this.states(id)).get(id);
    const level = state?.careLevel ?? null;
    const status = state?.status ?? 'REGISTERED';
    if (!reveal) return view(resident, level, status);
    // docs/rules.md §4: every read of the full number is audited.
    await this.audit.record({ action: 'resident.reveal_id_number', entityType: 'resident', entityId: id });
    return view(resident, level, status, this.ids.reveal(resident.idCipher, resident.idKeyVersion));
  }

  async update(id: string, dto: UpdateResidentDto): Promise<ResidentView> {
    if (Object.values(dto).every((v) => v === undefined)) throw new InvalidInputError('NOTHING_TO_UPDATE');
    const before = await this.residents.findById(id, true);
    if (!before) throw new ResidentNotFoundError();
    if (dto.idNumber !== undefined || dto.gender !== undefined || dto.dateOfBirth !== undefined) {
      const idNumber = (dto.idNumber ?? this.ids.reveal(before.idCipher, before.idKeyVersion)).toUpperCase();
      const problem = idNumberProblem(idNumber);
      // A stored number from before the checks: refused as the validation pipe refuses a new one.
      if (problem) throw validationFailed([`idNumber: ${ID_NUMBER_PROBLEM_MESSAGES[problem]}`]);
      // The body's fields checked against the stored ones.
      refuseContradiction(idNumber, dto.gender ?? before.gender, dto.dateOfBirth ?? before.dateOfBirth);
    }
    const changes: Partial<Resident> = {
      name: dto.name,
      nameInitials: typeof dto.name === 'string' ? nameInitials(dto.name) : undefined,
      guardian: dto.guardian === undefined ? undefined : (dto.guardian ?? null),
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
    await this.residents.update(id, changes, this.today());
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

  /**
   * docs/rules.md §4a: a scored assessment (`instrument`) — its items checked, each problem naming the
   * item, then scored by the instrument and its level set by the division's policy in force on the
   * effective date; or the old body, a grade (its level by the same policy) or a level typed in, not scored.
   */
  async assess(residentId: string, dto: CreateAssessmentDto): Promise<AssessmentView> {
    if (dto.instrument) return this.assessScored(residentId, dto);
    const scoredOnly = (['reason', 'assessedOn', 'assessors', 'items', 'diagnoses', 'riskEvents30d', 'coma'] as const).filter(
      (k) => dto[k] !== undefined,
    );
    if (scoredOnly.length)
      throw validationFailed(scoredOnly.map((k) => `${k}: only with instrument "${ABILITY_INSTRUMENT}" (a scored assessment)`));
    if (!dto.assessor) throw validationFailed(['assessor: the assessor is required (a scored assessment names two in assessors)']);
    if (!dto.grade && !dto.careLevel) throw new InvalidInputError('ASSESSMENT_LEVEL_REQUIRED');
    await this.get(residentId);
    const policy = dto.grade ? await this.levelPolicies.forFacilityOn(dto.effectiveOn) : null;
    const careLevel = dto.grade && policy ? policy.mapping[dto.grade] : (dto.careLevel as CareLevel);
    if (dto.grade && dto.careLevel && dto.careLevel !== careLevel) {
      throw new InvalidInputError('ASSESSMENT_GRADE_MISMATCH', { grade: dto.grade, careLevel, given: dto.careLevel });
    }
    const row = await this.recordAssessment(residentId, {
      careLevel,
      grade: dto.grade ?? null,
      effectiveOn: dto.effectiveOn,
      assessor: dto.assessor,
      notes: dto.notes ?? null,
      levelPolicyId: policy?.id ?? null,
    });
    return assessmentView(row);
  }

  private async assessScored(residentId: string, dto: CreateAssessmentDto): Promise<AssessmentView> {
    const input = scoredInput(dto, this.today());
    await this.get(residentId);
    if (this.config.ASSESSORS_MUST_BE_CERTIFIED === 'true') {
      const certified = await this.assessmentRows.certifiedAssessors(input.assessors, input.assessedOn);
      const missing = input.assessors.filter((name) => !certified.has(name));
      if (missing.length) throw new RuleViolation('ASSESSOR_NOT_CERTIFIED', { names: missing.join('、'), on: input.assessedOn });
    }
    const result = scoreAssessment({
      items: input.items,
      diagnoses: input.diagnoses,
      riskEvents30d: input.riskEvents30d,
      coma: input.coma,
    });
    const policy = await this.levelPolicies.forFacilityOn(dto.effectiveOn);
    const scored = {
      careLevel: policy.mapping[result.grade],
      grade: result.grade,
      effectiveOn: dto.effectiveOn,
      assessor: input.assessors.join('、'),
      notes: dto.notes ?? null,
      instrument: ABILITY_INSTRUMENT,
      reason: input.reason,
      assessedOn: input.assessedOn,
      assessors: input.assessors,
      items: input.items,
      diagnoses: input.diagnoses,
      riskEvents30d: input.riskEvents30d,
      coma: input.coma,
      totalScore: result.totalScore,
      baseGrade: result.baseGrade,
      adjustments: result.adjustments,
      levelPolicyId: policy.id,
    };
    const row = await this.assessmentRows.insert({ ...scored, residentId, facilityId: this.db.facilityId() });
    await this.audit.record({
      action: 'assessment.create',
      entityType: 'assessment',
      entityId: row.id,
      after: { residentId, ...scored, levelPolicy: policy.name },
    });
    return assessmentView(await this.assessmentRows.findById(row.id));
  }

  /** Also used by admissions (`careLevel` on admission records an assessment effective that day). */
  async recordAssessment(
    residentId: string,
    a: {
      careLevel: CareLevel;
      grade: Assessment['grade'];
      effectiveOn: string;
      assessor: string;
      notes: string | null;
      admissionId?: string;
      levelPolicyId?: string | null;
    },
    options: { audited: boolean } = { audited: true },
  ): Promise<Assessment> {
    const row = await this.assessmentRows.insert({ ...a, residentId, facilityId: this.db.facilityId() });
    if (options.audited) {
      await this.audit.record({ action: 'assessment.create', entityType: 'assessment', entityId: row.id, after: { residentId, ...a } });
      return this.assessmentRows.findById(row.id);
    }
    return row;
  }

  /**
   * Voids an assessment entered in error (docs/rules.md §12): the level history and every
   * computation ignore it from now on. The caller records the correction and the audit entry.
   */
  async voidAssessment(id: string): Promise<Assessment> {
    const assessment = await this.assessmentRows.findInForce(id);
    if (!assessment) {
      const at = await this.assessmentRows.voidedAt(id);
      if (at) throw new ConflictError('ALREADY_VOIDED', { at });
      throw new NotFoundError('ASSESSMENT_NOT_FOUND');
    }
    await this.assessmentRows.void(id);
    return assessment;
  }

  /** Voids the level recorded with an admission being voided (docs/rules.md §12). */
  voidAssessmentsOfAdmission(admissionId: string): Promise<number> {
    return this.assessmentRows.voidOfAdmission(admissionId);
  }

  /** One assessment in force of a resident (what the 老年人能力评估报告 prints); ASSESSMENT_NOT_FOUND otherwise. */
  async assessment(residentId: string, id: string): Promise<AssessmentView> {
    const row = await this.assessmentRows.findOfResident(residentId, id);
    if (!row) throw new NotFoundError('ASSESSMENT_NOT_FOUND');
    return assessmentView(row);
  }

  async assessments(residentId: string): Promise<AssessmentView[]> {
    await this.get(residentId);
    return (await this.assessmentRows.listFor(residentId)).map(assessmentView);
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
