import { Injectable } from '@nestjs/common';
import { AuditService } from '@careops/audit';
import { calendarDate, claimTiming, facilityToday, type IsoDate } from '@careops/care';
import { TenantDb } from '@careops/db';
import { FacilitiesService } from '@careops/facilities';
import { ConflictError, NotFoundError, RuleViolation } from '@careops/platform';
import type { ClaimState } from './claim.types';
import { ClaimFacts, ClaimForUpdate, ClaimsRepository } from './claims.repository';

/** docs/rules.md §5: DRAFT → SUBMITTED → APPROVED | REJECTED → PAID (from APPROVED). */
export const CLAIM_TRANSITIONS = {
  submit: { from: 'DRAFT', to: 'SUBMITTED', stamp: 'submitted' },
  approve: { from: 'SUBMITTED', to: 'APPROVED', stamp: 'decided' },
  reject: { from: 'SUBMITTED', to: 'REJECTED', stamp: 'decided' },
  pay: { from: 'APPROVED', to: 'PAID', stamp: 'paid' },
} as const satisfies Record<string, { from: ClaimState; to: ClaimState; stamp: 'submitted' | 'decided' | 'paid' }>;

export type ClaimAction = keyof typeof CLAIM_TRANSITIONS;

/** What the accountant tells of the bureau's answer; what is left out defaults (see `facts`). */
export interface ClaimAnswerInput {
  approvedOn?: IsoDate;
  approvedFen?: number;
  rejectedOn?: IsoDate;
  reason?: string;
  paidOn?: IsoDate;
  paidFen?: number;
  reference?: string;
}

/**
 * A claim's state machine: each action from its one state, stamped with who and when, audited; the
 * database refuses any other move and writes the history (migration 1765400000000).
 */
@Injectable()
export class ClaimLifecycle {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly facilities: FacilitiesService,
  ) {}

  async apply(id: string, action: ClaimAction, input: ClaimAnswerInput = {}): Promise<void> {
    const t = CLAIM_TRANSITIONS[action];
    const claim = await this.claims.findStateForUpdate(id);
    if (!claim) throw new NotFoundError('CLAIM_NOT_FOUND');
    if (claim.state !== t.from) {
      throw new ConflictError('CLAIM_STATE', { number: claim.number, state: claim.state, to: t.to.toLowerCase(), from: t.from });
    }
    const { timezone } = await this.facilities.current();
    const today = facilityToday(new Date(), timezone);
    const facts = this.facts(action, claim, input, today, timezone);
    await this.claims.setState(id, t.to, t.stamp, this.db.userId(), facts);
    await this.audit.record({
      action: `claim.${action}`,
      entityType: 'claim',
      entityId: id,
      before: { state: claim.state },
      after: { state: t.to, ...facts },
    });
  }

  /**
   * docs/rules.md §5: a claim is submitted once its month has ended in the facility's time zone; the
   * bureau's answer keeps its dates (days that have happened, not before the submission; a payment not
   * before the approval) and amounts (the approved amount defaults to the claimed total, the paid one to
   * the approved). Old clients that send nothing get today and those amounts.
   */
  private facts(action: ClaimAction, claim: ClaimForUpdate, input: ClaimAnswerInput, today: IsoDate, timezone: string): ClaimFacts {
    if (action === 'submit') {
      const timing = claimTiming(claim.month, today);
      if (timing.phase !== 'ENDED') throw new RuleViolation('MONTH_NOT_ENDED', { month: claim.month, endsOn: timing.endsOn });
      if (claim.estimate) throw new RuleViolation('CLAIM_ESTIMATE_STALE', { number: claim.number, month: claim.month });
      return {};
    }
    const submittedOn = claim.submittedAt ? calendarDate(claim.submittedAt, timezone) : today;
    const day = (field: string, value: IsoDate | undefined, earliest: IsoDate, after: string): IsoDate => {
      const date = value ?? today;
      if (date > today) throw new RuleViolation('CLAIM_DATE_IN_FUTURE', { field, date, today });
      if (date < earliest) throw new RuleViolation('CLAIM_DATE_TOO_EARLY', { field, date, earliest, after });
      return date;
    };
    switch (action) {
      case 'approve':
        return {
          approvedOn: day('approvedOn', input.approvedOn, submittedOn, 'the submission'),
          approvedFen: input.approvedFen ?? claim.totalFen,
        };
      case 'reject':
        return { rejectedOn: day('rejectedOn', input.rejectedOn, submittedOn, 'the submission'), rejectionReason: input.reason };
      case 'pay': {
        const approvedOn = claim.approvedOn ?? submittedOn;
        return {
          paidOn: day('paidOn', input.paidOn, approvedOn, 'the approval'),
          paidFen: input.paidFen ?? claim.approvedFen ?? claim.totalFen,
          paymentReference: input.reference,
        };
      }
    }
  }
}
