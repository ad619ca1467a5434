import { Injectable } from '@nestjs/common';
import { AuditService } from '@careops/audit';
import { TenantDb } from '@careops/db';
import { ConflictError, NotFoundError } from '@careops/platform';
import type { ClaimState } from './claim.types';
import { ClaimsRepository } from './claims.repository';

/** docs/rules.md §5: DRAFT → SUBMITTED → APPROVED | REJECTED → PAID (from APPROVED). */
export const CLAIM_TRANSITIONS = {
  submit: { from: 'DRAFT', to: 'SUBMITTED', stamp: 'submitted' },
  approve: { from: 'SUBMITTED', to: 'APPROVED', stamp: 'decided' },
  reject: { from: 'SUBMITTED', to: 'REJECTED', stamp: 'decided' },
  pay: { from: 'APPROVED', to: 'PAID', stamp: 'paid' },
} as const satisfies Record<string, { from: ClaimState; to: ClaimState; stamp: 'submitted' | 'decided' | 'paid' }>;

export type ClaimAction = keyof typeof CLAIM_TRANSITIONS;

/** A claim's state machine: each action from its one state, stamped with who and when, audited. */
@Injectable()
export class ClaimLifecycle {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  async apply(id: string, action: ClaimAction, reason?: string): Promise<void> {
    const t = CLAIM_TRANSITIONS[action];
    const claim = await this.claims.findStateForUpdate(id);
    if (!claim) throw new NotFoundError('CLAIM_NOT_FOUND');
    if (claim.state !== t.from) {
      throw new ConflictError('CLAIM_STATE', { number: claim.number, state: claim.state, to: t.to.toLowerCase(), from: t.from });
    }
    await this.claims.setState(id, t.to, t.stamp, this.db.userId(), reason ?? null);
    await this.audit.record({
      action: `claim.${action}`,
      entityType: 'claim',
      entityId: id,
      before: { state: claim.state },
      after: { state: t.to, reason },
    });
  }
}
