import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import type { EntityManager } from 'typeorm';
import { currentFacilityId, currentPrincipal } from './facility-data';
import type { RequestContext } from './request-context';
import type { Principal } from './tenant-scope';

/**
 * The request's transaction, its tenant already set, and who is acting: what repositories query
 * through and services ask "which facility, who". Injected (composition), never extended.
 * Only repositories (`*.repository.ts`) touch `sql` (docs/architecture.md, checked by
 * scripts/check-architecture.mjs).
 */
@Injectable()
export class TenantDb {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService<RequestContext>,
  ) {}

  /** The current transaction's manager (RLS scoped to the request's tenant). */
  get sql(): EntityManager {
    return this.txHost.tx;
  }

  /** The facility of the current tenant scope; throws outside one (a programming error). */
  facilityId(): string {
    return currentFacilityId(this.cls);
  }

  /** Who is calling, on a route the access guard let through with a token. */
  principal(): Principal {
    return currentPrincipal(this.cls);
  }

  /** Who is calling, or null for work the system does on its own (a job). */
  principalOrNull(): Principal | null {
    return this.cls.get('principal') ?? null;
  }

  /** The caller's user id, or null for work the system does on its own (a job). */
  userId(): string | null {
    return this.cls.get('principal')?.userId ?? null;
  }

  /** Who is acting, as recorded on what they write (an assessor, a recorder). */
  actor(): string {
    return this.cls.get('principal')?.username ?? 'system';
  }
}
