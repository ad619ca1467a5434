import { buildWorld, genderOf, idNumberFor, World } from './support/world';

/** The monthly subsidy claim (docs/rules.md §5). */
describe('subsidy claims', () => {
  let w: World;
  let base: string;
  const auth = { type: 'bearer' } as const;
  const asManager = (path: string, body: object) => w.t.http.post(`${base}${path}`).auth(w.token.managerA, auth).send(body);
  const asAccountant = (path: string, body: object = {}) => w.t.http.post(`${base}${path}`).auth(w.token.accountantA, auth).send(body);

  beforeAll(async () => {
    w = await buildWorld();
    base = `/api/facilities/${w.A}`;
    const room = (await asManager('/rooms', { building: '1号楼', floor: 1, number: '101' }).expect(201)).body.id;
    const admit = async (name: string, dob: string, seq: number, admittedOn: string, careLevel: string) => {
      const bed = (await asManager('/beds', { code: `C-${seq}`, roomId: room, kind: 'NURSING' }).expect(201)).body.id;
      const r = (
        await asManager('/residents', {
          name,
          gender: genderOf(idNumberFor(dob, seq)),
          dateOfBirth: dob,
          idNumber: idNumberFor(dob, seq),
        }).expect(201)
      ).body.id;
      await asManager('/admissions', { residentId: r, bedId: bed, admittedOn, careLevel }).expect(201);
      return r;
    };
    await admit('王秀英', '1940-01-01', 1, '2025-03-15', 'SEMI_DISABLED'); // docs/rules.md §5 example 1
    const li = await admit('李桂兰', '1941-02-02', 2, '2025-01-01', 'SELF_CARE');
    await asManager(`/residents/${li}/assessments`, { careLevel: 'FULLY_DISABLED', effectiveOn: '2025-06-11', assessor: '评估员' }).expect(
      201,
    );
  });
  afterAll(() => w?.close());

  it('docs/rules.md example: admitted 2025-03-15 at 半失能 → 17 days of 31 → ¥82.26, explained', async () => {
    const claim = (await asAccountant('/claims', { month: '2025-03' }).expect(201)).body;
    expect(claim).toMatchObject({ number: '2025-0001', month: '2025-03', state: 'DRAFT' });
    const wang = claim.lines.find((l: { residentName: string }) => l.residentName === '王秀英');
    expect(wang).toMatchObject({ careLevel: 'SEMI_DISABLED', days: 17, rateFen: 15000, amountFen: 8226, kind: 'REGULAR' });
    expect(wang.explanation).toEqual({
      segments: [{ from: '2025-03-15', to: '2025-04-01' }],
      formula: '150.00 × 17 ÷ 31 = 82.26（四舍五入到分）',
    });
    expect(claim.policy).toMatchObject({
      divisionCode: '000000',
      effectiveFrom: '2020-01-01',
      name: '全国默认 2020 版',
      divisionName: '全国',
    });
    // 李 is 自理 all March: exactly the rate.
    expect(claim.totalFen).toBe(8226 + 10000);
    expect(claim.totalsByLevel).toEqual({ SELF_CARE: 10000, SEMI_DISABLED: 8226, FULLY_DISABLED: 0 });
  });

  it('docs/rules.md example: 10 days 自理 then 20 days 全失能 in June → ¥33.33 + ¥200.00', async () => {
    const june = (await asAccountant('/claims', { month: '2025-06' }).expect(201)).body;
    expect(june.number).toBe('2025-0002'); // sequential per facility and year
    const li = june.lines
      .filter((l: { residentName: string }) => l.residentName === '李桂兰')
      .map((l: { careLevel: string; days: number; amountFen: number }) => [l.careLevel, l.days, l.amountFen]);
    expect(li).toEqual([
      ['SELF_CARE', 10, 3333],
      ['FULLY_DISABLED', 20, 20000],
    ]);
  });

  it('policies are data: the admin adds a version for a division; the most specific one applies from its date', async () => {
    const add = (body: object, token = w.token.admin) => w.t.http.post('/api/subsidy-policies').auth(token, auth).send(body);
    const v = {
      programme: 'INSTITUTIONAL_CARE',
      divisionCode: '410400',
      effectiveFrom: '2025-09-01',
      rates: { SELF_CARE: 12000, SEMI_DISABLED: 18000, FULLY_DISABLED: 36000 },
    };
    await add(v, w.token.accountantA).expect(403);
    expect((await add(v).expect(201)).body).toMatchObject({ divisionCode: '410400', effectiveFrom: '2025-09-01', minAge: 60 });
    await add(v).expect(409);
    await expect(w.sql(`UPDATE subsidy_policy SET rates = '{}' WHERE division_code = '410400'`)).rejects.toThrow(/append-only/);
    const september = (await asAccountant('/claims', { month: '2025-09' }).expect(201)).body;
    expect(september.policy).toMatchObject({
      divisionCode: '410400',
      effectiveFrom: '2025-09-01',
      name: '平顶山市 2025 版',
      divisionName: '平顶山市',
    });
    expect(september.lines.find((l: { residentName: string }) => l.residentName === '王秀英')).toMatchObject({
      days: 30,
      rateFen: 18000,
      amountFen: 18000,
    });
    const august = (await asAccountant('/claims', { month: '2025-08' }).expect(201)).body;
    expect(august.policy.divisionCode).toBe('000000');
  });

  it('regenerating is idempotent: the same claim, number and lines, never a second draft', async () => {
    const again = (await asAccountant('/claims', { month: '2025-03' }).expect(201)).body;
    expect(again).toMatchObject({ number: '2025-0001', totalFen: 18226 });
    expect(await w.sql(`SELECT count(*)::int AS n FROM claim WHERE facility_id = $1 AND month = '2025-03'`, [w.A])).toEqual([{ n: 1 }]);
  });

  it('Idempotency-Key: same key + same body → the same answer; same key + another body → 422; concurrent ones queue', async () => {
    const send = (key: string, month: string) =>
      w.t.http.post(`${base}/claims`).auth(w.token.accountantA, auth).set('Idempotency-Key', key).send({ month });
    const [a, b] = await Promise.all([send('k-2025-07', '2025-07'), send('k-2025-07', '2025-07')]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toEqual(a.body);
    expect((await send('k-2025-07', '2025-07').expect(201)).body).toEqual(a.body);
    const other = await send('k-2025-07', '2025-08').expect(422);
    expect(other.body.message).toEqual(['this Idempotency-Key was used with a different request (幂等键已用于其他请求)']);
    expect(await w.sql(`SELECT count(*)::int AS n FROM claim WHERE facility_id = $1 AND month = '2025-07'`, [w.A])).toEqual([{ n: 1 }]);
  });

  it('the lifecycle: illegal moves are 409; a submitted claim is frozen, even against direct SQL', async () => {
    const [c] = await w.sql<{ id: string }>(`SELECT id FROM claim WHERE facility_id = $1 AND month = '2025-03'`, [w.A]);
    const illegal = (await asAccountant(`/claims/${c.id}/approve`).expect(409)).body;
    expect(illegal).toMatchObject({
      code: 'CLAIM_STATE',
      message: ['claim 2025-0001 is DRAFT: it cannot be approved (only from SUBMITTED) (状态不允许此操作)'],
    });
    await asAccountant(`/claims/${c.id}/submit`).expect(201);
    const frozen = (await asAccountant('/claims', { month: '2025-03' }).expect(409)).body;
    expect(frozen.message[0]).toMatch(/already SUBMITTED/);
    expect(frozen).toMatchObject({
      code: 'CLAIM_FROZEN',
      message: ['claim 2025-0001 for 2025-03 is already SUBMITTED (该月申领已提交，不能重新生成)'],
    });
    await asAccountant(`/claims/${c.id}/submit`).expect(409);
    await expect(w.sql(`UPDATE claim_line SET amount_fen = 1 WHERE claim_id = $1`, [c.id])).rejects.toThrow(/frozen/);
    await expect(w.sql(`UPDATE claim SET total_fen = 1 WHERE id = $1`, [c.id])).rejects.toThrow(/frozen/);
    await asAccountant(`/claims/${c.id}/reject`, {}).expect(400);
    const rejected = (await asAccountant(`/claims/${c.id}/reject`, { reason: '缺少评估报告' }).expect(201)).body;
    expect(rejected).toMatchObject({ state: 'REJECTED', rejectionReason: '缺少评估报告', totalFen: 18226 });
    await asAccountant(`/claims/${c.id}/pay`).expect(409);
    const [june] = await w.sql<{ id: string }>(`SELECT id FROM claim WHERE facility_id = $1 AND month = '2025-06'`, [w.A]);
    await asAccountant(`/claims/${june.id}/submit`).expect(201);
    await asAccountant(`/claims/${june.id}/approve`).expect(201);
    expect((await asAccountant(`/claims/${june.id}/pay`).expect(201)).body.state).toBe('PAID');
    await w.t.http.post(`${base}/claims/${june.id}/submit`).auth(w.token.managerA, auth).expect(403);
  });

  it('XLSX export: a sheet of lines and a sheet of totals by level, in yuan', async () => {
    const [c] = await w.sql<{ id: string }>(`SELECT id FROM claim WHERE facility_id = $1 AND month = '2025-03'`, [w.A]);
    const res = await w.t.http
      .get(`${base}/claims/${c.id}/export.xlsx`)
      .auth(w.token.accountantA, auth)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['申领明细', '分级合计']);
    const lines = book.getWorksheet('申领明细');
    expect(lines?.getRow(1).values).toEqual([
      undefined,
      '申领编号',
      '月份',
      '老人',
      '床位',
      '身份证号(脱敏)',
      '入住日期',
      '退住日期',
      '照护等级',
      '天数',
      '月标准(元)',
      '金额(元)',
      '类型',
    ]);
    const wangId = idNumberFor('1940-01-01', 1);
    expect(lines?.getRow(3).values).toEqual([
      undefined,
      '2025-0001',
      '2025-03',
      '王秀英',
      'C-1',
      `${wangId.slice(0, 6)}********${wangId.slice(14)}`,
      '2025-03-15',
      undefined, // still in care
      '半失能',
      17,
      150,
      82.26,
      '正常',
    ]);
    const totals = book.getWorksheet('分级合计');
    expect(totals?.getRow(1).values).toEqual([undefined, '照护等级', '人数', '金额(元)']);
    expect(totals?.getRow(2).values).toEqual([undefined, '自理', 1, 100]);
    expect(totals?.getRow(5).values).toEqual([undefined, '合计', 2, 182.26]);
  });

  it('a back-dated assessment after June was paid: the next draft carries adjustments 追回/补差 referencing June', async () => {
    const [li] = await w.sql<{ id: string }>(`SELECT id FROM resident WHERE facility_id = $1 AND name = '李桂兰'`, [w.A]);
    const [june] = await w.sql<{ id: string; number: string }>(
      `SELECT id, number FROM claim WHERE facility_id = $1 AND month = '2025-06'`,
      [w.A],
    );
    // Discovered late: 李 was 全失能 from 1 June, not from the 11th.
    await asManager(`/residents/${li.id}/assessments`, {
      careLevel: 'FULLY_DISABLED',
      effectiveOn: '2025-06-01',
      assessor: '复核评估',
    }).expect(201);
    const october = (await asAccountant('/claims', { month: '2025-10' }).expect(201)).body;
    const adjustments = october.lines.filter((l: { kind: string }) => l.kind === 'ADJUSTMENT');
    expect(
      adjustments.map((a: { careLevel: string; amountFen: number; adjustsClaimId: string }) => [
        a.careLevel,
        a.amountFen,
        a.adjustsClaimId,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['SELF_CARE', -3333, june.id],
        ['FULLY_DISABLED', 10000, june.id],
      ]),
    );
    expect(adjustments).toHaveLength(2);
    expect(adjustments.find((a: { careLevel: string }) => a.careLevel === 'FULLY_DISABLED').reason).toBe(
      `补差: the facts of 2025-06 changed after claim ${june.number} (now 30 days at FULLY_DISABLED, claimed 20)`,
    );
    // June itself is untouched.
    expect((await w.t.http.get(`${base}/claims/${june.id}`).auth(w.token.accountantA, auth).expect(200)).body.totalFen).toBe(23333 + 15000);
    // Regenerating October does not add them twice.
    const again = (await asAccountant('/claims', { month: '2025-10' }).expect(201)).body;
    expect(again.lines.filter((l: { kind: string }) => l.kind === 'ADJUSTMENT')).toHaveLength(2);
    expect(again.totalFen).toBe(october.totalFen);
  });

  it('200 concurrent POST claims for one month → one claim; 50 months drafted concurrently → numbers without gaps or duplicates', async () => {
    // Drafts of one month queue on its lock; on a loaded machine some wait longer than the pool's
    // connect timeout and are told 503 + Retry-After, as any client is: they retry, and the outcome
    // must still be one claim — never a duplicate, a 409 or a 500.
    let retried = 0;
    const draft = async (month: string) => {
      for (let attempt = 0; ; attempt++) {
        const res = await asAccountant('/claims', { month });
        if (res.status !== 503 || attempt === 5) return res;
        retried++;
        await new Promise((r) => setTimeout(r, 1000 * Number(res.headers['retry-after'] ?? 1)));
      }
    };
    const same = await Promise.all(Array.from({ length: 200 }, () => draft('2024-05')));
    if (retried) console.log(`[claims] 200 concurrent drafts of one month: ${retried} told to retry (503) on this machine`);
    expect(same.filter((r) => r.status !== 201).map((r) => r.status)).toEqual([]);
    expect(new Set(same.map((r) => r.body.id)).size).toBe(1);
    // Months that have ended (a month not begun cannot be claimed): 2020-01 … 2024-02.
    const months = Array.from({ length: 50 }, (_, i) => `${2020 + Math.floor(i / 12)}-${String(1 + (i % 12)).padStart(2, '0')}`);
    const drafted = await Promise.all(months.map(draft));
    expect(drafted.filter((r) => r.status !== 201).map((r) => r.status)).toEqual([]);
    const numbers = drafted.map((r) => r.body.number as string).sort();
    const expected = [
      ...[...Array(12).keys()].map((i) => `2020-${String(i + 1).padStart(4, '0')}`),
      ...[...Array(12).keys()].map((i) => `2021-${String(i + 1).padStart(4, '0')}`),
      ...[...Array(12).keys()].map((i) => `2022-${String(i + 1).padStart(4, '0')}`),
      ...[...Array(12).keys()].map((i) => `2023-${String(i + 1).padStart(4, '0')}`),
      ...[...Array(2).keys()].map((i) => `2024-${String(i + 2).padStart(4, '0')}`),
    ];
    expect(numbers).toEqual(expected.sort());
  });

  it('CSV export: UTF-8 with BOM, Chinese headers, yuan with two decimals', async () => {
    const [c] = await w.sql<{ id: string }>(`SELECT id FROM claim WHERE facility_id = $1 AND month = '2025-03'`, [w.A]);
    const res = await w.t.http
      .get(`${base}/claims/${c.id}/export.csv`)
      .auth(w.token.reg410400, auth)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = res.body as string;
    expect(
      text.startsWith('\uFEFF申领编号,月份,老人,床位,身份证号(脱敏),入住日期,退住日期,照护等级,天数,月标准(元),金额(元),类型\r\n'),
    ).toBe(true);
    const wangId = idNumberFor('1940-01-01', 1);
    expect(text).toContain(
      `2025-0001,2025-03,王秀英,C-1,${wangId.slice(0, 6)}********${wangId.slice(14)},2025-03-15,,半失能,17,150.00,82.26,正常`,
    );
    expect(text).toContain('合计,2025-03,,,,,,,,,182.26,\r\n人数,2025-03,2,,,,,,,,,\r\n');
  });

  it('errors carry codes: an unknown claim is CLAIM_NOT_FOUND, a month without a policy NO_POLICY', async () => {
    const missing = (await w.t.http.get(`${base}/claims/00000000-0000-4000-8000-000000000000`).auth(w.token.accountantA, auth).expect(404))
      .body;
    expect(missing).toMatchObject({ code: 'CLAIM_NOT_FOUND', message: ['claim not found (申领不存在)'] });
    const noPolicy = (await asAccountant('/claims', { month: '2019-12' }).expect(422)).body;
    expect(noPolicy).toMatchObject({
      code: 'NO_POLICY',
      message: ['no INSTITUTIONAL_CARE subsidy policy applies to 2019-12 (无适用的补贴政策)'],
    });
  });

  it('the OpenAPI document types every claims route: the claim, the list, the files as binary', async () => {
    const doc = (await w.t.http.get('/api/docs-json').expect(200)).body;
    const path = (p: string) => doc.paths[`/api/facilities/{facilityId}/claims${p}`];
    expect(path('').post.responses['201'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ClaimResponse' });
    expect(path('').get.responses['200'].content['application/json'].schema).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/ClaimListItemResponse' },
    });
    expect(path('/{claimId}').get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ClaimResponse',
    });
    expect(path('/{claimId}/export.csv').get.responses['200'].content['text/csv'].schema).toEqual({ type: 'string', format: 'binary' });
    expect(
      path('/{claimId}/export.xlsx').get.responses['200'].content['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']
        .schema,
    ).toEqual({ type: 'string', format: 'binary' });
    for (const action of ['submit', 'approve', 'reject', 'pay']) {
      expect(path(`/{claimId}/${action}`).post.responses['201'].content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/ClaimResponse',
      });
    }
    expect(doc.paths['/api/subsidy-policies'].get.responses['200'].content['application/json'].schema).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/PolicyResponse' },
    });
    expect(doc.components.schemas.ClaimLineResponse.properties.residentId).toMatchObject({ nullable: true, format: 'uuid' });
  });
});
