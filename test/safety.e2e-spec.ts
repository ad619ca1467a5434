import { Client } from 'pg';
import { appDatabaseUrl } from '@careops/db';
import { writeFileSync } from 'node:fs';
import { binary, squeezed, textOf } from './support/pdf-text';
import { buildWorld, genderOf, idNumberFor, World } from './support/world';

const NONE = {
  CHOKING: 'NONE',
  WRONG_INTAKE: 'NONE',
  PRESSURE_INJURY: 'NONE',
  SCALD: 'NONE',
  FALL_FROM_BED: 'NONE',
  FALL: 'NONE',
  WANDERING: 'NONE',
  HARM: 'NONE',
  RECREATION: 'NONE',
};

/**
 * Service safety (docs/rules.md §10, GB 38600-2019): the nine-risk assessment 九防 with a measure for
 * each 高 risk, incidents closed only with the family notice and a review (then frozen), fire drills
 * and safety inspections, and the month's figures the compliance report prints.
 */
describe('service safety', () => {
  let w: World;
  let base: string;
  let app: Client;
  const auth = { type: 'bearer' } as const;
  const who: Record<string, string> = {};
  const post = (path: string, body: object = {}, token = w.token.managerA) => w.t.http.post(`${base}${path}`).auth(token, auth).send(body);
  const get = async (path: string, token = w.token.managerA) => (await w.t.http.get(`${base}${path}`).auth(token, auth).expect(200)).body;
  const refusal = (res: { status: number; body: { code: string; params?: object } }) => ({
    status: res.status,
    code: res.body.code,
    params: res.body.params,
  });
  const incident = async (body: object) =>
    (await post('/incidents', { place: '2号楼 203', description: '如厕时滑倒', residentIds: [who.wang], ...body }).expect(201)).body;
  const NOTICE = {
    familyNotifiedAt: '2026-11-03T16:00:00+08:00',
    familyNotifiedHow: '电话',
    familyNotifiedBy: '李护士长',
    review: '卫生间加装扶手',
  };

  beforeAll(async () => {
    w = await buildWorld();
    base = `/api/facilities/${w.A}`;
    app = new Client({ connectionString: appDatabaseUrl(w.db.url) });
    await app.connect();
    const room = (await post('/rooms', { building: '2号楼', floor: 2, number: '203' }).expect(201)).body.id;
    const beds = [];
    for (const code of ['S-1', 'S-2']) beds.push((await post('/beds', { code, roomId: room, kind: 'NURSING' }).expect(201)).body.id);
    const people: [string, string, string][] = [
      ['wang', '王秀英', '1940-01-01'],
      ['li', '李桂兰', '1941-02-02'],
      ['zhang', '张建国', '1942-03-03'],
    ];
    for (const [key, name, dob] of people) {
      const idNumber = idNumberFor(dob, 60 + Object.keys(who).length);
      who[key] = (await post('/residents', { name, gender: genderOf(idNumber), dateOfBirth: dob, idNumber }).expect(201)).body.id;
    }
    // 王秀英 and 李桂兰 are in care from October; 张建国 is registered, never admitted.
    await post('/admissions', { residentId: who.wang, bedId: beds[0], admittedOn: '2026-10-01', careLevel: 'SEMI_DISABLED' }).expect(201);
    await post('/admissions', { residentId: who.li, bedId: beds[1], admittedOn: '2026-10-01', careLevel: 'SELF_CARE' }).expect(201);
  });
  afterAll(async () => {
    await app?.end();
    await w?.close();
  });

  it('九防: all nine risks rated; a HIGH risk without a measure is refused naming the risk; the history is newest first', async () => {
    const { WANDERING: _left, ...eight } = NONE;
    const missing = await post(`/residents/${who.wang}/risk-assessments`, { assessedOn: '2026-11-05', risks: eight }).expect(400);
    expect(missing.body.message.join(' ')).toMatch(/WANDERING/);
    const badValue = await post(`/residents/${who.wang}/risk-assessments`, {
      assessedOn: '2026-11-05',
      risks: { ...NONE, FALL: 'MEDIUM' },
    });
    expect(badValue.status).toBe(400);
    expect(badValue.body.message.join(' ')).toMatch(/FALL must be NONE, LOW or HIGH/);
    const unknown = await post(`/residents/${who.wang}/risk-assessments`, {
      assessedOn: '2026-11-05',
      risks: NONE,
      measures: { FIRE: '灭火器' },
    });
    expect(refusal(unknown)).toEqual({ status: 400, code: 'UNKNOWN_RISK', params: { risk: 'FIRE' } });
    const notText = await post(`/residents/${who.wang}/risk-assessments`, { assessedOn: '2026-11-05', risks: NONE, measures: { FALL: 3 } });
    expect(refusal(notText)).toEqual({ status: 400, code: 'MEASURE_INVALID', params: { risk: 'FALL' } });

    const high = { ...NONE, FALL: 'HIGH', CHOKING: 'HIGH', SCALD: 'LOW' };
    const noMeasure = await post(`/residents/${who.wang}/risk-assessments`, {
      assessedOn: '2026-11-05',
      risks: high,
      measures: { FALL: '床栏、防滑鞋，如厕有人陪同', CHOKING: '   ' },
    });
    expect(refusal(noMeasure)).toEqual({ status: 422, code: 'HIGH_RISK_WITHOUT_MEASURE', params: { risk: 'CHOKING', label: '噎食' } });
    expect(noMeasure.body.message).toEqual([
      'risk CHOKING (噎食) is HIGH: measures.CHOKING must name the protective measure (噎食为高风险，须填写防护措施)',
    ]);

    await post(`/residents/${who.wang}/risk-assessments`, { assessedOn: '2026-10-01', risks: NONE, assessor: '王护士长' }).expect(201);
    const saved = (
      await post(`/residents/${who.wang}/risk-assessments`, {
        assessedOn: '2026-11-05',
        risks: high,
        measures: { FALL: '床栏、防滑鞋，如厕有人陪同', CHOKING: '流食，专人看护进食' },
        assessor: '王护士长',
      }).expect(201)
    ).body;
    expect(saved).toMatchObject({ residentId: who.wang, name: '王秀英', assessedOn: '2026-11-05', highRisks: ['CHOKING', 'FALL'] });
    expect(saved.risks).toEqual(high);
    const history = await get(`/residents/${who.wang}/risk-assessments`, w.token.accountantA);
    expect(history.map((a: { assessedOn: string }) => a.assessedOn)).toEqual(['2026-11-05', '2026-10-01']);
    expect(await get(`/residents/${who.li}/risk-assessments`)).toEqual([]);

    // The database holds the rule too: a HIGH risk with no measure does not get in, nor does a risk left out.
    const asApp = async (text: string, values: unknown[]) => {
      await app.query('BEGIN');
      try {
        await app.query(`SELECT set_config('app.facility_id', $1, true)`, [w.A]);
        return await app.query(text, values);
      } finally {
        await app.query('ROLLBACK');
      }
    };
    const insert = `INSERT INTO risk_assessment (facility_id, resident_id, assessed_on, risks, measures) VALUES ($1, $2, '2026-11-06', $3, $4)`;
    await expect(asApp(insert, [w.A, who.wang, JSON.stringify({ ...NONE, FALL: 'HIGH' }), '{}'])).rejects.toThrow(
      /risk_assessment_complete/,
    );
    await expect(asApp(insert, [w.A, who.wang, JSON.stringify(eight), '{}'])).rejects.toThrow(/risk_assessment_complete/);
    await expect(asApp(`UPDATE risk_assessment SET assessor = 'x'`, [])).rejects.toThrow(/permission denied/);
  });

  it('incidents: closed only with the family notice (when, how, by whom) and a review; a closed incident is frozen', async () => {
    const fall = await incident({
      type: 'FALL',
      occurredAt: '2026-11-03T15:10:00+08:00',
      injuries: '右腕擦伤',
      actions: '扶起，医务室处理',
    });
    expect(fall).toMatchObject({
      type: 'FALL',
      label: '跌倒',
      state: 'OPEN',
      residents: [{ id: who.wang, name: '王秀英' }],
      closedAt: null,
    });

    const without = async (field: string) => {
      const body: Record<string, string> = { ...NOTICE };
      delete body[field];
      return refusal(await post(`/incidents/${fall.id}/close`, body));
    };
    expect(await without('familyNotifiedAt')).toEqual({
      status: 422,
      code: 'INCIDENT_FAMILY_NOT_NOTIFIED',
      params: { field: 'familyNotifiedAt', fieldLabel: '通知家属时间' },
    });
    expect(await without('familyNotifiedHow')).toEqual({
      status: 422,
      code: 'INCIDENT_FAMILY_NOT_NOTIFIED',
      params: { field: 'familyNotifiedHow', fieldLabel: '通知方式' },
    });
    expect(await without('familyNotifiedBy')).toEqual({
      status: 422,
      code: 'INCIDENT_FAMILY_NOT_NOTIFIED',
      params: { field: 'familyNotifiedBy', fieldLabel: '通知人' },
    });
    expect(await without('review')).toEqual({ status: 422, code: 'INCIDENT_REVIEW_MISSING', params: undefined });
    expect(refusal(await post(`/incidents/${fall.id}/close`, { ...NOTICE, review: '  ' })).code).toBe('INCIDENT_REVIEW_MISSING');
    expect(refusal(await post(`/incidents/${fall.id}/close`, { ...NOTICE, familyNotifiedAt: '2026-11-03T15:00:00+08:00' })).code).toBe(
      'FAMILY_NOTICE_BEFORE_INCIDENT',
    );
    expect((await get(`/incidents/${fall.id}`)).state).toBe('OPEN');

    const closed = (await post(`/incidents/${fall.id}/close`, NOTICE).expect(201)).body;
    expect(closed).toMatchObject({ state: 'CLOSED', familyNotifiedHow: '电话', familyNotifiedBy: '李护士长', review: '卫生间加装扶手' });
    expect(new Date(closed.familyNotifiedAt).toISOString()).toBe('2026-11-03T08:00:00.000Z');
    expect(refusal(await post(`/incidents/${fall.id}/close`, { ...NOTICE, review: '改写' }))).toMatchObject({
      status: 409,
      code: 'INCIDENT_CLOSED',
    });

    // The database refuses any change to a closed incident, and any deletion.
    const asApp = async (text: string, values: unknown[]) => {
      await app.query('BEGIN');
      try {
        await app.query(`SELECT set_config('app.facility_id', $1, true)`, [w.A]);
        return await app.query(text, values);
      } finally {
        await app.query('ROLLBACK');
      }
    };
    await expect(asApp(`UPDATE incident SET review = '改写' WHERE id = $1`, [fall.id])).rejects.toThrow(/closed incident is frozen/);
    await expect(asApp(`DELETE FROM incident WHERE id = $1`, [fall.id])).rejects.toThrow(/permission denied/);
    expect(
      refusal(
        await post('/incidents', {
          type: 'FALL',
          occurredAt: '2026-11-03T15:10:00+08:00',
          place: '院内',
          description: '滑倒',
          residentIds: [],
        }),
      ),
    ).toEqual({ status: 422, code: 'INCIDENT_NEEDS_RESIDENT', params: { type: 'FALL', label: '跌倒' } });
  });

  it('an open incident cannot be closed in the database without the notice and the review', async () => {
    const open = await incident({ type: 'SCALD', occurredAt: '2026-10-12T09:00:00+08:00', residentIds: [who.li] });
    await app.query('BEGIN');
    try {
      await app.query(`SELECT set_config('app.facility_id', $1, true)`, [w.A]);
      await expect(app.query(`UPDATE incident SET closed_at = now() WHERE id = $1`, [open.id])).rejects.toThrow(
        /incident_closed_with_notice/,
      );
    } finally {
      await app.query('ROLLBACK');
    }
  });

  it('404 across facilities; only the manager writes, the accountant and the regulator read', async () => {
    const [any] = await get('/incidents');
    const other = `/api/facilities/${w.B}`;
    expect((await w.t.http.get(`${other}/incidents/${any.id}`).auth(w.token.managerB, auth)).status).toBe(404);
    expect(refusal(await w.t.http.post(`${other}/incidents/${any.id}/close`).auth(w.token.managerB, auth).send(NOTICE))).toMatchObject({
      status: 404,
      code: 'INCIDENT_NOT_FOUND',
    });
    // A resident of another facility cannot be named in an incident, nor assessed there.
    const foreign = await w.t.http
      .post(`${other}/incidents`)
      .auth(w.token.managerB, auth)
      .send({ type: 'FALL', occurredAt: '2026-11-03T15:10:00+08:00', place: '院内', description: '滑倒', residentIds: [who.wang] });
    expect(refusal(foreign)).toMatchObject({ status: 404, code: 'RESIDENT_NOT_FOUND' });
    const foreignRisk = await w.t.http
      .post(`${other}/residents/${who.wang}/risk-assessments`)
      .auth(w.token.managerB, auth)
      .send({ assessedOn: '2026-11-05', risks: NONE });
    expect(foreignRisk.status).toBe(404);
    expect((await w.t.http.get(`${base}/incidents`).auth(w.token.managerB, auth)).status).toBe(404);

    for (const token of [w.token.accountantA, w.token.reg410400]) {
      expect(
        (
          await post(
            '/incidents',
            { type: 'OTHER', occurredAt: '2026-11-03T15:10:00+08:00', place: '院内', description: 'x', residentIds: [] },
            token,
          )
        ).status,
      ).toBe(403);
      expect((await post(`/incidents/${any.id}/close`, NOTICE, token)).status).toBe(403);
      expect((await post(`/residents/${who.li}/risk-assessments`, { assessedOn: '2026-11-05', risks: NONE }, token)).status).toBe(403);
      expect(
        (await post('/safety-drills', { kind: 'FIRE_DRILL', on: '2026-11-01', participants: '全体', findings: '无' }, token)).status,
      ).toBe(403);
      await get('/incidents', token);
      await get('/safety/summary?month=2026-11', token);
    }
  });

  it("the month's figures: residents risk-assessed n of m, incidents by type and open, the last drill and inspection", async () => {
    // Incidents around November (Asia/Shanghai): the 1st 00:05 and the 30th 23:55 count, 12-01 00:05 does not.
    const choking = await incident({ type: 'CHOKING', occurredAt: '2026-11-30T23:55:00+08:00' });
    await incident({ type: 'FALL', occurredAt: '2026-11-01T00:05:00+08:00', residentIds: [who.wang, who.li] });
    await incident({ type: 'FALL', occurredAt: '2026-12-01T00:05:00+08:00' });
    await incident({ type: 'OTHER', occurredAt: '2026-10-31T23:55:00+08:00', residentIds: [] });
    for (const d of [
      { kind: 'FIRE_DRILL', on: '2026-10-20', participants: '全体在班员工', participantCount: 18, findings: '疏散用时 4 分钟' },
      { kind: 'FIRE_DRILL', on: '2026-12-03', participants: '全体在班员工', findings: '正常' },
      { kind: 'SAFETY_INSPECTION', on: '2026-11-10', participants: '院长、后勤主管', findings: '3 楼应急灯不亮，已报修' },
    ])
      await post('/safety-drills', d).expect(201);
    expect(
      refusal(await post('/safety-drills', { kind: 'FIRE_DRILL', on: '2099-01-01', participants: '全体', findings: '无' })),
    ).toMatchObject({
      status: 422,
      code: 'DRILL_IN_FUTURE',
    });

    const s = await get('/safety/summary?month=2026-11', w.token.accountantA);
    expect(s).toEqual({
      month: '2026-11',
      asOf: '2026-11-30',
      residentsInCare: 2,
      residentsAssessed: 1,
      unassessed: [{ residentId: who.li, name: '李桂兰' }],
      highRisksWithoutMeasure: [],
      // the closed fall of 11-03, the fall of 11-01 00:05, the choking of 11-30 23:55
      incidents: 3,
      openIncidents: 2,
      incidentsByType: [
        { type: 'CHOKING', label: '噎食', count: 1 },
        { type: 'FALL', label: '跌倒', count: 2 },
      ],
      lastFireDrill: expect.objectContaining({ kind: 'FIRE_DRILL', label: '消防演练', on: '2026-10-20', participantCount: 18 }),
      lastInspection: expect.objectContaining({ kind: 'SAFETY_INSPECTION', on: '2026-11-10', findings: '3 楼应急灯不亮，已报修' }),
    });
    // October: the scald and the other incident; nobody assessed by 10-31 except 王秀英 (10-01).
    const oct = await get('/safety/summary?month=2026-10');
    expect(oct).toMatchObject({ residentsInCare: 2, residentsAssessed: 1, incidents: 2, openIncidents: 2, lastInspection: null });

    const listed = await get('/incidents?from=2026-11-01&to=2026-12-01');
    expect(listed.map((i: { id: string }) => i.id)[0]).toBe(choking.id);
    expect(listed).toHaveLength(3);
    expect((await get('/incidents?from=2026-11-01&to=2026-12-01&state=OPEN&type=FALL')).length).toBe(1);
    expect((await get('/incidents?state=CLOSED')).map((i: { type: string }) => i.type)).toEqual(['FALL']);
    expect((await get(`/incidents?q=${encodeURIComponent('李桂兰')}`)).map((i: { type: string }) => i.type)).toEqual(['FALL', 'SCALD']);
    expect((await get('/safety-drills?kind=FIRE_DRILL')).map((d: { on: string }) => d.on)).toEqual(['2026-12-03', '2026-10-20']);

    const latest = await get('/risk-assessments');
    expect(latest.map((r: { name: string; latest: { assessedOn: string } | null }) => [r.name, r.latest?.assessedOn ?? null])).toEqual([
      ['李桂兰', null],
      ['王秀英', '2026-11-05'],
    ]);
  });

  it("the compliance report's safety section prints the month's figures", async () => {
    const res = await binary(w.t.http.get(`${base}/reports/compliance.pdf?month=2026-11`).auth(w.token.managerA, auth)).expect(200);
    writeFileSync('tmp/compliance-safety.pdf', res.body as Buffer);
    const text = squeezed(textOf(res.body as Buffer));
    expect(text).toContain('服务安全（GB 38600-2019）');
    expect(text).toMatch(/在住老人九防风险评估 已评估 1 \/ 2 人（截至 2026-11-30）\s*；未评估：李桂兰/);
    expect(text).toMatch(/高风险未落实防护措施 0 ?项/);
    expect(text).toMatch(/本月安全事件 3 起：噎食 1 起、跌倒 2 起；未结案 2 起/);
    expect(text).toMatch(/最近一次消防演练 2026-10-20，参加：全体在班员工（18 人）\s*；疏散用时 4 分钟/);
    expect(text).toMatch(/最近一次安全检查 2026-11-10/);
  });

  it('the audit trail reads each safety action as a sentence', async () => {
    const trail = (await get('/audit?kind=SAFETY&pageSize=200')) as { items: { action: string; sentence: { zh: string; en: string } }[] };
    const zh = trail.items.map((e) => e.sentence.zh);
    expect(zh).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/记录了 王秀英 的跌倒事件$/),
        expect.stringMatching(/将 王秀英 的跌倒事件结案（已通知家属）$/),
      ]),
    );
    expect(zh).toEqual(expect.arrayContaining([expect.stringMatching(/为 王秀英 做了九防风险评估，高风险：噎食、跌倒$/)]));
    expect(zh).toEqual(expect.arrayContaining([expect.stringMatching(/记录了消防演练（2026-10-20）$/)]));
    expect(new Set(trail.items.map((e) => e.action))).toEqual(
      new Set(['risk_assessment.create', 'incident.create', 'incident.close', 'safety_drill.create']),
    );
  });

  it('an incident makes an 即时评估 of its resident due (docs/rules.md §4a), until one is recorded after it', async () => {
    const due = async () =>
      ((await get(`/assessments/due?date=2026-11-20`)) as { residentId: string; reason: string; dueOn: string }[]).filter(
        (r) => r.residentId === who.wang,
      );
    // Assessed on admission (1 October); the first incident after it is the one at 00:00 on 1 November (Beijing time).
    expect(await due()).toEqual([expect.objectContaining({ reason: 'AFTER_INCIDENT', dueOn: '2026-11-01' })]);
    await post(`/residents/${who.wang}/assessments`, { careLevel: 'FULLY_DISABLED', effectiveOn: '2026-11-10', assessor: '刘医生' }).expect(
      201,
    );
    expect(await due()).toEqual([]);
  });
});
