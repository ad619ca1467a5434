import { ABILITY_ITEMS } from '@careops/care';
import { buildWorld, genderOf, idNumberFor, World } from './support/world';

type Body = Record<string, unknown>;

/** docs/rules.md §4a example: every item at its maximum except 洗澡 2, 上下楼梯 1, 记忆 2 → 84. */
const exampleItems = (): Record<string, number> => ({
  ...Object.fromEntries(ABILITY_ITEMS.map((item) => [item.code, item.max])),
  'B1.3': 2,
  'B2.4': 1,
  'B3.4': 2,
});
/** Scores adding up to `total`, the items filled in order. */
const itemsTotalling = (total: number): Record<string, number> => {
  let left = total;
  return Object.fromEntries(
    ABILITY_ITEMS.map((item) => {
      const score = Math.min(item.max, left);
      left -= score;
      return [item.code, score];
    }),
  );
};

/**
 * The scored ability assessment (docs/rules.md §4a) over HTTP: the items checked naming the item, the
 * rule book's example, the level set by the division's policy, the claim and staffing reading it from
 * its effective day, and who is due a reassessment.
 */
describe('the GB/T 42195-2022 ability assessment', () => {
  let w: World;
  let base: string;
  const auth = { type: 'bearer' } as const;
  const who: Record<string, string> = {};
  const beds: Record<string, string> = {};
  const post = (path: string, body: Body = {}, token = w.token.managerA, facility = w.A) =>
    w.t.http.post(`/api/facilities/${facility}${path}`).auth(token, auth).send(body);
  const get = async (path: string, token = w.token.managerA) => (await w.t.http.get(`${base}${path}`).auth(token, auth).expect(200)).body;
  const scored = (over: Body = {}): Body => ({
    instrument: 'GB/T 42195-2022',
    reason: 'FIRST',
    assessedOn: '2025-03-14',
    effectiveOn: '2025-03-15',
    assessors: ['李评估员', '王评估员'],
    items: exampleItems(),
    ...over,
  });
  const assess = (resident: string, body: Body, token = w.token.managerA, facility = w.A) =>
    post(`/residents/${who[resident]}/assessments`, body, token, facility);
  const messages = async (body: Body) => {
    const res = await assess('wang', body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    return res.body.message as string[];
  };
  const resident = async (key: string, name: string, dob: string, facility = w.A, token = w.token.managerA) => {
    const idNumber = idNumberFor(dob, 60 + Object.keys(who).length);
    who[key] = (
      await post('/residents', { name, gender: genderOf(idNumber), dateOfBirth: dob, idNumber }, token, facility).expect(201)
    ).body.id;
  };
  const admit = async (key: string, bed: string, admittedOn: string, careLevel?: string) =>
    (await post('/admissions', { residentId: who[key], bedId: beds[bed], admittedOn, ...(careLevel ? { careLevel } : {}) }).expect(201))
      .body;

  beforeAll(async () => {
    w = await buildWorld();
    base = `/api/facilities/${w.A}`;
    const room = (await post('/rooms', { building: '6号楼', floor: 1, number: '601' }).expect(201)).body.id;
    for (const code of ['S-1', 'S-2', 'S-3', 'S-4', 'S-5', 'S-6']) {
      beds[code] = (await post('/beds', { code, roomId: room, kind: 'NURSING' }).expect(201)).body.id;
    }
    await resident('wang', '王秀英', '1940-01-01');
    await resident('li', '李桂兰', '1941-02-02');
    await resident('zhou', '周玉梅', '1938-05-05');
    await resident('sun', '孙德明', '1939-06-06');
    await resident('qian', '钱凤英', '1942-07-07');
    await resident('ma', '马春花', '1943-08-08');
    await resident('hu', '胡长海', '1937-09-09');
    await resident('he', '何兰芝', '1944-10-10');
    await resident('zheng', '郑玉兰', '1945-11-11');
    await resident('bei', '北淑芬', '1946-12-12', w.B, w.token.managerB);
  });
  afterAll(async () => {
    await w?.close();
  });

  describe('invalid input → 400 naming the item', () => {
    it('a score out of its range', async () => {
      expect(await messages(scored({ items: { ...exampleItems(), 'B1.3': 5 } }))).toEqual(['items.B1.3: score 5 is out of 0–4 (洗澡)']);
      expect(await messages(scored({ items: { ...exampleItems(), 'B2.4': 4, 'B3.7': 2 } }))).toEqual([
        'items.B2.4: score 4 is out of 0–3 (上下楼梯)',
        'items.B3.7: score 2 is out of 0–1 (攻击行为)',
      ]);
    });

    it('an item missing and an unknown item code', async () => {
      const items: Record<string, number> = exampleItems();
      delete items['B4.2'];
      expect(await messages(scored({ items: { ...items, 'B5.1': 3 } }))).toEqual([
        'items.B4.2: missing (听力, 0–2)',
        'items.B5.1: unknown item code (B1.1–B4.5)',
      ]);
      expect(await messages(scored({ items: undefined }))).toEqual(['items: the 26 item scores are required (B1.1–B4.5)']);
    });

    it('one assessor only (or the same one twice)', async () => {
      expect(await messages(scored({ assessors: ['李评估员'] }))).toEqual([
        'assessors: at least two named assessors (评估员) are required, got 1',
      ]);
      expect(await messages(scored({ assessors: ['李评估员', ' 李评估员 '] }))).toEqual([
        'assessors: at least two named assessors (评估员) are required, got 1',
      ]);
    });

    it('an effective date before the assessed date; a reason required', async () => {
      expect(await messages(scored({ effectiveOn: '2025-03-13' }))).toEqual(['effectiveOn: 2025-03-13 is before assessedOn 2025-03-14']);
      expect(await messages(scored({ reason: undefined }))).toEqual(['reason: required (FIRST, ROUTINE, IMMEDIATE, DISPUTE)']);
    });

    it('diagnoses not ICD-10-like', async () => {
      expect(await messages(scored({ diagnoses: ['F01', '痴呆', 'F1'] }))).toEqual([
        'diagnoses[1]: "痴呆" is not an ICD-10 code (e.g. F01, F03.9)',
        'diagnoses[2]: "F1" is not an ICD-10 code (e.g. F01, F03.9)',
      ]);
    });

    it('nothing was recorded by the refusals', async () => {
      expect(await get(`/residents/${who.wang}/assessments`)).toEqual([]);
    });
  });

  describe('docs/rules.md §4a example through the API', () => {
    it('84 → 轻度失能 → SEMI_DISABLED; its history shows every item, scored', async () => {
      const res = (await assess('wang', scored({ riskEvents30d: { FALL: 1 } })).expect(201)).body;
      expect(res).toMatchObject({
        id: expect.any(String),
        scored: true,
        instrument: 'GB/T 42195-2022',
        reason: 'FIRST',
        assessedOn: '2025-03-14',
        effectiveOn: '2025-03-15',
        assessors: ['李评估员', '王评估员'],
        assessor: '李评估员、王评估员',
        totalScore: 84,
        baseGrade: 'MILD',
        grade: 'MILD',
        adjustments: [],
        careLevel: 'SEMI_DISABLED',
        riskEvents30d: { FALL: 1 },
        coma: false,
      });
      const [history] = await get(`/residents/${who.wang}/assessments`);
      expect(history).toMatchObject({ id: res.id, scored: true, totalScore: 84, items: exampleItems(), diagnoses: [] });
      expect(Object.keys(history.items)).toEqual(ABILITY_ITEMS.map((i) => i.code));
      expect(await get(`/residents/${who.wang}/assessments/${res.id}`)).toEqual(history);
      const other = await w.t.http.get(`${base}/residents/${who.li}/assessments/${res.id}`).auth(w.token.managerA, auth);
      expect([other.status, other.body.code]).toEqual([404, 'ASSESSMENT_NOT_FOUND']);
      // Audited with every field; the trail says the total.
      const trail = await get('/audit?from=2020-01-01&to=2099-01-01&kind=ASSESSMENT');
      expect(trail.items.map((e: { sentence: { zh: string } }) => e.sentence.zh)).toContain(
        'manager.a 为 王秀英 录入能力评估（总分 84）：半失能',
      );
      const [row] = await w.sql<{ diff: Record<string, { after: unknown }> }>(`SELECT diff FROM audit_event WHERE entity_id = $1`, [
        res.id,
      ]);
      expect([row.diff.totalScore.after, row.diff.assessors.after, row.diff.items.after, row.diff.levelPolicy.after]).toEqual([
        84,
        ['李评估员', '王评估员'],
        exampleItems(),
        '全国默认',
      ]);
    });

    it('with a diagnosis F01 → 中度失能, still SEMI_DISABLED', async () => {
      const res = (await assess('li', scored({ diagnoses: ['f01'] })).expect(201)).body;
      expect(res).toMatchObject({ totalScore: 84, baseGrade: 'MILD', grade: 'MODERATE', careLevel: 'SEMI_DISABLED', diagnoses: ['F01'] });
      expect(res.adjustments).toEqual([{ kind: 'DEMENTIA', from: 'MILD', to: 'MODERATE', reason: expect.stringContaining('F01') }]);
    });

    it('the same with 昏迷 → 完全失能 → FULLY_DISABLED', async () => {
      const res = (await assess('zhou', scored({ diagnoses: ['F01'], coma: true })).expect(201)).body;
      expect(res).toMatchObject({ totalScore: 84, baseGrade: 'MILD', grade: 'COMPLETE', careLevel: 'FULLY_DISABLED', coma: true });
      expect(res.adjustments.map((a: { kind: string }) => a.kind)).toEqual(['COMA']);
    });

    it('two risk events in 30 days and a diagnosis: two grades worse', async () => {
      const res = (await assess('sun', scored({ diagnoses: ['F32'], riskEvents30d: { FALL: 1, CHOKE: 1 } })).expect(201)).body;
      expect(res).toMatchObject({ grade: 'SEVERE', careLevel: 'FULLY_DISABLED' });
      expect(res.adjustments.map((a: { kind: string }) => a.kind)).toEqual(['MENTAL_DISORDER', 'RISK_EVENTS']);
    });

    it('the old body still works, marked not scored; a grade takes its level from the policy', async () => {
      const old = (await assess('qian', { careLevel: 'SELF_CARE', effectiveOn: '2025-01-01', assessor: '赵医生' }).expect(201)).body;
      expect(old).toMatchObject({ scored: false, instrument: null, totalScore: null, careLevel: 'SELF_CARE', assessor: '赵医生' });
      const graded = (await assess('qian', { grade: 'SEVERE', effectiveOn: '2025-02-01', assessor: '赵医生' }).expect(201)).body;
      expect(graded).toMatchObject({ scored: false, grade: 'SEVERE', careLevel: 'FULLY_DISABLED' });
      const mixed = await assess('qian', { careLevel: 'SELF_CARE', effectiveOn: '2025-01-01', assessor: '赵医生', items: exampleItems() });
      expect(mixed.body.message).toEqual(['items: only with instrument "GB/T 42195-2022" (a scored assessment)']);
      expect((await get(`/residents/${who.qian}/assessments`)).map((a: { scored: boolean }) => a.scored)).toEqual([false, false]);
    });
  });

  describe('who may record', () => {
    it('the accountant cannot (403); another facility gets 404', async () => {
      expect((await assess('wang', scored(), w.token.accountantA)).status).toBe(403);
      expect((await assess('wang', scored(), w.token.managerB)).status).toBe(404);
      expect((await assess('wang', scored(), w.token.managerB, w.B)).status).toBe(404);
      expect((await w.t.http.get(`${base}/assessments/due`).auth(w.token.managerB, auth)).status).toBe(404);
    });
  });

  it('a scored assessment effective on the 16th changes the month’s claim lines and the staffing requirement from that day', async () => {
    // July 2025, 31 days. 马 admitted 1 June at 自理; 胡 at 全失能 all along.
    await admit('ma', 'S-1', '2025-06-01', 'SELF_CARE');
    await admit('hu', 'S-2', '2025-06-01', 'FULLY_DISABLED');
    // Assessed on the 15th, effective the 16th: total 35 → 重度失能 → FULLY_DISABLED.
    const res = (
      await assess(
        'ma',
        scored({ reason: 'IMMEDIATE', assessedOn: '2025-07-15', effectiveOn: '2025-07-16', items: itemsTotalling(35) }),
      ).expect(201)
    ).body;
    expect(res).toMatchObject({ totalScore: 35, grade: 'SEVERE', careLevel: 'FULLY_DISABLED' });

    const claim = (await post('/claims', { month: '2025-07' }, w.token.accountantA).expect(201)).body;
    const lines = (claim.lines as { residentId: string; careLevel: string; days: number; amountFen: number }[])
      .filter((l) => l.residentId === who.ma)
      .map((l) => [l.careLevel, l.days, l.amountFen]);
    // 10000 × 15 ÷ 31 = 4838.71 → 4839 fen (¥48.39); 30000 × 16 ÷ 31 = 15483.87 → 15484 fen (¥154.84).
    expect(lines).toEqual([
      ['SELF_CARE', 15, 4839],
      ['FULLY_DISABLED', 16, 15484],
    ]);

    // The 15th: 1 全失能 + 1 自理 → ⌈1/1.5 + 1/10⌉ = ⌈0.77⌉ = 1; the 16th: 2 全失能 → ⌈2/1.5⌉ = ⌈1.33⌉ = 2.
    const days = (await get('/compliance/staffing?from=2025-07-15&to=2025-07-17')).days as {
      date: string;
      residentsByLevel: Record<string, number>;
      required: number;
    }[];
    expect(days.map((d) => [d.date, d.residentsByLevel, d.required])).toEqual([
      ['2025-07-15', { SELF_CARE: 1, SEMI_DISABLED: 0, FULLY_DISABLED: 1 }, 1],
      ['2025-07-16', { SELF_CARE: 0, SEMI_DISABLED: 0, FULLY_DISABLED: 2 }, 2],
    ]);
  });

  describe('the grade → level policy per division', () => {
    const mapping = {
      INTACT: 'SELF_CARE',
      MILD: 'SEMI_DISABLED',
      MODERATE: 'FULLY_DISABLED',
      SEVERE: 'FULLY_DISABLED',
      COMPLETE: 'FULLY_DISABLED',
    };
    const addPolicy = (body: Body, token = w.token.admin) => w.t.http.post('/api/level-policies').auth(token, auth).send(body);

    it('the national default is listed; only the platform admin adds a version, a consistent one, once', async () => {
      const list = (await w.t.http.get('/api/level-policies').auth(w.token.managerA, auth).expect(200)).body;
      expect(list).toEqual([
        expect.objectContaining({
          divisionCode: '000000',
          effectiveFrom: '2020-01-01',
          mapping: {
            INTACT: 'SELF_CARE',
            MILD: 'SEMI_DISABLED',
            MODERATE: 'SEMI_DISABLED',
            SEVERE: 'FULLY_DISABLED',
            COMPLETE: 'FULLY_DISABLED',
          },
        }),
      ]);
      const version = { divisionCode: '410400', effectiveFrom: '2026-01-01', name: '平顶山市 2026 版', mapping };
      expect((await addPolicy(version, w.token.managerA)).status).toBe(403);
      const lighter = await addPolicy({ ...version, mapping: { ...mapping, COMPLETE: 'SEMI_DISABLED' } });
      expect([lighter.status, lighter.body.message]).toEqual([
        400,
        ['mapping.COMPLETE: SEMI_DISABLED is lighter than SEVERE → FULLY_DISABLED'],
      ]);
      expect((await addPolicy(version).expect(201)).body).toMatchObject(version);
      expect((await addPolicy(version)).body).toMatchObject({ statusCode: 409, code: 'LEVEL_POLICY_VERSION_EXISTS' });
    });

    it('中度失能 → FULLY_DISABLED in 平顶山 (a county under it) from the version’s date; elsewhere and before, SEMI_DISABLED', async () => {
      const moderate = (effectiveOn: string) =>
        scored({ reason: 'ROUTINE', assessedOn: effectiveOn, effectiveOn, items: itemsTotalling(50) });
      const inA = (await assess('he', moderate('2026-02-01')).expect(201)).body;
      expect(inA).toMatchObject({ grade: 'MODERATE', careLevel: 'FULLY_DISABLED' });
      const before = (await assess('he', moderate('2025-12-31')).expect(201)).body;
      expect(before).toMatchObject({ grade: 'MODERATE', careLevel: 'SEMI_DISABLED' });
      const inB = (await assess('bei', moderate('2026-02-01'), w.token.managerB, w.B).expect(201)).body;
      expect(inB).toMatchObject({ grade: 'MODERATE', careLevel: 'SEMI_DISABLED' });
      // What the form previews with: the version in force for the facility on a date.
      const inForce = async (facility: string, token: string, date: string) =>
        (await w.t.http.get(`/api/facilities/${facility}/level-policy?date=${date}`).auth(token, auth).expect(200)).body;
      expect(await inForce(w.A, w.token.accountantA, '2026-02-01')).toMatchObject({ divisionCode: '410400', mapping });
      expect(await inForce(w.A, w.token.reg410400, '2025-12-31')).toMatchObject({ divisionCode: '000000', name: '全国默认' });
      expect(await inForce(w.B, w.token.managerB, '2026-02-01')).toMatchObject({ divisionCode: '000000' });
    });
  });

  it('the reassessment-due list: none yet, routine, after a hospital leave', async () => {
    // On 2026-03-01: 钱 (not admitted) is out of it; 马 and 胡 were assessed within the year.
    await admit('zheng', 'S-3', '2026-02-01'); // no assessment: MISSING, due on admission
    await admit('qian', 'S-4', '2025-01-10'); // her latest is effective 2025-02-01: ROUTINE, due 2026-02-01
    const wangStay = await admit('wang', 'S-5', '2025-12-01');
    await assess('wang', scored({ reason: 'ROUTINE', assessedOn: '2025-11-30', effectiveOn: '2025-12-01' })).expect(201);
    // 9 days in hospital, back on the 10th (leave [02-01, 02-10)): due that day.
    await post(`/admissions/${wangStay.id}/leaves`, { from: '2026-02-01', to: '2026-02-10', reason: '肺炎住院', kind: 'HOSPITAL' }).expect(
      201,
    );
    const liStay = await admit('li', 'S-6', '2025-12-01');
    await assess('li', scored({ reason: 'ROUTINE', assessedOn: '2025-11-30', effectiveOn: '2025-12-01' })).expect(201);
    // 3 days is below the 7 of REASSESSMENT_HOSPITAL_DAYS: not due.
    await post(`/admissions/${liStay.id}/leaves`, { from: '2026-02-01', to: '2026-02-04', reason: '检查', kind: 'HOSPITAL' }).expect(201);

    const due = await get('/assessments/due?date=2026-03-01', w.token.accountantA);
    expect(due).toEqual([
      {
        residentId: who.qian,
        name: '钱凤英',
        bed: 'S-4',
        lastAssessedOn: null,
        lastEffectiveOn: '2025-02-01',
        reason: 'ROUTINE',
        dueOn: '2026-02-01',
      },
      {
        residentId: who.zheng,
        name: '郑玉兰',
        bed: 'S-3',
        lastAssessedOn: null,
        lastEffectiveOn: null,
        reason: 'MISSING',
        dueOn: '2026-02-01',
      },
      {
        residentId: who.wang,
        name: '王秀英',
        bed: 'S-5',
        lastAssessedOn: '2025-11-30',
        lastEffectiveOn: '2025-12-01',
        reason: 'AFTER_HOSPITAL',
        dueOn: '2026-02-10',
      },
    ]);
    // 马's routine assessment: effective 2025-07-16, due 2026-07-16, listed from 30 days ahead.
    const june = await get('/assessments/due?date=2026-06-16');
    expect(june.find((r: { residentId: string }) => r.residentId === who.ma)).toMatchObject({ reason: 'ROUTINE', dueOn: '2026-07-16' });
    expect((await get('/assessments/due?date=2026-06-15')).find((r: { residentId: string }) => r.residentId === who.ma)).toBeUndefined();
  });
});

describe('ASSESSORS_MUST_BE_CERTIFIED=true: both assessors hold a valid 评估员 certificate recorded in staff', () => {
  let w: World;
  const auth = { type: 'bearer' } as const;
  const post = (path: string, body: Body) => w.t.http.post(`/api/facilities/${w.A}${path}`).auth(w.token.managerA, auth).send(body);

  beforeAll(async () => {
    w = await buildWorld({ ASSESSORS_MUST_BE_CERTIFIED: 'true' });
  });
  afterAll(async () => {
    await w?.close();
  });

  it('refuses an assessor without one (422), accepts when both hold one on the assessed date', async () => {
    const staff = async (name: string, certificate?: { issuedOn: string; expiresOn: string }) => {
      const s = (await post('/staff', { name, role: 'NURSE', employedFrom: '2024-01-01', fte: 1 }).expect(201)).body;
      if (certificate)
        await post(`/staff/${s.id}/certificates`, { type: '老年人能力评估员', number: `PG-${name}`, ...certificate }).expect(201);
    };
    await staff('李评估员', { issuedOn: '2024-01-01', expiresOn: '2027-01-01' });
    await staff('王评估员', { issuedOn: '2024-01-01', expiresOn: '2025-03-14' }); // expired on the day assessed
    await staff('赵评估员', { issuedOn: '2025-01-01', expiresOn: '2028-01-01' });
    const idNumber = idNumberFor('1940-01-01', 90);
    const resident = (
      await post('/residents', { name: '吴桂香', gender: genderOf(idNumber), dateOfBirth: '1940-01-01', idNumber }).expect(201)
    ).body.id;
    const body = (assessors: string[]) => ({
      instrument: 'GB/T 42195-2022',
      reason: 'FIRST',
      assessedOn: '2025-03-14',
      effectiveOn: '2025-03-15',
      assessors,
      items: exampleItems(),
    });
    const refused = await post(`/residents/${resident}/assessments`, body(['李评估员', '王评估员']));
    expect([refused.status, refused.body.code, refused.body.params]).toEqual([
      422,
      'ASSESSOR_NOT_CERTIFIED',
      { names: '王评估员', on: '2025-03-14' },
    ]);
    const ok = (await post(`/residents/${resident}/assessments`, body(['李评估员', '赵评估员'])).expect(201)).body;
    expect(ok).toMatchObject({ totalScore: 84, careLevel: 'SEMI_DISABLED', assessors: ['李评估员', '赵评估员'] });
  });
});
