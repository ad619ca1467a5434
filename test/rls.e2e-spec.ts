import { Client } from 'pg';
import { APP_ROLE, appDatabaseUrl } from '@careops/db';
import { buildWorld, populate, World } from './support/world';

/** Row-level security seen from the application's own login (docs/architecture.md). */
describe('row-level security as the application role', () => {
  let w: World;
  let app: Client;
  let rlsTables: string[];

  beforeAll(async () => {
    w = await buildWorld();
    // Some facility data in B and A for every table that has it.
    await w.t.http.patch(`/api/facilities/${w.B}`).auth(w.token.managerB, { type: 'bearer' }).send({ address: '和平路9号' }).expect(200);
    await w.t.http.patch(`/api/facilities/${w.A}`).auth(w.token.managerA, { type: 'bearer' }).send({ address: '健康路18号' }).expect(200);
    await populate(w, w.A, w.token.managerA, 1);
    await populate(w, w.B, w.token.managerB, 2);
    app = new Client({ connectionString: appDatabaseUrl(w.db.url) });
    await app.connect();
    rlsTables = (
      await w.sql<{ table_name: string }>(
        `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
         WHERE c.table_schema = 'public' AND c.column_name = 'facility_id' AND t.table_type = 'BASE TABLE' ORDER BY 1`,
      )
    ).map((r) => r.table_name);
  });
  afterAll(async () => {
    await app?.end();
    await w?.close();
  });

  /** Rows of `facilityId` visible in `table` (the facility table is keyed by its own id). */
  const visible = async (table: string, facilityId: string) =>
    (await app.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${table === 'facility' ? 'id' : 'facility_id'} = $1`, [facilityId]))
      .rows[0].n;

  it('the application role owns nothing, cannot bypass RLS, and is who the app connects as', async () => {
    const [role] = await w.sql(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1`, [APP_ROLE]);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await w.sql(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = $1`, [APP_ROLE]);
    expect(owned).toEqual([]);
    expect((await app.query('SELECT current_user AS u')).rows[0].u).toBe(APP_ROLE);
  });

  it('every table with facility_id (and facility itself) has RLS enabled and forced', async () => {
    expect(rlsTables).toEqual(expect.arrayContaining(['app_user', 'audit_event']));
    const rows = await w.sql<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class
       WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname = ANY($1) ORDER BY relname`,
      [[...rlsTables, 'facility']],
    );
    expect(rows).toHaveLength(rlsTables.length + 1);
    for (const r of rows) expect(r).toEqual({ relname: r.relname, relrowsecurity: true, relforcerowsecurity: true });
  });

  it('the views of entries in force (docs/rules.md §12) run as the caller, so its row-level security applies', async () => {
    const views = await w.sql<{ relname: string; reloptions: string[] | null }>(
      `SELECT relname, reloptions FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'v' ORDER BY relname`,
    );
    expect(views.map((v) => v.relname)).toEqual(['admission', 'assessment', 'leave', 'stay']);
    for (const v of views) expect(v.reloptions).toContain('security_invoker=true');
    await app.query('BEGIN');
    try {
      await app.query(`SELECT set_config('app.facility_id', $1, true)`, [w.A]);
      for (const v of views) expect({ view: v.relname, B: await visible(v.relname, w.B) }).toEqual({ view: v.relname, B: 0 });
      expect(await visible('leave', w.A)).toBe(1);
      expect(await visible('leave_entry', w.A)).toBe(2);
    } finally {
      await app.query('ROLLBACK');
    }
  });

  it('with no tenant set, no row of any facility is visible', async () => {
    for (const table of [...rlsTables, 'facility']) {
      expect({ table, B: await visible(table, w.B), A: await visible(table, w.A) }).toEqual({ table, B: 0, A: 0 });
    }
  });

  it('with tenant A set, rows of A are visible and rows of B are not, in every RLS table', async () => {
    await app.query('BEGIN');
    try {
      await app.query(`SELECT set_config('app.facility_id', $1, true)`, [w.A]);
      // Idempotency keys are their user's, not the facility's: none is seen without a user.
      for (const table of [...rlsTables.filter((t) => t !== 'idempotent_request'), 'facility']) {
        const seen = { table, A: (await visible(table, w.A)) > 0, B: await visible(table, w.B) };
        expect(seen).toEqual({ table, A: true, B: 0 });
      }
      // The database is the last line: writing into B from A's transaction is refused (42501).
      await expect(
        app.query(`INSERT INTO audit_event (facility_id, action, entity_type) VALUES ($1, 'x', 'y')`, [w.B]),
      ).rejects.toMatchObject({ code: '42501' });
    } finally {
      await app.query('ROLLBACK');
    }
  });

  it('the tenant setting does not leak to the next transaction on the same connection', async () => {
    await app.query('BEGIN');
    await app.query(`SELECT set_config('app.facility_id', $1, true)`, [w.A]);
    await app.query('COMMIT');
    expect(await visible('facility', w.A)).toBe(0);
  });
});
