import { Injectable } from '@nestjs/common';
import { AuditService } from '@careops/audit';
import { dayNumber, EXCLUSION_REASON_LABELS, type IsoDate } from '@careops/care';
import { FacilitiesService } from '@careops/facilities';
import { InvalidInputError, NotFoundError, RuleViolation } from '@careops/platform';
import { ComplianceAlert, ComplianceAlertsRepository } from './compliance-alerts.repository';
import { CertificateDto, CreateStaffDto, TrainingDto, UpdateCertificateDto, UpdateStaffDto, UpdateTrainingDto } from './dto/staff.dto';
import type { StaffingResponse } from './dto/staff.response';
import { StaffRepository, type StaffView } from './staff.repository';
import { StaffingService } from './staffing.service';

export type { StaffView } from './staff.repository';

/** docs/rules.md §2: a day center / street center keeps at least 3 management or service staff. */
export const DAY_CENTER_MIN_STAFF = 3;
/** The longest staffing period one request computes. */
export const MAX_STAFFING_DAYS = 366;

@Injectable()
export class StaffService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly alertsRepo: ComplianceAlertsRepository,
    private readonly staffingPeriods: StaffingService,
    private readonly facilities: FacilitiesService,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateStaffDto): Promise<StaffView> {
    this.checkEmployment(dto.employedFrom, dto.employedTo);
    const id = await this.staff.insert(dto);
    await this.audit.record({ action: 'staff.create', entityType: 'staff', entityId: id, after: { ...dto } });
    return this.get(id);
  }

  async update(id: string, dto: UpdateStaffDto): Promise<StaffView> {
    if (Object.values(dto).every((v) => v === undefined)) throw new InvalidInputError('NOTHING_TO_UPDATE');
    const before = await this.get(id);
    this.checkEmployment(dto.employedFrom ?? before.employedFrom, dto.employedTo === undefined ? before.employedTo : dto.employedTo);
    await this.staff.update(id, dto);
    const after = await this.get(id);
    await this.audit.record({
      action: 'staff.update',
      entityType: 'staff',
      entityId: id,
      before: { ...before, trainings: undefined, certificates: undefined },
      after: { ...after, trainings: undefined, certificates: undefined },
    });
    return after;
  }

  private checkEmployment(from: string, to: string | null | undefined): void {
    if (to && dayNumber(to) <= dayNumber(from)) throw new RuleViolation('EMPLOYMENT_END_BEFORE_START', { to, from });
  }

  async addCertificate(staffId: string, dto: CertificateDto): Promise<StaffView> {
    await this.get(staffId);
    this.checkCertificate(dto);
    const id = await this.staff.insertCertificate(staffId, dto);
    await this.audit.record({ action: 'staff.certificate', entityType: 'staff_certificate', entityId: id, after: { staffId, ...dto } });
    return this.get(staffId);
  }

  async addTraining(staffId: string, dto: TrainingDto): Promise<StaffView> {
    await this.get(staffId);
    const id = await this.staff.insertTraining(staffId, dto);
    await this.audit.record({ action: 'staff.training', entityType: 'staff_training', entityId: id, after: { staffId, ...dto } });
    return this.get(staffId);
  }

  /** Corrects a wrongly entered certificate; the audit keeps what it was. */
  async updateCertificate(staffId: string, certificateId: string, dto: UpdateCertificateDto): Promise<StaffView> {
    if (Object.values(dto).every((v) => v === undefined)) throw new InvalidInputError('NOTHING_TO_UPDATE');
    const { id: _id, ...before } = this.certificateOf(await this.get(staffId), certificateId);
    const after: CertificateDto = { ...before, level: before.level ?? undefined, ...dto };
    this.checkCertificate(after);
    await this.staff.updateCertificate(staffId, certificateId, after);
    await this.audit.record({
      action: 'staff.certificate.update',
      entityType: 'staff_certificate',
      entityId: certificateId,
      before: { staffId, ...before },
      after: { staffId, ...after },
    });
    return this.get(staffId);
  }

  /** Removes a wrongly entered certificate; the audit keeps what it was. */
  async deleteCertificate(staffId: string, certificateId: string): Promise<StaffView> {
    const before = this.certificateOf(await this.get(staffId), certificateId);
    await this.staff.deleteCertificate(staffId, certificateId);
    await this.audit.record({
      action: 'staff.certificate.delete',
      entityType: 'staff_certificate',
      entityId: certificateId,
      before: { staffId, ...before },
    });
    return this.get(staffId);
  }

  /** Corrects a wrongly entered training; the audit keeps what it was. */
  async updateTraining(staffId: string, trainingId: string, dto: UpdateTrainingDto): Promise<StaffView> {
    if (Object.values(dto).every((v) => v === undefined)) throw new InvalidInputError('NOTHING_TO_UPDATE');
    const { id: _id, ...before } = this.trainingOf(await this.get(staffId), trainingId);
    const after: TrainingDto = { ...before, ...dto };
    await this.staff.updateTraining(staffId, trainingId, after);
    await this.audit.record({
      action: 'staff.training.update',
      entityType: 'staff_training',
      entityId: trainingId,
      before: { staffId, ...before },
      after: { staffId, ...after },
    });
    return this.get(staffId);
  }

  /** Removes a wrongly entered training; the audit keeps what it was. */
  async deleteTraining(staffId: string, trainingId: string): Promise<StaffView> {
    const before = this.trainingOf(await this.get(staffId), trainingId);
    await this.staff.deleteTraining(staffId, trainingId);
    await this.audit.record({
      action: 'staff.training.delete',
      entityType: 'staff_training',
      entityId: trainingId,
      before: { staffId, ...before },
    });
    return this.get(staffId);
  }

  private certificateOf(s: StaffView, id: string): StaffView['certificates'][number] {
    const found = s.certificates.find((c) => c.id === id);
    if (!found) throw new NotFoundError('CERTIFICATE_NOT_FOUND');
    return found;
  }

  private trainingOf(s: StaffView, id: string): StaffView['trainings'][number] {
    const found = s.trainings.find((t) => t.id === id);
    if (!found) throw new NotFoundError('TRAINING_NOT_FOUND');
    return found;
  }

  private checkCertificate(dto: CertificateDto): void {
    if (dayNumber(dto.expiresOn) <= dayNumber(dto.issuedOn)) {
      throw new RuleViolation('CERTIFICATE_EXPIRY_BEFORE_ISSUE', { expiresOn: dto.expiresOn, issuedOn: dto.issuedOn });
    }
  }

  async get(id: string): Promise<StaffView> {
    const [one] = await this.staff.list(id);
    if (!one) throw new NotFoundError('STAFF_NOT_FOUND');
    return one;
  }

  /** Staff with trainings and certificates. */
  list(): Promise<StaffView[]> {
    return this.staff.list();
  }

  /**
   * GET compliance/staffing: the period's days and summary (docs/rules.md §6–§7), computed in one pass
   * over the facility's stays, assessments and staff (no query per day); for day centers and
   * street centers also the minimum of 3 staff on the roster (docs/rules.md §2).
   */
  async staffing(from: IsoDate, to: IsoDate): Promise<StaffingResponse> {
    const span = dayNumber(to) - dayNumber(from);
    if (span <= 0) throw new RuleViolation('PERIOD_END_BEFORE_START', { to, from });
    if (span > MAX_STAFFING_DAYS) throw new RuleViolation('PERIOD_TOO_LONG', { max: MAX_STAFFING_DAYS, days: span });
    const facility = await this.facilities.current();
    const period = await this.staffingPeriods.compute(from, to);
    const dayCare = facility.type !== 'CARE_HOME';
    return {
      from,
      to,
      days: period.days.map((d) => ({
        date: d.date,
        residentsByLevel: d.residentsByLevel,
        unassessed: d.unassessed,
        required: d.required,
        counted: d.countedHundredths / 100,
        compliant: d.compliant,
        excluded: d.excluded.map((e) => ({ ...e, reasonLabel: EXCLUSION_REASON_LABELS[e.reason] })),
        staffOnRoster: d.staffOnRoster,
        ...(dayCare ? { dayCenterMinimumMet: d.staffOnRoster >= DAY_CENTER_MIN_STAFF } : {}),
      })),
      summary: {
        ...period.summary,
        worstDay: period.summary.worstDay && { ...period.summary.worstDay, counted: period.summary.worstDay.countedHundredths / 100 },
        ...(dayCare
          ? {
              dayCenterMinimum: {
                required: DAY_CENTER_MIN_STAFF,
                daysMet: period.days.filter((d) => d.staffOnRoster >= DAY_CENTER_MIN_STAFF).length,
              },
            }
          : {}),
      },
    };
  }

  /** The alerts the worker wrote, newest first. */
  alerts(): Promise<ComplianceAlert[]> {
    return this.alertsRepo.latest();
  }
}
