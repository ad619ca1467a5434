import { buildWorld, genderOf, idNumberFor, login, PASSWORD, World } from './support/world';

/**
 * The manager's 工作台 (docs/rules.md §4a, §6, §7, §11): a care home built with known facts, read on
 * a fixed date (`?date=`), so nothing depends on today.
 */
describe('the manager’s home 工作台', () => {
  let w: World;
  let home: string;
  let dayCenter: string;
  let manager: string;
  let accountant: string;
  let dcManager: string;
  const ids: Record<string, string> = {};
  const D = '2026-03-10';
  const auth = { type: 'bearer' } as const;
  const post = (path: string, body: object, token = manager) =>
    w.t.http.post(`/api/facilities/${home}${path}`).auth(token, auth).send(body).expect(201);
  const read = async (date: string, token = manager, facility = home) =>
    (await w.t.http.get(`/api/facilities/${facility}/home?date=${date}`).auth(token, auth).expect(200)).body;
  type Alert = { kind: string; severity: string; count: number; items: { id: string; label: string; on?: string }[]; link: string };
  const alertOf = (body: { alerts: Alert[] }, kind: string) => body.alerts.find((a) => a.kind === kind);

  beforeAll(async () => {
    w = await buildWorld();
    const admin = (path: string, body: object) => w.t.http.post(path).auth(w.token.admin, auth).send(body).expect(201);
    home = (await admin('/api/facilities', { name: '颐和养老院', type: 'CARE_HOME', divisionCode: '410421', buildingAreaM2: 3000 })).body
      .id;
    dayCenter = w.C;
    await admin('/api/users', { username: 'home.manager', password: PASSWORD, role: 'FACILITY_MANAGER', facilityId: home });
    await admin('/api/users', { username: 'home.accountant', password: PASSWORD, role: 'ACCOUNTANT', facilityId: home });
    await admin('/api/users', { username: 'dc.manager', password: PASSWORD, role: 'FACILITY_MANAGER', facilityId: dayCenter });
    manager = await login(w.t, 'home.manager');
    accountant = await login(w.t, 'home.accountant');
    dcManager = await login(w.t, 'dc.manager');

    const room = (await post('/rooms', { building: '1号楼', floor: 1, number: '101' })).body.id;
    for (const code of ['H-1', 'H-2', 'H-3', 'H-4', 'H-5'])
      ids[code] = (await post('/beds', { code, roomId: room, kind: 'NURSING' })).body.id;
    await w.t.http
      .patch(`/api/facilities/${home}/beds/${ids['H-5']}`)
      .auth(manager, auth)
      .send({ inService: false, reason: '维修', on: '2026-03-01' })
      .expect(200);
    // 王秀英: assessed 13 months before D (due a month ago); 李桂兰: never assessed; 张淑珍: on leave, assessed lately.
    const people: [string, string, string, string, string | undefined][] = [
      ['王秀英', '1940-01-01', 'H-1', '2025-02-10', 'SEMI_DISABLED'],
      ['李桂兰', '1941-02-02', 'H-2', '2026-01-05', undefined],
      ['张淑珍', '1942-03-03', 'H-3', '2025-12-01', 'SELF_CARE'],
    ];
    for (const [i, [name, dob, bed, admittedOn, careLevel]] of people.entries()) {
      const idNumber = idNumberFor(dob, 700 + i);
      ids[name] = (await post('/residents', { name, gender: genderOf(idNumber), dateOfBirth: dob, idNumber })).body.id;
      const admission = (
        await post('/admissions', { residentId: ids[name], bedId: ids[bed], admittedOn, ...(careLevel ? { careLevel } : {}) })
      ).body.id;
      if (name === '张淑珍') await post(`/admissions/${admission}/leaves`, { from: '2026-03-08', to: '2026-03-12', reason: '回家探亲' });
    }
    // 刘芳's certificate runs out 10 days after D; 陈静's ran out before D.
    for (const [name, expiresOn] of [
      ['刘芳', '2026-03-20'],
      ['陈静', '2026-03-01'],
    ]) {
      const s = (await post('/staff', { name, role: 'CAREGIVER', employedFrom: '2025-01-01', fte: 1 })).body.id;
      await post(`/staff/${s}/trainings`, { course: '养老护理员岗前培训', completedOn: '2025-01-02', passed: true });
      await post(`/staff/${s}/certificates`, {
        type: '养老护理员职业技能等级证书',
        number: `C-${name}`,
        issuedOn: '2025-01-02',
        expiresOn,
      });
    }
    // One who left: her expired certificate is nobody's business any more.
    const left = (await post('/staff', { name: '赵敏', role: 'NURSE', employedFrom: '2024-01-01', employedTo: '2026-02-01', fte: 1 })).body
      .id;
    await post(`/staff/${left}/certificates`, { type: '护士执业证书', number: 'N-1', issuedOn: '2024-01-01', expiresOn: '2026-02-15' });
  });
  afterAll(() => w?.close());

  it('the census: in care, on leave, by level, the beds', async () => {
    const body = await read(D);
    expect(body).toMatchObject({ date: D, facilityType: 'CARE_HOME' });
    expect(body.census).toEqual({
      inCare: 2,
      onLeave: 1,
      byLevel: { SELF_CARE: 1, SEMI_DISABLED: 1, FULLY_DISABLED: 0 },
      unassessed: 1,
      beds: 5,
      freeBeds: 1, // H-4 (H-5 is out of service)
      outOfService: 1,
    });
  });

  it('certificates: the expired one (danger) and the one running out in 10 days, naming the person, the certificate and the day', async () => {
    const body = await read(D);
    expect(alertOf(body, 'CERTIFICATES_EXPIRED')).toEqual({
      kind: 'CERTIFICATES_EXPIRED',
      severity: 'DANGER',
      count: 1,
      items: [{ id: expect.any(String), label: '陈静', detail: '养老护理员职业技能等级证书', on: '2026-03-01' }],
      link: `/f/${home}/staff?certificates=EXPIRED`,
    });
    expect(alertOf(body, 'CERTIFICATES_EXPIRING')).toEqual({
      kind: 'CERTIFICATES_EXPIRING',
      severity: 'WARN',
      count: 1,
      items: [{ id: expect.any(String), label: '刘芳', detail: '养老护理员职业技能等级证书', on: '2026-03-20' }],
      link: `/f/${home}/staff?certificates=EXPIRING`,
    });
  });

  it('staffing: the red days of the next 14, with required and counted as the calendar has them', async () => {
    // ⌈1/4 + 1/10⌉ = 1 caregiver required; 刘芳 counts until her certificate's expiry day, 2026-03-20.
    const body = await read(D);
    const days = ['2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24'];
    expect(alertOf(body, 'STAFFING_SHORT')).toEqual({
      kind: 'STAFFING_SHORT',
      severity: 'WARN',
      count: 5,
      items: days.map((d) => ({ id: d, label: d, on: d, required: 1, counted: 0 })),
      link: `/f/${home}/staffing?month=2026-03`,
    });
    const calendar = (
      await w.t.http.get(`/api/facilities/${home}/compliance/staffing?from=2026-03-10&to=2026-03-25`).auth(manager, auth).expect(200)
    ).body;
    expect(calendar.days.filter((d: { compliant: boolean }) => !d.compliant).map((d: { date: string }) => d.date)).toEqual(days);
    // On a red day itself it is a danger: from the 22nd every day through the 5th of April is red.
    expect(alertOf(await read('2026-03-22'), 'STAFFING_SHORT')).toMatchObject({ severity: 'DANGER', count: 15 });
  });

  it('assessments: the one never assessed (danger), the one assessed 13 months ago (due on the anniversary)', async () => {
    const body = await read(D);
    expect(alertOf(body, 'ASSESSMENT_MISSING')).toEqual({
      kind: 'ASSESSMENT_MISSING',
      severity: 'DANGER',
      count: 1,
      items: [{ id: ids['李桂兰'], label: '李桂兰', link: `/f/${home}/residents/${ids['李桂兰']}` }],
      link: `/f/${home}/residents`,
    });
    expect(alertOf(body, 'ASSESSMENT_DUE')).toEqual({
      kind: 'ASSESSMENT_DUE',
      severity: 'WARN',
      count: 1,
      items: [{ id: ids['王秀英'], label: '王秀英', on: '2026-02-10', detail: 'ROUTINE', link: `/f/${home}/residents/${ids['王秀英']}` }],
      link: `/f/${home}/residents`,
    });
    // 张淑珍 (assessed 2025-12-01) turns due on 2026-12-01: shown from 30 days before, not earlier.
    const november = await read('2026-11-01');
    expect(alertOf(november, 'ASSESSMENT_DUE')?.items.map((i) => [i.label, i.on])).toEqual([
      ['王秀英', '2026-02-10'],
      ['张淑珍', '2026-12-01'],
    ]);
    expect(alertOf(await read('2026-10-31'), 'ASSESSMENT_DUE')?.count).toBe(1);
  });

  it('nine-risk assessments (GB 38600): those in care without one are listed until one is recorded', async () => {
    const names = async () => alertOf(await read(D), 'RISK_ASSESSMENT_MISSING')?.items.map((i) => i.label);
    const before = await names();
    expect(before).toEqual(expect.arrayContaining(['李桂兰', '王秀英']));
    const none = Object.fromEntries(
      ['CHOKING', 'WRONG_INTAKE', 'PRESSURE_INJURY', 'SCALD', 'FALL_FROM_BED', 'FALL', 'WANDERING', 'HARM', 'RECREATION'].map((r) => [
        r,
        'NONE',
      ]),
    );
    await post(`/residents/${ids['王秀英']}/risk-assessments`, { assessedOn: '2026-03-01', risks: none });
    expect(await names()).toEqual(before?.filter((n) => n !== '王秀英'));
    expect(alertOf(await read(D), 'RISK_ASSESSMENT_MISSING')).toMatchObject({ severity: 'WARN', link: `/f/${home}/safety` });
  });

  it('last month’s claim: due by the 25th, late after it; a draft links to it; submitted, the alert is gone', async () => {
    expect(alertOf(await read(D), 'CLAIM_DUE')).toEqual({
      kind: 'CLAIM_DUE',
      severity: 'WARN',
      count: 1,
      dueOn: '2026-03-25',
      month: '2026-02',
      items: [{ id: 'INSTITUTIONAL_CARE', label: '2026-02', detail: 'INSTITUTIONAL_CARE' }],
      link: `/f/${home}/claims`,
    });
    expect(alertOf(await read('2026-03-25'), 'CLAIM_DUE')?.severity).toBe('WARN');
    expect(alertOf(await read('2026-03-26'), 'CLAIM_DUE')).toMatchObject({ severity: 'DANGER', dueOn: '2026-03-25' });
    const claim = (await post('/claims', { month: '2026-02' }, accountant)).body;
    expect(alertOf(await read(D, accountant), 'CLAIM_DUE')).toMatchObject({
      items: [{ id: claim.id, label: '2026-02', detail: 'INSTITUTIONAL_CARE', link: `/f/${home}/claims/${claim.id}` }],
      link: `/f/${home}/claims/${claim.id}`,
    });
    await w.t.http.post(`/api/facilities/${home}/claims/${claim.id}/submit`).auth(accountant, auth).send({}).expect(201);
    expect(alertOf(await read(D), 'CLAIM_DUE')).toBeUndefined();
  });

  it('the monthly report: due by the 25th, late after it, linking to the reports; submitted, the alert is gone', async () => {
    expect(alertOf(await read('2026-03-01'), 'MONTHLY_REPORT_DUE')).toEqual({
      kind: 'MONTHLY_REPORT_DUE',
      severity: 'WARN',
      count: 1,
      dueOn: '2026-03-25',
      month: '2026-02',
      items: [{ id: '2026-02', label: '2026-02' }],
      link: `/f/${home}/reports`,
    });
    expect(alertOf(await read('2026-03-25'), 'MONTHLY_REPORT_DUE')?.severity).toBe('WARN');
    expect(alertOf(await read('2026-03-26'), 'MONTHLY_REPORT_DUE')).toMatchObject({
      severity: 'DANGER',
      dueOn: '2026-03-25',
      month: '2026-02',
    });
    await post('/monthly-reports', { month: '2026-02' });
    expect(alertOf(await read('2026-03-10'), 'MONTHLY_REPORT_DUE')).toBeUndefined();
    expect(alertOf(await read('2026-03-26'), 'MONTHLY_REPORT_DUE')).toBeUndefined();
    // The next month's is due again in April.
    expect(alertOf(await read('2026-04-01'), 'MONTHLY_REPORT_DUE')).toMatchObject({ severity: 'WARN', month: '2026-03' });
  });

  it('dangers come first', async () => {
    const severities = (await read(D)).alerts.map((a: { severity: string }) => a.severity);
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === 'DANGER' ? -1 : 1)));
    expect(severities[0]).toBe('DANGER');
  });

  it('who may read it: its manager and accountant, its regulator; another facility’s manager gets 404; a bad date 400', async () => {
    await read(D, accountant);
    await read(D, w.token.reg410400);
    await w.t.http.get(`/api/facilities/${home}/home?date=${D}`).auth(w.token.managerB, auth).expect(404);
    await w.t.http.get(`/api/facilities/${home}/home?date=${D}`).auth(w.token.reg370000, auth).expect(404);
    await w.t.http.get(`/api/facilities/${home}/home?date=2026-02-30`).auth(manager, auth).expect(400);
    // The calendar's first day: no month before it to be due, and no error.
    expect(alertOf(await read('1900-01-01'), 'CLAIM_DUE')).toBeUndefined();
    await w.t.http.get(`/api/facilities/${home}/home`).expect(401);
  });

  it('without a date: today in the facility’s time zone', async () => {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const body = (await w.t.http.get(`/api/facilities/${home}/home`).auth(manager, auth).expect(200)).body;
    expect(body.date).toBe(today);
  });

  it('a day center: members and who came instead of beds, and its rule of at least 3 staff', async () => {
    const dc = (path: string, body: object) =>
      w.t.http.post(`/api/facilities/${dayCenter}${path}`).auth(dcManager, auth).send(body).expect(201);
    for (const [i, [name, level]] of (
      [
        ['孙大爷', 'SELF_CARE'],
        ['周奶奶', undefined],
      ] as const
    ).entries()) {
      const idNumber = idNumberFor('1945-05-05', 800 + i, '410522');
      const r = (await dc('/residents', { name, gender: genderOf(idNumber), dateOfBirth: '1945-05-05', idNumber })).body.id;
      await dc('/day-members', { residentId: r, enrolledOn: '2026-03-01', ...(level ? { careLevel: level } : {}) });
      if (i === 0) await dc('/attendance', { residentId: r, day: D, checkIn: '08:30' });
    }
    for (const name of ['何主任', '吴社工']) await dc('/staff', { name, role: 'OTHER', employedFrom: '2026-01-01', fte: 1 });
    const body = await read(D, dcManager, dayCenter);
    expect(body.facilityType).toBe('DAY_CENTER');
    expect(body.census).toEqual({
      inCare: 0,
      onLeave: 0,
      byLevel: { SELF_CARE: 1, SEMI_DISABLED: 0, FULLY_DISABLED: 0 },
      unassessed: 1,
      members: 2,
      present: 1,
    });
    const short = alertOf(body, 'STAFFING_SHORT');
    expect(short).toMatchObject({ severity: 'DANGER', count: 15, link: `/f/${dayCenter}/staffing?month=2026-03` });
    expect(short?.items[0]).toEqual({ id: D, label: D, on: D, required: 3, counted: 2 });
    expect(alertOf(body, 'ASSESSMENT_MISSING')?.items.map((i) => i.label)).toEqual(['周奶奶']);
    // A third on the roster: the rule is met, the alert gone.
    await dc('/staff', { name: '郑护理员', role: 'CAREGIVER', employedFrom: '2026-01-01', fte: 1 });
    expect(alertOf(await read(D, dcManager, dayCenter), 'STAFFING_SHORT')).toBeUndefined();
  });
});
