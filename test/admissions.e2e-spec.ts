import { buildWorld, idNumberFor, World } from './support/world';

type Bed = {
  id: string;
  code: string;
  status: string;
  inService: boolean;
  occupant: null | { residentId: string; careLevel: string | null; onLeave: unknown };
};

/** 入住, 转床, 请假, 退住 and the bed board (docs/rules.md §3). */
describe('admissions and the bed board', () => {
  let w: World;
  let base: string;
  let room: string;
  const auth = { type: 'bearer' } as const;
  const as = () => w.token.managerA;
  const beds: Record<string, string> = {};

  const resident = async (name: string, seq: number) => {
    const dob = `1945-0${(seq % 9) + 1}-1${seq % 10}`;
    const res = await w.t.http
      .post(`${base}/residents`)
      .auth(as(), auth)
      .send({ name, gender: seq % 2 ? 'M' : 'F', dateOfBirth: dob, idNumber: idNumberFor(dob, 100 + seq) });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body.id as string;
  };
  const admit = (residentId: string, bedId: string, admittedOn: string, careLevel?: string) =>
    w.t.http
      .post(`${base}/admissions`)
      .auth(as(), auth)
      .send({ residentId, bedId, admittedOn, ...(careLevel ? { careLevel } : {}) });
  const board = async (date: string): Promise<Bed[]> => (await w.t.http.get(`${base}/beds?date=${date}`).auth(as(), auth).expect(200)).body;

  beforeAll(async () => {
    w = await buildWorld();
    base = `/api/facilities/${w.A}`;
    room = (await w.t.http.post(`${base}/rooms`).auth(as(), auth).send({ building: '1号楼', floor: 2, number: '201' }).expect(201)).body.id;
    for (const [code, kind] of [
      ['A-201-1', 'NURSING'],
      ['A-201-2', 'NURSING'],
      ['A-201-3', 'GENERAL'],
      ['A-201-4', 'GENERAL'],
    ]) {
      beds[code] = (await w.t.http.post(`${base}/beds`).auth(as(), auth).send({ code, roomId: room, kind }).expect(201)).body.id;
    }
  });
  afterAll(() => w?.close());

  it('bed codes are unique per facility (409), rooms too', async () => {
    const res = await w.t.http.post(`${base}/beds`).auth(as(), auth).send({ code: 'A-201-1', roomId: room, kind: 'GENERAL' }).expect(409);
    expect(res.body.message).toEqual(['bed code A-201-1 is already used in this facility (床位编号已存在)']);
    await w.t.http.post(`${base}/rooms`).auth(as(), auth).send({ building: '1号楼', floor: 2, number: '201' }).expect(409);
  });

  it('a stay: admit, transfer, leave, discharge — with the rules named when refused', async () => {
    const wang = await resident('王秀英', 1);
    const li = await resident('李桂兰', 2);
    const a = (await admit(wang, beds['A-201-1'], '2026-03-15', 'SEMI_DISABLED').expect(201)).body;
    expect(a).toMatchObject({
      residentId: wang,
      admittedOn: '2026-03-15',
      dischargedOn: null,
      stays: [{ bedCode: 'A-201-1', from: '2026-03-15', to: null }],
    });

    // The bed is taken from the 15th, open-ended: any later admission to it overlaps.
    const taken = await admit(li, beds['A-201-1'], '2026-06-01').expect(409);
    expect(taken.body.message).toEqual(['bed A-201-1 is taken from 2026-03-15 to (open), overlapping 2026-06-01–(open) (床位已被占用)']);
    // One resident, one bed a day.
    const twice = await admit(wang, beds['A-201-2'], '2026-04-01').expect(409);
    expect(twice.body.message).toEqual([
      '王秀英 is already in care from 2026-03-15 to (open), overlapping 2026-04-01–(open) (该老人在此期间已入住)',
    ]);

    const moved = (
      await w.t.http
        .post(`${base}/admissions/${a.id}/transfer`)
        .auth(as(), auth)
        .send({ bedId: beds['A-201-2'], on: '2026-04-10' })
        .expect(201)
    ).body;
    expect(moved.stays).toEqual([
      { id: expect.any(String), bedId: beds['A-201-1'], bedCode: 'A-201-1', from: '2026-03-15', to: '2026-04-10' },
      { id: expect.any(String), bedId: beds['A-201-2'], bedCode: 'A-201-2', from: '2026-04-10', to: null },
    ]);
    // The old bed is free again from the transfer day.
    await admit(li, beds['A-201-1'], '2026-04-10').expect(201);

    const outside = await w.t.http
      .post(`${base}/admissions/${a.id}/leaves`)
      .auth(as(), auth)
      .send({ from: '2026-03-01', to: '2026-03-20', reason: '探亲' })
      .expect(422);
    expect(outside.body.message[0]).toMatch(/^leave outside the stay: 2026-03-01–2026-03-20 is not within 2026-03-15–\(open\)/);
    await w.t.http
      .post(`${base}/admissions/${a.id}/leaves`)
      .auth(as(), auth)
      .send({ from: '2026-05-01', to: '2026-05-08', reason: '外出住院', kind: 'HOSPITAL' })
      .expect(201);
    await w.t.http
      .post(`${base}/admissions/${a.id}/leaves`)
      .auth(as(), auth)
      .send({ from: '2026-05-05', to: '2026-05-10', reason: '探亲' })
      .expect(409);

    const early = await w.t.http
      .post(`${base}/admissions/${a.id}/discharge`)
      .auth(as(), auth)
      .send({ dischargedOn: '2026-03-10', reason: '回家' })
      .expect(422);
    expect(early.body.message).toEqual([
      'discharge before admission: 2026-03-10 is not after the admission on 2026-03-15 (退住日期须晚于入住日期)',
    ]);
    const done = (
      await w.t.http
        .post(`${base}/admissions/${a.id}/discharge`)
        .auth(as(), auth)
        .send({ dischargedOn: '2026-06-01', reason: '回家养老' })
        .expect(201)
    ).body;
    expect(done).toMatchObject({ dischargedOn: '2026-06-01', dischargeReason: '回家养老' });
    expect(done.stays[1]).toEqual({
      id: expect.any(String),
      bedId: beds['A-201-2'],
      bedCode: 'A-201-2',
      from: '2026-04-10',
      to: '2026-06-01',
    });
    await w.t.http
      .post(`${base}/admissions/${a.id}/discharge`)
      .auth(as(), auth)
      .send({ dischargedOn: '2026-07-01', reason: 'x' })
      .expect(409);
    // The discharge day is free for the next resident (docs/rules.md §5: [admitted_on, discharged_on)).
    const zhao = await resident('赵淑珍', 3);
    await admit(zhao, beds['A-201-2'], '2026-06-01').expect(201);
  });

  it('an out-of-service bed takes no one (422, rule named); an occupied bed cannot be taken out of service (409)', async () => {
    await w.t.http.patch(`${base}/beds/${beds['A-201-4']}`).auth(as(), auth).send({ inService: false, on: '2026-03-01' }).expect(400);
    await w.t.http
      .patch(`${base}/beds/${beds['A-201-4']}`)
      .auth(as(), auth)
      .send({ inService: false, reason: '漏水维修', on: '2026-03-01' })
      .expect(200);
    const sun = await resident('孙玉梅', 4);
    const res = await admit(sun, beds['A-201-4'], '2026-03-20').expect(422);
    expect(res.body.message).toEqual([
      'bed A-201-4 is out of service from 2026-03-01 (漏水维修): an out-of-service bed takes no resident (床位停用)',
    ]);
    const busy = await w.t.http
      .patch(`${base}/beds/${beds['A-201-1']}`)
      .auth(as(), auth)
      .send({ inService: false, reason: '维修', on: '2026-05-01' })
      .expect(409);
    expect(busy.body.message[0]).toMatch(/^bed A-201-1 is occupied from 2026-04-10/);
  });

  it('bed board: occupied + on leave + free + out of service = all beds; a resident on leave keeps the bed', async () => {
    const day = await board('2026-05-03');
    expect(day).toHaveLength(4);
    const byStatus = (s: string) => day.filter((b) => b.status === s).length;
    expect(byStatus('OCCUPIED') + byStatus('ON_LEAVE') + byStatus('FREE') + byStatus('OUT_OF_SERVICE')).toBe(day.length);
    const onLeave = day.find((b) => b.code === 'A-201-2');
    expect(onLeave).toMatchObject({
      status: 'ON_LEAVE',
      inService: true,
      occupant: { careLevel: 'SEMI_DISABLED', onLeave: { kind: 'HOSPITAL', from: '2026-05-01', to: '2026-05-08' } },
    });
    expect(day.find((b) => b.code === 'A-201-1')?.status).toBe('OCCUPIED');
    expect(day.find((b) => b.code === 'A-201-3')).toMatchObject({ status: 'FREE', occupant: null });
    expect(day.find((b) => b.code === 'A-201-4')).toMatchObject({ status: 'OUT_OF_SERVICE', inService: false });
    // Before the outage and the first admission, everything was free.
    expect((await board('2026-02-01')).map((b) => b.status)).toEqual(['FREE', 'FREE', 'FREE', 'FREE']);
    // Back in service from the 1st of July.
    await w.t.http.patch(`${base}/beds/${beds['A-201-4']}`).auth(as(), auth).send({ inService: true, on: '2026-07-01' }).expect(200);
    expect((await board('2026-07-01')).find((b) => b.code === 'A-201-4')?.status).toBe('FREE');
    expect((await board('2026-06-30')).find((b) => b.code === 'A-201-4')?.status).toBe('OUT_OF_SERVICE');
  });

  it('the cached board follows writes made elsewhere (another process, SQL): LISTEN/NOTIFY', async () => {
    const before = await board('2026-10-01');
    const free = before.find((b) => b.status === 'FREE');
    if (!free) throw new Error('no free bed');
    // Not through this API process: as another instance (or an operator) would.
    await w.sql(`INSERT INTO bed_outage (facility_id, bed_id, period, reason) VALUES ($1, $2, daterange('2026-09-01', NULL), '外部写入')`, [
      w.A,
      free.id,
    ]);
    let status = free.status;
    for (let i = 0; i < 50 && status === 'FREE'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await board('2026-10-01')).find((b) => b.id === free.id)?.status ?? 'gone';
    }
    expect(status).toBe('OUT_OF_SERVICE');
    // A browser revalidating gets 304 while nothing changed.
    const first = await w.t.http.get(`${base}/beds?date=2026-10-01`).auth(as(), auth).expect(200);
    await w.t.http.get(`${base}/beds?date=2026-10-01`).auth(as(), auth).set('if-none-match', first.headers['etag']).expect(304);
    const zipped = await w.t.http.get(`${base}/beds?date=2026-10-01`).auth(as(), auth).set('accept-encoding', 'gzip').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body).toEqual(first.body);
  });

  it('concurrency: 50 admissions of different residents to one bed → exactly 1 succeeds, 49 × 409', async () => {
    const bed = (await w.t.http.post(`${base}/beds`).auth(as(), auth).send({ code: 'RACE-1', roomId: room, kind: 'NURSING' }).expect(201))
      .body.id;
    const people = await Promise.all(Array.from({ length: 50 }, (_, i) => resident(`竞争者${i}`, 200 + i)));
    const results = await Promise.all(people.map((p, i) => admit(p, bed, `2026-08-${String(1 + (i % 20)).padStart(2, '0')}`)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    // Named with the clash found, or (when it was committed in the same instant) with the dates asked.
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body.message[0]).toMatch(
        /^bed RACE-1 (is taken from 2026-08-\d\d to \(open\)|was taken by another admission at the same moment), overlapping 2026-08-\d\d–\(open\)/,
      );
    }
  });

  it('concurrency: 50 admissions of one resident to different beds → exactly 1 succeeds', async () => {
    const codes = Array.from({ length: 50 }, (_, i) => `RACE-B-${i}`);
    const bedIds: string[] = [];
    for (const code of codes)
      bedIds.push((await w.t.http.post(`${base}/beds`).auth(as(), auth).send({ code, roomId: room, kind: 'GENERAL' }).expect(201)).body.id);
    const one = await resident('周桂芝', 300);
    const results = await Promise.all(bedIds.map((b) => admit(one, b, '2026-09-01')));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(49);
  });

  it('every refusal names a stable code and the values its message is built from', async () => {
    const none = '00000000-0000-4000-8000-000000000000';
    const refused = async (req: Promise<{ status: number; body: { code: string; params?: unknown } }>) => {
      const res = await req;
      return { status: res.status, code: res.body.code, params: res.body.params };
    };
    const own = (await w.t.http.post(`${base}/rooms`).auth(as(), auth).send({ building: '3号楼', floor: 1, number: '101' }).expect(201))
      .body.id;
    const bed: Record<string, string> = {};
    for (const code of ['C-1', 'C-2', 'C-3'])
      bed[code] = (await w.t.http.post(`${base}/beds`).auth(as(), auth).send({ code, roomId: own, kind: 'GENERAL' }).expect(201)).body.id;
    expect(await refused(w.t.http.post(`${base}/beds`).auth(as(), auth).send({ code: 'C-1', roomId: own, kind: 'GENERAL' }))).toEqual({
      status: 409,
      code: 'BED_CODE_TAKEN',
      params: { code: 'C-1' },
    });
    expect(await refused(w.t.http.post(`${base}/rooms`).auth(as(), auth).send({ building: '3号楼', floor: 1, number: '101' }))).toEqual({
      status: 409,
      code: 'ROOM_TAKEN',
      params: { building: '3号楼', floor: 1, number: '101' },
    });
    expect(await refused(w.t.http.post(`${base}/beds`).auth(as(), auth).send({ code: 'NEW-1', roomId: none, kind: 'GENERAL' }))).toEqual({
      status: 422,
      code: 'ROOM_NOT_FOUND',
      params: { roomId: none },
    });
    expect(await refused(w.t.http.patch(`${base}/beds/${none}`).auth(as(), auth).send({ kind: 'GENERAL' }))).toMatchObject({
      status: 404,
      code: 'BED_NOT_FOUND',
    });
    expect(
      await refused(w.t.http.patch(`${base}/beds/${bed['C-3']}`).auth(as(), auth).send({ inService: false, on: '2027-03-01' })),
    ).toMatchObject({ status: 400, code: 'BED_OUTAGE_REASON_REQUIRED' });
    await w.t.http
      .patch(`${base}/beds/${bed['C-3']}`)
      .auth(as(), auth)
      .send({ inService: false, reason: '粉刷', on: '2027-03-01' })
      .expect(200);
    expect(
      await refused(
        w.t.http.patch(`${base}/beds/${bed['C-3']}`).auth(as(), auth).send({ inService: false, reason: '粉刷', on: '2027-03-05' }),
      ),
    ).toEqual({ status: 409, code: 'BED_ALREADY_OUT_OF_SERVICE', params: { bed: 'C-3', on: '2027-03-05' } });
    await w.t.http.patch(`${base}/beds/${bed['C-3']}`).auth(as(), auth).send({ inService: true, on: '2027-04-01' }).expect(200);
    expect(await refused(w.t.http.get(`${base}/admissions/${none}`).auth(as(), auth))).toMatchObject({
      status: 404,
      code: 'ADMISSION_NOT_FOUND',
    });
    expect(await refused(admit(none, bed['C-1'], '2027-03-01'))).toEqual({
      status: 422,
      code: 'UNKNOWN_RESIDENT',
      params: { residentId: none },
    });
    const qian = await resident('钱秀兰', 5);
    const sun = await resident('孙秀珍', 6);
    expect(await refused(admit(qian, none, '2027-03-01'))).toEqual({ status: 422, code: 'UNKNOWN_BED', params: { bedId: none } });
    expect(await refused(admit(qian, bed['C-3'], '2027-03-20'))).toEqual({
      status: 422,
      code: 'BED_OUT_OF_SERVICE',
      params: { bed: 'C-3', period: 'from 2027-03-01 to 2027-04-01', from: '2027-03-01', to: '2027-04-01', reason: '粉刷' },
    });
    const a = (await admit(qian, bed['C-1'], '2027-03-01').expect(201)).body;
    expect(await refused(admit(sun, bed['C-1'], '2027-06-01'))).toEqual({
      status: 409,
      code: 'BED_TAKEN',
      params: { bed: 'C-1', from: '2027-03-01', to: '(open)', asked: '2027-06-01–(open)' },
    });
    expect(await refused(admit(qian, bed['C-2'], '2027-06-01'))).toEqual({
      status: 409,
      code: 'RESIDENT_IN_CARE',
      params: { name: '钱秀兰', from: '2027-03-01', to: '(open)', asked: '2027-06-01–(open)' },
    });
    expect(
      await refused(
        w.t.http.patch(`${base}/beds/${bed['C-1']}`).auth(as(), auth).send({ inService: false, reason: '维修', on: '2027-05-01' }),
      ),
    ).toEqual({ status: 409, code: 'BED_OCCUPIED', params: { bed: 'C-1', from: '2027-03-01', to: '(open)' } });
    const leave = (body: object) =>
      refused(
        w.t.http
          .post(`${base}/admissions/${a.id}/leaves`)
          .auth(as(), auth)
          .send({ reason: '探亲', ...body }),
      );
    expect(await leave({ from: '2027-03-10', to: '2027-03-05' })).toMatchObject({ status: 422, code: 'LEAVE_ENDS_BEFORE_START' });
    expect(await leave({ from: '2027-02-10', to: '2027-03-05' })).toEqual({
      status: 422,
      code: 'LEAVE_OUTSIDE_STAY',
      params: { from: '2027-02-10', to: '2027-03-05', admittedOn: '2027-03-01', dischargedOn: '(open)' },
    });
    await w.t.http
      .post(`${base}/admissions/${a.id}/leaves`)
      .auth(as(), auth)
      .send({ from: '2027-03-10', to: '2027-03-15', reason: '探亲' })
      .expect(201);
    expect(await leave({ from: '2027-03-12', to: '2027-03-20' })).toEqual({
      status: 409,
      code: 'LEAVE_OVERLAP',
      params: { from: '2027-03-12', to: '2027-03-20' },
    });
    const transfer = (body: object) => refused(w.t.http.post(`${base}/admissions/${a.id}/transfer`).auth(as(), auth).send(body));
    expect(await transfer({ bedId: bed['C-1'], on: '2027-03-10' })).toMatchObject({ status: 422, code: 'TRANSFER_SAME_BED' });
    expect(await transfer({ bedId: bed['C-2'], on: '2027-02-01' })).toMatchObject({ status: 422, code: 'TRANSFER_OUTSIDE_STAY' });
    const discharge = (body: object) =>
      refused(
        w.t.http
          .post(`${base}/admissions/${a.id}/discharge`)
          .auth(as(), auth)
          .send({ reason: '回家', ...body }),
      );
    expect(await discharge({ dischargedOn: '2027-02-01' })).toEqual({
      status: 422,
      code: 'DISCHARGE_BEFORE_ADMISSION',
      params: { on: '2027-02-01', admittedOn: '2027-03-01' },
    });
    expect(await discharge({ dischargedOn: '2027-03-12' })).toEqual({
      status: 422,
      code: 'LEAVE_PAST_DISCHARGE',
      params: { from: '2027-03-10', to: '2027-03-15' },
    });
    await w.t.http
      .post(`${base}/admissions/${a.id}/discharge`)
      .auth(as(), auth)
      .send({ dischargedOn: '2027-05-01', reason: '回家' })
      .expect(201);
    expect(await discharge({ dischargedOn: '2027-06-01' })).toEqual({
      status: 409,
      code: 'ALREADY_DISCHARGED',
      params: { on: '2027-05-01' },
    });
    expect(await refused(w.t.http.get(`${base}/admissions?residentId=not-a-uuid`).auth(as(), auth))).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect((await w.t.http.get(`${base}/admissions?residentId=${qian}`).auth(as(), auth).expect(200)).body).toEqual([
      { id: a.id, residentId: qian, admittedOn: '2027-03-01', dischargedOn: '2027-05-01' },
    ]);
  });

  it('afterwards no two intervals overlap, on any bed or for any resident', async () => {
    const overlaps = await w.sql(
      `SELECT a.id FROM stay a JOIN stay b ON a.id < b.id AND a.period && b.period AND (a.bed_id = b.bed_id OR a.resident_id = b.resident_id)`,
    );
    expect(overlaps).toEqual([]);
    const constraints = await w.sql<{ conname: string }>(
      `SELECT conname FROM pg_constraint WHERE contype = 'x' AND conrelid = 'stay_entry'::regclass ORDER BY 1`,
    );
    expect(constraints.map((c) => c.conname)).toEqual(['stay_bed_no_overlap', 'stay_resident_no_overlap']);
  });
});
