import { Client } from 'pg';
import { appDatabaseUrl } from '@careops/db';
import { buildWorld, genderOf, idNumberFor, World } from './support/world';

/** Billing the elder and the family 收费 (docs/rules.md §9), end to end over HTTP. */
describe('billing (docs/rules.md §9)', () => {
  let w: World;
  let base: string;
  const auth = { type: 'bearer' } as const;
  const post = (path: string, body: object, token = w.token.accountantA) => w.t.http.post(`${base}${path}`).auth(token, auth).send(body);
  const get = (path: string, token = w.token.accountantA) => w.t.http.get(`${base}${path}`).auth(token, auth);
  const asManager = (path: string, body: object) => post(path, body, w.token.managerA);
  let wang: string;
  let admission: string;
  let march: { id: string; number: string };

  beforeAll(async () => {
    w = await buildWorld();
    base = `/api/facilities/${w.A}`;
    const room = (await asManager('/rooms', { building: '1号楼', floor: 1, number: '101' }).expect(201)).body.id;
    const bed = (await asManager('/beds', { code: 'A-101-1', roomId: room, kind: 'NURSING' }).expect(201)).body.id;
    const dob = '1940-01-01';
    wang = (
      await asManager('/residents', {
        name: '王秀英',
        gender: genderOf(idNumberFor(dob, 1)),
        dateOfBirth: dob,
        idNumber: idNumberFor(dob, 1),
      }).expect(201)
    ).body.id;
    admission = (
      await asManager('/admissions', { residentId: wang, bedId: bed, admittedOn: '2025-03-15', careLevel: 'SEMI_DISABLED' }).expect(201)
    ).body.id;
    await asManager(`/admissions/${admission}/leaves`, { from: '2025-03-20', to: '2025-03-25', reason: '回家探亲' }).expect(201);
  });
  afterAll(() => w?.close());

  it('fee items are versioned; defaults: bed and care charged on leave, meals not', async () => {
    const items = [
      { code: 'BED', name: '床位费', kind: 'MONTHLY', category: 'BED', amountFen: 150000, effectiveFrom: '2025-01-01' },
      {
        code: 'CARE',
        name: '护理费（半失能）',
        kind: 'MONTHLY',
        category: 'CARE',
        amountFen: 80000,
        careLevel: 'SEMI_DISABLED',
        effectiveFrom: '2025-01-01',
      },
      {
        code: 'CARE',
        name: '护理费（全失能）',
        kind: 'MONTHLY',
        category: 'CARE',
        amountFen: 120000,
        careLevel: 'FULLY_DISABLED',
        effectiveFrom: '2025-01-01',
      },
      { code: 'MEALS', name: '伙食费', kind: 'MONTHLY', category: 'MEALS', amountFen: 60000, effectiveFrom: '2025-01-01' },
      { code: 'BATH', name: '助浴', kind: 'PER_USE', category: 'OTHER', amountFen: 3000, unit: '次', effectiveFrom: '2025-01-01' },
    ];
    for (const i of items) await post('/fee-items', i).expect(201);
    const rows = (await get('/fee-items?on=2025-03-01').expect(200)).body.rows;
    expect(rows.map((r: { code: string; chargedOnLeave: boolean }) => [r.code, r.chargedOnLeave])).toEqual([
      ['BED', true],
      ['CARE', true],
      ['CARE', true],
      ['MEALS', false],
      ['BATH', true],
    ]);
    expect((await post('/fee-items', { ...items[0], careLevel: 'SELF_CARE' }).expect(400)).body.code).toBe('FEE_ITEM_VARIANT');
    // Another facility's manager, and a regulator of another province: not found.
    await w.t.http.get(`${base}/fee-items`).auth(w.token.managerB, auth).expect(404);
    await w.t.http.get(`${base}/bills`).auth(w.token.reg370000, auth).expect(404);
    // The facility's regulator reads, as it reads claims; it never writes.
    await w.t.http.get(`${base}/fee-items`).auth(w.token.reg410400, auth).expect(200);
    await w.t.http.post(`${base}/bills/run`).auth(w.token.reg410400, auth).send({ month: '2025-03' }).expect(403);
  });

  it('example: admitted 15 March at 半失能, leave 20–25 March → 82258 + 43871 + 23226 = ¥1,493.55; the run is idempotent', async () => {
    const run = (await post('/bills/run', { month: '2025-03' }).expect(201)).body;
    expect(run).toMatchObject({ month: '2025-03', created: 1, updated: 0, unchanged: 0 });
    march = run.bills[0];
    const bill = (await get(`/bills/${march.id}`).expect(200)).body;
    expect(bill).toMatchObject({
      number: 'ZD202503-0001',
      residentName: '王秀英',
      bedCode: 'A-101-1',
      kind: 'MONTHLY',
      state: 'DRAFT',
      totalFen: 149355,
      dueOn: '2025-04-10',
      leaves: [{ from: '2025-03-20', to: '2025-03-25' }],
    });
    expect(
      bill.lines.map((l: { code: string; days: number; leaveDays: number; amountFen: number; formula: string }) => [
        l.code,
        l.days,
        l.leaveDays,
        l.amountFen,
        l.formula,
      ]),
    ).toEqual([
      ['BED', 17, 0, 82258, '1500.00 × 17 ÷ 31 = 822.58'],
      ['CARE', 17, 0, 43871, '800.00 × 17 ÷ 31 = 438.71'],
      ['MEALS', 12, 5, 23226, '600.00 × 12 ÷ 31 = 232.26'],
    ]);
    const again = (await post('/bills/run', { month: '2025-03' }).expect(201)).body;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(again.bills.map((b: { id: string }) => b.id)).toEqual([march.id]);
    // A version a bill used never changes: a new version is posted instead.
    const used = await post('/fee-items', {
      code: 'BED',
      name: '床位费',
      kind: 'MONTHLY',
      category: 'BED',
      amountFen: 160000,
      effectiveFrom: '2025-01-01',
    });
    expect(used.status).toBe(409);
    expect(used.body.code).toBe('FEE_ITEM_USED');
    // A month not begun cannot be billed; the running month can be drafted, not issued.
    expect((await post('/bills/run', { month: '2099-01' }).expect(422)).body.code).toBe('BILL_MONTH_NOT_STARTED');
  });

  it('issue: the total enters the ledger; an issued bill never changes, even for the database app role', async () => {
    const issued = (await post(`/bills/${march.id}/issue`, {}).expect(201)).body;
    expect(issued).toMatchObject({ state: 'ISSUED', openFen: 149355, account: { balanceFen: 149355, depositFen: 0, prepaymentFen: 0 } });
    expect((await post(`/bills/${march.id}/issue`, {}).expect(409)).body.code).toBe('BILL_NOT_DRAFT');
    const app = new Client({ connectionString: appDatabaseUrl(w.db.url) });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.facility_id', $1, true)`, [w.A]);
      await expect(app.query(`UPDATE bill_line SET amount_fen = 1 WHERE bill_id = $1`, [march.id])).rejects.toMatchObject({
        code: '23000',
        constraint: 'bill_issued',
      });
      await app.query('ROLLBACK');
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.facility_id', $1, true)`, [w.A]);
      await expect(app.query(`UPDATE bill SET total_fen = 1 WHERE id = $1`, [march.id])).rejects.toMatchObject({
        constraint: 'bill_issued',
      });
      await app.query('ROLLBACK');
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.facility_id', $1, true)`, [w.A]);
      await expect(app.query(`UPDATE ledger_entry SET amount_fen = 1`)).rejects.toThrow(/permission denied|append-only/);
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
    await expect(w.sql(`DELETE FROM ledger_entry`)).rejects.toThrow(/append-only/);
  });

  it('payments: a numbered receipt, the oldest open bill first, the rest kept as prepayment; Idempotency-Key honoured', async () => {
    expect(
      (await post(`/residents/${wang}/payments`, { amountFen: 100000, method: 'WECHAT', receivedOn: '2025-04-05' }).expect(400)).body.code,
    ).toBe('REFERENCE_REQUIRED');
    const first = (
      await post(`/residents/${wang}/payments`, { amountFen: 100000, method: 'WECHAT', reference: 'WX-001', receivedOn: '2025-04-05' })
        .set('Idempotency-Key', 'pay-1')
        .expect(201)
    ).body;
    expect(first).toMatchObject({
      kind: 'PAYMENT',
      receiptNumber: 'SJ2025-00001',
      appliedTo: [{ billId: march.id, amountFen: 100000 }],
      prepaymentFen: 0,
    });
    const replay = (
      await post(`/residents/${wang}/payments`, { amountFen: 100000, method: 'WECHAT', reference: 'WX-001', receivedOn: '2025-04-05' })
        .set('Idempotency-Key', 'pay-1')
        .expect(201)
    ).body;
    expect(replay.id).toBe(first.id);
    const second = (await post(`/residents/${wang}/payments`, { amountFen: 60000, method: 'CASH', receivedOn: '2025-04-06' }).expect(201))
      .body;
    expect(second).toMatchObject({
      receiptNumber: 'SJ2025-00002',
      appliedTo: [{ billNumber: 'ZD202503-0001', amountFen: 49355 }],
      prepaymentFen: 10645,
    });
    const account = (await get(`/residents/${wang}/account`).expect(200)).body;
    expect(account).toMatchObject({ balanceFen: -10645, owedFen: 0, prepaymentFen: 10645, depositFen: 0 });
    expect(account.bills[0]).toMatchObject({ state: 'PAID', paidFen: 149355, openFen: 0 });
    expect(
      account.ledger.map((e: { kind: string; debitAccount: string; creditAccount: string; amountFen: number }) => [
        e.kind,
        e.debitAccount,
        e.creditAccount,
        e.amountFen,
      ]),
    ).toEqual([
      ['BILL', 'RECEIVABLE', 'REVENUE', 149355],
      ['PAYMENT', 'CASH', 'PREPAYMENT', 100000],
      ['PAYMENT', 'PREPAYMENT', 'RECEIVABLE', 100000],
      ['PAYMENT', 'CASH', 'PREPAYMENT', 60000],
      ['PAYMENT', 'PREPAYMENT', 'RECEIVABLE', 49355],
    ]);
  });

  it('a correction after issue (a back-dated leave) becomes a CREDIT_NOTE referencing the bill on the next run', async () => {
    await asManager(`/admissions/${admission}/leaves`, { from: '2025-03-26', to: '2025-03-31', reason: '住院' }).expect(201);
    const run = (await post('/bills/run', { month: '2025-03' }).expect(201)).body;
    expect(run).toMatchObject({ created: 1, updated: 0 });
    const note = run.bills.find((b: { kind: string }) => b.kind === 'CREDIT_NOTE');
    // Meals now 60000 × 7 ÷ 31 = 13548.39 → 13548: 13548 − 23226 = −9678.
    expect(note).toMatchObject({
      refersToId: march.id,
      refersToNumber: 'ZD202503-0001',
      totalFen: -9678,
      state: 'DRAFT',
      month: '2025-03',
    });
    const detail = (await get(`/bills/${note.id}`).expect(200)).body;
    expect(detail.lines).toEqual([
      expect.objectContaining({ code: 'MEALS', days: -5, leaveDays: 5, amountFen: -9678, formula: '135.48 − 232.26 = -96.78' }),
    ]);
    expect((await post('/bills/run', { month: '2025-03' }).expect(201)).body).toMatchObject({ created: 0, updated: 0 });
    expect((await post('/bills/issue', { month: '2025-03' }).expect(201)).body).toEqual({ issued: 1 });
    const account = (await get(`/residents/${wang}/account`).expect(200)).body;
    expect(account).toMatchObject({ balanceFen: -(10645 + 9678), prepaymentFen: 20323 });
    // Issued corrections are themselves corrected against: nothing further.
    expect((await post('/bills/run', { month: '2025-03' }).expect(201)).body).toMatchObject({ created: 0, updated: 0 });
  });

  it('arrears: due the 10th of the next month, aged in buckets; reminders recorded', async () => {
    await post('/bills/run', { month: '2025-04' }).expect(201);
    expect((await post('/bills/issue', { month: '2025-04' }).expect(201)).body).toEqual({ issued: 1 });
    // A full April: 150000 + 80000 + 60000 = 290000, of which the prepayment 20323 paid: 269677 open, due 2025-05-10.
    const on = async (asOf: string) => (await get(`/billing/arrears?asOf=${asOf}`).expect(200)).body;
    expect((await on('2025-05-10')).rows).toEqual([]);
    const a = await on('2025-06-09');
    expect(a).toMatchObject({ totalFen: 269677, buckets: { D0_30: 269677, D31_60: 0, D61_90: 0, OVER_90: 0 } });
    expect(a.rows[0]).toMatchObject({
      residentName: '王秀英',
      bedCode: 'A-101-1',
      status: 'IN_CARE',
      openFen: 269677,
      oldestDueOn: '2025-05-10',
      daysPastDue: 30,
      bucket: 'D0_30',
      lastReminderAt: null,
    });
    expect((await on('2025-06-10')).buckets.D31_60).toBe(269677);
    expect((await on('2025-08-08')).buckets.D61_90).toBe(269677);
    expect((await on('2025-08-09')).buckets.OVER_90).toBe(269677);
    expect((await post('/billing/arrears/reminders', { residentIds: [wang] }).expect(201)).body).toEqual({ reminded: 1 });
    expect((await on('2025-06-09')).rows[0].lastReminderAt).toEqual(expect.any(String));
  });

  it('deposits are capped at 12 × the monthly fees; a settlement refunds deposit + prepayment − owed with a voucher', async () => {
    const over = (await post(`/residents/${wang}/deposits`, { amountFen: 12 * 290000 + 1, receivedOn: '2025-05-01' }).expect(422)).body;
    expect(over.code).toBe('DEPOSIT_OVER_CAP');
    expect(over.message[0]).toContain('34800.00');
    const deposit = (await post(`/residents/${wang}/deposits`, { amountFen: 200000, receivedOn: '2025-05-01' }).expect(201)).body;
    expect(deposit).toMatchObject({ kind: 'DEPOSIT', receiptNumber: 'SJ2025-00003', appliedTo: [] });
    await post(`/residents/${wang}/payments`, {
      amountFen: 269677,
      method: 'BANK_TRANSFER',
      reference: 'B-778',
      receivedOn: '2025-05-08',
    }).expect(201);
    // Not discharged yet: no settlement.
    expect((await post(`/admissions/${admission}/settle`, { method: 'CASH' }).expect(422)).body.code).toBe('SETTLE_NOT_DISCHARGED');
    await asManager(`/admissions/${admission}/discharge`, { dischargedOn: '2025-05-11', reason: '家属接回' }).expect(201);
    const pending = (await get('/billing/settlements/pending').expect(200)).body.rows;
    expect(pending).toEqual([
      expect.objectContaining({
        admissionId: admission,
        residentName: '王秀英',
        dischargedOn: '2025-05-11',
        depositFen: 200000,
        owedFen: 0,
      }),
    ]);
    const s = (await post(`/admissions/${admission}/settle`, { method: 'CASH' }).expect(201)).body;
    // May 1–10 (the discharge day not charged): 48387 + 25806 + 19355 = 93548; 200000 − 93548 = 106452 refunded.
    expect(s).toMatchObject({
      owedFen: 93548,
      depositFen: 200000,
      prepaymentFen: 0,
      refundFen: 106452,
      stillOwedFen: 0,
      voucherNumber: 'TK2025-00001',
    });
    const final = (await get(`/bills/${s.finalBillId}`).expect(200)).body;
    expect(final).toMatchObject({ kind: 'FINAL', month: '2025-05', totalFen: 93548, state: 'PAID' });
    expect(final.lines.map((l: { amountFen: number }) => l.amountFen)).toEqual([48387, 25806, 19355]);
    const account = (await get(`/residents/${wang}/account`).expect(200)).body;
    expect(account).toMatchObject({ balanceFen: 0, owedFen: 0, depositFen: 0, prepaymentFen: 0 });
    expect(account.refunds[0]).toMatchObject({ amountFen: 106452, from: 'SETTLEMENT', voucherNumber: 'TK2025-00001' });
    expect((await get('/billing/settlements/pending').expect(200)).body.rows).toEqual([]);
    expect((await post(`/admissions/${admission}/settle`, { method: 'CASH' }).expect(409)).body.code).toBe('ALREADY_SETTLED');
    // A refund is never more than held.
    expect(
      (
        await post(`/residents/${wang}/refunds`, {
          amountFen: 1,
          from: 'DEPOSIT',
          method: 'CASH',
          paidOn: '2025-05-12',
          reason: '多退',
        }).expect(422)
      ).body.code,
    ).toBe('REFUND_OVER_HELD');
  });

  it('the ledger balances: Σ bills − Σ credits − Σ payments + Σ refunds = the balance, to the fen', async () => {
    const account = (await get(`/residents/${wang}/account`).expect(200)).body;
    const issued = account.bills.filter((b: { state: string }) => b.state !== 'DRAFT');
    const bills = issued
      .filter((b: { totalFen: number }) => b.totalFen > 0)
      .reduce((s: number, b: { totalFen: number }) => s + b.totalFen, 0);
    const credits = -issued
      .filter((b: { totalFen: number }) => b.totalFen < 0)
      .reduce((s: number, b: { totalFen: number }) => s + b.totalFen, 0);
    const paid = account.payments
      .filter((p: { kind: string }) => p.kind === 'PAYMENT')
      .reduce((s: number, p: { amountFen: number }) => s + p.amountFen, 0);
    const deposits = account.payments
      .filter((p: { kind: string }) => p.kind === 'DEPOSIT')
      .reduce((s: number, p: { amountFen: number }) => s + p.amountFen, 0);
    const refunds = account.refunds.reduce((s: number, r: { amountFen: number }) => s + r.amountFen, 0);
    // The deposit, once used and refunded at settlement, counts as money paid in.
    expect(account.balanceFen - account.depositFen).toBe(bills - credits - paid - deposits + refunds);
    expect([bills, credits, paid, deposits, refunds]).toEqual([149355 + 290000 + 93548, 9678, 100000 + 60000 + 269677, 200000, 106452]);
  });

  it('every billing action is in the audit trail (kind BILLING), read as a sentence', async () => {
    const trail = (await get('/audit?from=2020-01-01&to=2099-01-01&kind=BILLING&pageSize=100', w.token.managerA).expect(200)).body;
    const zh = trail.items.map((e: { sentence: { zh: string } }) => e.sentence.zh);
    expect(zh).toEqual(
      expect.arrayContaining([
        'accountant.a 生成了 2025-03 的账单',
        'accountant.a 开具了账单 ZD202503-0001',
        'accountant.a 收到 王秀英 缴费 1000.00 元，收据 SJ2025-00001',
        'accountant.a 收到 王秀英 押金 2000.00 元，收据 SJ2025-00003',
        'accountant.a 为 王秀英 办理退住结算',
      ]),
    );
  });

  it('exports: CSV with a UTF-8 BOM and Chinese headers; XLSX', async () => {
    const csv = await get('/bills/export.csv?month=2025-03')
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(csv.status).toBe(200);
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')[0]).toBe('账单编号,月份,老人,床位,类型,更正账单,金额(元),已收(元),未收(元),状态,到期日');
    expect(text).toContain('ZD202503-0001,2025-03,王秀英,A-101-1,月度账单,,1493.55,1493.55,0.00,已结清,2025-04-10');
    for (const path of ['/payments/export.csv?from=2025-01-01&to=2026-01-01', '/billing/arrears/export.csv?asOf=2025-06-09']) {
      const r = await get(path).expect(200);
      expect(r.headers['content-type']).toMatch(/text\/csv/);
      expect(r.text.charCodeAt(0)).toBe(0xfeff);
    }
    const xlsx = await get('/bills/export.xlsx?month=2025-03')
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });

  it("another facility's manager sees none of it", async () => {
    const asB = (path: string) => w.t.http.get(path).auth(w.token.managerB, auth);
    await asB(`${base}/bills/${march.id}`).expect(404);
    await asB(`/api/facilities/${w.B}/bills/${march.id}`).expect(404);
    expect((await asB(`/api/facilities/${w.B}/bills`).expect(200)).body.rows).toEqual([]);
    await w.t.http
      .post(`/api/facilities/${w.B}/residents/${wang}/payments`)
      .auth(w.token.managerB, auth)
      .send({ amountFen: 1, method: 'CASH', receivedOn: '2025-05-01' })
      .expect(404);
  });
});
