import { Client } from 'pg';
import { appDatabaseUrl } from '@careops/db';
import { buildWorld, genderOf, idNumberFor, PASSWORD, World } from './support/world';

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

  describe('reading the trail: filters, paging and one sentence per entry (docs/rules.md §1)', () => {
    const auth = { type: 'bearer' } as const;
    const base = () => `/api/facilities/${w.A}`;
    let admissionId: string;
    let ids: { manager: string; accountant: string };
    type Entry = {
      action: string;
      kind: string;
      actorName: string;
      sentence: { zh: string; en: string; zhParts: { text: string; data?: boolean }[] };
    };
    const trail = async (query: string, token = w.token.managerA) =>
      (await w.t.http.get(`${base()}/audit?${query}`).auth(token, auth).expect(200)).body as {
        items: Entry[];
        total: number;
        page: number;
      };

    beforeAll(async () => {
      const post = async (path: string, body: object, token = w.token.managerA) => {
        const res = await w.t.http.post(`${base()}${path}`).auth(token, auth).send(body);
        if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
        return res.body as { id: string };
      };
      const room = await post('/rooms', { building: '2号楼', floor: 3, number: '301' });
      const from = await post('/beds', { code: 'T-301-1', roomId: room.id, kind: 'NURSING' });
      const to = await post('/beds', { code: 'T-301-2', roomId: room.id, kind: 'GENERAL' });
      const resident = await post('/residents', {
        name: '李四',
        gender: genderOf(idNumberFor('1940-05-06', 77)),
        dateOfBirth: '1940-05-06',
        idNumber: idNumberFor('1940-05-06', 77),
      });
      admissionId = (await post('/admissions', { residentId: resident.id, bedId: from.id, admittedOn: '2026-01-05' })).id;
      await post(`/admissions/${admissionId}/transfer`, { bedId: to.id, on: '2026-01-10' });
      const claim = await post('/claims', { month: '2026-01' }, w.token.accountantA);
      await post(`/claims/${claim.id}/submit`, {}, w.token.accountantA);
      const users = await w.sql<{ id: string; username: string }>(
        `SELECT id, username FROM app_user WHERE username IN ('manager.a', 'accountant.a')`,
      );
      ids = {
        manager: users.find((u) => u.username === 'manager.a')!.id,
        accountant: users.find((u) => u.username === 'accountant.a')!.id,
      };
    }, 60_000);

    it('an admission, a transfer and a claim submission read as sentences, in Chinese and English, with names and bed codes', async () => {
      const [admission] = (await trail('kind=ADMISSION')).items;
      expect(admission).toMatchObject({ action: 'admission.create', kind: 'ADMISSION', actorName: 'manager.a' });
      expect(admission.sentence.zh).toBe('manager.a 为 李四 办理入住，床位 T-301-1，入住日 2026-01-05');
      expect(admission.sentence.en).toBe('manager.a admitted 李四 to bed T-301-1 on 2026-01-05');
      const [transfer] = (await trail('kind=TRANSFER')).items;
      expect(transfer.sentence.zh).toBe('manager.a 将 李四 从 T-301-1 转至 T-301-2（2026-01-10 起）');
      expect(transfer.sentence.en).toBe('manager.a moved 李四 from T-301-1 to T-301-2 on 2026-01-10');
      // Names and codes are marked as data (the screen's language check skips them), the words are not.
      expect(transfer.sentence.zhParts.filter((p) => p.data).map((p) => p.text)).toEqual([
        'manager.a',
        '李四',
        'T-301-1',
        'T-301-2',
        '2026-01-10',
      ]);
      const claims = (await trail('kind=CLAIM')).items;
      expect(claims.map((e) => e.sentence.zh)).toEqual([
        'accountant.a 提交了 2026-01 的补贴申领 2026-0001',
        'accountant.a 生成了 2026-01 的补贴申领 2026-0001',
      ]);
      expect(claims[0].sentence.en).toBe('accountant.a submitted the 2026-01 subsidy claim 2026-0001');
    });

    it('filters narrow the trail: by person, by kind, by record, by dates; an unknown kind is refused by name', async () => {
      const byAccountant = await trail(`actorId=${ids.accountant}`);
      // The world signed the accountant in once; then the draft and the submission.
      expect(byAccountant.items.map((e) => e.action).sort()).toEqual(['auth.login', 'claim.create', 'claim.submit']);
      const managerCreates = await trail(`actorId=${ids.manager}&kind=ADMISSION`);
      expect(managerCreates.total).toBe(1);
      expect((await trail(`actorId=${ids.accountant}&kind=ADMISSION`)).total).toBe(0);
      const ofTheStay = await trail(`entityId=${admissionId}`);
      expect(ofTheStay.items.map((e) => e.action)).toEqual(['admission.transfer', 'admission.create']);
      // Every entry is of one kind: the kinds' totals add up to the whole trail (OTHER is the rest).
      const all = await trail('');
      const kinds = [
        'ADMISSION',
        'TRANSFER',
        'DISCHARGE',
        'LEAVE',
        'ASSESSMENT',
        'RESIDENT',
        'STAFF',
        'CLAIM',
        'DOCUMENT',
        'LOGIN',
        'USER',
        'BED',
        'DAY_CARE',
        'FACILITY',
        'OTHER',
      ];
      let sum = 0;
      for (const kind of kinds) sum += (await trail(`kind=${kind}`)).total;
      expect(sum).toBe(all.total);
      expect((await trail('kind=BED')).items.map((e) => e.sentence.zh)).toEqual(
        expect.arrayContaining(['manager.a 新增床位 T-301-2', 'manager.a 新增床位 T-301-1', 'manager.a 新建房间 2号楼 301']),
      );
      // Dates are China's calendar days, `to` exclusive: today holds all of it, tomorrow nothing yet.
      const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
      expect((await trail(`from=${day(0)}&to=${day(1)}`)).total).toBe(all.total);
      expect((await trail(`from=${day(1)}&to=${day(2)}`)).total).toBe(0);
      expect((await trail(`from=${day(-3)}&to=${day(0)}`)).total).toBe(0);
      const bad = await w.t.http.get(`${base()}/audit?kind=TRANSFERS`).auth(w.token.managerA, auth).expect(400);
      expect(bad.body.message[0]).toMatch(/^kind must be one of ADMISSION, TRANSFER/);
      await w.t.http.get(`${base()}/audit?actorId=nobody`).auth(w.token.managerA, auth).expect(400);
    });

    it('pages: each entry once, newest first, the total of all; the regulator reads it too', async () => {
      const total = (await trail('')).total;
      const seen: Entry[] = [];
      for (let page = 1; page <= Math.ceil(total / 7); page++) {
        const p = await trail(`pageSize=7&page=${page}`);
        expect(p).toMatchObject({ total, page });
        seen.push(...p.items);
      }
      expect(seen).toHaveLength(total);
      expect(new Set(seen.map((e) => (e as unknown as { id: string }).id)).size).toBe(total);
      const beyond = await trail(`pageSize=7&page=${Math.ceil(total / 7) + 1}`);
      expect(beyond).toMatchObject({ items: [], total });
      const asRegulator = await trail('kind=TRANSFER', w.token.reg410400);
      expect(asRegulator.items[0].sentence.zh).toBe('manager.a 将 李四 从 T-301-1 转至 T-301-2（2026-01-10 起）');
    });

    it('an action without its own sentence reads generically, of kind OTHER, and never breaks the page', async () => {
      await w.sql(
        `INSERT INTO audit_event (actor_id, actor_role, facility_id, action, entity_type, entity_id, diff)
                   VALUES ($1, 'FACILITY_MANAGER', $2, 'future.thing', 'future', 'x-1', '{}')`,
        [ids.manager, w.A],
      );
      await w.sql(`INSERT INTO audit_event (facility_id, action, entity_type, diff) VALUES ($1, 'future.batch', 'future', '{}')`, [w.A]);
      const other = await trail('kind=OTHER');
      const [batch, thing] = other.items.filter((e) => e.action.startsWith('future.'));
      expect(thing).toMatchObject({
        kind: 'OTHER',
        actorName: 'manager.a',
        sentence: { zh: 'manager.a 进行了一项操作', en: 'manager.a made a change' },
      });
      expect(batch).toMatchObject({
        kind: 'OTHER',
        actorName: null,
        sentence: { zh: '系统 进行了一项操作', en: 'The system made a change' },
      });
    });

    it('actors: everyone in the trail, by name, for the filter by person; the accountant reads neither', async () => {
      const actors = (await w.t.http.get(`${base()}/audit/actors`).auth(w.token.managerA, auth).expect(200)).body;
      expect(actors).toEqual(
        expect.arrayContaining([
          { id: ids.manager, name: 'manager.a', role: 'FACILITY_MANAGER' },
          { id: ids.accountant, name: 'accountant.a', role: 'ACCOUNTANT' },
        ]),
      );
      await w.t.http.get(`${base()}/audit/actors`).auth(w.token.accountantA, auth).expect(403);
    });
  });
});
