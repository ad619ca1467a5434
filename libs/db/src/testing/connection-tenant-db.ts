import type { Client } from 'pg';
import { asDivisionReader, TenantDb } from '../tenancy/tenant-db';

/**
 * A TenantDb over one test connection, for repositories under test: their queries run on `client()` in
 * whatever transaction and tenant settings the test made; no replica (`onReplica` stays here); the
 * division read switches role on this connection as the real one does. `facilityId` answers
 * `TenantDb.facilityId()` when a repository asks.
 */
export function connectionTenantDb(client: () => Client, facilityId: () => string = () => ''): TenantDb {
  // `client()` at each query: a spec connects in beforeAll, after its repositories are made.
  const sql = { query: async (q: string, p?: unknown[]) => (await client().query(q, p)).rows };
  return {
    sql,
    facilityId,
    onReplica: <T>(work: () => Promise<T>) => work(),
    asDivisionReader: <T>(work: () => Promise<T>) => asDivisionReader(sql, work),
  } as unknown as TenantDb;
}
