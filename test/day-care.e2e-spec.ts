import { buildWorld, genderOf, idNumberFor, World } from './support/world';

/** Day centers: enrolment, attendance, the six helps 六助 (docs/rules.md §2, §4). */
describe('day care', () => {
  let w: World;
  let base: string;
  let member: string;
  const auth = { type: 'bearer' } as const;

  beforeAll(async () => {
    w = await buildWorld();
    base = `/api/facilities/${w.B}`; // a street center: full-time care and day care
    member = (
      await w.t.http
        .post(`${base}/residents`)
        .auth(w.token.managerB, auth)
        .send({
          name: '刘德胜',
          gender: genderOf(idNumberFor('1944-08-08', 11, '370102')),
          dateOfBirth: '1944-08-08',
          idNumber: idNumberFor('1944-08-08', 11, '370102'),
        })
        .expect(201)
    ).body.id;
  });
  afterAll(() => w?.close());

  it('enrols a member with a care level, and lists the members of a day with it', async () => {
    const m = (
      await w.t.http
        .post(`${base}/day-members`)
        .auth(w.token.managerB, auth)
        .send({ residentId: member, enrolledOn: '2026-11-01', careLevel: 'SEMI_DISABLED' })
        .expect(201)
    ).body;
    expect(m).toMatchObject({ residentId: member, name: '刘德胜', enrolledOn: '2026-11-01', leftOn: null });
    await w.t.http
      .post(`${base}/day-members`)
      .auth(w.token.managerB, auth)
      .send({ residentId: member, enrolledOn: '2026-11-05' })
      .expect(409);
    const on = (await w.t.http.get(`${base}/day-members?date=2026-11-02`).auth(w.token.managerB, auth).expect(200)).body;
    expect(on).toEqual([expect.objectContaining({ residentId: member, careLevel: 'SEMI_DISABLED' })]);
    expect((await w.t.http.get(`${base}/day-members?date=2026-10-31`).auth(w.token.managerB, auth).expect(200)).body).toEqual([]);
  });

  it('attendance: check in and out once a day; the sheet lists every member, present or not', async () => {
    const a = (
      await w.t.http
        .post(`${base}/attendance`)
        .auth(w.token.managerB, auth)
        .send({ residentId: member, day: '2026-11-02', checkIn: '08:30' })
        .expect(201)
    ).body;
    await w.t.http
      .post(`${base}/attendance`)
      .auth(w.token.managerB, auth)
      .send({ residentId: member, day: '2026-11-02', checkIn: '09:00' })
      .expect(409);
    await w.t.http.patch(`${base}/attendance/${a.id}`).auth(w.token.managerB, auth).send({ checkOut: '08:00' }).expect(422);
    expect(
      (await w.t.http.patch(`${base}/attendance/${a.id}`).auth(w.token.managerB, auth).send({ checkOut: '16:45' }).expect(200)).body,
    ).toEqual({ id: a.id, residentId: member, day: '2026-11-02', checkIn: '08:30', checkOut: '16:45' });
    expect((await w.t.http.get(`${base}/attendance?date=2026-11-02`).auth(w.token.reg370000, auth).expect(200)).body).toEqual([
      expect.objectContaining({ name: '刘德胜', checkIn: '08:30', checkOut: '16:45' }),
    ]);
    expect((await w.t.http.get(`${base}/attendance?date=2026-11-03`).auth(w.token.managerB, auth).expect(200)).body).toEqual([
      expect.objectContaining({ name: '刘德胜', checkIn: null, attendanceId: null }),
    ]);
    const notMember = await w.t.http
      .post(`${base}/attendance`)
      .auth(w.token.managerB, auth)
      .send({ residentId: member, day: '2026-10-20', checkIn: '08:30' })
      .expect(422);
    expect(notMember.body.message).toEqual(['the resident is not a member on 2026-10-20 (该老人当日不是会员)']);
    expect(notMember.body.code).toBe('MEMBER_NOT_ENROLLED');
  });

  it('service records of the six helps: who served, what, when; listed by calendar day', async () => {
    for (const kind of ['MEAL', 'BATH', 'CLEANING', 'MOBILITY', 'MEDICAL', 'EMERGENCY']) {
      await w.t.http
        .post(`${base}/service-records`)
        .auth(w.token.managerB, auth)
        .send({ residentId: member, kind, servedAt: '2026-11-02T23:30:00+08:00', servedBy: '张护理员' })
        .expect(201);
    }
    await w.t.http
      .post(`${base}/service-records`)
      .auth(w.token.managerB, auth)
      .send({ residentId: member, kind: 'MASSAGE', servedAt: '2026-11-02T10:00:00+08:00', servedBy: 'x' })
      .expect(400);
    // 23:30 in Shanghai on the 2nd is the 2nd, though it is 15:30 UTC.
    const day = (await w.t.http.get(`${base}/service-records?from=2026-11-02&to=2026-11-03`).auth(w.token.managerB, auth).expect(200)).body;
    expect(day.map((s: { kind: string }) => s.kind).sort()).toEqual(['BATH', 'CLEANING', 'EMERGENCY', 'MEAL', 'MEDICAL', 'MOBILITY']);
    expect(
      (await w.t.http.get(`${base}/service-records?from=2026-11-03&to=2026-11-04`).auth(w.token.managerB, auth).expect(200)).body,
    ).toEqual([]);
  });

  it('attendance is for today or a past day, never ahead (422 naming the day)', async () => {
    const ahead = await w.t.http
      .post(`${base}/attendance`)
      .auth(w.token.managerB, auth)
      .send({ residentId: member, day: '2099-01-04', checkIn: '08:30' })
      .expect(422);
    expect(ahead.body.code).toBe('ATTENDANCE_IN_FUTURE');
    expect(ahead.body.message[0]).toMatch(/^day 2099-01-04 is after today \d{4}-\d{2}-\d{2}/);
    const bulk = await w.t.http
      .post(`${base}/attendance/bulk-check-in`)
      .auth(w.token.managerB, auth)
      .send({ day: '2099-01-04', checkIn: '08:30', residentIds: [member] })
      .expect(422);
    expect(bulk.body.code).toBe('ATTENDANCE_IN_FUTURE');
  });

  it('全部签到 / 全部签退: many members at one time; those already done are skipped and named; all audited', async () => {
    const others: string[] = [];
    for (const [i, name] of ['王秀英', '陈桂兰'].entries()) {
      const id = (
        await w.t.http
          .post(`${base}/residents`)
          .auth(w.token.managerB, auth)
          .send({
            name,
            gender: genderOf(idNumberFor('1945-03-03', 21 + i, '370102')),
            dateOfBirth: '1945-03-03',
            idNumber: idNumberFor('1945-03-03', 21 + i, '370102'),
          })
          .expect(201)
      ).body.id;
      await w.t.http
        .post(`${base}/day-members`)
        .auth(w.token.managerB, auth)
        .send({ residentId: id, enrolledOn: '2026-11-01' })
        .expect(201);
      others.push(id);
    }
    // 刘德胜 is checked in on the 2nd already (above): skipped, not refused.
    const ins = (
      await w.t.http
        .post(`${base}/attendance/bulk-check-in`)
        .auth(w.token.managerB, auth)
        .send({ day: '2026-11-02', checkIn: '08:05', residentIds: [member, ...others] })
        .expect(201)
    ).body;
    expect(ins.day).toBe('2026-11-02');
    expect(ins.done.map((a: { residentId: string; checkIn: string }) => [a.residentId, a.checkIn]).sort()).toEqual(
      others.map((id) => [id, '08:05']).sort(),
    );
    expect(ins.skipped).toEqual([{ residentId: member, name: '刘德胜', reason: 'ALREADY_CHECKED_IN' }]);
    const sheet = (await w.t.http.get(`${base}/attendance?date=2026-11-02`).auth(w.token.managerB, auth).expect(200)).body;
    expect(sheet.map((r: { name: string; status: string }) => [r.name, r.status]).sort()).toEqual([
      ['刘德胜', 'LEFT'],
      ['王秀英', 'PRESENT'],
      ['陈桂兰', 'PRESENT'],
    ]);
    // A check-out not after a check-in refuses the whole request; nobody is checked out.
    const early = await w.t.http
      .post(`${base}/attendance/bulk-check-out`)
      .auth(w.token.managerB, auth)
      .send({ day: '2026-11-02', checkOut: '08:00', residentIds: others })
      .expect(422);
    expect(early.body.code).toBe('CHECK_OUT_BEFORE_CHECK_IN');
    const outs = (
      await w.t.http
        .post(`${base}/attendance/bulk-check-out`)
        .auth(w.token.managerB, auth)
        .send({ day: '2026-11-02', checkOut: '16:30', residentIds: [member, ...others] })
        .expect(201)
    ).body;
    expect(outs.done.map((a: { checkOut: string }) => a.checkOut)).toEqual(['16:30', '16:30']);
    expect(outs.skipped).toEqual([{ residentId: member, name: '刘德胜', reason: 'ALREADY_CHECKED_OUT' }]);
    // Nobody of the 3rd is here yet: a bulk check-out skips them all.
    const none = (
      await w.t.http
        .post(`${base}/attendance/bulk-check-out`)
        .auth(w.token.managerB, auth)
        .send({ day: '2026-11-03', checkOut: '16:30', residentIds: others })
        .expect(201)
    ).body;
    expect(none.done).toEqual([]);
    expect(none.skipped.map((s: { reason: string }) => s.reason)).toEqual(['NOT_CHECKED_IN', 'NOT_CHECKED_IN']);
    // Not a member that day: the whole request is refused, naming them.
    const notMember = await w.t.http
      .post(`${base}/attendance/bulk-check-in`)
      .auth(w.token.managerB, auth)
      .send({ day: '2026-10-20', checkIn: '08:30', residentIds: [others[0]] })
      .expect(422);
    expect(notMember.body.code).toBe('NOT_A_MEMBER_THAT_DAY');
    expect(notMember.body.message).toEqual(['王秀英 is not a member on 2026-10-20 (王秀英在2026-10-20不是会员)']);
    await w.t.http
      .post(`${base}/attendance/bulk-check-in`)
      .auth(w.token.managerB, auth)
      .send({ day: '2026-11-02', checkIn: '08:30', residentIds: [] })
      .expect(400);
    // One audit row a request, naming every attendance it wrote.
    const audited = await w.sql<{ action: string; ids: string[] }>(
      `SELECT action, diff->'attendanceIds'->'after' AS ids FROM audit_event WHERE action LIKE 'attendance.bulk%' ORDER BY id`,
    );
    expect(audited.map((a) => [a.action, a.ids.length])).toEqual([
      ['attendance.bulk_check_in', 2],
      ['attendance.bulk_check_out', 2],
      ['attendance.bulk_check_out', 0],
    ]);
    expect(audited[0].ids.sort()).toEqual(ins.done.map((a: { id: string }) => a.id).sort());
    // The regulator reads, never writes.
    await w.t.http
      .post(`${base}/attendance/bulk-check-in`)
      .auth(w.token.reg370000, auth)
      .send({ day: '2026-11-04', checkIn: '08:30', residentIds: others })
      .expect(403);
  });

  it('service records: filters by kind, member and name; the month summary counts services and different members per kind', async () => {
    const wang = (await w.t.http.get(`${base}/day-members?date=2026-11-02`).auth(w.token.managerB, auth).expect(200)).body.find(
      (m: { name: string }) => m.name === '王秀英',
    ).residentId;
    for (const [residentId, kind, servedAt] of [
      [wang, 'MEAL', '2026-11-10T11:30:00+08:00'],
      [wang, 'MEAL', '2026-11-11T11:30:00+08:00'],
      [member, 'MEAL', '2026-11-30T23:50:00+08:00'], // still November in Shanghai
      [member, 'MEAL', '2026-12-01T00:10:00+08:00'], // December
    ]) {
      await w.t.http
        .post(`${base}/service-records`)
        .auth(w.token.managerB, auth)
        .send({ residentId, kind, servedAt, servedBy: '李护理员', notes: '午餐' })
        .expect(201);
    }
    const meals = (
      await w.t.http.get(`${base}/service-records?from=2026-11-01&to=2026-12-01&kind=MEAL`).auth(w.token.managerB, auth).expect(200)
    ).body;
    expect(meals.map((s: { name: string }) => s.name)).toEqual(['刘德胜', '王秀英', '王秀英', '刘德胜']);
    const ofWang = (
      await w.t.http
        .get(`${base}/service-records?from=2026-11-01&to=2026-12-01&residentId=${wang}`)
        .auth(w.token.managerB, auth)
        .expect(200)
    ).body;
    expect(ofWang).toHaveLength(2);
    const byName = (
      await w.t.http
        .get(`${base}/service-records?from=2026-11-01&to=2026-12-01&q=${encodeURIComponent('王秀')}`)
        .auth(w.token.managerB, auth)
        .expect(200)
    ).body;
    expect(byName).toHaveLength(2);
    const byServer = (
      await w.t.http
        .get(`${base}/service-records?from=2026-11-01&to=2026-12-01&q=${encodeURIComponent('张护理')}`)
        .auth(w.token.managerB, auth)
        .expect(200)
    ).body;
    expect(byServer).toHaveLength(6);
    // November: the six of the 2nd (刘德胜, one of each kind) and 3 meals (王秀英 twice, 刘德胜 on the 30th).
    const nov = (await w.t.http.get(`${base}/service-records/summary?month=2026-11`).auth(w.token.reg370000, auth).expect(200)).body;
    expect(nov).toEqual({
      month: '2026-11',
      kinds: [
        { kind: 'MEAL', label: '助餐', services: 4, persons: 2 },
        { kind: 'BATH', label: '助浴', services: 1, persons: 1 },
        { kind: 'CLEANING', label: '助洁', services: 1, persons: 1 },
        { kind: 'MOBILITY', label: '助行', services: 1, persons: 1 },
        { kind: 'MEDICAL', label: '助医', services: 1, persons: 1 },
        { kind: 'EMERGENCY', label: '助急', services: 1, persons: 1 },
      ],
      services: 9,
      persons: 2,
    });
    const dec = (await w.t.http.get(`${base}/service-records/summary?month=2026-12`).auth(w.token.managerB, auth).expect(200)).body;
    expect(dec.services).toBe(1);
    expect(dec.kinds[0]).toEqual({ kind: 'MEAL', label: '助餐', services: 1, persons: 1 });
    await w.t.http.get(`${base}/service-records/summary?month=2026-13`).auth(w.token.managerB, auth).expect(400);
    const thisMonth = (await w.t.http.get(`${base}/service-records/summary`).auth(w.token.managerB, auth).expect(200)).body;
    expect(thisMonth.month).toMatch(/^\d{4}-\d{2}$/);
    expect(thisMonth.kinds).toHaveLength(6);
    const ahead = await w.t.http
      .post(`${base}/service-records`)
      .auth(w.token.managerB, auth)
      .send({ residentId: member, kind: 'MEAL', servedAt: '2099-01-01T11:30:00+08:00', servedBy: '李护理员' })
      .expect(422);
    expect(ahead.body.code).toBe('SERVICE_IN_FUTURE');
  });

  it('a care home has no day care (422)', async () => {
    const [home] = await w.sql<{ id: string }>(
      `INSERT INTO facility (name, type, division_code) VALUES ('纯养老院', 'CARE_HOME', '370102') RETURNING id`,
    );
    const res = await w.t.http
      .post(`/api/users`)
      .auth(w.token.admin, auth)
      .send({ username: 'home.mgr', password: 'Lotus-Pond-7731', role: 'FACILITY_MANAGER', facilityId: home.id })
      .expect(201);
    expect(res.body.role).toBe('FACILITY_MANAGER');
    const login = await w.t.http.post('/api/auth/login').send({ username: 'home.mgr', password: 'Lotus-Pond-7731' }).expect(200);
    const r = await w.t.http
      .post(`/api/facilities/${home.id}/residents`)
      .auth(login.body.accessToken, auth)
      .send({
        name: '钱大爷',
        gender: genderOf(idNumberFor('1940-01-01', 5, '370102')),
        dateOfBirth: '1940-01-01',
        idNumber: idNumberFor('1940-01-01', 5, '370102'),
      })
      .expect(201);
    const refused = await w.t.http
      .post(`/api/facilities/${home.id}/day-members`)
      .auth(login.body.accessToken, auth)
      .send({ residentId: r.body.id, enrolledOn: '2026-11-01' })
      .expect(422);
    expect(refused.body.message).toEqual(['day care is for day centers and street centers (仅日间照料中心/街道综合养老服务中心)']);
    expect(refused.body.code).toBe('NOT_A_DAY_CENTER');
  });
});
