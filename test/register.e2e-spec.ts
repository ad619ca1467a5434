import { addDays, calendarDate } from '@careops/care';
import { buildWorld, idNumberFor, World } from './support/world';

type Item = { id: string; name: string; status: string; bed: string | null; admissions: number; idNumber: string };

/** The register 老人档案 and re-admission (docs/rules.md §4). */
describe('the resident register', () => {
  let w: World;
  let base: string;
  const auth = { type: 'bearer' } as const;
  const today = calendarDate(new Date(), 'Asia/Shanghai');
  const day = (n: number) => addDays(today, n);
  const ids = {
    wang: '11010519491231002X',
    zhang: idNumberFor('1940-05-06', 11),
    li: idNumberFor('1942-07-08', 22),
    zhao: idNumberFor('1944-09-10', 34),
  };
  const who: Record<string, string> = {};
  const beds: Record<string, string> = {};
  const m = (path: string, body: object) => w.t.http.post(`${base}${path}`).auth(w.token.managerA, auth).send(body);
  const find = async (query: string, token = w.token.managerA) =>
    (await w.t.http.get(`${base}/residents?${query}`).auth(token, auth).expect(200)).body as {
      items: Item[];
      total: number;
      page: number;
      pageSize: number;
    };
  const names = async (query: string) => (await find(query)).items.map((i) => i.name);

  beforeAll(async () => {
    w = await buildWorld();
    base = `/api/facilities/${w.A}`;
    const room = (await m('/rooms', { building: '5号楼', floor: 1, number: '501' }).expect(201)).body.id;
    for (const code of ['R-1', 'R-2', 'R-3', 'R-4'])
      beds[code] = (await m('/beds', { code, roomId: room, kind: 'NURSING' }).expect(201)).body.id;
    const register = async (key: string, name: string, gender: string, dateOfBirth: string, idNumber: string, categories: string[] = []) =>
      (who[key] = (await m('/residents', { name, gender, dateOfBirth, idNumber, categories }).expect(201)).body.id);
    await register('wang', '王秀英', 'F', '1949-12-31', ids.wang, ['DIBAO']);
    await register('zhang', '张大爷', 'M', '1940-05-06', ids.zhang, ['TEKUN']);
    await register('li', '李桂兰', 'F', '1942-07-08', ids.li);
    await register('zhao', '赵淑芬', 'F', '1944-09-10', ids.zhao);
    // 王秀英 in care on R-1; 张大爷 discharged a week ago; 李桂兰 on leave today; 赵淑芬 only registered.
    await m('/admissions', { residentId: who.wang, bedId: beds['R-1'], admittedOn: day(-30), careLevel: 'SEMI_DISABLED' }).expect(201);
    const zhang = (
      await m('/admissions', { residentId: who.zhang, bedId: beds['R-2'], admittedOn: day(-60), careLevel: 'FULLY_DISABLED' }).expect(201)
    ).body.id;
    await m(`/admissions/${zhang}/discharge`, { dischargedOn: day(-7), reason: '回家养老' }).expect(201);
    const li = (
      await m('/admissions', { residentId: who.li, bedId: beds['R-3'], admittedOn: day(-20), careLevel: 'SELF_CARE' }).expect(201)
    ).body.id;
    await m(`/admissions/${li}/leaves`, { from: day(-1), to: day(3), reason: '春节回家' }).expect(201);
  });
  afterAll(() => w?.close());

  it('finds a resident by name, by pinyin initials, by bed code and by the last digits of the ID number', async () => {
    expect(await names('q=秀英')).toEqual(['王秀英']);
    expect(await names('q=wxy')).toEqual(['王秀英']);
    expect(await names('q=WXY')).toEqual(['王秀英']);
    expect(await names('q=zdy')).toEqual(['张大爷']);
    expect(await names('q=R-1')).toEqual(['王秀英']);
    expect(await names('q=002x')).toEqual(['王秀英']);
    expect(await names(`q=${ids.zhao.slice(-4)}`)).toEqual(['赵淑芬']);
    expect(await names('q=没有这个人')).toEqual([]);
  });

  it('each row: gender, age, bed, level, status, admitted and discharged on with the reason, categories, masked ID', async () => {
    const { items, total, page, pageSize } = await find('page=1');
    expect({ total, page, pageSize }).toEqual({ total: 4, page: 1, pageSize: 20 });
    const row = (name: string) => items.find((i) => i.name === name);
    expect(row('张大爷')).toEqual({
      id: who.zhang,
      name: '张大爷',
      gender: 'M',
      age: Number(today.slice(0, 4)) - 1940 - (today.slice(5) < '05-06' ? 1 : 0),
      idNumber: `${ids.zhang.slice(0, 6)}********${ids.zhang.slice(14)}`,
      bed: null,
      careLevel: 'FULLY_DISABLED',
      status: 'DISCHARGED',
      admittedOn: day(-60),
      dischargedOn: day(-7),
      dischargeReason: '回家养老',
      admissions: 1,
      categories: ['TEKUN'],
    });
    expect(row('王秀英')).toMatchObject({ status: 'IN_CARE', bed: 'R-1', careLevel: 'SEMI_DISABLED', idNumber: '110105********002X' });
    expect(row('李桂兰')).toMatchObject({ status: 'ON_LEAVE', bed: 'R-3' });
    expect(row('赵淑芬')).toMatchObject({ status: 'REGISTERED', bed: null, admittedOn: null, admissions: 0 });
  });

  it('filters by status, level and category, and pages', async () => {
    expect(await names('status=IN_CARE')).toEqual(['王秀英']);
    expect(await names('status=ON_LEAVE')).toEqual(['李桂兰']);
    expect(await names('status=DISCHARGED')).toEqual(['张大爷']);
    expect(await names('status=ALL&level=SELF_CARE')).toEqual(['李桂兰']);
    expect(await names('category=DIBAO')).toEqual(['王秀英']);
    // By name (the collation's order), two a page.
    const all = (await find('page=1&pageSize=100')).items.map((i) => i.name);
    const first = await find('page=1&pageSize=2');
    const second = await find('page=2&pageSize=2');
    expect([...first.items, ...second.items].map((i) => i.name)).toEqual(all);
    expect(first.total).toBe(4);
    // The accountant reads it too; the plain list answers as before.
    expect((await find('page=1', w.token.accountantA)).total).toBe(4);
    const plain = (await w.t.http.get(`${base}/residents`).auth(w.token.managerA, auth).expect(200)).body;
    expect(Array.isArray(plain)).toBe(true);
    const bad = await w.t.http.get(`${base}/residents?status=GONE`).auth(w.token.managerA, auth).expect(400);
    expect(bad.body.message[0]).toMatch(/^status must be one of IN_CARE, ON_LEAVE, DISCHARGED, ALL/);
  });

  it('a known ID number is 409 with a stable code, the resident and their state in params, and no database id in the text', async () => {
    const res = await m('/residents', { name: '张大爷', gender: 'M', dateOfBirth: '1940-05-06', idNumber: ids.zhang }).expect(409);
    expect(res.body.code).toBe('ID_NUMBER_TAKEN');
    expect(res.body.params).toMatchObject({ residentId: who.zhang, name: '张大爷', status: 'DISCHARGED' });
    expect(res.body.message).toEqual([
      'this ID number is already registered in this facility, for 张大爷: discharged (已退住) (该身份证号已在本机构登记：张大爷（已退住）)',
    ]);
    expect(res.body.message[0]).not.toContain(who.zhang);
  });

  it('re-admission: a discharged resident is admitted again — one resident record, two admissions; one still in care is refused', async () => {
    await m('/admissions', { residentId: who.zhang, bedId: beds['R-4'], admittedOn: today, careLevel: 'SEMI_DISABLED' }).expect(201);
    expect(await w.sql(`SELECT count(*)::int AS n FROM resident WHERE facility_id = $1 AND name = '张大爷'`, [w.A])).toEqual([{ n: 1 }]);
    const admissions = (await w.t.http.get(`${base}/admissions?residentId=${who.zhang}`).auth(w.token.managerA, auth).expect(200)).body;
    expect(admissions.map((a: { admittedOn: string }) => a.admittedOn)).toEqual([today, day(-60)]);
    expect((await find('q=zdy')).items[0]).toMatchObject({
      status: 'IN_CARE',
      bed: 'R-4',
      admissions: 2,
      admittedOn: today,
      dischargedOn: null,
    });
    const again = await m('/admissions', { residentId: who.wang, bedId: beds['R-2'], admittedOn: today }).expect(409);
    expect(again.body.code).toBe('RESIDENT_IN_CARE');
    const taken = await m('/residents', { name: '王秀英', gender: 'F', dateOfBirth: '1949-12-31', idNumber: ids.wang }).expect(409);
    expect(taken.body.params.status).toBe('IN_CARE');
  });
});
