import { buildWorld, genderOf, idNumberFor, login, PASSWORD, World } from './support/world';

/**
 * docs/rules.md §5, cities that pay by whole months (平阴 seed, 370124 平阴县): an elder qualifies
 * from the month they turn 60 (自年满60周岁当月起), a level pays from the month after its assessment
 * (评估下月起发放), and the subsidy may be the elder's own (经济困难老年人补贴).
 */
describe('policies by whole months, next-month eligibility and the beneficiary', () => {
  let w: World;
  let base: string;
  let manager: string;
  let accountant: string;
  const auth = { type: 'bearer' } as const;
  const asManager = (path: string, body: object) => w.t.http.post(`${base}${path}`).auth(manager, auth).send(body);
  const asAccountant = (path: string, body: object = {}) => w.t.http.post(`${base}${path}`).auth(accountant, auth).send(body);
  const addPolicy = (body: object) => w.t.http.post('/api/subsidy-policies').auth(w.token.admin, auth).send(body);
  const RATES = { SELF_CARE: 10000, SEMI_DISABLED: 15000, FULLY_DISABLED: 30000 };
  const PINGYIN = { programme: 'INSTITUTIONAL_CARE', divisionCode: '370124', effectiveFrom: '2025-01-01', rates: RATES };
  type Line = { residentName: string; careLevel: string; days: number; rateFen: number; amountFen: number; explanation: object };
  const byName = (claim: { lines: Line[] }) => Object.fromEntries(claim.lines.map((l) => [l.residentName, l]));

  beforeAll(async () => {
    w = await buildWorld();
    const facility = await w.t.http
      .post('/api/facilities')
      .auth(w.token.admin, auth)
      .send({ name: '平阴县孝直镇敬老院', type: 'CARE_HOME', divisionCode: '370124', buildingAreaM2: 1500 })
      .expect(201);
    base = `/api/facilities/${facility.body.id}`;
    const user = async (username: string, role: string) => {
      await w.t.http
        .post('/api/users')
        .auth(w.token.admin, auth)
        .send({ username, password: PASSWORD, role, facilityId: facility.body.id })
        .expect(201);
      return login(w.t, username);
    };
    manager = await user('manager.pingyin', 'FACILITY_MANAGER');
    accountant = await user('accountant.pingyin', 'ACCOUNTANT');
  });
  afterAll(() => w?.close());

  it('a policy states granularity, eligibilityStart and beneficiary; unknown values and options the operating subsidy cannot have are refused', async () => {
    const wrong = await addPolicy({ ...PINGYIN, granularity: 'WEEK' }).expect(400);
    expect(wrong.body).toMatchObject({ code: 'VALIDATION_FAILED', message: ['granularity must be DAY or MONTH'] });
    await addPolicy({ ...PINGYIN, eligibilityStart: 'LATER' }).expect(400);
    await addPolicy({ ...PINGYIN, beneficiary: 'FAMILY' }).expect(400);
    const operation = await addPolicy({
      programme: 'DAY_CENTER_OPERATION',
      divisionCode: '370124',
      effectiveFrom: '2025-01-01',
      rates: {},
      annualFen: 2_000_000,
      beneficiary: 'RESIDENT',
    }).expect(422);
    expect(operation.body.code).toBe('POLICY_OPTION_NOT_ALLOWED');

    const policy = (
      await addPolicy({ ...PINGYIN, granularity: 'MONTH', eligibilityStart: 'NEXT_MONTH', beneficiary: 'RESIDENT' }).expect(201)
    ).body;
    expect(policy).toMatchObject({ divisionCode: '370124', granularity: 'MONTH', eligibilityStart: 'NEXT_MONTH', beneficiary: 'RESIDENT' });
    const all = (await w.t.http.get('/api/subsidy-policies').auth(w.token.admin, auth).expect(200)).body;
    expect(all.find((p: { id: string }) => p.id === policy.id)).toEqual(policy);
    // Every version from before states the defaults: pro-rated days, the same month, paid to the facility.
    expect(all.find((p: { divisionCode: string }) => p.divisionCode === '000000')).toMatchObject({
      granularity: 'DAY',
      eligibilityStart: 'SAME_MONTH',
      beneficiary: 'FACILITY',
    });
    // The database is the last line: the options are checked there too.
    await expect(
      w.sql(
        `INSERT INTO subsidy_policy (programme, division_code, effective_from, rates, granularity) VALUES ('HOME_CARE_BED', '370124', '2025-01-01', '{}', 'WEEK')`,
      ),
    ).rejects.toThrow(/subsidy_policy_granularity_known/);
    await expect(
      w.sql(
        `INSERT INTO subsidy_policy (programme, division_code, effective_from, rates, annual_fen, eligibility_start) VALUES ('DAY_CENTER_OPERATION', '370124', '2025-01-01', '{}', 100, 'NEXT_MONTH')`,
      ),
    ).rejects.toThrow(/subsidy_policy_operation_per_center/);
  });

  it('April 2025 in 平阴, by whole months from the month after the assessment: ¥150.00 + ¥100.00, each line explained', async () => {
    const room = (await asManager('/rooms', { building: '1号楼', floor: 1, number: '101' }).expect(201)).body.id;
    let seq = 1;
    const admit = async (name: string, dob: string, admittedOn: string, careLevel: string) => {
      const bed = (await asManager('/beds', { code: `P-${seq}`, roomId: room, kind: 'NURSING' }).expect(201)).body.id;
      const idNumber = idNumberFor(dob, seq++, '370124');
      const r = (await asManager('/residents', { name, gender: genderOf(idNumber), dateOfBirth: dob, idNumber }).expect(201)).body.id;
      return {
        resident: r,
        admission: (await asManager('/admissions', { residentId: r, bedId: bed, admittedOn, careLevel }).expect(201)).body.id,
      };
    };
    // 王: 半失能 since 2025-03-10, assessed 全失能 on 2025-04-12 → April still 半失能 (¥150.00), May 全失能 (¥300.00).
    const wang = await admit('王秀英', '1940-01-01', '2025-03-10', 'SEMI_DISABLED');
    await asManager(`/residents/${wang.resident}/assessments`, {
      careLevel: 'FULLY_DISABLED',
      effectiveOn: '2025-04-12',
      assessor: '评估员',
    }).expect(201);
    // 李: admitted and first assessed 2025-04-15 → nothing in April, the whole rate from May.
    await admit('李桂兰', '1941-02-02', '2025-04-15', 'FULLY_DISABLED');
    // 张: turns 60 on 2025-04-20, discharged 2025-04-10 → eligible for all of April: 自理 ¥100.00 (by days it would be nothing).
    const zhang = await admit('张玉珍', '1965-04-20', '2025-01-05', 'SELF_CARE');
    await asManager(`/admissions/${zhang.admission}/discharge`, { dischargedOn: '2025-04-10', reason: '回家养老' }).expect(201);
    // 赵: discharged on 2025-04-01 → March whole, no day in April (the discharge day does not count).
    const zhao = await admit('赵淑芬', '1938-08-08', '2025-02-01', 'SEMI_DISABLED');
    await asManager(`/admissions/${zhao.admission}/discharge`, { dischargedOn: '2025-04-01', reason: '转院' }).expect(201);

    const april = (await asAccountant('/claims', { month: '2025-04' }).expect(201)).body;
    expect(april.policy).toMatchObject({
      divisionCode: '370124',
      effectiveFrom: '2025-01-01',
      granularity: 'MONTH',
      eligibilityStart: 'NEXT_MONTH',
      beneficiary: 'RESIDENT',
    });
    const lines = byName(april);
    expect(Object.keys(lines).sort()).toEqual(['张玉珍', '王秀英']);
    expect(lines['王秀英']).toMatchObject({ careLevel: 'SEMI_DISABLED', days: 30, rateFen: 15000, amountFen: 15000 });
    expect(lines['王秀英'].explanation).toEqual({
      segments: [{ from: '2025-04-01', to: '2025-05-01' }],
      formula: '按月发放：150.00（本月在住且符合条件）',
    });
    expect(lines['张玉珍']).toMatchObject({ careLevel: 'SELF_CARE', days: 30, rateFen: 10000, amountFen: 10000 });
    expect(lines['张玉珍'].explanation).toEqual({
      segments: [{ from: '2025-04-01', to: '2025-04-10' }],
      formula: '按月发放：100.00（本月在住且符合条件）',
    });
    expect(april.totalFen).toBe(25000);
    expect(april.totalsByLevel).toEqual({ SELF_CARE: 10000, SEMI_DISABLED: 15000, FULLY_DISABLED: 0 });

    const march = byName((await asAccountant('/claims', { month: '2025-03' }).expect(201)).body);
    // 王 was admitted 03-10 and first assessed then: nothing in March. 张 is not 60 until April 2025.
    expect(Object.keys(march)).toEqual(['赵淑芬']);
    expect(march['赵淑芬']).toMatchObject({ careLevel: 'SEMI_DISABLED', days: 31, amountFen: 15000 });

    const may = (await asAccountant('/claims', { month: '2025-05' }).expect(201)).body;
    const mayLines = byName(may);
    expect(Object.keys(mayLines).sort()).toEqual(['李桂兰', '王秀英']);
    expect(mayLines['王秀英']).toMatchObject({ careLevel: 'FULLY_DISABLED', days: 31, amountFen: 30000 });
    expect(mayLines['李桂兰']).toMatchObject({ careLevel: 'FULLY_DISABLED', days: 31, amountFen: 30000 });
    expect(may.totalFen).toBe(60000);
  });

  it('a submitted whole-month claim is recomputed under its own policy: nothing changed, no 补差/追回', async () => {
    const april = (await asAccountant('/claims', { month: '2025-04' }).expect(201)).body;
    await asAccountant(`/claims/${april.id}/submit`).expect(201);
    const may = (await asAccountant('/claims', { month: '2025-05' }).expect(201)).body;
    expect(
      may.lines.filter((l: { kind: string }) => l.kind === 'ADJUSTMENT').map((l: Line) => [l.residentName, l.careLevel, l.amountFen]),
    ).toEqual([]);
  });
});
