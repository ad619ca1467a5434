import type { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { ClsService } from 'nestjs-cls';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from './request-context';
import { applyTenantScope, type Principal, type TenantScope } from './tenant-scope';

/** PostgreSQL error codes the features turn into 409s. */
export const UNIQUE_VIOLATION = '23505';
export const EXCLUSION_VIOLATION = '23P01';

/** Who is calling, on a route the access guard let through with a token. */
export function currentPrincipal(cls: ClsService<RequestContext>): Principal {
  const principal = cls.get('principal');
  if (!principal) throw new Error('no principal on an authenticated route');
  return principal;
}

/** The facility of the current request's tenant scope (features write only facility data). */
export function currentFacilityId(cls: ClsService<RequestContext>): string {
  const id = cls.get('scope')?.facilityId;
  if (!id) throw new Error('facility data written outside a facility scope');
  return id;
}

/**
 * Runs a write inside a savepoint: a violation with one of `codes` rolls back just the write and
 * becomes the error `refusal()` makes (which may query: the transaction is still usable).
 */
export async function refuseOn<T>(
  tx: EntityManager,
  codes: string[],
  write: () => Promise<T>,
  refusal: () => Error | Promise<Error>,
): Promise<T> {
  await tx.query('SAVEPOINT careops_write');
  try {
    const result = await write();
    await tx.query('RELEASE SAVEPOINT careops_write');
    return result;
  } catch (e) {
    if (!codes.includes((e as { code?: string }).code ?? '')) throw e;
    await tx.query('ROLLBACK TO SAVEPOINT careops_write');
    throw await refusal();
  }
}

/**
 * Runs `work` in a transaction of its own whose first statements set `scope` (docs/architecture.md pattern A),
 * with `scope` in CLS for the services it calls: for handlers and jobs that manage their own
 * transactions (a document read before rendering, a report job, a job's request).
 */
export function withTenantScope<T>(
  txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  cls: ClsService<RequestContext>,
  scope: TenantScope,
  work: () => Promise<T>,
): Promise<T> {
  cls.set('scope', scope);
  return txHost.withTransaction(async () => {
    await applyTenantScope(txHost.tx, scope);
    return work();
  });
}
