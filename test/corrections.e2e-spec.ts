import { Client } from 'pg';
import { appDatabaseUrl } from '@careops/db';
import { buildWorld, genderOf, idNumberFor, World } from './support/world';

type Line = { residentId: string | null; kind: string; careLevel: string; days: number; amountFen: number; adjustsClaimId: string | null };

/**
 * Corrections 撤销 (docs/rules.md §12): an admission, transfer, leave, discharge or assessment entered
 * in error is voided with a reason, stays readable as voided, and every computation ignores it —
 * the board, the month's claim, and a claim already submitted through an adjustment in the next.
 */
describe('corrections: voiding entries made in error', () => {
  let w: World;
  let base: string;
  let app: Client;
  const auth = { type: 'bearer' } as const;
  const bed: Record<string, string> = {};
  const who: Record<string, string> = {};
  const post = (path: string, body: object = {}, token = w.token.managerA) => w.t.http.post(`${base}${path}`).auth(token, auth).send(body);
  const get = async (path: string, token = w.token.managerA) => (await w.t.http.get(`${base}${path}`).auth(token, auth).expect(200)).body;
  const refusal = (res: { status: number; body: { code: string; params?: object } }) => ({
    status: res.status,
    code: res.body.code,
    params: res.body.params,
  });
  const admit = async (resident: string, bedCode: string, admittedOn: string, careLevel = 'SEMI_DISABLED') =>
    (await post('/admissions', { residentId: who[resident], bedId: bed[bedCode], admittedOn, careLevel }).expect(201)).body;
  /** Who is on each bed that day (bed code → resident id), empty beds left out. */
  const board = async (date: string) =>
    Object.fromEntries(
      ((await get(`/beds?date=${date}`)) as { code: string; occupant: { residentId: string } | null }[])
        .filter((b) => b.occupant)
        .map((b) => [b.code, b.occupant?.residentId]),
    );
  const claim = async (month: string) => (await post('/claims', { month }, w.token.accountantA).expect(201)).body;
  const linesOf = (c: { lines: Line[] }, resident: string) => c.lines.filter((l) => l.residentId === who[resident]);

  beforeAll(async () => {
    w = await buildWorld();
    base = `/api/facilities/${w.A}`;
    app = new Client({ connectionString: appDatabaseUrl(w.db.url) });
    await app.connect();
    const room = (await post('/rooms', { building: '5号楼', floor: 1, number: '501' }).expect(201)).body.id;
    for (const code of ['V-1', 'V-2', 'V-3', 'V-4', 'V-5']) {
      bed[code] = (await post('/beds', { code, roomId: room, kind: 'NURSING' }).expect(201)).body.id;
    }
    const people: [string, string, string][] = [
      ['wang', '王秀英', '1940-01-01'],
      ['li', '李桂兰', '1941-02-02'],
      ['zhang', '张建国', '1942-03-03'],
      ['zhao', '赵淑珍', '1943-04-04'],
    ];
    for (const [key, name, dob] of people) {
      const idNumber = idNumberFor(dob, 40 + Object.keys(who).length);
      who[key] = (await post('/residents', { name, gender: genderOf(idNumber), dateOfBirth: dob, idNumber }).expect(201)).body.id;
    }
  });
  afterAll(async () => {
    await app?.end();
    await w?.close();
  });

  it('a voided admission leaves the board and the claim; a submitted claim gets an adjustment (追回) in the next one', async () => {
    // 张 admitted 10 January at 半失能: 22 of 31 days, 15000 × 22 ÷ 31 = 10645.16 → 10645 fen.
    const zhang = await admit('zhang', 'V-3', '2025-01-10');
    const january = await claim('2025-01');
    expect(linesOf(january, 'zhang').map((l) => [l.kind, l.days, l.amountFen])).toEqual([['REGULAR', 22, 10645]]);
    await post(`/claims/${january.id}/submit`, {}, w.token.accountantA).expect(201);

    // Metrics and staffing count her on the 15th: one occupied bed, one 半失能 resident, 1 ÷ 4 → one caregiver required.
    const counts = async () => {
      const m = await get(`/metrics?date=2025-01-15`);
      const [day] = (await get(`/compliance/staffing?from=2025-01-15&to=2025-01-16`)).days;
      return { occupied: m.occupiedBeds, semi: m.residentsByLevel.SEMI_DISABLED, required: day.required };
    };
    expect(await counts()).toEqual({ occupied: 1, semi: 1, required: 1 });
    const voided = (await post(`/admissions/${zhang.id}/void`, { reason: '录入错误：张建国未入住' }).expect(201)).body;
    expect(await counts()).toEqual({ occupied: 0, semi: 0, required: 0 });
    expect(voided).toMatchObject({
      kind: 'ADMISSION',
      entryId: zhang.id,
      residentId: who.zhang,
      reason: '录入错误：张建国未入住',
      // The level recorded with the admission goes with it.
      detail: { admittedOn: '2025-01-10', dischargedOn: null, beds: ['V-3'], levelsVoided: 1 },
      voidedByName: expect.any(String),
    });
    // Readable, marked voided; no longer among the resident's admissions, nor on the board.
    expect(await get(`/admissions/${zhang.id}`)).toMatchObject({
      voidedAt: voided.voidedAt,
      stays: [{ bedCode: 'V-3', from: '2025-01-10' }],
    });
    expect(await get(`/admissions?residentId=${who.zhang}`)).toEqual([]);
    expect((await board('2025-01-15'))['V-3']).toBeUndefined();
    expect(await get(`/residents/${who.zhang}`)).toMatchObject({ status: 'REGISTERED', careLevel: null });
    expect(await get(`/residents/${who.zhang}/assessments`)).toEqual([]);
    // Voided once; a voided admission takes no change.
    expect(refusal(await post(`/admissions/${zhang.id}/void`, { reason: '再次' }))).toMatchObject({ status: 409, code: 'ALREADY_VOIDED' });
    expect(refusal(await post(`/admissions/${zhang.id}/transfer`, { bedId: bed['V-4'], on: '2025-01-20' }))).toMatchObject({
      status: 409,
      code: 'ALREADY_VOIDED',
    });

    // January is frozen; February carries the difference, referencing it.
    expect((await get(`/claims/${january.id}`, w.token.accountantA)).totalFen).toBe(january.totalFen);
    const february = await claim('2025-02');
    expect(linesOf(february, 'zhang').map((l) => [l.kind, l.careLevel, l.amountFen, l.adjustsClaimId])).toEqual([
      ['ADJUSTMENT', 'SEMI_DISABLED', -10645, january.id],
    ]);
    // The bed is free for those days again (the exclusion constraint holds among entries in force only).
    await admit('zhao', 'V-3', '2025-01-10');
  });

  it('a discharge on the day of admission voids the admission; a transfer on the day a stay began corrects its bed', async () => {
    const li = await admit('li', 'V-2', '2025-03-12');
    const same = (await post(`/admissions/${li.id}/discharge`, { dischargedOn: '2025-03-12', reason: '家属接回' }).expect(201)).body;
    expect(same).toMatchObject({ id: li.id, voidedAt: expect.any(String) });
    expect((await board('2025-03-12'))['V-2']).toBeUndefined();
    const march = await claim('2025-03');
    expect(linesOf(march, 'li')).toEqual([]);
    const [correction] = await get(`/corrections?residentId=${who.li}`);
    expect(correction).toMatchObject({ kind: 'ADMISSION', reason: '当日退住：家属接回', detail: { sameDayDischarge: true } });

    const wang = await admit('wang', 'V-1', '2025-03-01');
    const moved = (await post(`/admissions/${wang.id}/transfer`, { bedId: bed['V-2'], on: '2025-03-01' }).expect(201)).body;
    expect(moved.stays.map((s: { bedCode: string; from: string; to: string | null }) => [s.bedCode, s.from, s.to])).toEqual([
      ['V-2', '2025-03-01', null],
    ]);
    expect(await board('2025-03-01')).toMatchObject({ 'V-2': who.wang });
    expect((await board('2025-03-01'))['V-1']).toBeUndefined();
    const [bedFix] = await get(`/corrections?residentId=${who.wang}`);
    expect(bedFix).toMatchObject({ kind: 'TRANSFER', detail: { on: '2025-03-01', fromBed: 'V-1', toBed: 'V-2', sameDay: true } });
  });

  it('voiding a transfer gives the bed left back for the days; only the latest, and not when that bed was taken since', async () => {
    const [wang] = await get(`/admissions?residentId=${who.wang}`);
    await post(`/admissions/${wang.id}/transfer`, { bedId: bed['V-4'], on: '2025-03-20' }).expect(201);
    const twice = (await post(`/admissions/${wang.id}/transfer`, { bedId: bed['V-5'], on: '2025-03-25' }).expect(201)).body;
    const [first, toV4, toV5] = twice.stays;
    expect(refusal(await post(`/transfers/${first.id}/void`, { reason: '不是转床' }))).toMatchObject({
      status: 404,
      code: 'TRANSFER_NOT_FOUND',
    });
    expect(refusal(await post(`/transfers/${toV4.id}/void`, { reason: '录错' }))).toEqual({
      status: 409,
      code: 'VOID_LATER_TRANSFER_FIRST',
      params: { on: '2025-03-25', bed: 'V-5' },
    });
    expect((await post(`/transfers/${toV5.id}/void`, { reason: '录错' }).expect(201)).body).toMatchObject({
      kind: 'TRANSFER',
      entryId: toV5.id,
      detail: { on: '2025-03-25', fromBed: 'V-4', toBed: 'V-5' },
    });
    const after = await get(`/admissions/${wang.id}`);
    expect(after.stays.map((s: { bedCode: string; from: string; to: string | null }) => [s.bedCode, s.from, s.to])).toEqual([
      ['V-2', '2025-03-01', '2025-03-20'],
      ['V-4', '2025-03-20', null],
    ]);
    expect(await board('2025-03-28')).toMatchObject({ 'V-4': who.wang });
    expect((await board('2025-03-28'))['V-5']).toBeUndefined();

    // 李 takes V-2 from 1 April: 王's move to V-4 can no longer be undone.
    await admit('li', 'V-2', '2025-04-01');
    expect(refusal(await post(`/transfers/${toV4.id}/void`, { reason: '录错' }))).toEqual({
      status: 409,
      code: 'VOID_REOPENS_TAKEN_BED',
      params: { bed: 'V-2', from: '2025-04-01', name: '王秀英' },
    });
    // Another facility's manager: 404; an accountant may not void.
    expect((await post(`/transfers/${toV4.id}/void`, { reason: 'x' }, w.token.managerB)).status).toBe(404);
    expect((await post(`/transfers/${toV4.id}/void`, { reason: 'x' }, w.token.accountantA)).status).toBe(403);
    expect(refusal(await post(`/transfers/${toV4.id}/void`, { reason: '  ' }))).toMatchObject({ status: 400 });
  });

  it('a voided leave is counted as days in care again; a voided assessment gives back the level before it', async () => {
    const [wang] = await get(`/admissions?residentId=${who.wang}`);
    // 半失能 from 1 March, 全失能 recorded from 16 March: 15000 × 15 ÷ 31 = 7258.06 → 7258; 30000 × 16 ÷ 31 = 15483.87 → 15484.
    const fully = (
      await post(`/residents/${who.wang}/assessments`, {
        careLevel: 'FULLY_DISABLED',
        effectiveOn: '2025-03-16',
        assessor: '刘医生',
      }).expect(201)
    ).body;
    expect(linesOf(await claim('2025-03'), 'wang').map((l) => [l.careLevel, l.days, l.amountFen])).toEqual([
      ['SEMI_DISABLED', 15, 7258],
      ['FULLY_DISABLED', 16, 15484],
    ]);
    expect((await post(`/assessments/${fully.id}/void`, { reason: '评估对象录错' }).expect(201)).body).toMatchObject({
      kind: 'ASSESSMENT',
      detail: { effectiveOn: '2025-03-16', careLevel: 'FULLY_DISABLED', assessor: '刘医生' },
    });
    expect(linesOf(await claim('2025-03'), 'wang').map((l) => [l.careLevel, l.days, l.amountFen])).toEqual([['SEMI_DISABLED', 31, 15000]]);
    expect((await get(`/residents/${who.wang}/assessments`)).map((a: { careLevel: string }) => a.careLevel)).toEqual(['SEMI_DISABLED']);
    expect(refusal(await post(`/assessments/${fully.id}/void`, { reason: '再次' }))).toMatchObject({ status: 409, code: 'ALREADY_VOIDED' });

    const withLeave = (await post(`/admissions/${wang.id}/leaves`, { from: '2025-05-05', to: '2025-05-08', reason: '探亲' }).expect(201))
      .body;
    const leave = withLeave.leaves[0];
    expect((await post(`/leaves/${leave.id}/void`, { reason: '未成行' }).expect(201)).body).toMatchObject({
      kind: 'LEAVE',
      detail: { kind: 'LEAVE', from: '2025-05-05', to: '2025-05-08', leaveReason: '探亲' },
    });
    expect((await get(`/admissions/${wang.id}`)).leaves).toEqual([]);
    // The days are free for a leave again.
    await post(`/admissions/${wang.id}/leaves`, { from: '2025-05-06', to: '2025-05-07', reason: '复诊' }).expect(201);
  });

  it('voiding a discharge puts the resident back on the bed, unless the bed or the person has moved on', async () => {
    const [wang] = await get(`/admissions?residentId=${who.wang}`);
    expect(refusal(await post(`/discharges/${wang.id}/void`, { reason: '没有退住' }))).toMatchObject({
      status: 409,
      code: 'NOT_DISCHARGED',
    });
    await post(`/admissions/${wang.id}/discharge`, { dischargedOn: '2025-06-01', reason: '回家' }).expect(201);
    expect((await post(`/discharges/${wang.id}/void`, { reason: '退住日期录错' }).expect(201)).body).toMatchObject({
      kind: 'DISCHARGE',
      detail: { dischargedOn: '2025-06-01', dischargeReason: '回家', bed: 'V-4' },
    });
    expect(await get(`/admissions/${wang.id}`)).toMatchObject({ dischargedOn: null, dischargeReason: null });
    expect(await board('2025-07-01')).toMatchObject({ 'V-4': who.wang });

    // Discharged again; 赵 takes V-4 from 10 June: the discharge stands.
    await post(`/admissions/${wang.id}/discharge`, { dischargedOn: '2025-06-05', reason: '回家' }).expect(201);
    const [zhao] = await get(`/admissions?residentId=${who.zhao}`);
    await post(`/admissions/${zhao.id}/transfer`, { bedId: bed['V-4'], on: '2025-06-10' }).expect(201);
    expect(refusal(await post(`/discharges/${wang.id}/void`, { reason: '录错' }))).toEqual({
      status: 409,
      code: 'VOID_REOPENS_TAKEN_BED',
      params: { bed: 'V-4', from: '2025-06-10', name: '王秀英' },
    });
    // A discharge is voided as often as it is made; the record keeps each.
    const kinds = (await get(`/corrections?residentId=${who.wang}`)).map((c: { kind: string }) => c.kind);
    expect(kinds).toEqual(['DISCHARGE', 'LEAVE', 'ASSESSMENT', 'TRANSFER', 'TRANSFER']);
  });

  it('the database keeps voided entries frozen and the record append-only; every void is in the audit trail', async () => {
    const asApp = async <T>(work: () => Promise<T>): Promise<T> => {
      await app.query('BEGIN');
      try {
        await app.query(`SELECT set_config('app.facility_id', $1, true)`, [w.A]);
        return await work();
      } finally {
        await app.query('ROLLBACK');
      }
    };
    const [voided] = await w.sql<{ id: string }>(`SELECT id FROM admission_entry WHERE voided_at IS NOT NULL AND resident_id = $1`, [
      who.zhang,
    ]);
    await expect(asApp(() => app.query(`UPDATE admission_entry SET voided_at = NULL WHERE id = $1`, [voided.id]))).rejects.toThrow(
      /frozen/,
    );
    await expect(asApp(() => app.query(`DELETE FROM stay_entry WHERE admission_id = $1`, [voided.id]))).rejects.toThrow(/never deleted/);
    await expect(asApp(() => app.query(`UPDATE correction SET reason = 'x'`))).rejects.toThrow(/permission denied/);
    await expect(asApp(() => app.query(`UPDATE assessment_entry SET care_level = 'SELF_CARE'`))).rejects.toThrow(/permission denied/);
    // The views show entries in force only.
    expect((await asApp(() => app.query(`SELECT count(*)::int AS n FROM admission WHERE id = $1`, [voided.id]))).rows).toEqual([{ n: 0 }]);

    const trail = (await get(`/audit?kind=CORRECTION&pageSize=200`)) as { items: { action: string; sentence: { zh: string } }[] };
    expect(new Set(trail.items.map((e) => e.action))).toEqual(
      new Set(['admission.void', 'transfer.void', 'leave.void', 'discharge.void', 'assessment.void']),
    );
    expect(trail.items.map((e) => e.sentence.zh)).toEqual(
      expect.arrayContaining([expect.stringMatching(/撤销了 张建国 的入住（入住日 2025-01-10），原因：录入错误：张建国未入住$/)]),
    );
  });
});
