import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Response } from 'supertest';
import { findChromium } from '@careops/pdf';
import { factsOf } from './support/facts';
import { binary, squeezed, textOf } from './support/pdf-text';
import { buildWorld, World } from './support/world';

const auth = { type: 'bearer' } as const;

/**
 * The billing documents (docs/rules.md §8, §9) through the API as the accountant uses them: the §9
 * example billed (admitted 15 March, a leave 20–25 March: ¥1,493.55), the 缴费通知单 of the draft (草稿,
 * not registered) and of the issued bill, the 收据 of a payment, and the 退款凭证 of a discharge
 * settlement; each PDF read back with pdftotext, each registered number verified by /api/documents.
 */
describe('the bill, the receipt and the refund voucher (docs/rules.md §8, §9)', () => {
  let w: World;
  let resident: string;
  let admission: string;
  let billId: string;
  let receiptNumber: string;

  const get = (path: string, token = w.token.accountantA, facility = w.A) =>
    binary(w.t.http.get(`/api/facilities/${facility}${path}`).auth(token, auth));
  const post = async (path: string, body: object, token = w.token.accountantA) => {
    const res = await w.t.http.post(`/api/facilities/${w.A}${path}`).auth(token, auth).send(body);
    if (res.status >= 300) {
      // A 500 says only its request id: the app's log of that request says why.
      const why = w.t.logs.filter((l) => JSON.stringify(l).includes(res.body.requestId ?? '—') && l.level !== 30);
      throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)} ${JSON.stringify(why)}`);
    }
    return res.body;
  };
  /** The PDF's words on one line each, runs of spaces made one. */
  const read = (name: string, pdf: Buffer) => {
    const dir = join(process.cwd(), 'tmp', 'documents');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.pdf`), pdf);
    return squeezed(textOf(pdf));
  };

  beforeAll(async () => {
    w = await buildWorld();
    const f = factsOf(w, w.A, w.token.managerA);
    const room = await f.room('301');
    resident = await f.resident('钱淑珍', '1941-06-02');
    await w.t.http
      .patch(`/api/facilities/${w.A}/residents/${resident}`)
      .auth(w.token.managerA, auth)
      .send({ guardian: { name: '钱建华', relation: '子女', phone: '13800000000' } })
      .expect(200);
    admission = await f.admit(resident, await f.bed(room, '301-1', 'NURSING'), '2026-03-15', 'SEMI_DISABLED');
    await f.leave(admission, '2026-03-20', '2026-03-25');
    // docs/rules.md §9: bed 1500.00, care (半失能) 800.00, meals 600.00 a month.
    for (const item of [
      { code: 'BED', name: '床位费', category: 'BED', amountFen: 150000 },
      { code: 'CARE', name: '护理费', category: 'CARE', amountFen: 80000, careLevel: 'SEMI_DISABLED' },
      { code: 'MEALS', name: '伙食费', category: 'MEALS', amountFen: 60000 },
    ])
      await post('/fee-items', { kind: 'MONTHLY', effectiveFrom: '2026-01-01', ...item });
    const run = await post('/bills/run', { month: '2026-03' });
    billId = run.bills.find((b: { residentId: string }) => b.residentId === resident).id;
  }, 180_000);
  afterAll(() => w?.close());

  it('a DRAFT bill prints as 草稿: the §9 lines, ¥1,493.55 and 壹仟肆佰玖拾叁元伍角伍分, not registered', async () => {
    const res: Response = await get(`/reports/bill/${billId}.pdf`).expect(200);
    expect(res.headers['x-document-provisional']).toBe('DRAFT');
    expect(res.headers['x-document-number']).toBeUndefined();
    const text = read('bill-draft', res.body);
    expect(text).toContain('缴费通知单');
    expect(text).toContain('草稿');
    expect(text).toContain('钱淑珍');
    expect(text).toMatch(/1500\.00 × 17 ÷ 31 = 822\.58/);
    expect(text).toMatch(/800\.00 × 17 ÷ 31 = 438\.71/);
    expect(text).toMatch(/600\.00 × 12 ÷ 31 = 232\.26/);
    expect(text).toContain('¥1,493.55');
    expect(text).toContain('壹仟肆佰玖拾叁元伍角伍分');
  });

  it('the issued bill is registered (BIL-…) and verified with its total; the same facts give back the same number', async () => {
    await post(`/bills/${billId}/issue`, {});
    const res: Response = await get(`/reports/bill/${billId}.pdf`).expect(200);
    const number = res.headers['x-document-number'];
    expect(number).toMatch(/^BIL-\d{8}-\d{6}$/);
    const text = read('bill', res.body);
    expect(text).not.toContain('草稿 · 未登记');
    expect(text).toContain('¥1,493.55');
    expect(text).toContain('壹仟肆佰玖拾叁元伍角伍分');
    expect(text).toContain('2026-03-20 离院，2026-03-25 返院（请假 5 天）');
    expect(text).toMatch(/应缴金额（请于 2026-04-10 前缴清） ¥1,493\.55/);
    expect(text).toContain('不是税务发票');
    expect(text).toContain(number);
    const again: Response = await get(`/reports/bill/${billId}.pdf`).expect(200);
    expect(again.headers['x-document-number']).toBe(number);
    const verified = (await w.t.http.get(`/api/documents/${number}`).expect(200)).body;
    expect(verified).toMatchObject({ valid: true, kind: 'BILL', title: '缴费通知单', period: '2026-03', totalFen: 149355 });
  });

  it('the receipt of a payment: its receipt number, ¥8,226.00 in capitals, the method and reference, the bill it paid and the prepayment kept', async () => {
    const payment = await post(`/residents/${resident}/payments`, {
      amountFen: 822600,
      method: 'WECHAT',
      reference: '4200001234202604020001',
      receivedOn: '2026-04-02',
    });
    const res: Response = await get(`/reports/receipt/${payment.id}.pdf`).expect(200);
    const number = res.headers['x-document-number'];
    expect(number).toMatch(/^RCP-\d{8}-\d{6}$/);
    receiptNumber = number;
    const text = read('receipt', res.body);
    expect(text).toContain('收据');
    expect(text).toContain(payment.receiptNumber);
    expect(text).toContain('钱淑珍');
    expect(text).toContain('¥8,226.00');
    expect(text).toContain('人民币捌仟贰佰贰拾陆元整');
    expect(text).toContain('微信支付');
    expect(text).toContain('4200001234202604020001');
    // 8,226.00 pays the bill's 1,493.55; 6,732.45 is kept as prepayment.
    expect(text).toMatch(/ZD\S* 1,493\.55/);
    expect(text).toMatch(/转入预交款 6,732\.45/);
    const verified = (await w.t.http.get(`/api/documents/${number}`).expect(200)).body;
    expect(verified).toMatchObject({ valid: true, kind: 'RECEIPT', title: '收据', period: '2026-04-02', totalFen: 822600 });
  });

  it('the refund voucher of a discharge settlement: what was held and owed, the net refund in capitals, both signatures', async () => {
    await post(`/residents/${resident}/deposits`, { amountFen: 200000, method: 'CASH', receivedOn: '2026-04-02' });
    // Discharged 11 April: the final bill charges 1–10 April (10 of 30 days).
    await factsOf(w, w.A, w.token.managerA).discharge(admission, '2026-04-11', '回家养老');
    const settlement = await post(`/admissions/${admission}/settle`, { method: 'BANK_TRANSFER', reference: 'BOC20260412' });
    expect(settlement.refundId).toBeTruthy();
    // Final bill 1–10 April: 150000×10÷30 = 50000, 80000×10÷30 = 26666.67→26667, 60000×10÷30 = 20000 → 96667,
    // paid from the prepayment when issued: 673245 − 96667 = 576578 left, nothing owed. The refund = 200000 + 576578 = 776578.
    expect(settlement).toMatchObject({ owedFen: 0, depositFen: 200000, prepaymentFen: 576578, refundFen: 776578 });
    const res: Response = await get(`/reports/refund/${settlement.refundId}.pdf`).expect(200);
    const number = res.headers['x-document-number'];
    expect(number).toMatch(/^RFD-\d{8}-\d{6}$/);
    const text = read('refund', res.body);
    expect(text).toContain('退款凭证');
    expect(text).toContain(settlement.voucherNumber);
    expect(text).toContain('退住结算');
    expect(text).toMatch(/退还押金 2,000\.00/);
    expect(text).toMatch(/退还预交款 5,765\.78/);
    expect(text).toMatch(/减：抵扣欠费 0\.00/);
    expect(text).toMatch(/结算账单 ZD\S+，合计 966\.67 元/);
    expect(text).toContain('¥7,765.78');
    expect(text).toContain('人民币柒仟柒佰陆拾伍元柒角捌分');
    expect(text).toContain('经办会计（签字）');
    expect(text).toContain('领款人（家属）签字');
    expect(text).toContain('钱建华（子女）');
    const verified = (await w.t.http.get(`/api/documents/${number}`).expect(200)).body;
    expect(verified).toMatchObject({ valid: true, kind: 'REFUND', title: '退款凭证', totalFen: 776578 });
  });

  it('a settlement where the deposit pays what is owed: the voucher deducts it and refunds the rest', async () => {
    const f = factsOf(w, w.A, w.token.managerA);
    const sun = await f.resident('孙桂英', '1938-09-12');
    const stay = await f.admit(sun, await f.bed(await f.room('302'), '302-1', 'NURSING'), '2026-04-01', 'SEMI_DISABLED');
    await post(`/residents/${sun}/deposits`, { amountFen: 200000, method: 'CASH', receivedOn: '2026-04-01' });
    await f.discharge(stay, '2026-04-11', '转院');
    const settlement = await post(`/admissions/${stay}/settle`, { method: 'CASH' });
    // Final bill 1–10 April: 50000 + 26667 + 20000 = 96667 owed, no prepayment; the deposit pays it: 200000 − 96667 = 103333.
    expect(settlement).toMatchObject({ owedFen: 96667, depositFen: 200000, prepaymentFen: 0, refundFen: 103333 });
    const res: Response = await get(`/reports/refund/${settlement.refundId}.pdf`).expect(200);
    const text = read('refund-owed', res.body);
    expect(text).toMatch(/退还押金 2,000\.00/);
    expect(text).toMatch(/退还预交款 0\.00/);
    expect(text).toMatch(/减：抵扣欠费 -966\.67/);
    expect(text).toContain('¥1,033.33');
    expect(text).toContain('人民币壹仟零叁拾叁元叁角叁分');
    expect(text).toMatch(/退款方式 现金 交易参考号 —/);
  });

  it('another facility asks for them: 404; the facility’s regulator reads them as it reads the bills, another division’s gets 404', async () => {
    await get(`/reports/bill/${billId}.pdf`, w.token.managerB, w.B).expect(404);
    await get(`/reports/bill/${billId}.pdf`, w.token.reg410400).expect(200);
    await get(`/reports/bill/${billId}.pdf`, w.token.reg370000).expect(404);
  });

  it('the public /verify page names a receipt and its amount as printed (Chromium, not signed in; dist/apps/web)', async () => {
    const server = await w.t.app.listen(0, '127.0.0.1');
    const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/verify?code=${receiptNumber}`);
      const card = page.getByTestId('verify-result');
      await card.waitFor({ state: 'visible', timeout: 10_000 });
      const text = await card.innerText();
      for (const s of [receiptNumber, '收据', '票面金额（元）', '8226.00', '2026-04-02']) expect(text).toContain(s);
      expect(text).not.toContain('申领金额');
    } finally {
      await browser.close();
    }
  });
});
