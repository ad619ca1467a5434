import { Injectable } from '@nestjs/common';
import { dayNumber } from '@careops/care';
import { AuditService } from '@careops/audit';
import { TenantDb } from '@careops/db';
import { ConflictError, NotFoundError, RuleViolation } from '@careops/platform';
import { CareLevelsRepository, ResidentsService } from '@careops/residents';
import { BedAvailabilityRepository, type LockedBed } from '@careops/beds';
import { AdmissionsRepository, AdmissionSummary, IntervalRefused, LeaveView, StayView } from './admissions.repository';
import { HomeCareBedsRepository } from './home-care-beds.repository';
import { CreateAdmissionDto, DischargeDto, LeaveDto, TransferDto } from './dto/admission.dto';

export type { AdmissionSummary, LeaveView, StayView } from './admissions.repository';

export interface AdmissionView {
  id: string;
  residentId: string;
  admittedOn: string;
  dischargedOn: string | null;
  dischargeReason: string | null;
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
      stays: [{ bedId: bed.id, bedCode: bed.code, from: dto.admittedOn, to: null }],
      leaves: [],
    };
    // One row for the whole admission, its stay and the level recorded with it.
    await this.audit.record({ action: 'admission.create', entityType: 'admission', entityId: admissionId, after: { ...dto } });
    return view;
  }

  async transfer(admissionId: string, dto: TransferDto): Promise<AdmissionView> {
    const current = await this.get(admissionId);
    const stay = current.stays.find(
      (s) => dayNumber(s.from) <= dayNumber(dto.on) && (s.to === null || dayNumber(dto.on) < dayNumber(s.to)),
    );
    if (!stay) throw new RuleViolation('TRANSFER_OUTSIDE_STAY', { on: dto.on });
    if (stay.from === dto.on) throw new RuleViolation('TRANSFER_ON_STAY_START', { on: dto.on });
    if (stay.bedId === dto.bedId) throw new RuleViolation('TRANSFER_SAME_BED');
    const bed = await this.bedInServiceFrom(dto.bedId, dto.on, stay.to);
    // One transaction: the old stay ends on `on`, the new one begins on `on`.
    await this.admissions.endStay(admissionId, stay.from, dto.on);
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
      before: { bedId: stay.bedId },
      after: { bedId: dto.bedId, on: dto.on },
    });
    return after;
  }

  async discharge(admissionId: string, dto: DischargeDto): Promise<AdmissionView> {
    const current = await this.get(admissionId);
    if (current.dischargedOn) throw new ConflictError('ALREADY_DISCHARGED', { on: current.dischargedOn });
    if (dayNumber(dto.dischargedOn) <= dayNumber(current.admittedOn)) {
      throw new RuleViolation('DISCHARGE_BEFORE_ADMISSION', { on: dto.dischargedOn, admittedOn: current.admittedOn });
    }
    const last = current.stays[current.stays.length - 1];
    if (dayNumber(dto.dischargedOn) <= dayNumber(last.from)) {
      throw new RuleViolation('DISCHARGE_BEFORE_TRANSFER', { on: dto.dischargedOn, transferredOn: last.from });
    }
    const late = current.leaves.find((l) => dayNumber(l.to) > dayNumber(dto.dischargedOn));
    if (late) throw new RuleViolation('LEAVE_PAST_DISCHARGE', { from: late.from, to: late.to });
    await this.admissions.discharge(admissionId, dto.dischargedOn, dto.reason);
    const after = await this.get(admissionId);
    await this.audit.record({ action: 'admission.discharge', entityType: 'admission', entityId: admissionId, after: { ...dto } });
    return after;
  }

  async leave(admissionId: string, dto: LeaveDto): Promise<AdmissionView> {
    const current = await this.get(admissionId);
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

  async get(id: string): Promise<AdmissionView> {
    const admission = await this.admissions.findAdmission(id);
    if (!admission) throw new AdmissionNotFoundError();
    return { ...admission, stays: await this.admissions.stays(id), leaves: await this.admissions.leaves(id) };
  }

  list(residentId?: string): Promise<AdmissionSummary[]> {
    return this.admissions.list(residentId);
  }

  /** docs/rules.md §3: out-of-service beds take no one; refused with the rule named (422). */
  private async bedInServiceFrom(bedId: string, from: string, to: string | null = null): Promise<LockedBed> {
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
