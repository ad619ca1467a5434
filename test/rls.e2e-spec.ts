import { Client } from 'pg';
import { APP_ROLE, appDatabaseUrl } from '@careops/db';
import { buildWorld, genderOf, idNumberFor, populate, Populated, World } from './support/world';

/** Row-level security seen from the application's own login (docs/architecture.md). */
describe('row-level security as the application role', () => {
  let w: World;
  let app: Client;
  let rlsTables: string[];

  /**
   * A row in every billing table (docs/rules.md §9): fee items, a per-use charge, two months billed and
   * issued, a deposit partly refunded, a part payment with its reminder, and a discharge settled.
   */
  async function billingRows(facilityId: string, token: string, p: Populated) {
    const post = async (path: string, body: object) => {
      const res = await w.t.http.post(`/api/facilities/${facilityId}${path}`).auth(token, { type: 'bearer' }).send(body);
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const fee = { kind: 'MONTHLY', category: 'BED', amountFen: 150000, chargedOnLeave: true, effectiveFrom: '2025-01-01' };
    await post('/fee-items', { ...fee, code: 'BED', name: '床位费' });
    await post('/fee-items', { ...fee, code: 'BATH', name: '助浴', kind: 'PER_USE', category: 'OTHER', amountFen: 3000, unit: '次' });
    const [owes] = p.residents;
    const dob = '1945-03-13';
    const id = idNumberFor(dob, p.residents.length + 90);
    const leaves = (await post('/residents', { name: '结算老人', gender: genderOf(id), dateOfBirth: dob, idNumber: id })).id as string;
    await post('/usage-charges', { residentId: owes, code: 'BATH', on: '2026-01-12', quantity: 1 });
    const bed = await post('/beds', { code: `S-${facilityId.slice(0, 4)}`, roomId: p.roomId, kind: 'GENERAL' });
    const admission = await post('/admissions', { residentId: leaves, bedId: bed.id, admittedOn: '2026-02-02', careLevel: 'SELF_CARE' });
    await post(`/admissions/${admission.id}/discharge`, { dischargedOn: '2026-02-20', reason: '回家' });
    for (const month of ['2026-01', '2026-02']) {
      await post('/bills/run', { month });
      await post('/bills/issue', { month });
    }
    await post(`/residents/${owes}/deposits`, { amountFen: 10000, receivedOn: '2026-01-06' });
    await post(`/residents/${owes}/refunds`, {
      amountFen: 5000,
      from: 'DEPOSIT',
      method: 'CASH',
      paidOn: '2026-01-07',
      reason: '多收押金',
    });
    await post(`/residents/${owes}/payments`, { amountFen: 1000, method: 'CASH', receivedOn: '2026-02-12' });
    await post('/billing/arrears/reminders', { residentIds: [owes] });
    await post(`/admissions/${admission.id}/settle`, { method: 'CASH' });
  }

  beforeAll(async () => {
    w = await buildWorld();
    // Some facility data in B and A for every table that has it.
    await w.t.http.patch(`/api/facilities/${w.B}`).auth(w.token.managerB, { type: 'bearer' }).send({ address: '和平路9号' }).expect(200);
    await w.t.http.patch(`/api/facilities/${w.A}`).auth(w.token.managerA, { type: 'bearer' }).send({ address: '健康路18号' }).expect(200);
    await billingRows(w.A, w.token.managerA, await populate(w, w.A, w.token.managerA, 1));
    await billingRows(w.B, w.token.managerB, await populate(w, w.B, w.token.managerB, 2));
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
