import type { QueryRunner } from 'typeorm';

/** A table of facility data: RLS enabled and forced, the tenant policy of docs/architecture.md. */
export async function enableTenantRls(q: QueryRunner, table: string): Promise<void> {
  await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await q.query(
    `CREATE POLICY ${table}_tenant ON ${table} USING (facility_id = careops_tenant()) WITH CHECK (facility_id = careops_tenant())`,
  );
}
