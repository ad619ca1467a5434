import { Injectable } from '@nestjs/common';
import { dayNumber } from '@careops/care';
import { AuditService } from '@careops/audit';
import { TenantDb } from '@careops/db';
import { ConflictError, NotFoundError, RuleViolation } from '@careops/platform';
import { CareLevelsRepository, ResidentsService } from '@careops/residents';
import { BedAvailabilityRepository, type LockedBed } from '@careops/beds';
import { AdmissionsRepository, AdmissionSummary, IntervalRefused, LeaveView, StayView } from './admissions.repository';
import { CorrectionsRepository } from './corrections.repository';
import { HomeCareBedsRepository } from './home-care-beds.repository';
import { CreateAdmissionDto, DischargeDto, LeaveDto, TransferDto } from './dto/admission.dto';

export type { AdmissionSummary, LeaveView, StayView } from './admissions.repository';

export interface AdmissionView {
  id: string;
  residentId: string;
  admittedOn: string;
  dischargedOn: string | null;
  dischargeReason: string | null;
  /** When the admission was voided 撤销 (docs/rules.md §12); null: in force. */
  voidedAt: string | null;
  stays: StayView[];
  leaves: LeaveView[];
}

export class AdmissionNotFoundError extends NotFoundError {
  constructor() {
    super('ADMISSION_NOT_FOUND');
  }
}

/** A bed taken, or a resident already in care, on some of the days asked for (docs/rules.md §3). */
export class StayClashError extends ConflictError {}

/** 入住, 转床, 请假, 退住 as dated intervals [from, to) (docs/rules.md §3); the database forbids overlaps. */
@Injectable()
export class AdmissionsService {
  constructor(
    private readonly admissions: AdmissionsRepository,
    private readonly homeCareBeds: HomeCareBedsRepository,
    private readonly beds: BedAvailabilityRepository,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly residents: ResidentsService,
    private readonly careLevels: CareLevelsRepository,
    private readonly corrections: CorrectionsRepository,
  ) {}

  async admit(dto: CreateAdmissionDto): Promise<AdmissionView> {
    const [resident] = await this.careLevels.profiles([dto.residentId]);
    if (!resident) throw new RuleViolation('UNKNOWN_RESIDENT', { residentId: dto.residentId });
    // Served at home or living in, not both on one day (one subsidy per person and day; a trigger backs this).
    const atHome = await this.homeCareBeds.atHomeFrom(dto.residentId, dto.admittedOn);
    if (atHome) throw new ConflictError('RESIDENT_AT_HOME', { name: resident.name, from: atHome });
    const bed = await this.bedInServiceFrom(dto.bedId, dto.admittedOn);
    const admissionId = await this.guard(
      () => this.admissions.admit({ residentId: dto.residentId, bedId: bed.id, admittedOn: dto.admittedOn }),
      { bed, residentId: dto.residentId, residentName: resident.name, from: dto.admittedOn },
    );
    if (dto.careLevel) {
      await this.residents.recordAssessment(
        dto.residentId,
        {
          careLevel: dto.careLevel,
          grade: null,
          effectiveOn: dto.admittedOn,
          assessor: this.db.actor(),
          notes: '入住时记录',
          admissionId,
        },
        { audited: false },
      );
    }
    const view: AdmissionView = {
      id: admissionId,
      residentId: dto.residentId,
      admittedOn: dto.admittedOn,
      dischargedOn: null,
      dischargeReason: null,
      voidedAt: null,
      stays: await this.admissions.stays(admissionId),
      leaves: [],
    };
    // One row for the whole admission, its stay and the level recorded with it.
    await this.audit.record({ action: 'admission.create', entityType: 'admission', entityId: admissionId, after: { ...dto } });
    return view;
  }

  /**
   * 转床 on a day: the stay holding the day ends and one on the new bed begins. On the day the stay
   * began it is a correction of that stay (docs/rules.md §12): the stay is voided and the new bed
   * holds the same days.
   */
  async transfer(admissionId: string, dto: TransferDto): Promise<AdmissionView> {
    const current = await this.inForce(admissionId);
    const stay = current.stays.find(
      (s) => dayNumber(s.from) <= dayNumber(dto.on) && (s.to === null || dayNumber(dto.on) < dayNumber(s.to)),
    );
    if (!stay) throw new RuleViolation('TRANSFER_OUTSIDE_STAY', { on: dto.on });
    if (stay.bedId === dto.bedId) throw new RuleViolation('TRANSFER_SAME_BED');
    const bed = await this.bedInServiceFrom(dto.bedId, dto.on, stay.to);
    const sameDay = stay.from === dto.on;
    // One transaction: the old stay ends on `on` (or is voided), the new one begins on `on`.
    if (sameDay) {
      await this.corrections.voidStay(stay.id);
      await this.corrections.record({
        kind: 'TRANSFER',
        entryId: stay.id,
        residentId: current.residentId,
        detail: { on: dto.on, fromBed: stay.bedCode, toBed: bed.code, sameDay: true },
        reason: `当日转床：床位由 ${stay.bedCode} 更正为 ${bed.code}`,
      });
    } else {
      await this.admissions.endStay(admissionId, stay.from, dto.on);
    }
    const residentName = (await this.residents.get(current.residentId)).name;
    await this.guard(
      () => this.admissions.openStay({ admissionId, residentId: current.residentId, bedId: bed.id, from: dto.on, to: stay.to }),
      { bed, residentId: current.residentId, residentName, from: dto.on, to: stay.to },
    );
    const after = await this.get(admissionId);
    await this.audit.record({
      action: 'admission.transfer',
      entityType: 'admission',
      entityId: admissionId,
      before: { bedId: stay.bedId, bed: stay.bedCode },
      after: { bedId: dto.bedId, bed: bed.code, on: dto.on, ...(sameDay ? { sameDay } : {}) },
    });
    return after;
  }

  /**
   * 退住: the discharge day is the first day no longer in care. On the day the admission began it
   * voids the admission, and on the day of a transfer it voids that transfer (docs/rules.md §12):
   * a stay of no day is an entry made in error, not an error.
   */
  async discharge(admissionId: string, dto: DischargeDto): Promise<AdmissionView> {
    const current = await this.inForce(admissionId);
    if (current.dischargedOn) throw new ConflictError('ALREADY_DISCHARGED', { on: current.dischargedOn });
    if (dayNumber(dto.dischargedOn) < dayNumber(current.admittedOn)) {
      throw new RuleViolation('DISCHARGE_BEFORE_ADMISSION', { on: dto.dischargedOn, admittedOn: current.admittedOn });
    }
    if (dto.dischargedOn === current.admittedOn) {
      await this.voidAdmission(current, `当日退住：${dto.reason}`, { sameDayDischarge: true });
      return this.get(admissionId);
    }
    const last = current.stays[current.stays.length - 1];
    if (dayNumber(dto.dischargedOn) < dayNumber(last.from)) {
      throw new RuleViolation('DISCHARGE_BEFORE_TRANSFER', { on: dto.dischargedOn, transferredOn: last.from });
    }
    const late = current.leaves.find((l) => dayNumber(l.to) > dayNumber(dto.dischargedOn));
    if (late) throw new RuleViolation('LEAVE_PAST_DISCHARGE', { from: late.from, to: late.to });
    if (dto.dischargedOn === last.from) {
      const previous = current.stays[current.stays.length - 2];
      await this.corrections.voidStay(last.id);
      await this.corrections.record({
        kind: 'TRANSFER',
        entryId: last.id,
        residentId: current.residentId,
        detail: { on: last.from, fromBed: previous.bedCode, toBed: last.bedCode, sameDayDischarge: true },
        reason: `当日退住，撤销当日转至 ${last.bedCode}`,
      });
    }
    await this.admissions.discharge(admissionId, dto.dischargedOn, dto.reason);
    const after = await this.get(admissionId);
    await this.audit.record({ action: 'admission.discharge', entityType: 'admission', entityId: admissionId, after: { ...dto } });
    return after;
  }

  /**
   * Voids an admission in force with its stays and leaves (docs/rules.md §12): it stays readable,
   * marked voided; the board, claims, metrics and staffing no longer count it.
   */
  async voidAdmission(admission: AdmissionView, reason: string, more: Record<string, unknown> = {}) {
    await this.corrections.voidAdmission(admission.id);
    const levels = await this.residents.voidAssessmentsOfAdmission(admission.id);
    const correction = await this.corrections.record({
      kind: 'ADMISSION',
      entryId: admission.id,
      residentId: admission.residentId,
      detail: {
        admittedOn: admission.admittedOn,
        dischargedOn: admission.dischargedOn,
        beds: admission.stays.map((s) => s.bedCode),
        ...(levels ? { levelsVoided: levels } : {}),
        ...more,
      },
      reason,
    });
    await this.audit.record({
      action: 'admission.void',
      entityType: 'admission',
      entityId: admission.id,
      before: { admittedOn: admission.admittedOn, dischargedOn: admission.dischargedOn, beds: admission.stays.map((s) => s.bedCode) },
      after: { residentId: admission.residentId, reason, ...more },
    });
    return correction;
  }

  async leave(admissionId: string, dto: LeaveDto): Promise<AdmissionView> {
    const current = await this.inForce(admissionId);
    if (dayNumber(dto.to) <= dayNumber(dto.from)) throw new RuleViolation('LEAVE_ENDS_BEFORE_START', { from: dto.from, to: dto.to });
    const end = current.dischargedOn ? dayNumber(current.dischargedOn) : Infinity;
    if (dayNumber(dto.from) < dayNumber(current.admittedOn) || dayNumber(dto.to) > end) {
      throw new RuleViolation('LEAVE_OUTSIDE_STAY', {
        from: dto.from,
        to: dto.to,
        admittedOn: current.admittedOn,
        dischargedOn: current.dischargedOn ?? '(open)',
      });
    }
    await this.admissions.insertLeave(
      { admissionId, residentId: current.residentId, from: dto.from, to: dto.to, kind: dto.kind ?? 'LEAVE', reason: dto.reason },
      () => new ConflictError('LEAVE_OVERLAP', { from: dto.from, to: dto.to }),
    );
    const after = await this.get(admissionId);
    await this.audit.record({ action: 'admission.leave', entityType: 'admission', entityId: admissionId, after: { ...dto } });
    return after;
  }

  /** An admission, voided or not (a voided one with the stays and leaves voided with it). */
  async get(id: string, lock = false): Promise<AdmissionView> {
    const admission = await this.admissions.findAdmission(id, lock);
    if (!admission) throw new AdmissionNotFoundError();
    const voided = admission.voidedAt !== null;
    return { ...admission, stays: await this.admissions.stays(id, voided), leaves: await this.admissions.leaves(id, voided) };
  }

  /** An admission in force, locked for a change; a voided one is refused (409 ALREADY_VOIDED). */
  async inForce(id: string): Promise<AdmissionView> {
    const admission = await this.get(id, true);
    if (admission.voidedAt) throw new ConflictError('ALREADY_VOIDED', { at: admission.voidedAt });
    return admission;
  }

  list(residentId?: string): Promise<AdmissionSummary[]> {
    return this.admissions.list(residentId);
  }

  /** docs/rules.md §3: out-of-service beds take no one; refused with the rule named (422). */
  async bedInServiceFrom(bedId: string, from: string, to: string | null = null): Promise<LockedBed> {
    const bed = await this.beds.lock(bedId);
    if (!bed) throw new RuleViolation('UNKNOWN_BED', { bedId });
    const outage = await this.beds.firstOutage(bedId, from, to);
    if (outage) {
      const period = outage.to ? `from ${outage.from} to ${outage.to}` : `from ${outage.from}`;
      const dates: Record<string, string> = outage.to ? { from: outage.from, to: outage.to } : { from: outage.from };
      throw new RuleViolation('BED_OUT_OF_SERVICE', { bed: bed.code, period, ...dates, reason: outage.reason });
    }
    return bed;
  }

  /**
   * Runs an insert of an interval. Clashes are looked up first so the 409 names the bed (or the
   * resident) and the dates it clashes with; a clash that a concurrent request commits between
   * the look-up and the insert is still refused by the exclusion constraint (23P01), and named
   * with the dates asked for (the aborted transaction can run no further query).
   */
  private async guard<T>(
    write: () => Promise<T>,
    what: { bed: LockedBed; residentId: string; residentName: string; from: string; to?: string | null },
  ): Promise<T> {
    const clash = await this.admissions.stayClash(what.bed.id, what.residentId, what.from, what.to ?? null);
    const asked = `${what.from}–${what.to ?? '(open)'}`;
    if (clash.bed) throw new StayClashError('BED_TAKEN', { bed: what.bed.code, from: clash.bed.from, to: clash.bed.to, asked });
    if (clash.resident) {
      throw new StayClashError('RESIDENT_IN_CARE', { name: what.residentName, from: clash.resident.from, to: clash.resident.to, asked });
    }
    try {
      return await write();
    } catch (e) {
      if (!(e instanceof IntervalRefused)) throw e;
      if (e.constraint === 'resident_home_or_care') throw new ConflictError('RESIDENT_AT_HOME_ON_DAYS', { name: what.residentName });
      if (e.constraint.startsWith('stay_bed')) throw new StayClashError('BED_TAKEN_CONCURRENTLY', { bed: what.bed.code, asked });
      throw new StayClashError('RESIDENT_ADMITTED_CONCURRENTLY', { name: what.residentName, asked });
    }
  }
}
