import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { binary, squeezed, textOf } from './support/pdf-text';
import { buildWorld, login, PASSWORD, World } from './support/world';

/**
 * Supervision by the bureau (docs/rules.md §11): targets, the task list 重点任务清单 reproducing the
 * 平顶山 seed (附件1), and monthly reports 月报 with their states by date in the facility's time zone.
 */
describe('supervision: targets, the task list, monthly reports', () => {
  let w: World;
  let regJia: string;
  const auth = { type: 'bearer' } as const;
  const put = (path: string, body: object, token: string) => w.t.http.put(`/api${path}`).auth(token, auth).send(body);
  const get = (path: string, token: string) => w.t.http.get(`/api${path}`).auth(token, auth);

  // The eleven counties of 平顶山 in the seed's order (郏县 410425 third), its 街道综合养老中心 targets and completions.
  const COUNTIES = ['410402', '410403', '410425', '410404', '410411', '410421', '410422', '410423', '410481', '410482', '410471'];
  const TARGETS = [6, 3, 3, 4, 3, 10, 9, 12, 2, 1, 2];
  const DONE = [0, 1, 2, 0, 0, 2, 0, 1, 0, 1, 0];
  // 占比 and 缺口 of each county as the seed prints them.
  const PCT = [0, 33.33, 66.67, 0, 0, 20, 0, 8.33, 0, 100, 0];
  const GAP = [6, 2, 1, 4, 3, 8, 9, 11, 2, 0, 2];
  const centers: Record<string, string[]> = {};

  const facility = async (name: string, type: string, divisionCode: string, extra: object = {}) =>
    (
      await w.t.http
        .post('/api/facilities')
        .auth(w.token.admin, auth)
        .send({ name, type, divisionCode, buildingAreaM2: 2000, ...extra })
        .expect(201)
    ).body.id as string;

  /** `beds` beds, `nursing` of them nursing-type, in one room of the facility, through the owner connection. */
  const beds = async (facilityId: string, total: number, nursing: number) => {
    const [room] = await w.sql<{ id: string }>(
      `INSERT INTO room (facility_id, building, floor, number) VALUES ($1, '1号楼', 1, '101') RETURNING id`,
      [facilityId],
    );
    await w.sql(
      `INSERT INTO bed (facility_id, room_id, code, kind)
       SELECT $1, $2, 'B-' || g, CASE WHEN g <= $4 THEN 'NURSING' ELSE 'GENERAL' END FROM generate_series(1, $3::int) g`,
      [facilityId, room.id, total, nursing],
    );
    return room.id;
  };

  beforeAll(async () => {
    w = await buildWorld();
    await w.t.http
      .post('/api/users')
      .auth(w.token.admin, auth)
      .send({ username: 'reg.410425', password: PASSWORD, role: 'REGULATOR', divisionCode: '410425' })
      .expect(201);
    regJia = await login(w.t, 'reg.410425');
    for (const [i, code] of COUNTIES.entries()) {
      centers[code] = [];
      for (let n = 0; n < DONE[i]; n++) {
        centers[code].push(
          await facility(`${code}街道综合养老服务中心${n + 1}`, 'STREET_CENTER', code, { inOperationSince: '2026-03-01' }),
        );
      }
    }
    // Not counted: a street center not yet in operation, a day center (counted as one instead).
    await facility('新华区在建综合养老服务中心', 'STREET_CENTER', '410402');
    await facility('新华区日间照料中心', 'DAY_CENTER', '410402', { inOperationSince: '2025-05-01' });
    // 护理型床位: 3,264 nursing of 7,885 beds in service, in two facilities; one bed out of service leaves the ratio.
    await beds(centers['410425'][0], 885, 264);
    const room = await beds(centers['410482'][0], 7000, 3000);
    const [out] = await w.sql<{ id: string }>(
      `INSERT INTO bed (facility_id, room_id, code, kind) VALUES ($1, $2, 'OUT-1', 'NURSING') RETURNING id`,
      [centers['410482'][0], room],
    );
    await w.sql(`INSERT INTO bed_outage (facility_id, bed_id, period, reason) VALUES ($1, $2, daterange('2026-01-01', NULL), '维修')`, [
      centers['410482'][0],
      out.id,
    ]);
  });
  afterAll(() => w?.close());

  describe('targets 重点任务', () => {
    it('the regulator of the city sets each county’s, last write wins, the audit trail keeps the earlier', async () => {
      await put('/divisions/410425/targets/2026', { STREET_CENTERS: 1 }, w.token.reg410400).expect(200);
      for (const [i, code] of COUNTIES.entries()) {
        const res = await put(
          `/divisions/${code}/targets/2026`,
          { STREET_CENTERS: TARGETS[i], NURSING_BED_RATIO: 55 },
          w.token.reg410400,
        ).expect(200);
        expect(res.body.targets).toMatchObject({ STREET_CENTERS: TARGETS[i], NURSING_BED_RATIO: 55, DAY_CENTERS: null });
      }
      const own = await put('/divisions/410400/targets/2026', { NURSING_BED_RATIO: 55, FIRE_SAFETY_RATE: 100 }, w.token.reg410400).expect(
        200,
      );
      expect(own.body).toMatchObject({ divisionCode: '410400', divisionName: '平顶山市', year: 2026 });
      // Stored exactly: a ratio in integer hundredths of a percent.
      const [stored] = await w.sql<{ target: string }>(
        `SELECT target::text FROM division_target WHERE division_code = '410400' AND year = 2026 AND indicator = 'NURSING_BED_RATIO'`,
      );
      expect(stored.target).toBe('5500');
      const trail = await w.sql<{ diff: object }>(
        `SELECT diff FROM audit_event WHERE action = 'division.targets.set' AND entity_id = '410425/2026' ORDER BY id`,
      );
      expect(trail).toHaveLength(2);
      expect(trail[1].diff).toEqual({ STREET_CENTERS: { before: 1, after: 3 }, NURSING_BED_RATIO: { before: null, after: 55 } });
      // The county's own regulator may set its own, and reads them back.
      await put('/divisions/410425/targets/2026', { DAY_CENTERS: 1 }, regJia).expect(200);
      await put('/divisions/410425/targets/2026', { DAY_CENTERS: null }, regJia).expect(200);
      expect((await get('/divisions/410425/targets/2026', regJia).expect(200)).body.targets).toMatchObject({
        STREET_CENTERS: 3,
        DAY_CENTERS: null,
      });
    });

    it('refused: outside the regulator’s division 403, an unknown division 404, a manager 403, bad values 400', async () => {
      const outside = await put('/divisions/410400/targets/2026', { STREET_CENTERS: 1 }, w.token.reg370000).expect(403);
      expect(outside.body.code).toBe('DIVISION_TARGETS_NOT_YOURS');
      // A county's regulator does not set its city's.
      expect((await put('/divisions/410400/targets/2026', { STREET_CENTERS: 1 }, regJia).expect(403)).body.code).toBe(
        'DIVISION_TARGETS_NOT_YOURS',
      );
      expect((await put('/divisions/419999/targets/2026', { STREET_CENTERS: 1 }, w.token.reg410000).expect(404)).body.code).toBe(
        'DIVISION_NOT_FOUND',
      );
      expect((await put('/divisions/410400/targets/2026', { STREET_CENTERS: 1 }, w.token.managerA).expect(403)).body.code).toBe(
        'FORBIDDEN',
      );
      await put('/divisions/410400/targets/2026', { STREET_CENTERS: 1.5 }, w.token.reg410400).expect(400);
      await put('/divisions/410400/targets/2026', { NURSING_BED_RATIO: 55.555 }, w.token.reg410400).expect(400);
      await put('/divisions/410400/targets/2026', { NURSING_BED_RATIO: 101 }, w.token.reg410400).expect(400);
      await put('/divisions/410400/targets/2026', { ELDERS: 1 }, w.token.reg410400).expect(400);
      expect((await put('/divisions/410400/targets/2026', {}, w.token.reg410400).expect(400)).body.code).toBe('TARGETS_EMPTY');
      await get('/divisions/410400/targets/2026', w.token.reg370000).expect(404);
    });
  });

  describe('the task list 重点任务清单', () => {
    it('reproduces 平顶山: the city row 55 / 7 / 12.73 % / 48, each county as the seed, nursing beds 7,885 / 3,264 / 41.40 %', async () => {
      const { body } = await get('/divisions/410400/tasks?year=2026', w.token.reg410400).expect(200);
      expect(body).toMatchObject({ divisionCode: '410400', divisionName: '平顶山市', year: 2026 });
      // Every county and district of the city (not its 市辖区), in code order, named.
      expect(body.rows.map((r: { divisionCode: string }) => r.divisionCode)).toEqual([
        '410402',
        '410403',
        '410404',
        '410411',
        '410421',
        '410422',
        '410423',
        '410425',
        '410471',
        '410472',
        '410481',
        '410482',
      ]);
      const row = (code: string) => body.rows.find((r: { divisionCode: string }) => r.divisionCode === code);
      expect(row('410425')).toMatchObject({
        divisionName: '郏县',
        indicators: { STREET_CENTERS: { target: 3, done: 2, pct: 66.67, gap: 1 } },
      });
      for (const [i, code] of COUNTIES.entries()) {
        expect([code, row(code).indicators.STREET_CENTERS]).toEqual([
          code,
          { target: TARGETS[i], done: DONE[i], pct: PCT[i], gap: GAP[i] },
        ]);
      }
      expect(row('410472').indicators.STREET_CENTERS).toEqual({ target: null, done: 0, pct: null, gap: null });
      expect(body.total.indicators.STREET_CENTERS).toEqual({ target: 55, done: 7, pct: 12.73, gap: 48 });
      expect(body.total.indicators.NURSING_BED_RATIO).toEqual({
        target: 55,
        done: 41.4,
        pct: 75.27,
        gap: 13.6,
        numerator: 3264,
        denominator: 7885,
      });
      // 郏县 alone: 264 of 885 = 29.83 %.
      expect(row('410425').indicators.NURSING_BED_RATIO).toMatchObject({ target: 55, done: 29.83, numerator: 264, denominator: 885 });
      expect(body.total.indicators.DAY_CENTERS).toEqual({ target: null, done: 1, pct: null, gap: null });
      // 10 facilities (the world's 宝丰县 center among them), none with a fire-safety pass: 0 of 10 against 100 %.
      expect(body.total.facilities).toBe(10);
      expect(body.total.indicators.FIRE_SAFETY_RATE).toEqual({ target: 100, done: 0, pct: 0, gap: 100, numerator: 0, denominator: 10 });
    });

    it('the province’s rows are its cities; a county is its own row; outside the division 404', async () => {
      const province = (await get('/divisions/410000/tasks?year=2026', w.token.reg410000).expect(200)).body;
      const city = province.rows.find((r: { divisionCode: string }) => r.divisionCode === '410400');
      expect(city).toMatchObject({ divisionName: '平顶山市', indicators: { STREET_CENTERS: { done: 7 } } });
      expect(province.rows.length).toBeGreaterThanOrEqual(17);
      const county = (await get('/divisions/410425/tasks?year=2026', regJia).expect(200)).body;
      expect(county.rows).toHaveLength(1);
      expect(county.total.indicators.STREET_CENTERS).toEqual({ target: 3, done: 2, pct: 66.67, gap: 1 });
      await get('/divisions/410400/tasks?year=2026', w.token.reg370000).expect(404);
      await get('/divisions/410400/tasks?year=2026', regJia).expect(404);
      await get('/divisions/410400/tasks?year=20x6', w.token.reg410400).expect(400);
    });
  });

  describe('monthly reports 月报', () => {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const post = (body: object, token = w.token.managerA, facility = w.A) =>
      w.t.http.post(`/api/facilities/${facility}/monthly-reports`).auth(token, auth).send(body);

    it('a past month is submitted as a frozen snapshot; a resubmission needs a reason and keeps the first', async () => {
      const first = await post({ month: '2026-10' }).expect(201);
      expect(first.body).toMatchObject({ month: '2026-10', seq: 1, reason: null, submittedOn: today });
      expect(first.body.snapshot.metrics).toMatchObject({ month: '2026-10', facilityId: w.A, bedsInService: 0 });
      expect(first.body.snapshot.facility).toMatchObject({ name: '颐康综合养老服务中心', divisionCode: '410421' });
      // The month's 养老机构合规报告 is issued with it: registered, numbered, verifiable, and the regulator's drill-down lists it.
      const number: string = first.body.documentNumber;
      expect(number).toMatch(/^[A-Z]+-\d{8}-\d{6}$/);
      const verified = (await w.t.http.get(`/api/documents/${number}`).expect(200)).body;
      expect(verified).toMatchObject({ valid: true, kind: 'COMPLIANCE', title: '养老机构合规报告', period: '2026-10' });
      const listed = (await w.t.http.get(`/api/facilities/${w.A}/documents`).auth(w.token.reg410400, auth).expect(200)).body;
      expect(JSON.stringify(listed)).toContain(number);
      expect((await post({ month: '2026-10' }).expect(422)).body.code).toBe('MONTHLY_REPORT_REASON_REQUIRED');
      expect((await post({ month: '2026-09', reason: '更正' }).expect(400)).body.code).toBe('MONTHLY_REPORT_REASON_NOT_EXPECTED');
      expect((await post({ month: today.slice(0, 7) }).expect(422)).body.code).toBe('MONTHLY_REPORT_MONTH_NOT_OVER');
      const again = await post({ month: '2026-10', reason: '护理型床位数填报有误' }).expect(201);
      expect(again.body).toMatchObject({ seq: 2, reason: '护理型床位数填报有误' });
      // The same facts, the same document: the register keeps one number.
      expect(again.body.documentNumber).toBe(number);
      const history = (await w.t.http.get(`/api/facilities/${w.A}/monthly-reports`).auth(w.token.accountantA, auth).expect(200)).body;
      expect(history.rows.map((r: { month: string; seq: number }) => [r.month, r.seq])).toEqual([
        ['2026-10', 1],
        ['2026-10', 2],
      ]);
      // The manager's 操作记录 reads both (docs/rules.md §1).
      const trail = (await w.t.http.get(`/api/facilities/${w.A}/audit?pageSize=5`).auth(w.token.managerA, auth).expect(200)).body;
      const sentences = trail.items.map((e: { sentence: { zh: string } }) => e.sentence.zh);
      expect(sentences).toEqual(
        expect.arrayContaining(['manager.a 报送了 2026-10 的月报', 'manager.a 重新报送了 2026-10 的月报，原因：护理型床位数填报有误']),
      );
      // Append-only in the database, even for its owner.
      await expect(w.sql(`UPDATE monthly_report SET reason = 'x' WHERE id = $1`, [first.body.id])).rejects.toThrow(/append-only/);
      await expect(w.sql(`DELETE FROM monthly_report WHERE id = $1`, [first.body.id])).rejects.toThrow(/append-only/);
      // The manager's only: the accountant, the regulator and another facility's manager may not.
      await post({ month: '2026-08' }, w.token.accountantA).expect(403);
      await post({ month: '2026-08' }, w.token.reg410400).expect(403);
      await post({ month: '2026-08' }, w.token.managerB).expect(404);
    });

    it('the bureau sees on time (the 25th), late (the 26th), missing, by the day in the facility’s time zone', async () => {
      // Submissions at a chosen time (careops has no clock to set): written through the owner connection.
      // 2026-10-25 23:59 and 2026-10-26 00:00 in Asia/Shanghai.
      const [onTime, late] = [centers['410425'][0], centers['410425'][1]];
      await w.sql(
        `INSERT INTO monthly_report (facility_id, month, seq, submitted_at, snapshot) VALUES ($1, '2026-09-01', 1, '2026-10-25T15:59:00Z', '{}')`,
        [onTime],
      );
      await w.sql(
        `INSERT INTO monthly_report (facility_id, month, seq, submitted_at, snapshot) VALUES ($1, '2026-09-01', 1, '2026-10-25T16:00:00Z', '{}')`,
        [late],
      );
      await w.sql(
        `INSERT INTO monthly_report (facility_id, month, seq, submitted_at, reason, snapshot) VALUES ($1, '2026-09-01', 2, '2026-11-02T02:00:00Z', '更正', '{}')`,
        [onTime],
      );
      const { body } = await get('/divisions/410400/monthly-reports?month=2026-09', w.token.reg410400).expect(200);
      expect(body).toMatchObject({ divisionCode: '410400', month: '2026-09', deadline: '2026-10-25' });
      const state = (id: string) => body.rows.find((r: { facilityId: string }) => r.facilityId === id);
      expect(state(onTime)).toMatchObject({
        state: 'ON_TIME',
        submittedAt: '2026-10-25T15:59:00.000Z',
        resubmissions: 1,
        divisionName: '郏县',
      });
      expect(state(late)).toMatchObject({ state: 'LATE', submittedAt: '2026-10-25T16:00:00.000Z' });
      expect(state(w.A)).toMatchObject({ state: 'MISSING', submittedAt: null, divisionName: '宝丰县' });
      // 1 on time of 10 facilities.
      expect(body.counts).toEqual({ ON_TIME: 1, LATE: 1, MISSING: 8, DUE: 0 });
      expect(body.onTimeRate).toBe(10);
      // A month whose deadline has not come: due, not missing.
      const future = (await get('/divisions/410400/monthly-reports?month=2030-01', w.token.reg410400).expect(200)).body;
      expect(future.counts).toEqual({ ON_TIME: 0, LATE: 0, MISSING: 0, DUE: 10 });
      // The facility's own month, submitted late by the API today.
      const october = (await get('/divisions/410400/monthly-reports?month=2026-10', w.token.reg410400).expect(200)).body;
      expect(october.rows.find((r: { facilityId: string }) => r.facilityId === w.A)).toMatchObject({ state: 'LATE', resubmissions: 1 });
      await get('/divisions/410400/monthly-reports?month=2026-09', w.token.reg370000).expect(404);
      await get('/divisions/410400/monthly-reports?month=2026-9', w.token.reg410400).expect(400);
    });
  });

  describe('the task list and the bulletin as PDFs (docs/rules.md §8, §11)', () => {
    /** The PDF's text, each run of blanks one space; the file is kept under tmp/documents for a look (pdftoppm -png). */
    const pdf = async (path: string, token: string, keep: string): Promise<{ res: Response; text: string }> => {
      const res: Response = await binary(w.t.http.get(path).auth(token, auth)).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      mkdirSync(join(process.cwd(), 'tmp', 'documents'), { recursive: true });
      writeFileSync(join(process.cwd(), 'tmp', 'documents', keep), res.body as Buffer);
      return { res, text: squeezed(textOf(res.body as Buffer)) };
    };

    it('重点任务清单 reproduces 平顶山 under the bureau’s name: the city row 55 / 7 / 12.73% / 48, names beside codes', async () => {
      const { res, text } = await pdf('/api/divisions/410400/tasks.pdf?year=2026', w.token.reg410400, 'tasks-410400-2026.pdf');
      expect(text).toContain('重点任务清单');
      expect(text).toMatch(/填报单位 平顶山市民政局 辖区 平顶山市（410400）/);
      expect(text).toMatch(/年度 2026\s+数据截至 2026-\d\d-\d\d/);
      // 街道综合养老服务中心 first among the counts: the total row, then 郏县 3 / 2 / 66.67% / 1 and 宝丰县 10 / 2 / 20.00% / 8.
      expect(text).toMatch(/平顶山市合计 55 7 12\.73% 48 /);
      expect(text).toMatch(/郏县（410425） 3 2 66\.67% 1 /);
      expect(text).toMatch(/宝丰县（410421） 10 2 20\.00% 8 /);
      expect(text).toMatch(/舞钢市（410481） 2 0 0\.00% 2 /);
      // The ratios: 护理型床位占比 3,264 of 7,885 = 41.40 % against 55.00, 75.27 % of the target, 13.60 points short.
      expect(text).toMatch(/平顶山市合计 55\.00 41\.40 75\.27% 13\.60 /);
      for (const s of ['制表人（签字）', '审核人（签字）', '平顶山市民政局（盖章）', '核验码']) expect(text).toContain(s);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('重点任务清单-平顶山市410400-2026.pdf'));
      // Registered: numbered TSK-, verifiable as a 重点任务清单 of the division.
      const [doc] = await w.sql<{ kind: string; number: string; division_code: string }>(
        `SELECT kind, number, division_code FROM document WHERE kind = 'TASK_LIST' ORDER BY issued_at DESC LIMIT 1`,
      );
      expect(doc).toMatchObject({ kind: 'TASK_LIST', division_code: '410400' });
      expect(doc.number).toMatch(/^TSK-\d{8}-\d{6}$/);
      expect(text).toContain(doc.number);
      // A county's list is the county alone.
      const county = await pdf('/api/divisions/410425/tasks.pdf?year=2026', regJia, 'tasks-410425-2026.pdf');
      expect(county.text).toMatch(/郏县民政局/);
      expect(county.text).toMatch(/郏县合计 3 2 66\.67% 1 /);
    });

    it('通报 ranks the facilities, names the one below target with its figure and the late and missing with their report', async () => {
      const { res, text } = await pdf('/api/divisions/410400/bulletin.pdf?month=2026-09', w.token.reg410400, 'bulletin-410400-2026-09.pdf');
      expect(text).toContain('通报');
      expect(text).toMatch(/发文单位 平顶山市民政局 辖区 平顶山市（410400） 通报月份 2026年09月/);
      // The division: 3,264 nursing of 7,885 beds in service = 41.40 %; one on time of ten: 10.00 %.
      expect(text).toContain('41.40 %');
      expect(text).toMatch(/Σ护理型 3264 ÷ Σ在用 7885/);
      expect(text).toMatch(/10\.00 %/);
      expect(text).toMatch(/按时 1 · 逾期 1 · 未报 8/);
      // Below target: 郏县's first center, 264 of 885 = 29.83 %; 舞钢's, 3,000 of 7,000 = 42.86 %.
      expect(text).toMatch(/410425街道综合养老服务中心1 410425 郏县 护理型床位占比 ≥ 55 % 29\.83 %（264 \/ 885 张）/);
      expect(text).toMatch(/410482街道综合养老服务中心1 410482 汝州市 护理型床位占比 ≥ 55 % 42\.86 %（3000 \/ 7000 张）/);
      // Late: 郏县's second center, first submitted 2026-10-26 00:00 (Asia/Shanghai); missing: the world's 宝丰县 center.
      expect(text).toMatch(/410425街道综合养老服务中心2 410425 郏县 逾期报送 2026-10-26 00:00:00/);
      expect(text).toMatch(/颐康综合养老服务中心 410421 宝丰县 未报送 —/);
      // Ranked: the on-time center (1 of 4 met: its report) above the late one (none met); names in the ranking.
      // 郏县's first center meets 2 of 4 (staffing, its report; not its nursing beds) and leads; the late one meets 1 (staffing).
      expect(text).toMatch(/ 1 410425街道综合养老服务中心1 410425 郏县 2\/4 29\.83 % 100\.00 % — 按时报送/);
      expect(text).toMatch(/ 2 410482街道综合养老服务中心1 410482 汝州市 1\/4 42\.86 %/);
      expect(text).toMatch(/ \d+ 410425街道综合养老服务中心2 410425 郏县 1\/4 — 100\.00 % — 逾期报送/);
      // The 12-month trend, 2025-10 to 2026-09, drawn by ECharts: its labels are text in the PDF.
      for (const s of ['近十二个月走势', '2025-10', '2026-09', '护理型床位占比目标 55%']) expect(text).toContain(s);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('通报-平顶山市410400-2026-09.pdf'));
      const [doc] = await w.sql<{ number: string }>(`SELECT number FROM document WHERE kind = 'BULLETIN' ORDER BY issued_at DESC LIMIT 1`);
      expect(doc.number).toMatch(/^BUL-\d{8}-\d{6}$/);
    });

    it('refused: a regulator outside the division 404, a county’s of its city 404, a manager 403, a bad year or month 400', async () => {
      await w.t.http.get('/api/divisions/410400/tasks.pdf?year=2026').auth(w.token.reg370000, auth).expect(404);
      await w.t.http.get('/api/divisions/410400/bulletin.pdf?month=2026-09').auth(w.token.reg370000, auth).expect(404);
      await w.t.http.get('/api/divisions/410400/bulletin.pdf?month=2026-09').auth(regJia, auth).expect(404);
      await w.t.http.get('/api/divisions/410400/tasks.pdf?year=2026').auth(w.token.managerA, auth).expect(403);
      await w.t.http.get('/api/divisions/410400/tasks.pdf?year=20x6').auth(w.token.reg410400, auth).expect(400);
      await w.t.http.get('/api/divisions/410400/bulletin.pdf?month=2026-9').auth(w.token.reg410400, auth).expect(400);
    });
  });

  it('the facility’s attributes the task list reads: in operation since, operator, 特困 support (its manager edits them)', async () => {
    const res = await w.t.http
      .patch(`/api/facilities/${w.A}`)
      .auth(w.token.managerA, auth)
      .send({ inOperationSince: '2026-06-01', operator: '宝丰县民政局', tekunSupport: true })
      .expect(200);
    expect(res.body).toMatchObject({ inOperationSince: '2026-06-01', operator: '宝丰县民政局', tekunSupport: true });
    await w.t.http.patch(`/api/facilities/${w.A}`).auth(w.token.managerA, auth).send({ tekunSupport: 'yes' }).expect(400);
    // The world's 宝丰县 street center is now in operation: 宝丰县 has 3 of its 10.
    const { body } = await get('/divisions/410421/tasks?year=2026', w.token.reg410400).expect(200);
    expect(body.total.indicators.STREET_CENTERS).toEqual({ target: 10, done: 3, pct: 30, gap: 7 });
  });
});
