import type { EntityManager } from 'typeorm';

/** Who is acting, as established by the access guard. */
export interface Principal {
  userId: string;
  username: string;
  role: 'PLATFORM_ADMIN' | 'FACILITY_MANAGER' | 'ACCOUNTANT' | 'REGULATOR';
  facilityId?: string;
  divisionCode?: string;
}

/**
 * What the current transaction may see, enforced by the RLS policies of the migrations:
 * one facility's rows, the platform's (admin routes), or the facility list of a division.
 */
export interface TenantScope {
  facilityId?: string;
  platform?: boolean;
  /** Facility division codes starting with this are visible (regulators); '*' = all. */
  divisionPrefix?: string;
  /** Regulators never write (docs/rules.md §1): their transactions are READ ONLY. */
  readOnly?: boolean;
  /** Who is asking: rows that belong to a user (their report jobs) are visible to that user only. */
  userId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** First statements of a transaction: the tenant settings, local to it (docs/architecture.md). */
export async function applyTenantScope(manager: EntityManager, scope: TenantScope): Promise<void> {
  if (scope.facilityId !== undefined && !UUID.test(scope.facilityId)) {
    throw new Error(`tenant id is not a UUID: ${scope.facilityId}`);
  }
  if (scope.userId !== undefined && !UUID.test(scope.userId)) throw new Error(`user id is not a UUID: ${scope.userId}`);
  if (scope.readOnly) await manager.query('SET TRANSACTION READ ONLY');
  await manager.query(
    `SELECT set_config('app.facility_id', $1, true), set_config('app.platform', $2, true),
            set_config('app.division_prefix', $3, true), set_config('app.user_id', $4, true)`,
    [scope.facilityId ?? '', scope.platform ? 'on' : '', scope.divisionPrefix ?? '', scope.userId ?? ''],
  );
}
