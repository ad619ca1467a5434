import { factsOf } from './support/facts';
import { buildWorld, World } from './support/world';

/**
 * docs/rules.md §3 and §7 on one small facility, every figure worked by hand below:
 * beds N1 N2 N3 (nursing-type) and G1 G2 (general); N3 out of service from 2026-03-10 on.
 * 赵一 TEKUN+ADVANCED_AGE 全失能 N1 from 03-01; 赵二 DIBAO 半失能 N2 from 03-01; 赵三 no category 自理 G1 from 03-05;
 * 赵四 TEKUN+LIVING_ALONE 自理 G2 from 03-01, discharged 03-20 (the first day no longer in care); 赵五 DIBAO never admitted.
 */
describe('rules: 护理型床位占比 with a nursing-type bed out of service, residents by category (docs/rules.md §3, §7)', () => {
  let w: World;
  const auth = { type: 'bearer' } as const;
  const metrics = async (query: string) =>
    (await w.t.http.get(`/api/facilities/${w.A}/metrics?${query}`).auth(w.token.reg410400, auth).expect(200)).body;

  beforeAll(async () => {
    w = await buildWorld();
    const f = factsOf(w, w.A, w.token.managerA);
    const room = await f.room('301');
    const [n1, n2, n3, g1, g2] = [
      await f.bed(room, 'N1', 'NURSING'),
      await f.bed(room, 'N2', 'NURSING'),
      await f.bed(room, 'N3', 'NURSING'),
      await f.bed(room, 'G1', 'GENERAL'),
      await f.bed(room, 'G2', 'GENERAL'),
    ];
    await f.outOfService(n3, '2026-03-10');
    await f.admit(await f.resident('赵一', '1935-01-01', ['TEKUN', 'ADVANCED_AGE']), n1, '2026-03-01', 'FULLY_DISABLED');
    await f.admit(await f.resident('赵二', '1940-02-02', ['DIBAO']), n2, '2026-03-01', 'SEMI_DISABLED');
    await f.admit(await f.resident('赵三', '1941-03-03'), g1, '2026-03-05', 'SELF_CARE');
    const four = await f.admit(await f.resident('赵四', '1942-04-04', ['TEKUN', 'LIVING_ALONE']), g2, '2026-03-01', 'SELF_CARE');
    await f.discharge(four, '2026-03-20', '回家养老');
    await f.resident('赵五', '1943-05-05', ['DIBAO']);
  }, 60_000);
  afterAll(() => w?.close());

  it('the day before the outage: 3 nursing-type of 5 in service = 60.00 %, met', async () => {
    expect(await metrics('date=2026-03-09')).toMatchObject({
      date: '2026-03-09',
      bedsInService: 5,
      nursingBeds: 3,
      nursingBedRatioPct: 60,
      occupiedBeds: 4,
      occupancyPct: 80,
      targets: { nursingBedRatio: { targetPct: 55, met: true } },
    });
  });

  it('from the outage day N3 leaves the numerator and the denominator: 2 of 4 = 50.00 %, below the 55 % target', async () => {
    expect(await metrics('date=2026-03-10')).toMatchObject({
      date: '2026-03-10',
      bedsInService: 4,
      nursingBeds: 2,
      nursingBedRatioPct: 50,
      occupiedBeds: 4,
      occupancyPct: 100,
      targets: { nursingBedRatio: { targetPct: 55, met: false } },
    });
  });

  it('the month: snapshot of 03-31; bed-days 5 × 9 + 4 × 22 = 133 in service, 31 + 31 + 27 + 19 = 108 occupied → 81.20 %', async () => {
    const m = await metrics('month=2026-03');
    expect(m).toMatchObject({
      month: '2026-03',
      asOf: '2026-03-31',
      bedsInService: 4,
      nursingBeds: 2,
      nursingBedRatioPct: 50,
      occupiedBeds: 3,
      inServiceBedDays: 133,
      occupiedBedDays: 108,
      occupancyPct: 81.2,
      targets: { nursingBedRatio: { targetPct: 55, met: false } },
    });
    expect(m.daily.find((d: { date: string }) => d.date === '2026-03-09')).toEqual({
      date: '2026-03-09',
      inService: 5,
      occupied: 4,
      occupancyPct: 80,
    });
    expect(m.daily.find((d: { date: string }) => d.date === '2026-03-10')).toEqual({
      date: '2026-03-10',
      inService: 4,
      occupied: 4,
      occupancyPct: 100,
    });
  });

  it('the division summary row carries the same 2 of 4; the total of one facility is that row', async () => {
    const res = await w.t.http.get('/api/divisions/410421/summary?month=2026-03').auth(w.token.reg410400, auth).expect(200);
    expect(res.body.rows).toEqual([
      expect.objectContaining({
        facilityId: w.A,
        bedsInService: 4,
        nursingBeds: 2,
        nursingBedRatioPct: 50,
        nursingBedTargetMet: false,
        occupancyPct: 81.2,
      }),
    ]);
    expect(res.body.total).toMatchObject({
      bedsInService: 4,
      nursingBeds: 2,
      nursingBedRatioPct: 50,
      occupiedBedDays: 108,
      inServiceBedDays: 133,
      occupancyPct: 81.2,
    });
  });

  it('residents by category count those in care on the day; one resident counts under each of their categories; the never-admitted count nowhere', async () => {
    expect(await metrics('date=2026-03-04')).toMatchObject({
      residentsTotal: 3,
      residentsByLevel: { SELF_CARE: 1, SEMI_DISABLED: 1, FULLY_DISABLED: 1, UNASSESSED: 0 },
      residentsByCategory: { TEKUN: 2, ADVANCED_AGE: 1, DIBAO: 1, LIVING_ALONE: 1 },
    });
    const before = await metrics('date=2026-03-19');
    expect(before.residentsTotal).toBe(4);
    expect(before.residentsByLevel).toEqual({ SELF_CARE: 2, SEMI_DISABLED: 1, FULLY_DISABLED: 1, UNASSESSED: 0 });
    expect(before.residentsByCategory).toEqual({ TEKUN: 2, ADVANCED_AGE: 1, DIBAO: 1, LIVING_ALONE: 1 });
    // 赵四's discharge day is no longer in care: TEKUN falls to 1 and LIVING_ALONE disappears.
    const after = await metrics('date=2026-03-20');
    expect(after.residentsTotal).toBe(3);
    expect(after.residentsByLevel).toEqual({ SELF_CARE: 1, SEMI_DISABLED: 1, FULLY_DISABLED: 1, UNASSESSED: 0 });
    expect(after.residentsByCategory).toEqual({ TEKUN: 1, ADVANCED_AGE: 1, DIBAO: 1 });
    const month = await metrics('month=2026-03');
    expect(month.residentsByCategory).toEqual({ TEKUN: 1, ADVANCED_AGE: 1, DIBAO: 1 });
    expect(month.residentsTotal).toBe(3);
  });
});
