import type { EntityManager } from 'typeorm';
import { TenantDb } from '@careops/db';

/**
 * A TenantDb over a transaction a job opened and scoped itself (no request, no CLS), so the same
 * repositories serve the API and the worker's per-facility passes.
 */
export class TransactionTenantDb extends TenantDb {
  constructor(
    private readonly tx: EntityManager,
    private readonly facility: string | null,
  ) {
    super(undefined as never, undefined as never);
  }

  override get sql(): EntityManager {
    return this.tx;
  }

  override facilityId(): string {
    if (!this.facility) throw new Error('facility data written outside a facility scope');
    return this.facility;
  }

  override principal(): never {
    throw new Error('no principal in a job');
  }

  override userId(): null {
    return null;
  }

  override actor(): string {
    return 'system';
  }
}
