import { buildWorld, idNumberFor, World } from './support/world';

/** Residents and their ID numbers 身份证号 (docs/rules.md §4). */
describe('residents', () => {
  let w: World;
  let base: string;
  const X_ID = '11010519491231002X'; // GB 11643's example: check character X
  const post = (body: object, token = w.token.managerA) => w.t.http.post(`${base}/residents`).auth(token, { type: 'bearer' }).send(body);
  const valid = { name: '王秀英', gender: 'F', dateOfBirth: '1949-12-31', idNumber: X_ID, categories: ['DIBAO', 'ADVANCED_AGE'] };

  beforeAll(async () => {
    w = await buildWorld();
    base = `/api/facilities/${w.A}`;
  });
  afterAll(() => w?.close());

  it('accepts a valid ID number with an X check character and answers it masked', async () => {
    const res = await post(valid).expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: '王秀英',
      gender: 'F',
      dateOfBirth: '1949-12-31',
      idNumber: '110105********002X',
      hukou: null,
      phone: null,
      categories: ['DIBAO', 'ADVANCED_AGE'],
      emergencyContacts: [],
      guardian: null,
      status: 'REGISTERED',
      careLevel: null,
    });
    // Lower-case x is the same number.
    const lower = idNumberFor('1950-03-04', 7);
    await post({ ...valid, name: '李桂兰', gender: 'M', dateOfBirth: '1950-03-04', idNumber: lower.toLowerCase() }).expect(201);
  });

  it.each([
    ['a wrong check character', { idNumber: '110105194912310021' }, 'idNumber: 身份证号校验位错误（ISO 7064 MOD 11-2），请核对是否输错'],
    [
      'an impossible birth date (Feb 30)',
      { idNumber: idNumberFor('1950-02-30'.replace('30', '28'), 1).replace('19500228', '19500230'), dateOfBirth: '1950-02-28' },
      'idNumber: 身份证号第7–14位不是有效的出生日期',
    ],
    ['17 characters', { idNumber: X_ID.slice(0, 17) }, 'idNumber: 身份证号应为18位：前17位为数字，最后一位为数字或X'],
    [
      'an unknown region',
      { idNumber: idNumberFor('1949-12-31', 3, '990105') },
      'idNumber: 身份证号前6位不是有效的行政区划代码（省级代码不存在）',
    ],
  ])('refuses %s with 400 naming the field, and saves nothing', async (_what, change, message) => {
    const before = await w.sql<{ n: number }>(`SELECT count(*)::int AS n FROM resident`);
    const res = await post({ ...valid, name: '赵某', ...change }).expect(400);
    expect(res.body.message).toEqual([message]);
    expect(await w.sql(`SELECT count(*)::int AS n FROM resident`)).toEqual(before);
  });

  it.each([
    [
      'a gender other than digit 17 says (odd: male)',
      { idNumber: idNumberFor('1950-03-04', 3), dateOfBirth: '1950-03-04', gender: 'F' },
      { code: 'ID_NUMBER_GENDER_MISMATCH', field: 'gender' },
      'gender: the ID number (digit 17) says male (M) (男), not female (F) (性别与身份证号不符：身份证号第17位表明为男)',
    ],
    [
      'a birth date other than digits 7–14',
      { idNumber: idNumberFor('1950-03-04', 2), dateOfBirth: '1950-03-05' },
      { code: 'ID_NUMBER_BIRTH_DATE_MISMATCH', field: 'dateOfBirth' },
      'dateOfBirth: the ID number (digits 7–14) says 1950-03-04, not 1950-03-05 (出生日期与身份证号不符：身份证号第7–14位为1950-03-04)',
    ],
  ])('refuses %s with 400 and a code naming the field, and saves nothing', async (_what, change, refusal, message) => {
    const before = await w.sql<{ n: number }>(`SELECT count(*)::int AS n FROM resident`);
    const res = await post({ ...valid, name: '赵某', ...change }).expect(400);
    expect({ code: res.body.code, field: res.body.params.field }).toEqual(refusal);
    expect(res.body.message).toEqual([message]);
    expect(await w.sql(`SELECT count(*)::int AS n FROM resident`)).toEqual(before);
  });

  it('the same person twice in one facility is 409; in another facility it is allowed', async () => {
    const res = await post(valid).expect(409);
    expect(res.body.message[0]).toMatch(/^this ID number is already registered in this facility, for 王秀英/);
    await post(valid, w.token.managerB).expect(404); // B's manager cannot even address A
    await w.t.http.post(`/api/facilities/${w.B}/residents`).auth(w.token.managerB, { type: 'bearer' }).send(valid).expect(201);
  });

  it('reveal: a manager sees the full number and an audit row is written; others get 403', async () => {
    const [r] = await w.sql<{ id: string }>(`SELECT id FROM resident WHERE facility_id = $1 AND name = '王秀英'`, [w.A]);
    const masked = await w.t.http.get(`${base}/residents/${r.id}`).auth(w.token.managerA, { type: 'bearer' }).expect(200);
    expect(masked.body.idNumber).toBe('110105********002X');
    const revealed = await w.t.http.get(`${base}/residents/${r.id}?reveal=idNumber`).auth(w.token.managerA, { type: 'bearer' }).expect(200);
    expect(revealed.body.idNumber).toBe(X_ID);
    const audit = await w.sql(`SELECT action, entity_id, actor_role FROM audit_event WHERE request_id = $1`, [
      revealed.headers['x-request-id'],
    ]);
    expect(audit).toEqual([{ action: 'resident.reveal_id_number', entity_id: r.id, actor_role: 'FACILITY_MANAGER' }]);
    await w.t.http.get(`${base}/residents/${r.id}?reveal=idNumber`).auth(w.token.accountantA, { type: 'bearer' }).expect(403);
    await w.t.http.get(`${base}/residents/${r.id}?reveal=idNumber`).auth(w.token.reg410400, { type: 'bearer' }).expect(403);
    const list = await w.t.http.get(`${base}/residents`).auth(w.token.reg410400, { type: 'bearer' }).expect(200);
    expect(list.body.map((x: { idNumber: string }) => x.idNumber)).toEqual(expect.arrayContaining(['110105********002X']));
  });

  it('a correction of the birth date must agree with the ID number', async () => {
    const [r] = await w.sql<{ id: string }>(`SELECT id FROM resident WHERE facility_id = $1 AND name = '王秀英'`, [w.A]);
    const res = await w.t.http
      .patch(`${base}/residents/${r.id}`)
      .auth(w.token.managerA, { type: 'bearer' })
      .send({ dateOfBirth: '1949-12-30' })
      .expect(400);
    expect(res.body.code).toBe('ID_NUMBER_BIRTH_DATE_MISMATCH');
    expect(res.body.params.field).toBe('dateOfBirth');
    const gender = await w.t.http
      .patch(`${base}/residents/${r.id}`)
      .auth(w.token.managerA, { type: 'bearer' })
      .send({ gender: 'M' })
      .expect(400);
    expect(gender.body).toMatchObject({ code: 'ID_NUMBER_GENDER_MISMATCH', params: { field: 'gender' } });
    await w.t.http.patch(`${base}/residents/${r.id}`).auth(w.token.managerA, { type: 'bearer' }).send({ phone: '13803751234' }).expect(200);
  });

  it('the resident page edits categories, 户籍, phone, the guardian and emergency contacts: validated and audited', async () => {
    const [r] = await w.sql<{ id: string }>(`SELECT id FROM resident WHERE facility_id = $1 AND name = '王秀英'`, [w.A]);
    const patch = (body: object) => w.t.http.patch(`${base}/residents/${r.id}`).auth(w.token.managerA, { type: 'bearer' }).send(body);
    const change = {
      categories: ['TEKUN', 'LIVING_ALONE'],
      hukou: '河南省平顶山市宝丰县',
      phone: '0375-6123456',
      guardian: { name: '王建国', relation: '儿子', phone: '13803751234' },
      emergencyContacts: [
        { name: '王建国', relation: '儿子', phone: '13803751234' },
        { name: '李梅', relation: '儿媳', phone: '13903752345' },
      ],
    };
    const res = await patch(change).expect(200);
    expect(res.body).toMatchObject(change);
    const [audit] = await w.sql<{ action: string; diff: object }>(`SELECT action, diff FROM audit_event WHERE request_id = $1`, [
      res.headers['x-request-id'],
    ]);
    expect(audit.action).toBe('resident.update');
    for (const changed of ['guardian', '王建国', '李梅', 'LIVING_ALONE', '宝丰县', '0375-6123456'])
      expect(JSON.stringify(audit.diff)).toContain(changed);
    for (const [body, field] of [
      [{ phone: '12345' }, 'phone'],
      [{ guardian: { name: '王建国', relation: '儿子', phone: '110' } }, 'guardian.phone'],
      [{ emergencyContacts: [{ name: '李梅', relation: '儿媳', phone: 'abc' }] }, 'emergencyContacts.0.phone'],
    ] as const) {
      const bad = await patch(body).expect(400);
      expect(bad.body.message).toEqual([
        `${field} must be a mobile number (11 digits) or a landline with area code, e.g. 0375-1234567 (手机号11位或带区号的固话)`,
      ]);
    }
    expect((await patch({ guardian: null }).expect(200)).body.guardian).toBeNull();
    expect((await patch({ phone: null, hukou: null }).expect(200)).body).toMatchObject({ phone: null, hukou: null });
  });

  it('assessments: a grade sets the level (中度 → 半失能), history is kept, the latest effective wins', async () => {
    const [r] = await w.sql<{ id: string }>(`SELECT id FROM resident WHERE facility_id = $1 AND name = '王秀英'`, [w.A]);
    const url = `${base}/residents/${r.id}/assessments`;
    const auth = { type: 'bearer' } as const;
    const first = await w.t.http
      .post(url)
      .auth(w.token.managerA, auth)
      .send({ grade: 'MODERATE', effectiveOn: '2026-01-01', assessor: '李评估员' })
      .expect(201);
    expect(first.body).toMatchObject({ grade: 'MODERATE', careLevel: 'SEMI_DISABLED', effectiveOn: '2026-01-01' });
    await w.t.http
      .post(url)
      .auth(w.token.managerA, auth)
      .send({ careLevel: 'FULLY_DISABLED', effectiveOn: '2026-02-01', assessor: '李评估员' })
      .expect(201);
    // Recorded later, effective earlier: a back-dated assessment joins the history in its place.
    await w.t.http
      .post(url)
      .auth(w.token.managerA, auth)
      .send({ grade: 'INTACT', effectiveOn: '2025-06-01', assessor: '王医生' })
      .expect(201);
    const history = (await w.t.http.get(url).auth(w.token.reg410400, auth).expect(200)).body;
    expect(history.map((a: { effectiveOn: string; careLevel: string }) => [a.effectiveOn, a.careLevel])).toEqual([
      ['2025-06-01', 'SELF_CARE'],
      ['2026-01-01', 'SEMI_DISABLED'],
      ['2026-02-01', 'FULLY_DISABLED'],
    ]);
    expect((await w.t.http.get(`${base}/residents/${r.id}`).auth(w.token.managerA, auth).expect(200)).body.careLevel).toBe(
      'FULLY_DISABLED',
    );
    const bad = await w.t.http
      .post(url)
      .auth(w.token.managerA, auth)
      .send({ grade: 'SEVERE', careLevel: 'SELF_CARE', effectiveOn: '2026-03-01', assessor: 'x' })
      .expect(400);
    expect(bad.body.message).toEqual([
      'grade SEVERE means careLevel FULLY_DISABLED, not SELF_CARE (docs/rules.md §4) (评估等级与照护等级不符)',
    ]);
    await expect(w.sql(`UPDATE assessment SET care_level = 'SELF_CARE'`)).rejects.toThrow(/append-only/);
  });

  it('every refusal names a stable code and the values its message is built from', async () => {
    const auth = { type: 'bearer' } as const;
    const none = '00000000-0000-4000-8000-000000000000';
    const refused = async (req: Promise<{ status: number; body: { code: string; params?: unknown; message: string[] } }>) => {
      const res = await req;
      return { status: res.status, code: res.body.code, params: res.body.params };
    };
    const [r] = await w.sql<{ id: string }>(`SELECT id FROM resident WHERE facility_id = $1 AND name = '王秀英'`, [w.A]);
    expect(await refused(post(valid))).toEqual({
      status: 409,
      code: 'ID_NUMBER_TAKEN',
      params: { name: '王秀英', residentId: r.id, status: 'REGISTERED', statusText: 'registered, not admitted', statusZh: '已登记未入住' },
    });
    expect(await refused(w.t.http.get(`${base}/residents/${none}`).auth(w.token.managerA, auth))).toMatchObject({
      status: 404,
      code: 'RESIDENT_NOT_FOUND',
    });
    expect(await refused(w.t.http.get(`${base}/residents/${r.id}?reveal=idNumber`).auth(w.token.accountantA, auth))).toMatchObject({
      status: 403,
      code: 'ID_NUMBER_REVEAL_MANAGER_ONLY',
    });
    expect(await refused(w.t.http.get(`${base}/residents/${r.id}?reveal=phone`).auth(w.token.managerA, auth))).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(await refused(w.t.http.patch(`${base}/residents/${r.id}`).auth(w.token.managerA, auth).send({}))).toMatchObject({
      status: 400,
      code: 'NOTHING_TO_UPDATE',
    });
    const assess = (body: object) =>
      refused(
        w.t.http
          .post(`${base}/residents/${r.id}/assessments`)
          .auth(w.token.managerA, auth)
          .send({ effectiveOn: '2026-03-01', assessor: 'x', ...body }),
      );
    expect(await assess({})).toMatchObject({ status: 400, code: 'ASSESSMENT_LEVEL_REQUIRED' });
    expect(await assess({ grade: 'MILD', careLevel: 'FULLY_DISABLED' })).toEqual({
      status: 400,
      code: 'ASSESSMENT_GRADE_MISMATCH',
      params: { grade: 'MILD', careLevel: 'SEMI_DISABLED', given: 'FULLY_DISABLED' },
    });
  });

  it('the raw ID number appears in no response (but the audited reveal), no log line, and nowhere in the database', async () => {
    const raw = [X_ID, X_ID.toLowerCase(), idNumberFor('1950-03-04', 7)];
    const leaks = w.t.exchanges.filter((e) => raw.some((id) => e.body.includes(id)) && !e.path.includes('reveal=idNumber'));
    expect(leaks).toEqual([]);
    expect(w.t.exchanges.some((e) => e.path.includes('reveal=idNumber') && e.body.includes(X_ID))).toBe(true);
    const logs = JSON.stringify(w.t.logs);
    for (const id of raw) expect(logs).not.toContain(id);
    const tables = await w.sql<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    expect(tables.length).toBeGreaterThan(10);
    for (const { table_name } of tables) {
      for (const id of raw) {
        const [hit] = await w.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM "${table_name}" t WHERE upper(t::text) LIKE '%' || upper($1) || '%'`,
          [id],
        );
        expect({ table_name, id, rows: hit.n }).toEqual({ table_name, id, rows: 0 });
      }
    }
  });
});
