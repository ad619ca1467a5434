import { createHmac, randomUUID } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { appDatabaseUrl } from '@careops/db';
import { TEST_JWT_SECRET } from './support/secrets';
import { buildWorld, genderOf, idNumberFor, login, PASSWORD, World } from './support/world';

const auth = { type: 'bearer' as const };
const nested = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

/** every bad input a clear 4xx; accounts, sessions and the database as the last line. */
describe('hardening', () => {
  let w: World;
  let raw: Server;
  beforeAll(async () => {
    w = await buildWorld();
    // Bytes exactly as given (supertest would serialise a Buffer sent as JSON).
    raw = createServer(w.t.app.getHttpAdapter().getInstance());
    await new Promise<void>((ok) => raw.listen(0, '127.0.0.1', ok));
  });
  afterAll(async () => {
    await new Promise((ok) => raw?.close(ok));
    await w?.close();
  });
  const postBytes = (path: string, headers: Record<string, string>, bytes: Buffer) =>
    new Promise<{ status: number; body: { code: string; message: string[]; accessToken?: string } }>((ok, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: (raw.address() as AddressInfo).port,
          path,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(bytes.length), ...headers },
        },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => ok({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        },
      );
      req.on('error', fail);
      req.end(bytes);
    });

  describe('bad input → a clear 4xx, never a 500', () => {
    it.each(['/api/auth/login', '/api/auth/refresh', '/api/auth/logout', '/api/facilities'])(
      'arrays nested 1,500 deep in %s → 400 before validation',
      async (url) => {
        const body = JSON.stringify({ username: nested(1500), refreshToken: 'x', name: 'x' });
        expect(body.length).toBeLessThan(4000);
        const res = await w.t.http.post(url).auth(w.token.admin, auth).set('content-type', 'application/json').send(body);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({
          code: 'VALIDATION_FAILED',
          message: [expect.stringMatching(/is nested more than 32 levels deep \(嵌套层级过深\)$/)],
        });
      },
    );

    it('32 levels are fine, 33 are not; the whole body nested counts too', async () => {
      const ok = await w.t.http.post('/api/auth/refresh').send({ refreshToken: 'x', extra: nested(30) });
      expect(ok.body.message).not.toEqual(expect.arrayContaining([expect.stringMatching(/nested/)]));
      const deep = await w.t.http
        .post('/api/auth/refresh')
        .set('content-type', 'application/json')
        .send(JSON.stringify(nested(2000)))
        .expect(400);
      expect(deep.body.message).toEqual(['the request body is nested more than 32 levels deep (嵌套层级过深)']);
    });

    it.each([
      ['gzip', Buffer.from('this is not gzip at all')],
      ['deflate', Buffer.from('neither is this deflate')],
      ['br', Buffer.from('nor brotli')],
    ])('Content-Encoding %s with bytes that are not → 400, on known and unknown routes, without a token', async (encoding, bytes) => {
      for (const url of ['/api/auth/login', '/api/no-such-route', `/api/facilities/${w.A}/residents`]) {
        const res = await postBytes(url, { 'content-encoding': encoding }, bytes);
        expect({ url, status: res.status, code: res.body.code }).toEqual({ url, status: 400, code: 'MALFORMED_BODY' });
        expect(res.body.message[0]).toMatch(/Content-Encoding .*\(压缩数据无效或不完整\)$/);
      }
    });

    it('a gzip body cut short → 400; an encoding not accepted → 415; a real gzip body works', async () => {
      const whole = gzipSync(JSON.stringify({ username: 'manager.a', password: PASSWORD }));
      const cut = await postBytes('/api/auth/login', { 'content-encoding': 'gzip' }, whole.subarray(0, 20));
      expect({ status: cut.status, code: cut.body.code }).toEqual({ status: 400, code: 'MALFORMED_BODY' });
      const other = await postBytes('/api/auth/login', { 'content-encoding': 'compress' }, Buffer.from('x'));
      expect({ status: other.status, code: other.body.code }).toEqual({ status: 415, code: 'UNSUPPORTED_ENCODING' });
      const ok = await postBytes('/api/auth/login', { 'content-encoding': 'gzip' }, whole);
      expect(ok).toMatchObject({ status: 200, body: { accessToken: expect.any(String) } });
    });

    it.each([
      ['login username', () => w.t.http.post('/api/auth/login').send({ username: 'man\u0000ager.a', password: PASSWORD }), 'username'],
      [
        'facility name',
        () =>
          w.t.http
            .post('/api/facilities')
            .auth(w.token.admin, auth)
            .send({ name: '颐康\u0000', type: 'CARE_HOME', divisionCode: '410421', buildingAreaM2: 1 }),
        'name',
      ],
      [
        'resident hukou',
        () =>
          w.t.http
            .post(`/api/facilities/${w.A}/residents`)
            .auth(w.token.managerA, auth)
            .send({
              name: '张三',
              gender: 'M',
              dateOfBirth: '1940-01-01',
              idNumber: idNumberFor('1940-01-01', 901),
              hukou: '宝丰\u0007县',
            }),
        'hukou',
      ],
      ['a nested field', () => w.t.http.post('/api/auth/refresh').send({ refreshToken: 'x', a: { b: ['ok', 'bad\u001b'] } }), 'a.b.1'],
      ['a query parameter', () => w.t.http.get(`/api/facilities/${w.A}/beds?date=2026-01-01%00`).auth(w.token.managerA, auth), 'date'],
    ])('a control character (NUL, BEL, ESC) in the %s → 400 naming the field', async (_what, send, field) => {
      const res = await send();
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(`${field} must not contain control characters such as NUL (不能包含控制字符)`);
    });

    it('newlines and tabs in text are kept; a lone surrogate is refused', async () => {
      await w.t.http.patch(`/api/facilities/${w.A}`).auth(w.token.managerA, auth).send({ address: '宝丰县\n城关镇\t1号' }).expect(200);
      const res = await w.t.http.patch(`/api/facilities/${w.A}`).auth(w.token.managerA, auth).send({ address: 'x\ud800' }).expect(400);
      expect(res.body.message).toEqual(['address contains an invalid Unicode character (包含无效的字符)']);
    });

    it.each(['__proto__', 'constructor', 'prototype'])('the prototype key %s → 400 naming it', async (key) => {
      const res = await w.t.http
        .post('/api/auth/refresh')
        .set('content-type', 'application/json')
        .send(`{"refreshToken":"x","${key}":{"isAdmin":true}}`)
        .expect(400);
      expect(res.body.message).toEqual([`${key} is not an accepted field (不允许的字段)`]);
    });

    it.each([1e-7, 1e-12, 0.001])('a tiny number %s in buildingAreaM2 or fte → 400 naming the field', async (n) => {
      const facility = await w.t.http.patch(`/api/facilities/${w.A}`).auth(w.token.managerA, auth).send({ buildingAreaM2: n }).expect(400);
      expect(facility.body.message).toEqual(['buildingAreaM2 must be a number with at most 2 decimals (最多2位小数)']);
      const staff = await w.t.http
        .post(`/api/facilities/${w.A}/staff`)
        .auth(w.token.managerA, auth)
        .send({ name: '李护理员', role: 'CAREGIVER', employedFrom: '2026-01-01', fte: n })
        .expect(400);
      expect(staff.body.message).toContain('fte must be a number with at most two decimals');
    });

    it('every error has a stable code, and an unknown route is NOT_FOUND', async () => {
      const res = await w.t.http.get('/api/nowhere').expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', requestId: res.headers['x-request-id'] });
      expect((await w.t.http.get('/api/auth/me').expect(401)).body.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('passwords (ASVS §6)', () => {
    it.each([
      ['aaaaaaaa', 'one character repeated'],
      ['        ', 'only spaces or invisible characters'],
      ['\u0000'.repeat(8), 'control characters'],
      ['Passw0rd!', 'too easy to guess'],
      ['Qwerty123!', 'too easy to guess'],
    ])('%j is refused with a reason', async (password, why) => {
      const res = await w.t.http
        .post('/api/users')
        .auth(w.token.admin, auth)
        .send({ username: 'weak.pw', password, role: 'ACCOUNTANT', facilityId: w.A })
        .expect(400);
      expect(res.body.message.join(' ')).toContain(why);
      expect(await w.sql(`SELECT 1 FROM app_user WHERE username = 'weak.pw'`)).toEqual([]);
    });
  });

  describe('deactivating a user (ASVS §7)', () => {
    const create = async (username: string) => {
      const res = await w.t.http
        .post('/api/users')
        .auth(w.token.admin, auth)
        .send({ username, password: PASSWORD, role: 'ACCOUNTANT', facilityId: w.A })
        .expect(201);
      const pair = (await w.t.http.post('/api/auth/login').send({ username, password: PASSWORD }).expect(200)).body;
      return { id: res.body.id as string, ...pair } as { id: string; accessToken: string; refreshToken: string };
    };

    it("a manager deactivates their facility's accountant: the access token is refused on its very next request, refresh too", async () => {
      const u = await create('leaving.acc');
      await w.t.http.get('/api/auth/me').auth(u.accessToken, auth).expect(200);
      const listed = (await w.t.http.get('/api/users').auth(w.token.managerA, auth).expect(200)).body;
      expect(listed.map((x: { username: string }) => x.username)).toEqual(expect.arrayContaining(['leaving.acc', 'manager.a']));
      expect(listed.map((x: { username: string }) => x.username)).not.toContain('manager.b');
      const res = await w.t.http.post(`/api/users/${u.id}/deactivate`).auth(w.token.managerA, auth).send({ reason: '已离职' }).expect(200);
      expect(res.body).toMatchObject({ username: 'leaving.acc', disabledReason: '已离职', disabledAt: expect.any(String) });
      await w.t.http.get('/api/auth/me').auth(u.accessToken, auth).expect(401);
      await w.t.http.get(`/api/facilities/${w.A}/claims`).auth(u.accessToken, auth).expect(401);
      await w.t.http.post('/api/auth/refresh').send({ refreshToken: u.refreshToken }).expect(401);
      await w.t.http.post('/api/auth/login').send({ username: 'leaving.acc', password: PASSWORD }).expect(401);
      const [audit] = await w.sql<{ diff: { note: { reason: string; refreshTokensRevoked: number } } }>(
        `SELECT diff FROM audit_event WHERE action = 'user.deactivate' AND entity_id = $1`,
        [u.id],
      );
      // One session (the login above): one token revoked.
      expect(audit.diff.note).toEqual({ reason: '已离职', refreshTokensRevoked: 1 });
      expect(await w.sql(`SELECT count(*)::int AS n FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL`, [u.id])).toEqual([
        { n: 0 },
      ]);
      await w.t.http.post(`/api/users/${u.id}/deactivate`).auth(w.token.managerA, auth).send({ reason: '再次' }).expect(409);
      // Reactivated, the account signs in afresh; the old session stays ended.
      await w.t.http.post(`/api/users/${u.id}/reactivate`).auth(w.token.admin, auth).expect(200);
      await w.t.http.get('/api/auth/me').auth(u.accessToken, auth).expect(401);
      await login(w.t, 'leaving.acc');
    });

    it("another facility's user is not found for a manager; nobody deactivates themselves; an accountant may not", async () => {
      const [b] = await w.sql<{ id: string }>(`SELECT id FROM app_user WHERE username = 'manager.b'`);
      await w.t.http.post(`/api/users/${b.id}/deactivate`).auth(w.token.managerA, auth).send({ reason: 'x' }).expect(404);
      const [a] = await w.sql<{ id: string }>(`SELECT id FROM app_user WHERE username = 'manager.a'`);
      const self = await w.t.http.post(`/api/users/${a.id}/deactivate`).auth(w.token.managerA, auth).send({ reason: 'x' }).expect(422);
      expect(self.body.code).toBe('CANNOT_DEACTIVATE_SELF');
      await w.t.http.post(`/api/users/${a.id}/deactivate`).auth(w.token.accountantA, auth).send({ reason: 'x' }).expect(403);
      await w.t.http.post(`/api/users/${a.id}/deactivate`).auth(w.token.admin, auth).send({}).expect(400);
    });

    it('a token whose user does not exist, or whose role changed, is refused', async () => {
      const now = Math.floor(Date.now() / 1000);
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const forge = (claims: object) => {
        const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ iss: 'careops', aud: 'careops-api', iat: now, exp: now + 600, ...claims })}`;
        return `${body}.${createHmac('sha256', TEST_JWT_SECRET).update(body).digest('base64url')}`;
      };
      await w.t.http
        .get('/api/auth/me')
        .auth(forge({ sub: randomUUID(), usr: 'ghost', role: 'PLATFORM_ADMIN' }), auth)
        .expect(401);
      const [acc] = await w.sql<{ id: string }>(`SELECT id FROM app_user WHERE username = 'accountant.a'`);
      await w.t.http
        .get('/api/auth/me')
        .auth(forge({ sub: acc.id, usr: 'accountant.a', role: 'ACCOUNTANT', fid: w.A }), auth)
        .expect(200);
      await w.t.http
        .get('/api/auth/me')
        .auth(forge({ sub: acc.id, usr: 'accountant.a', role: 'FACILITY_MANAGER', fid: w.A }), auth)
        .expect(401);
      await w.t.http
        .get('/api/auth/me')
        .auth(forge({ sub: acc.id, usr: 'accountant.a', role: 'ACCOUNTANT', fid: w.B }), auth)
        .expect(401);
    });
  });

  it('the public verification says what a document is, never who asked for it', async () => {
    await w.sql(
      `INSERT INTO document (number, kind, title, facility_id, period, sha256, content_hash, bytes, requested_by_name, requested_by_role)
                 VALUES ('CMP-20260105-000042', 'COMPLIANCE', '养老机构合规报告', $1, '2026-01', repeat('a', 64), repeat('b', 64), 1, 'manager.a', 'FACILITY_MANAGER')`,
      [w.A],
    );
    for (const ref of ['a'.repeat(64), 'b'.repeat(64), 'CMP-20260105-000042']) {
      const res = await w.t.http.get(`/api/documents/${ref}`).expect(200);
      expect(res.body).toMatchObject({
        valid: true,
        number: 'CMP-20260105-000042',
        kind: 'COMPLIANCE',
        facilityName: '颐康综合养老服务中心',
        period: '2026-01',
      });
      expect(JSON.stringify(res.body)).not.toMatch(/manager\.a|FACILITY_MANAGER|requestedBy/);
    }
    await w.t.http.get('/api/documents/CMP-20260105-000043').expect(404);
  });

  describe('the database is the last line', () => {
    let app: Client;
    beforeAll(async () => {
      app = new Client({ connectionString: appDatabaseUrl(w.db.url) });
      await app.connect();
    });
    afterAll(() => app?.end());
    const asApp = async (facilityId: string, sql: string, values: unknown[] = []) => {
      await app.query('BEGIN');
      try {
        await app.query(`SELECT set_config('app.facility_id', $1, true)`, [facilityId]);
        return await app.query(sql, values);
      } finally {
        await app.query('ROLLBACK');
      }
    };

    it('the claim lifecycle: SUBMITTED → DRAFT and SUBMITTED → PAID refused as the app role; a recorded decision never changes', async () => {
      const base = `/api/facilities/${w.A}/claims`;
      const claim = (await w.t.http.post(base).auth(w.token.accountantA, auth).send({ month: '2026-01' }).expect(201)).body;
      await w.t.http.post(`${base}/${claim.id}/submit`).auth(w.token.accountantA, auth).expect(201);
      await expect(asApp(w.A, `UPDATE claim SET state = 'DRAFT' WHERE id = $1`, [claim.id])).rejects.toThrow(
        /cannot go from SUBMITTED to DRAFT/,
      );
      await expect(asApp(w.A, `UPDATE claim SET state = 'PAID' WHERE id = $1`, [claim.id])).rejects.toThrow(
        /cannot go from SUBMITTED to PAID/,
      );
      await expect(asApp(w.A, `UPDATE claim SET submitted_at = now() - interval '1 day' WHERE id = $1`, [claim.id])).rejects.toThrow(
        /cannot change/,
      );
      await w.t.http.post(`${base}/${claim.id}/reject`).auth(w.token.accountantA, auth).send({ reason: '材料不全' }).expect(201);
      await expect(asApp(w.A, `UPDATE claim SET rejection_reason = '改' WHERE id = $1`, [claim.id])).rejects.toThrow(/cannot change/);
      await expect(asApp(w.A, `UPDATE claim SET state = 'APPROVED' WHERE id = $1`, [claim.id])).rejects.toThrow(
        /cannot go from REJECTED to APPROVED/,
      );
      expect((await w.t.http.get(`${base}/${claim.id}`).auth(w.token.accountantA, auth).expect(200)).body.state).toBe('REJECTED');
    });

    it('the app role may not make temporary tables; one made by another role does not shadow what the functions read', async () => {
      await expect(app.query(`CREATE TEMP TABLE app_user (id uuid)`)).rejects.toThrow(/permission denied to create temporary tables/);
      const owner = new Client({ connectionString: w.db.url });
      await owner.connect();
      try {
        await owner.query(
          `CREATE TEMP TABLE app_user (id uuid, username text, password_hash text, role text, facility_id uuid, division_code char(6), disabled_at timestamptz, sessions_valid_after timestamptz)`,
        );
        await owner.query(`INSERT INTO app_user VALUES (gen_random_uuid(), 'intruder', 'x', 'PLATFORM_ADMIN', NULL, NULL, NULL, NULL)`);
        expect((await owner.query(`SELECT * FROM careops_auth_user('intruder', NULL)`)).rows).toEqual([]);
        expect((await owner.query(`SELECT role FROM careops_auth_user('root', NULL)`)).rows).toEqual([{ role: 'PLATFORM_ADMIN' }]);
        await owner.query(`CREATE TEMP TABLE facility (id uuid, division_code char(6))`);
        await owner.query(`INSERT INTO facility VALUES ($1, '370102')`, [w.A]);
        expect((await owner.query(`SELECT careops_facility_division($1) AS d`, [w.A])).rows).toEqual([{ d: '410421' }]);
      } finally {
        await owner.end();
      }
      const { rows } = await app.query<{ fn: string; config: string[] | null }>(
        `SELECT p.proname AS fn, p.proconfig AS config FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
         WHERE p.pronamespace = 'public'::regnamespace AND (p.prosecdef OR l.lanname = 'plpgsql') AND p.proname LIKE 'careops%'`,
      );
      expect(rows.length).toBeGreaterThanOrEqual(8);
      for (const r of rows)
        expect({ fn: r.fn, path: r.config?.find((c) => c.startsWith('search_path=')) }).toEqual({
          fn: r.fn,
          path: 'search_path=pg_catalog, public, pg_temp',
        });
    });

    it('a claim is born a DRAFT; a line cannot be moved out of a frozen claim', async () => {
      const base = `/api/facilities/${w.A}/claims`;
      const [policy] = await w.sql<{ id: string }>(`SELECT id FROM subsidy_policy WHERE programme = 'INSTITUTIONAL_CARE' LIMIT 1`);
      await expect(
        asApp(w.A, `INSERT INTO claim (facility_id, month, number, policy_id, state) VALUES ($1, '2025-01', '2025-0999', $2, 'APPROVED')`, [
          w.A,
          policy.id,
        ]),
      ).rejects.toThrow(/begins as a DRAFT/);
      const m = (url: string, body: object) =>
        w.t.http.post(`/api/facilities/${w.A}${url}`).auth(w.token.managerA, auth).send(body).expect(201);
      const r = (
        await m('/residents', { name: '冻结老人', gender: 'M', dateOfBirth: '1938-05-05', idNumber: idNumberFor('1938-05-05', 611) })
      ).body;
      const room = (await m('/rooms', { building: '冻结楼', floor: 1, number: '801' })).body;
      const bed = (await m('/beds', { code: 'FRZ-1', roomId: room.id, kind: 'NURSING' })).body;
      await m('/admissions', { residentId: r.id, bedId: bed.id, admittedOn: '2026-02-01', careLevel: 'FULLY_DISABLED' });
      const submitted = (await w.t.http.post(base).auth(w.token.accountantA, auth).send({ month: '2026-02' }).expect(201)).body;
      await w.t.http.post(`${base}/${submitted.id}/submit`).auth(w.token.accountantA, auth).expect(201);
      const draft = (await w.t.http.post(base).auth(w.token.accountantA, auth).send({ month: '2026-03' }).expect(201)).body;
      expect(submitted.lines.length).toBeGreaterThan(0);
      await expect(asApp(w.A, `UPDATE claim_line SET claim_id = $2 WHERE claim_id = $1`, [submitted.id, draft.id])).rejects.toThrow(
        /frozen/,
      );
    });
  });

  describe('Idempotency-Key on every POST that creates something', () => {
    const resident = (seq: number) => ({
      name: `幂等老人${seq}`,
      gender: genderOf(idNumberFor('1941-03-03', 700 + seq)),
      dateOfBirth: '1941-03-03',
      idNumber: idNumberFor('1941-03-03', 700 + seq),
    });
    const post = (url: string, body: object, key?: string) => {
      const req = w.t.http.post(`/api/facilities/${w.A}${url}`).auth(w.token.managerA, auth);
      return (key ? req.set('Idempotency-Key', key) : req).send(body);
    };

    it('a retried resident registration (same key, same body) answers the first resident; another body → 422', async () => {
      const first = await post('/residents', resident(1), 'reg-1').expect(201);
      const again = await post('/residents', resident(1), 'reg-1').expect(201);
      expect(again.body).toEqual(first.body);
      const other = await post('/residents', resident(2), 'reg-1').expect(422);
      expect(other.body).toMatchObject({
        code: 'IDEMPOTENCY_KEY_REUSED',
        message: ['this Idempotency-Key was used with a different request (幂等键已用于其他请求)'],
      });
      expect(await w.sql(`SELECT count(*)::int AS n FROM resident WHERE facility_id = $1 AND name = '幂等老人1'`, [w.A])).toEqual([
        { n: 1 },
      ]);
      // Without the key the same body is a second attempt (and here refused as the same person).
      await post('/residents', resident(1)).expect(409);
    });

    it('concurrent retries of one admission wait for the first and replay it: one admission', async () => {
      const r = (await post('/residents', resident(3)).expect(201)).body;
      const room = (await post('/rooms', { building: '幂等楼', floor: 1, number: '901' }).expect(201)).body;
      const bed = (await post('/beds', { code: 'IDEM-1', roomId: room.id, kind: 'NURSING' }).expect(201)).body;
      const body = { residentId: r.id, bedId: bed.id, admittedOn: '2026-02-01', careLevel: 'SEMI_DISABLED' };
      const answers = await Promise.all(Array.from({ length: 6 }, () => post('/admissions', body, 'adm-1')));
      expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      expect(await w.sql(`SELECT count(*)::int AS n FROM admission WHERE resident_id = $1`, [r.id])).toEqual([{ n: 1 }]);
      const replays = await w.sql(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'request.replay' AND diff->'note'->>'idempotencyKey' = 'adm-1'`,
      );
      expect(replays).toEqual([{ n: 5 }]);
    });

    it('keys are the caller’s own: another user’s same key is a new request; a bad key → 400', async () => {
      const body = { building: '幂等楼', floor: 2, number: '902' };
      const mine = await post('/rooms', body, 'room-k').expect(201);
      const theirs = await w.t.http
        .post(`/api/facilities/${w.A}/rooms`)
        .auth(w.token.admin, auth)
        .set('Idempotency-Key', 'room-k')
        .send({ ...body, number: '903' })
        .expect(201);
      expect(theirs.body.id).not.toBe(mine.body.id);
      const bad = await post('/rooms', body, 'has space').expect(400);
      expect(bad.body.message).toEqual(['Idempotency-Key must be 1–255 visible ASCII characters (幂等键格式不正确)']);
    });
  });
});
