import { Injectable } from '@nestjs/common';
import { AuditService } from '@careops/audit';
import { EXCLUSION_VIOLATION } from '@careops/db';
import { ConflictError, NotFoundError } from '@careops/platform';
import { ResidentsService } from '@careops/residents';
import { AdmissionsService } from './admissions.service';
import { Correction, CorrectionKind, CorrectionsRepository } from './corrections.repository';

export type { Correction, CorrectionKind } from './corrections.repository';

/**
 * Corrections 撤销 (docs/rules.md §12): an admission, transfer, leave, discharge or assessment
 * entered in error is voided by a manager with a reason, never deleted. The entry stays readable,
 * marked voided, with who and when; every computation ignores it from then on (the tables they read
 * are views of the entries in force). A claim already submitted is not edited: the next claim
 * carries the difference as an adjustment (docs/rules.md §5).
 */
@Injectable()
export class CorrectionsService {
  constructor(
    private readonly corrections: CorrectionsRepository,
    private readonly admissions: AdmissionsService,
    private readonly residents: ResidentsService,
    private readonly audit: AuditService,
  ) {}

  /** 撤销入住: the admission with its stays and leaves. */
  async voidAdmission(admissionId: string, reason: string): Promise<Correction> {
    return this.admissions.voidAdmission(await this.admissions.inForce(admissionId), reason);
  }

  /**
   * 撤销转床: the stay a transfer opened is voided and the bed left keeps the resident for its days.
   * Only the admission's latest transfer; refused if the bed left has been taken meanwhile.
   */
  async voidTransfer(stayId: string, reason: string): Promise<Correction> {
    const stay = await this.corrections.stay(stayId);
    if (!stay || !stay.previous) throw new NotFoundError('TRANSFER_NOT_FOUND');
    await this.admissions.inForce(stay.admissionId);
    if (stay.next) throw new ConflictError('VOID_LATER_TRANSFER_FIRST', { on: stay.next.from, bed: stay.next.bedCode });
    const { previous } = stay;
    await this.admissions.bedInServiceFrom(previous.bedId, stay.from, stay.to);
    const name = (await this.residents.get(stay.residentId)).name;
    const clash = await this.corrections.reopenClash(previous.bedId, stay.residentId, stay.admissionId, stay.from);
    const takenFrom = clash.bed && (stay.to === null || clash.bed.from < stay.to) ? clash.bed.from : null;
    if (takenFrom) throw new ConflictError('VOID_REOPENS_TAKEN_BED', { bed: previous.bedCode, from: takenFrom, name });
    await this.corrections.voidStay(stay.id);
    await this.refusingTakenBed(() => this.corrections.setStayEnd(previous.id, stay.to), { bed: previous.bedCode, from: stay.from, name });
    return this.keep(
      {
        kind: 'TRANSFER',
        entryId: stay.id,
        residentId: stay.residentId,
        detail: { on: stay.from, fromBed: previous.bedCode, toBed: stay.bedCode },
        reason,
      },
      {
        action: 'transfer.void',
        entityType: 'admission',
        entityId: stay.admissionId,
        before: { bed: stay.bedCode, on: stay.from },
        after: { bed: previous.bedCode },
      },
    );
  }

  /** 撤销请假: the resident was in the facility those days after all. */
  async voidLeave(leaveId: string, reason: string): Promise<Correction> {
    const leave = await this.corrections.leave(leaveId);
    if (!leave) throw new NotFoundError('LEAVE_NOT_FOUND');
    await this.admissions.inForce(leave.admissionId);
    await this.corrections.voidLeave(leave.id);
    const detail = { kind: leave.kind, from: leave.from, to: leave.to, leaveReason: leave.reason };
    return this.keep(
      { kind: 'LEAVE', entryId: leave.id, residentId: leave.residentId, detail, reason },
      { action: 'leave.void', entityType: 'admission', entityId: leave.admissionId, before: detail },
    );
  }

  /** 撤销退住: the admission and its last bed stay are open again, if the bed and the person are still free. */
  async voidDischarge(admissionId: string, reason: string): Promise<Correction> {
    const admission = await this.admissions.inForce(admissionId);
    if (!admission.dischargedOn) throw new ConflictError('NOT_DISCHARGED');
    const last = admission.stays[admission.stays.length - 1];
    const on = admission.dischargedOn;
    await this.admissions.bedInServiceFrom(last.bedId, on, null);
    const name = (await this.residents.get(admission.residentId)).name;
    const clash = await this.corrections.reopenClash(last.bedId, admission.residentId, admission.id, on);
    if (clash.admission) throw new ConflictError('VOID_REOPENS_LATER_ADMISSION', { name, from: clash.admission.from });
    if (clash.bed) throw new ConflictError('VOID_REOPENS_TAKEN_BED', { bed: last.bedCode, from: clash.bed.from, name });
    await this.refusingTakenBed(() => this.corrections.reopen(admission.id, last.id), { bed: last.bedCode, from: on, name });
    const detail = { dischargedOn: on, dischargeReason: admission.dischargeReason, bed: last.bedCode };
    return this.keep(
      { kind: 'DISCHARGE', entryId: admission.id, residentId: admission.residentId, detail, reason },
      { action: 'discharge.void', entityType: 'admission', entityId: admission.id, before: detail },
    );
  }

  /** 撤销评估: the level history goes back to what it was without it. */
  async voidAssessment(assessmentId: string, reason: string): Promise<Correction> {
    const a = await this.residents.voidAssessment(assessmentId);
    const detail = { effectiveOn: a.effectiveOn, careLevel: a.careLevel, grade: a.grade, assessor: a.assessor };
    return this.keep(
      { kind: 'ASSESSMENT', entryId: a.id, residentId: a.residentId, detail, reason },
      { action: 'assessment.void', entityType: 'assessment', entityId: a.id, before: detail },
    );
  }

  /** Voids of a resident (or all), newest first. */
  list(residentId?: string): Promise<Correction[]> {
    return this.corrections.list({ residentId });
  }

  /** Keeps the void (what, why, who, when) and its audit entry: the residentId and reason go in `after`. */
  private async keep(
    c: { kind: CorrectionKind; entryId: string; residentId: string; detail: Record<string, unknown>; reason: string },
    audited: { action: string; entityType: string; entityId: string; before: Record<string, unknown>; after?: Record<string, unknown> },
  ): Promise<Correction> {
    const correction = await this.corrections.record(c);
    await this.audit.record({ ...audited, after: { ...audited.after, residentId: c.residentId, reason: c.reason } });
    return correction;
  }

  /** A reopening the exclusion constraints refuse (someone took the bed at the same moment) is a 409 naming the bed. */
  private async refusingTakenBed(write: () => Promise<void>, what: { bed: string; from: string; name: string }): Promise<void> {
    try {
      await write();
    } catch (e) {
      const err = e as { code?: string; constraint?: string; driverError?: { constraint?: string } };
      if (err.code !== EXCLUSION_VIOLATION) throw e;
      if ((err.constraint ?? err.driverError?.constraint) === 'resident_home_or_care') {
        throw new ConflictError('RESIDENT_AT_HOME_ON_DAYS', { name: what.name });
      }
      throw new ConflictError('VOID_REOPENS_TAKEN_BED', what);
    }
  }
}
