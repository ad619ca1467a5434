import { factsOf } from './support/facts';
import { buildWorld, World } from './support/world';

/**
 * docs/rules.md §6 over HTTP on the days where a caregiver's standing changes. Five 全失能 residents
 * all April: required ⌈5 ÷ 1.5⌉ = ⌈3.33…⌉ = 4 caregivers every day. Five full-time caregivers:
 * 甲 employed from 04-03; 乙 employed until 04-05 (its first day no longer employed); 丙 trained on 04-04;
 * 丁 certified from 04-06; 戊 whose certificate expires on 04-07. Every figure below is worked by hand.
 */
describe('rules: staffing on boundary days over HTTP (docs/rules.md §6)', () => {
  let w: World;
  const auth = { type: 'bearer' } as const;
  const names: Record<string, string> = {};

  beforeAll(async () => {
    w = await buildWorld();
    const f = factsOf(w, w.A, w.token.managerA);
    const room = await f.room('201');
    for (let i = 1; i <= 5; i++) {
      const bed = await f.bed(room, `F${i}`, 'NURSING');
      await f.admit(await f.resident(`钱${i}`, `194${i}-01-0${i}`), bed, '2026-03-01', 'FULLY_DISABLED');
    }
    const long = { employedFrom: '2025-01-01', trainedOn: '2025-01-01', issuedOn: '2025-01-01', expiresOn: '2028-01-01' };
    const people: [string, Parameters<typeof f.caregiver>[1]][] = [
      ['甲', { ...long, employedFrom: '2026-04-03', trainedOn: '2026-03-01' }],
      ['乙', { ...long, employedTo: '2026-04-05' }],
      ['丙', { ...long, trainedOn: '2026-04-04' }],
      ['丁', { ...long, issuedOn: '2026-04-06', expiresOn: '2029-04-06' }],
      ['戊', { ...long, issuedOn: '2023-04-07', expiresOn: '2026-04-07' }],
    ];
    for (const [name, s] of people) names[await f.caregiver(name, s)] = name;
  }, 60_000);
  afterAll(() => w?.close());

  it('day by day: counted, compliant and who is left out and why', async () => {
    const res = await w.t.http
      .get(`/api/facilities/${w.A}/compliance/staffing?from=2026-04-01&to=2026-04-09`)
      .auth(w.token.reg410400, auth)
      .expect(200);
    const rows = res.body.days.map(
      (d: {
        date: string;
        residentsByLevel: object;
        required: number;
        counted: number;
        compliant: boolean;
        staffOnRoster: number;
        excluded: { staffId: string; reason: string }[];
      }) => [d.date, d.required, d.counted, d.compliant, d.staffOnRoster, d.excluded.map((e) => `${names[e.staffId]} ${e.reason}`).sort()],
    );
    expect(rows).toEqual([
      // 甲 not yet employed: neither counted nor listed; 丙 untrained until 04-04; 丁's certificate not yet issued.
      ['2026-04-01', 4, 2, false, 4, ['丁 NO_VALID_CERTIFICATE', '丙 UNTRAINED']],
      ['2026-04-02', 4, 2, false, 4, ['丁 NO_VALID_CERTIFICATE', '丙 UNTRAINED']],
      // 甲 counts from its employedFrom.
      ['2026-04-03', 4, 3, false, 5, ['丁 NO_VALID_CERTIFICATE', '丙 UNTRAINED']],
      // 丙's training completed that day counts that day.
      ['2026-04-04', 4, 4, true, 5, ['丁 NO_VALID_CERTIFICATE']],
      // 乙's employedTo is its first day no longer employed.
      ['2026-04-05', 4, 3, false, 4, ['丁 NO_VALID_CERTIFICATE', '乙 NOT_EMPLOYED']],
      // 丁's certificate counts from its issue day.
      ['2026-04-06', 4, 4, true, 4, ['乙 NOT_EMPLOYED']],
      // 戊's certificate no longer counts on its expiry day.
      ['2026-04-07', 4, 3, false, 4, ['乙 NOT_EMPLOYED', '戊 CERTIFICATE_EXPIRED']],
      ['2026-04-08', 4, 3, false, 4, ['乙 NOT_EMPLOYED', '戊 CERTIFICATE_EXPIRED']],
    ]);
    expect(res.body.days[0].residentsByLevel).toEqual({ SELF_CARE: 0, SEMI_DISABLED: 0, FULLY_DISABLED: 5 });
    expect(res.body.days[6].excluded.map((e: { reasonLabel: string }) => e.reasonLabel).sort()).toEqual(
      ['当日未在职', '证书已于当日或之前到期'].sort(),
    );
    // 2 of 8 days compliant = 25.00 %; the worst shortfall 4 − 2 first on 04-01; on 04-08, 3 of the 4 employed caregivers (甲 丙 丁 of 甲 丙 丁 戊) hold a valid certificate.
    expect(res.body.summary).toMatchObject({
      days: 8,
      compliantDays: 2,
      compliancePct: 25,
      worstDay: { date: '2026-04-01', required: 4, counted: 2 },
      certification: { date: '2026-04-08', certified: 3, caregivers: 4, pct: 75 },
      dayCenterMinimum: { required: 3, daysMet: 8 },
    });
  });

  it('the metrics of one boundary day agree: 04-05 counts 3 of 4, 04-06 counts 4', async () => {
    const day = async (date: string) =>
      (await w.t.http.get(`/api/facilities/${w.A}/metrics?date=${date}`).auth(w.token.reg410400, auth).expect(200)).body;
    expect((await day('2026-04-05')).staffing).toEqual({
      days: 1,
      compliantDays: 0,
      compliancePct: 0,
      worstDay: { date: '2026-04-05', required: 4, counted: 3 },
    });
    expect((await day('2026-04-06')).staffing).toEqual({ days: 1, compliantDays: 1, compliancePct: 100, worstDay: null });
    // 持证上岗率 on 04-07: 戊 is employed with an expired certificate, 乙 is gone → 3 of 4.
    expect((await day('2026-04-07')).certification).toEqual({ date: '2026-04-07', certified: 3, caregivers: 4, pct: 75 });
  });
});
