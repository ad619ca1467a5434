import { buildWorld, genderOf, idNumberFor, login, PASSWORD, World } from './support/world';

/**
 * docs/rules.md §5, the rest of the policy model: day-counting options per policy version,
 * home-care beds 家庭养老床位 (¥300 失能 / ¥200 半失能) and the day-center operating subsidy
 * (¥20,000 a year, claimed monthly or yearly) — the same engine with other rates.
 */
describe('subsidy programmes and day-counting options', () => {
  let w: World;
  let base: string;
  const auth = { type: 'bearer' } as const;
  const asManager = (path: string, body: object) => w.t.http.post(`${base}${path}`).auth(w.token.managerA, auth).send(body);
  const asAccountant = (path: string, body: object = {}) => w.t.http.post(`${base}${path}`).auth(w.token.accountantA, auth).send(body);
  const addPolicy = (body: object) => w.t.http.post('/api/subsidy-policies').auth(w.token.admin, auth).send(body);
  const RATES = { SELF_CARE: 10000, SEMI_DISABLED: 15000, FULLY_DISABLED: 30000 };
  let seq = 40;
  const register = async (name: string, dob = '1942-03-03') =>
    (
      await asManager('/residents', {
        name,
        gender: genderOf(idNumberFor(dob, seq)),
        dateOfBirth: dob,
        idNumber: idNumberFor(dob, seq++),
      }).expect(201)
    ).body.id as string;
  type Line = {
    residentName: string;
    residentId: string | null;
    careLevel: string | null;
    days: number;
    amountFen: number;
    explanation: { segments: object[]; formula: string };
  };
  const named = (claim: { lines: Line[] }, name: string) => claim.lines.find((l) => l.residentName === name);

  beforeAll(async () => {
    w = await buildWorld();
    base = `/api/facilities/${w.A}`;
  });
  afterAll(() => w?.close());

  it('a policy version may change which days count: discharge day counted, leave days not → 19 − 5 = 14 days', async () => {
    await addPolicy({
      programme: 'INSTITUTIONAL_CARE',
      divisionCode: '410421',
      effectiveFrom: '2026-03-01',
      rates: { SELF_CARE: 'a lot' },
    }).expect(400);
    await addPolicy({
      programme: 'INSTITUTIONAL_CARE',
      divisionCode: '410421',
      effectiveFrom: '2026-03-01',
      rates: RATES,
      dayCounting: { admissionDay: 'yes' },
    }).expect(400);
    const policy = (
      await addPolicy({
        programme: 'INSTITUTIONAL_CARE',
        divisionCode: '410421',
        effectiveFrom: '2026-03-01',
        rates: RATES,
        dayCounting: { admissionDay: true, dischargeDay: true, leaveDays: false },
      }).expect(201)
    ).body;
    expect(policy).toMatchObject({ dayCounting: { admissionDay: true, dischargeDay: true, leaveDays: false }, claimPeriod: 'MONTHLY' });

    const room = (await asManager('/rooms', { building: '2号楼', floor: 1, number: '201' }).expect(201)).body.id;
    const bed = (await asManager('/beds', { code: 'D-1', roomId: room, kind: 'NURSING' }).expect(201)).body.id;
    const zhao = await register('赵德明');
    const admission = (
      await asManager('/admissions', { residentId: zhao, bedId: bed, admittedOn: '2026-03-10', careLevel: 'SEMI_DISABLED' }).expect(201)
    ).body.id;
    await asManager(`/admissions/${admission}/leaves`, {
      from: '2026-03-20',
      to: '2026-03-25',
      reason: '外出住院',
      kind: 'HOSPITAL',
    }).expect(201);
    await asManager(`/admissions/${admission}/discharge`, { dischargedOn: '2026-03-28', reason: '回家养老' }).expect(201);

    const march = (await asAccountant('/claims', { month: '2026-03' }).expect(201)).body;
    expect(march.policy).toMatchObject({
      divisionCode: '410421',
      dayCounting: { admissionDay: true, dischargeDay: true, leaveDays: false },
    });
    // [03-10, 03-28] is 19 days with the discharge day; the 5 days in hospital do not count.
    expect(named(march, '赵德明')).toMatchObject({
      careLevel: 'SEMI_DISABLED',
      days: 14,
      amountFen: 6774,
      explanation: {
        segments: [
          { from: '2026-03-10', to: '2026-03-20' },
          { from: '2026-03-25', to: '2026-03-29' },
        ],
        formula: '150.00 × 14 ÷ 31 = 67.74（四舍五入到分）',
      },
    });
    // The national default (February, before the version) would have counted 18 days: admission to discharge, leave included.
  });

  it('home-care beds: enrolments are dated, never overlap a stay or each other; ¥300 失能 / ¥200 半失能, nothing for 自理', async () => {
    const sun = await register('孙桂芝');
    const qian = await register('钱永福');
    const zhou = await register('周玉兰');
    const enrol = (body: object) => asManager('/home-care-beds', { address: '宝丰县城关镇人民路12号', ...body });
    const sunBed = (await enrol({ residentId: sun, from: '2026-03-01', careLevel: 'SEMI_DISABLED' }).expect(201)).body;
    expect(sunBed).toMatchObject({ residentName: '孙桂芝', from: '2026-03-01', to: null });
    await enrol({ residentId: qian, from: '2026-04-16', careLevel: 'FULLY_DISABLED' }).expect(201);
    await enrol({ residentId: zhou, from: '2026-03-01', careLevel: 'SELF_CARE' }).expect(201);
    expect((await enrol({ residentId: sun, from: '2026-06-01' }).expect(409)).body.code).toBe('HOME_CARE_BED_OVERLAP');
    const [zhao] = await w.sql<{ id: string }>(`SELECT id FROM resident WHERE facility_id = $1 AND name = '赵德明'`, [w.A]);
    const admitted = (await enrol({ residentId: zhao.id, from: '2026-03-15' }).expect(409)).body;
    expect(admitted.message[0]).toMatch(/该老人已入住机构/);
    expect(admitted.code).toBe('HOME_CARE_BED_RESIDENT_ADMITTED');
    await w.t.http
      .post(`${base}/home-care-beds`)
      .auth(w.token.accountantA, auth)
      .send({ residentId: zhou, from: '2026-01-01', address: 'x' })
      .expect(403);

    const april = (await asAccountant('/claims', { month: '2026-04', programme: 'HOME_CARE_BED' }).expect(201)).body;
    expect(april).toMatchObject({
      programme: 'HOME_CARE_BED',
      policy: { divisionCode: '000000', rates: { SEMI_DISABLED: 20000, FULLY_DISABLED: 30000 } },
    });
    expect(april.lines.map((l: Line) => [l.residentName, l.careLevel, l.days, l.amountFen])).toEqual([
      ['孙桂芝', 'SEMI_DISABLED', 30, 20000],
      ['钱永福', 'FULLY_DISABLED', 15, 15000], // enrolled 04-16: 30000 × 15 ÷ 30
    ]);
    expect(april.totalFen).toBe(35000);
    // The institutional claim of April is another claim and knows nothing of them.
    const institutional = (await asAccountant('/claims', { month: '2026-04' }).expect(201)).body;
    expect(institutional.programme).toBe('INSTITUTIONAL_CARE');
    expect(institutional.id).not.toBe(april.id);
    expect(named(institutional, '孙桂芝')).toBeUndefined();

    // 撤床 on 05-11: May counts 10 days for 孙 (20000 × 10 ÷ 31 = 6451.6 → 6452).
    expect((await asManager(`/home-care-beds/${sunBed.id}/end`, { on: '2026-02-01' }).expect(422)).body.code).toBe(
      'HOME_CARE_BED_END_BEFORE_START',
    );
    expect((await asManager(`/home-care-beds/${sunBed.id}/end`, { on: '2026-05-11' }).expect(201)).body).toMatchObject({
      to: '2026-05-11',
    });
    expect((await asManager(`/home-care-beds/${sunBed.id}/end`, { on: '2026-05-20' }).expect(409)).body).toMatchObject({
      code: 'HOME_CARE_BED_ENDED',
      params: { on: '2026-05-11' },
    });
    // One programme per person and day: 孙 cannot be admitted while served at home, but can once it ended.
    const room = (await asManager('/rooms', { building: '2号楼', floor: 2, number: '202' }).expect(201)).body.id;
    const bed = (await asManager('/beds', { code: 'D-2', roomId: room, kind: 'NURSING' }).expect(201)).body.id;
    const atHome = (await asManager('/admissions', { residentId: sun, bedId: bed, admittedOn: '2026-04-01' }).expect(409)).body;
    expect(atHome.message[0]).toMatch(/家庭养老床位/);
    expect(atHome.code).toBe('RESIDENT_AT_HOME');
    await expect(
      w.sql(`INSERT INTO admission (facility_id, resident_id, period) VALUES ($1, $2, daterange('2026-04-01', NULL))`, [w.A, sun]),
    ).rejects.toThrow(/either in a home-care bed or admitted/);
    await asManager('/admissions', { residentId: sun, bedId: bed, admittedOn: '2026-05-11' }).expect(201);
    const may = (await asAccountant('/claims', { month: '2026-05', programme: 'HOME_CARE_BED' }).expect(201)).body;
    expect(may.lines.map((l: Line) => [l.residentName, l.days, l.amountFen])).toEqual([
      ['孙桂芝', 10, 6452],
      ['钱永福', 31, 30000],
    ]);
    const list = (await w.t.http.get(`${base}/home-care-beds`).auth(w.token.reg410400, auth).expect(200)).body;
    expect(list.map((b: { residentName: string }) => b.residentName)).toEqual(expect.arrayContaining(['孙桂芝', '钱永福', '周玉兰']));
  });

  it('the day-center operating subsidy, monthly: one line of the facility, January’s twelfth of ¥20,000 (166667 fen)', async () => {
    const january = (await asAccountant('/claims', { month: '2026-01', programme: 'DAY_CENTER_OPERATION' }).expect(201)).body;
    expect(january).toMatchObject({
      programme: 'DAY_CENTER_OPERATION',
      totalFen: 166667,
      totalsByLevel: { SELF_CARE: 0, SEMI_DISABLED: 0, FULLY_DISABLED: 0 },
    });
    expect(january.lines).toEqual([
      expect.objectContaining({
        residentId: null,
        residentName: '颐康综合养老服务中心',
        careLevel: null,
        days: 31,
        rateFen: 2000000,
        amountFen: 166667,
        explanation: {
          segments: [{ from: '2026-01-01', to: '2026-02-01' }],
          formula: 'round(2000000 × 1 ÷ 12) − round(2000000 × 0 ÷ 12) = 166667 (按月分摊，全年合计 2000000)',
        },
      }),
    ]);
    const months = await Promise.all(
      ['02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) =>
        asAccountant('/claims', { month: `2026-${m}`, programme: 'DAY_CENTER_OPERATION' }),
      ),
    );
    expect(months.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    // The twelve months add up to exactly the year.
    expect(january.totalFen + months.reduce((s, r) => s + r.body.totalFen, 0)).toBe(2_000_000);
    const csv = await w.t.http
      .get(`${base}/claims/${january.id}/export.csv`)
      .auth(w.token.accountantA, auth)
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.on('data', (d: Buffer) => (text += d.toString('utf8')));
        r.on('end', () => cb(null, text));
      })
      .expect(200);
    expect(csv.body).toContain(`${january.number},2026-01,颐康综合养老服务中心,,,,,—,31,20000.00,1666.67,正常`);
  });

  it('claimed yearly where the division says so: only with December, the whole amount; the policy refuses nonsense', async () => {
    const noAnnual = await addPolicy({
      programme: 'DAY_CENTER_OPERATION',
      divisionCode: '410400',
      effectiveFrom: '2025-01-01',
      rates: {},
    }).expect(422);
    expect(noAnnual.body).toMatchObject({
      code: 'POLICY_ANNUAL_REQUIRED',
      message: ['a DAY_CENTER_OPERATION policy needs annualFen, the yearly amount per center in fen (运营补贴需填写年度金额)'],
    });
    const yearly = await addPolicy({
      programme: 'HOME_CARE_BED',
      divisionCode: '410400',
      effectiveFrom: '2025-01-01',
      rates: { SEMI_DISABLED: 1 },
      claimPeriod: 'YEARLY',
    }).expect(422);
    expect(yearly.body).toMatchObject({ code: 'POLICY_YEARLY_NOT_ALLOWED' });
    const annual = await addPolicy({
      programme: 'HOME_CARE_BED',
      divisionCode: '410400',
      effectiveFrom: '2025-01-01',
      rates: { SEMI_DISABLED: 1 },
      annualFen: 5,
    }).expect(422);
    expect(annual.body).toMatchObject({ code: 'POLICY_ANNUAL_NOT_ALLOWED' });
    const added = await addPolicy({
      programme: 'DAY_CENTER_OPERATION',
      divisionCode: '410400',
      effectiveFrom: '2025-01-01',
      rates: {},
      annualFen: 2_400_000,
      claimPeriod: 'YEARLY',
    }).expect(201);
    expect(added.body).toMatchObject({
      programme: 'DAY_CENTER_OPERATION',
      divisionCode: '410400',
      effectiveFrom: '2025-01-01',
      annualFen: 2_400_000,
      claimPeriod: 'YEARLY',
    });
    const again = await addPolicy({
      programme: 'DAY_CENTER_OPERATION',
      divisionCode: '410400',
      effectiveFrom: '2025-01-01',
      rates: {},
      annualFen: 1,
      claimPeriod: 'YEARLY',
    }).expect(409);
    expect(again.body).toMatchObject({ code: 'POLICY_VERSION_EXISTS' });
    const may = await asAccountant('/claims', { month: '2025-05', programme: 'DAY_CENTER_OPERATION' }).expect(422);
    expect(may.body.message[0]).toMatch(/按年申领，请申领2025年12月/);
    expect(may.body.code).toBe('YEARLY_CLAIM_IN_DECEMBER');
    const december = (await asAccountant('/claims', { month: '2025-12', programme: 'DAY_CENTER_OPERATION' }).expect(201)).body;
    expect(december).toMatchObject({
      totalFen: 2_400_000,
      policy: { divisionCode: '410400', claimPeriod: 'YEARLY', annualFen: 2_400_000 },
    });
    expect(december.lines).toEqual([
      expect.objectContaining({
        days: 365,
        amountFen: 2_400_000,
        explanation: { segments: [{ from: '2025-01-01', to: '2026-01-01' }], formula: '2400000 (全年运营补贴)' },
      }),
    ]);
  });

  it('a day center claims its operating subsidy but no institutional care; one Idempotency-Key, one programme', async () => {
    const day = `/api/facilities/${w.C}/claims`;
    const post = (body: object, key?: string) => {
      const req = w.t.http.post(day).auth(w.token.admin, auth);
      return (key ? req.set('Idempotency-Key', key) : req).send(body);
    };
    const refused = (await post({ month: '2026-02' }).expect(422)).body;
    expect(refused.message[0]).toMatch(/该类机构不能申领机构养老服务补贴/);
    expect(refused.code).toBe('PROGRAMME_NOT_FOR_FACILITY');
    await post({ month: '2026-02', programme: 'NURSING_HOME' }).expect(400);
    const feb = (await post({ month: '2026-02', programme: 'DAY_CENTER_OPERATION' }, 'op-2026-02').expect(201)).body;
    expect(feb).toMatchObject({
      programme: 'DAY_CENTER_OPERATION',
      totalFen: 166666,
      lines: [expect.objectContaining({ residentName: '安阳县日间照料中心' })],
    });
    await post({ month: '2026-02', programme: 'HOME_CARE_BED' }, 'op-2026-02').expect(422);
    expect((await post({ month: '2026-02', programme: 'DAY_CENTER_OPERATION' }, 'op-2026-02').expect(201)).body).toEqual(feb);
  });

  it('a day center has no accountant: its manager drafts, submits and records the answer of its operating subsidy; a care home’s manager may not', async () => {
    await w.t.http
      .post('/api/users')
      .auth(w.token.admin, auth)
      .send({ username: 'manager.c', password: PASSWORD, role: 'FACILITY_MANAGER', facilityId: w.C })
      .expect(201);
    const managerC = await login(w.t, 'manager.c');
    const day = `/api/facilities/${w.C}/claims`;
    const march = (await w.t.http.post(day).auth(managerC, auth).send({ month: '2026-03', programme: 'DAY_CENTER_OPERATION' }).expect(201))
      .body;
    expect(march).toMatchObject({ programme: 'DAY_CENTER_OPERATION', state: 'DRAFT', totalFen: 166667 });
    await w.t.http.post(`${day}/${march.id}/submit`).auth(managerC, auth).expect(201);
    const paid = await w.t.http.post(`${day}/${march.id}/approve`).auth(managerC, auth).send({}).expect(201);
    // Submitted today, so approved today at the earliest: the defaults are today and the claimed total.
    expect(paid.body).toMatchObject({
      state: 'APPROVED',
      approvedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      approvedFen: 166667,
      approvedDifferenceFen: 0,
    });
    expect(paid.body.history.map((h: { byName: string }) => h.byName)).toEqual(['manager.c', 'manager.c', 'manager.c']);
    // The care home's manager: refused, with the role named.
    const refused = await w.t.http.post(`${base}/claims`).auth(w.token.managerA, auth).send({ month: '2025-02' }).expect(403);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN', params: { role: 'FACILITY_MANAGER' } });
  });
});
