import { Client } from 'pg';
import { appDatabaseUrl } from '@careops/db';
import { buildWorld, PASSWORD, World } from './support/world';

/** The audit trail a regulator would trust. */
describe('audit trail', () => {
  let w: World;

  beforeAll(async () => {
    w = await buildWorld();
  });
  afterAll(() => w?.close());

  const rowsOf = (requestId: string) =>
    w.sql<Record<string, unknown>>(
      `SELECT actor_id, actor_role, facility_id, action, entity_type, entity_id, host(client_ip) AS ip, diff, at
       FROM audit_event WHERE request_id = $1`,
      [requestId],
    );

  it('a write leaves one row in the same transaction: who, where, what, request id, client IP, the diff', async () => {
    const res = await w.t.http
      .patch(`/api/facilities/${w.A}`)
      .auth(w.token.managerA, { type: 'bearer' })
      .send({ address: '宝丰县城关镇健康路18号', medicalArrangement: 'IN_HOUSE_CLINIC' })
      .expect(200);
    const rows = await rowsOf(res.headers['x-request-id']);
    expect(rows).toHaveLength(1);
    const [manager] = await w.sql<{ id: string }>(`SELECT id FROM app_user WHERE username = 'manager.a'`);
    expect(rows[0]).toMatchObject({
      actor_id: manager.id,
      actor_role: 'FACILITY_MANAGER',
      facility_id: w.A,
      action: 'facility.update',
      entity_type: 'facility',
      entity_id: w.A,
      ip: '127.0.0.1',
      diff: {
        address: { before: null, after: '宝丰县城关镇健康路18号' },
        medicalArrangement: { before: null, after: 'IN_HOUSE_CLINIC' },
        updatedAt: expect.any(Object),
      },
    });
    // Stored as UTC instants (timestamptz).
    expect(Math.abs((rows[0]['at'] as Date).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('sensitive fields are redacted in the diff', async () => {
    const res = await w.t.http
      .post('/api/users')
      .auth(w.token.admin, { type: 'bearer' })
      .send({ username: 'zhao.acc', password: PASSWORD, role: 'ACCOUNTANT', facilityId: w.A })
      .expect(201);
    expect(res.body).not.toHaveProperty('passwordHash');
    const [row] = await rowsOf(res.headers['x-request-id']);
    expect(row['diff']).toMatchObject({ passwordHash: { after: '[redacted]' }, username: { after: 'zhao.acc' } });
    expect(JSON.stringify(row['diff'])).not.toMatch(/argon2|Lotus/);
  });

  it('a refused write leaves no row (the transaction rolled back)', async () => {
    const before = await w.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event`);
    await w.t.http.patch(`/api/facilities/${w.A}`).auth(w.token.admin, { type: 'bearer' }).send({ divisionCode: '990000' }).expect(422);
    expect(await w.sql(`SELECT count(*)::int AS n FROM audit_event`)).toEqual(before);
  });

  it.each([
    ['UPDATE', `UPDATE audit_event SET action = 'forged'`],
    ['DELETE', `DELETE FROM audit_event`],
    ['TRUNCATE', `TRUNCATE audit_event`],
  ])('%s on audit_event raises, even for the owner', async (_op, statement) => {
    await expect(w.sql(statement)).rejects.toThrow(/audit_event is append-only/);
  });

  it('the application role may not even try to change it (no UPDATE/DELETE grant)', async () => {
    const app = new Client({ connectionString: appDatabaseUrl(w.db.url) });
    await app.connect();
    try {
      await expect(app.query(`UPDATE audit_event SET action = 'forged'`)).rejects.toMatchObject({ code: '42501' });
      await expect(app.query(`DELETE FROM audit_event`)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await app.end();
    }
  });

  it('GET audit: managers and regulators read their facility trail, paginated, newest first; accountants may not', async () => {
    const url = `/api/facilities/${w.A}/audit?from=2020-01-01&to=2099-01-01&pageSize=2`;
    const page1 = (await w.t.http.get(url).auth(w.token.managerA, { type: 'bearer' }).expect(200)).body;
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBeGreaterThanOrEqual(4);
    expect(page1.items.every((e: { facilityId: string }) => e.facilityId === w.A)).toBe(true);
    expect(new Date(page1.items[0].at) >= new Date(page1.items[1].at)).toBe(true);
    const page2 = (await w.t.http.get(`${url}&page=2`).auth(w.token.reg410400, { type: 'bearer' }).expect(200)).body;
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    await w.t.http.get(url).auth(w.token.accountantA, { type: 'bearer' }).expect(403);
    const empty = (
      await w.t.http
        .get(`/api/facilities/${w.A}/audit?from=2020-01-01&to=2020-02-01`)
        .auth(w.token.managerA, { type: 'bearer' })
        .expect(200)
    ).body;
    expect(empty).toEqual({ items: [], total: 0, page: 1, pageSize: 50 });
    await w.t.http.get(`/api/facilities/${w.A}/audit?from=2026-02-01&to=2026-01-01`).auth(w.token.managerA, { type: 'bearer' }).expect(422);
  });

  it('sign-in events: one row per login, refusal, refresh and logout', async () => {
    const ok = await w.t.http.post('/api/auth/login').send({ username: 'manager.a', password: PASSWORD }).expect(200);
    expect((await rowsOf(ok.headers['x-request-id'])).map((r) => [r['action'], r['facility_id']])).toEqual([['auth.login', w.A]]);
    const bad = await w.t.http.post('/api/auth/login').send({ username: 'manager.a', password: 'wrong-password' }).expect(401);
    expect((await rowsOf(bad.headers['x-request-id'])).map((r) => [r['action'], r['facility_id']])).toEqual([['auth.login.failed', null]]);
    const refreshed = await w.t.http.post('/api/auth/refresh').send({ refreshToken: ok.body.refreshToken }).expect(200);
    expect((await rowsOf(refreshed.headers['x-request-id'])).map((r) => r['action'])).toEqual(['auth.refresh']);
    const out = await w.t.http
      .post('/api/auth/logout')
      .auth(refreshed.body.accessToken, { type: 'bearer' })
      .send({ refreshToken: refreshed.body.refreshToken })
      .expect(204);
    expect((await rowsOf(out.headers['x-request-id'])).map((r) => r['action'])).toEqual(['auth.logout']);
  });
});
