import { ConflictError } from '@careops/platform';

/** The month's claim has left DRAFT: it is never regenerated (docs/rules.md §5, frozen means frozen). */
export class ClaimFrozenError extends ConflictError {
  constructor(p: { number: string; month: string; state: string }) {
    super('CLAIM_FROZEN', p);
  }
}
