import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Optional } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import type { EntityManager } from 'typeorm';
import { currentFacilityId, currentPrincipal } from './facility-data';
import type { RequestContext } from './request-context';
import { applyTenantScope, type Principal } from './tenant-scope';
import { DatabaseServers } from '../servers';
import { DIVISION_READER_ROLE } from '../app-role';

/**
 * Runs `work` — reads only — on `sql` as `careops_division_reader` (migration 1765620000000): its
 * division-read policies widen a SELECT of facility data to every facility the caller's row-level
 * security on `facility` shows, so a division is read in one query instead of a tenant switch per
 * facility. The role has SELECT only. Back to the caller's role afterwards (transaction-local anyway).
 */
export async function asDivisionReader<T>(
  sql: { query(query: string, parameters?: unknown[]): Promise<{ role: string }[]> },
  work: () => Promise<T>,
): Promise<T> {
  const [{ role }] = await sql.query(`SELECT current_user AS role`);
  await sql.query(`SELECT set_config('role', $1, true)`, [DIVISION_READER_ROLE]);
  let result: T;
  try {
    result = await work();
  } catch (e) {
    // An aborted transaction refuses the reset too; it rolls back, and the role with it.
    await sql.query(`SELECT set_config('role', $1, true)`, [role]).catch(() => undefined);
    throw e;
  }
  await sql.query(`SELECT set_config('role', $1, true)`, [role]);
  return result;
}

/** The replica's transaction while `TenantDb.onReplica` runs (kept out of CLS: its store's types stay plain). */
const replicaTx = new AsyncLocalStorage<EntityManager>();

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
    @Optional() private readonly servers?: DatabaseServers,
  ) {}

  /** The current transaction's manager (RLS scoped to the request's tenant); the replica's inside `onReplica`. */
  get sql(): EntityManager {
    return replicaTx.getStore() ?? this.txHost.tx;
  }

  /**
   * Runs `work` — reads only — with `sql` on the read replica (DATABASE_READ_URL) in a read-only
   * transaction of its own, under the same tenant settings as the current scope; on the current
   * transaction when there is no replica (docs/scale.md lists what reads there).
   */
  async onReplica<T>(work: () => Promise<T>): Promise<T> {
    if (!this.servers?.hasReplica || replicaTx.getStore()) return work();
    const scope = this.cls.get('scope') ?? {};
    return this.servers.readTransaction(async (manager) => {
      await applyTenantScope(manager, { ...scope, readOnly: false });
      return replicaTx.run(manager, work);
    });
  }

  /** `asDivisionReader` on this request's transaction (or the replica's inside `onReplica`). */
  asDivisionReader<T>(work: () => Promise<T>): Promise<T> {
    return asDivisionReader(this.sql, work);
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
