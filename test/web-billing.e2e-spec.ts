/// <reference lib="dom" />
// The checks run in the page: the DOM types are for the functions passed to page.evaluate.
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, Download, Locator, Page } from 'playwright-core';
import { createDataSource } from '@careops/db';
import { seedDemo } from '@careops/ops';
import { findChromium } from '@careops/pdf';
import { IdNumberProtector } from '@careops/residents';
import { squeezed, textOf } from './support/pdf-text';
import { demoPassword, settle, signInPage, textOnceMatching } from './support/browser';
import { buildWorld, genderOf, idNumberFor, login, World } from './support/world';

const SHOTS = join(__dirname, '..', 'docs', 'screenshots');
const auth = { type: 'bearer' } as const;

/**
 * The accountant's month in the browser (docs/rules.md §9), on the demo care home: sets the fees,
 * runs March 2026 and issues it, takes a payment on a phone and reads the 收据 back from its PDF
 * (number and amount in capital numerals), and settles a discharged resident: the deposit less
 * what is owed is refunded, and the 退款凭证 PDF says how much.
 *
 * The §9 example, by hand: bed 1500.00, care (半失能) 800.00, meals 600.00 a month.
 * - 欧阳秀英, admitted 15 March (17 of 31 days), on leave 20–25 March (5 days, meals not charged):
 *   150000×17÷31 = 82258.06→82258, 80000×17÷31 = 43870.97→43871, 60000×12÷31 = 23225.81→23226:
 *   ¥1,493.55 (壹仟肆佰玖拾叁元伍角伍分).
 * - 司徒建国, in care all of March (discharged 1 April, the discharge day not counted): 2900.00;
 *   deposit 5000.00 → refund 5000.00 − 2900.00 = 2100.00 (贰仟壹佰元整).
 */
describe('billing in the web app (Playwright, Chromium)', () => {
  let w: World;
  let browser: Browser;
  let base: string;
  let home: string;
  let manager: string;
  let ouyang: { id: string; admission: string };
  let situ: { id: string; admission: string };

  /** A resident registered and admitted to a new bed of a new room on `admittedOn`, as the manager does it. */
  async function admitted(name: string, dob: string, seq: number, admittedOn: string): Promise<{ id: string; admission: string }> {
    const api = `/api/facilities/${home}`;
    const idNumber = idNumberFor(dob, seq);
    const id = (
      await w.t.http
        .post(`${api}/residents`)
        .auth(manager, auth)
        .send({ name, gender: genderOf(idNumber), dateOfBirth: dob, idNumber })
        .expect(201)
    ).body.id;
    const room = (
      await w.t.http
        .post(`${api}/rooms`)
        .auth(manager, auth)
        .send({ building: '8号楼', floor: 1, number: `8${seq}` })
        .expect(201)
    ).body.id;
    const bed = (
      await w.t.http
        .post(`${api}/beds`)
        .auth(manager, auth)
        .send({ code: `BL-${seq}`, roomId: room, kind: 'GENERAL' })
        .expect(201)
    ).body.id;
    const admission = (
      await w.t.http
        .post(`${api}/admissions`)
        .auth(manager, auth)
        .send({ residentId: id, bedId: bed, admittedOn, careLevel: 'SEMI_DISABLED' })
        .expect(201)
    ).body.id;
    return { id, admission };
  }

  beforeAll(async () => {
    w = await buildWorld();
    const owner = await createDataSource({ url: w.db.url, poolSize: 2 }).initialize();
    home = (await seedDemo(owner, w.t.app.get(IdNumberProtector))).facilityId;
    await owner.destroy();
    manager = await login(w.t, 'manager', demoPassword('manager'));
    ouyang = await admitted('欧阳秀英', '1940-05-12', 71, '2026-03-15');
    await w.t.http
      .post(`/api/facilities/${home}/admissions/${ouyang.admission}/leaves`)
      .auth(manager, auth)
      .send({ from: '2026-03-20', to: '2026-03-25', reason: '探亲' })
      .expect(201);
    situ = await admitted('司徒建国', '1938-11-03', 72, '2026-03-01');
    const server = await w.t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    mkdirSync(SHOTS, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  /** Types a date into an antd picker (the one the test id names) and confirms it. */
  async function pickDate(page: Page, testId: string, value: string) {
    const input = page
      .getByTestId(testId)
      .locator('input')
      .or(page.locator(`input[data-testid="${testId}"]`))
      .first();
    await input.click();
    await input.fill(value);
    // The typed day is the panel's selected cell: clicking it confirms (Enter would also submit the form around it).
    await page.locator('.ant-picker-dropdown:visible .ant-picker-cell-selected').click();
  }

  /** A screenshot once the spinners and the passing messages (已保存 …) are gone. */
  async function shot(page: Page, name: string, fullPage = false) {
    await settle(page);
    await page
      .waitForFunction('document.querySelectorAll(".ant-message-notice").length === 0', undefined, { timeout: 8_000 })
      .catch(() => undefined);
    await page.screenshot({ path: join(SHOTS, name), fullPage });
  }

  /** The text of a downloaded PDF, white space squeezed. */
  async function pdfText(download: Download): Promise<string> {
    return squeezed(textOf(readFileSync((await download.path()) as string)));
  }

  /** Waits for a dialog's success panel; a refusal shown instead fails with its words. */
  async function done(dialog: Locator, testId: string, errorTestId: string) {
    await dialog.getByTestId(testId).or(dialog.getByTestId(errorTestId)).first().waitFor();
    if (await dialog.getByTestId(errorTestId).isVisible()) {
      const serverErrors = w.t.logs.filter((l) => Number(l.level) >= 50 || l.level === 'error').slice(-3);
      throw new Error(`refused: ${await dialog.getByTestId(errorTestId).innerText()} ${JSON.stringify(serverErrors)}`);
    }
  }

  /** Posts a new version of a fee item (its code and variant kept) effective 1 January 2026. */
  async function newVersion(page: Page, variant: string, amount: string) {
    await page.getByTestId(`fee-version-${variant}`).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('fee-code').isDisabled()).resolves.toBe(true);
    await dialog.getByTestId('fee-amount').fill(amount);
    await pickDate(page, 'fee-effective', '2026-01-01');
    await dialog.getByTestId('fee-save').click();
    await closed(dialog);
  }

  /** Waits for a form's dialog to close; one still open after 15 s fails with what it says. */
  async function closed(dialog: Locator) {
    const gone = await dialog
      .waitFor({ state: 'hidden', timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    if (!gone) throw new Error(`the dialog stayed open: ${await dialog.innerText()}`);
  }

  /** Adds a monthly fee item through the form (the default effective date replaced by 1 January 2026). */
  async function addFee(page: Page, fee: { code: string; name: string; category: string; amount: string; level?: string; unit?: string }) {
    await page.getByTestId('fee-add').click();
    const dialog = page.getByRole('dialog');
    if (fee.unit) await dialog.getByTestId('fee-kind').getByText('按次').click();
    await dialog.getByTestId('fee-code').fill(fee.code);
    await dialog.getByTestId('fee-name').fill(fee.name);
    await dialog.getByTestId('fee-category').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: fee.category }).click();
    await dialog.getByTestId('fee-amount').fill(fee.amount);
    if (fee.unit) await dialog.getByTestId('fee-unit').fill(fee.unit);
    if (fee.level) {
      await dialog.getByTestId('fee-care-level').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: fee.level }).click();
    }
    await pickDate(page, 'fee-effective', '2026-01-01');
    await dialog.getByTestId('fee-save').click();
    await closed(dialog);
  }

  it('the accountant sets the fees, runs and issues March, takes a payment on a phone and settles a discharge', async () => {
    // 1. The fees, at a desktop's size; a wrong amount is named on its field before anything is sent.
    const page = await signInPage(browser, base, 'accountant');
    await page.getByRole('menuitem', { name: '收费' }).first().click();
    await page.waitForURL(/\/billing$/);
    await page.getByTestId('billing-nav-fees').click();
    await page.waitForURL(/\/billing\/fees$/);
    await page.getByTestId('fee-add').click();
    let dialog = page.getByRole('dialog');
    await dialog.getByTestId('fee-code').fill('BED');
    await dialog.getByTestId('fee-name').fill('床位费');
    await dialog.getByTestId('fee-amount').fill('1500.001');
    await dialog.getByTestId('fee-save').click();
    await dialog.getByText('请输入金额，例如 1234.56（最多两位小数）').waitFor();
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The demo's fees (from 2025) get new versions from 1 January 2026: the §9 example's bed, care and meals.
    await newVersion(page, 'BED-GENERAL', '1500');
    await newVersion(page, 'CARE-SEMI_DISABLED', '800.00');
    await newVersion(page, 'MEALS', '600');
    // A new per-use item.
    await addFee(page, { code: 'ESCORT', name: '陪诊', category: '其他', amount: '50', unit: '次' });
    const other = /陪诊[\s\S]*按次[\s\S]*50\.00 \/ 次/;
    expect(await textOnceMatching(page.getByTestId('fee-category-OTHER'), other)).toMatch(other);
    // docs/rules.md §9: meals are not charged on leave days by default, the bed and the care are.
    const meals = /伙食费[\s\S]*600\.00 元\/月[\s\S]*否[\s\S]*2026-01-01 现行/;
    expect(await textOnceMatching(page.getByTestId('fee-category-MEALS'), meals)).toMatch(meals);
    const bed = /1500\.00 元\/月[\s\S]*普通[\s\S]*是[\s\S]*2026-01-01 现行/;
    expect(await textOnceMatching(page.getByTestId('fee-category-BED'), bed)).toMatch(bed);
    await shot(page, 'accountant-billing-fees-1440.png', true);

    // 2. 司徒建国's deposit of 5000.00, then (the manager) the discharge on 1 April.
    await page.goto(`${base}/f/${home}/residents/${situ.id}`);
    // The accountant keeps the account; the stay is the manager's (the API refuses her a transfer, leave or discharge).
    await page.getByTestId('account-deposit').waitFor();
    // The stays are drawn (入住记录 shows the admission of 1 March): the buttons would be by now.
    await page.locator('.ant-table-row', { hasText: '2026-03-01' }).first().waitFor();
    await settle(page);
    // (Ant Design spaces a two-character button: 转 床.)
    for (const [a, b] of ['转床', '请假', '退住'])
      expect(await page.getByRole('button', { name: new RegExp(`^${a}\\s*${b}$`) }).count()).toBe(0);
    await page.getByTestId('account-deposit').click();
    dialog = page.getByRole('dialog');
    await dialog.getByTestId('payment-amount').fill('5000');
    await dialog.getByTestId('payment-submit').click();
    await done(dialog, 'payment-done', 'payment-error');
    await dialog.getByTestId('payment-close').click();
    await expect(page.getByTestId('account-deposit-held').innerText()).resolves.toContain('5,000.00');
    await w.t.http
      .post(`/api/facilities/${home}/admissions/${situ.admission}/discharge`)
      .auth(manager, auth)
      .send({ dischargedOn: '2026-04-01', reason: '回家养老' })
      .expect(201);

    // 3. March: run, check the §9 example in the table and in the bill's lines, then issue all drafts.
    await page.goto(`${base}/f/${home}/billing`);
    await pickDate(page, 'bill-month', '2026-03');
    await page.getByTestId('bill-run').click();
    const row = page.locator('tr', { has: page.getByTestId('bill-row-欧阳秀英') });
    await row.waitFor();
    expect(await row.innerText()).toContain('1493.55');
    expect(await page.locator('tr', { has: page.getByTestId('bill-row-司徒建国') }).innerText()).toContain('2900.00');
    // Running the month again changes nothing.
    await page.getByTestId('bill-run').click();
    await page.getByText(/已生成 0 张/).waitFor();
    await page.getByTestId('bill-row-欧阳秀英').click();
    const drawer = page.getByTestId('bill-drawer');
    const lines = drawer.getByTestId('bill-lines');
    await lines.waitFor();
    const text = await lines.innerText();
    expect(text).toContain('1500.00 × 17 ÷ 31 = 822.58');
    expect(text).toContain('800.00 × 17 ÷ 31 = 438.71');
    expect(text).toContain('600.00 × 12 ÷ 31 = 232.26');
    await expect(drawer.getByTestId('bill-leaves').innerText()).resolves.toContain('2026-03-20');
    await shot(page, 'accountant-billing-bill-1440.png');
    await page.keyboard.press('Escape');
    await page.getByTestId('bill-issue-all').click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await page.getByText(/已出账 \d+ 张/).waitFor();
    await expect(row.innerText()).resolves.toContain('已出账');
    await shot(page, 'accountant-billing-1440.png');
    await page.close();

    // 4. On a phone: the bills as cards; 欧阳秀英's account, a payment of 1493.55 (a double click books one), the 收据 PDF.
    const phone = await signInPage(browser, base, 'accountant', { viewport: { width: 390, height: 844 } });
    await phone.goto(`${base}/f/${home}/billing`);
    await pickDate(phone, 'bill-month', '2026-03');
    await phone.getByTestId('bill-card-欧阳秀英').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await shot(phone, 'accountant-billing-390.png');
    // The 工作台: March is past due by more than 30 days, and 司徒建国 waits for settlement.
    await phone.goto(`${base}/f/${home}/home`);
    await phone.getByTestId('alert-BILLING_ARREARS').waitFor();
    await phone.getByTestId('alert-BILLING_SETTLEMENTS').waitFor();
    await phone.goto(`${base}/f/${home}/residents/${ouyang.id}`);
    const card = phone.getByTestId('account-card');
    await card.waitFor();
    await expect(card.getByTestId('account-owed').innerText()).resolves.toContain('1,493.55');
    await card.getByTestId('account-pay').click();
    dialog = phone.getByRole('dialog');
    await dialog.getByTestId('payment-amount').fill('1493.55');
    // WeChat Pay needs its reference: the form says so before sending.
    await dialog.getByText('微信支付').click();
    await dialog.getByTestId('payment-submit').click();
    await dialog.getByText('银行转账、微信、支付宝须填写交易流水号').waitFor();
    await dialog.getByTestId('payment-reference').fill('WX4200002026031500001');
    await dialog.getByTestId('payment-submit').dblclick();
    await done(dialog, 'payment-done', 'payment-error');
    const receipt = (await dialog.getByTestId('receipt-number').innerText()).trim();
    expect(receipt).not.toBe('—');
    const [receiptPdf] = await Promise.all([phone.waitForEvent('download'), dialog.getByTestId('receipt-pdf').click()]);
    const receiptText = await pdfText(receiptPdf);
    expect(receiptText).toContain(receipt);
    expect(receiptText).toContain('欧阳秀英');
    expect(receiptText).toContain('壹仟肆佰玖拾叁元伍角伍分');
    await shot(phone, 'accountant-billing-payment-390.png');
    await dialog.getByTestId('payment-close').click();
    await expect(card.getByTestId('account-owed').innerText()).resolves.toContain('0.00');
    // One payment for the double click, the bill paid.
    const payments = await w.sql<{ n: string }>(`SELECT count(*) AS n FROM payment WHERE resident_id = $1 AND kind = 'PAYMENT'`, [
      ouyang.id,
    ]);
    expect(Number(payments[0].n)).toBe(1);
    await expect(card.getByTestId('account-bills').innerText()).resolves.toContain('已结清');
    await shot(phone, 'accountant-billing-account-390.png', true);

    // 5. 欠费 and 待结算: 司徒建国 owes March (due 10 April, long past) and holds a deposit; settled, 2100.00 refunded.
    await phone.goto(`${base}/f/${home}/billing/arrears`);
    await phone.getByTestId('arrears-row-司徒建国').waitFor();
    await expect(phone.getByTestId('arrears-bucket-OVER_90').innerText()).resolves.toMatch(/\d/);
    const pending = phone.getByTestId('pending-settlements');
    await pending.getByText('司徒建国').waitFor();
    await shot(phone, 'accountant-billing-arrears-390.png', true);
    await pending.getByTestId('pending-settle-司徒建国').click();
    dialog = phone.getByRole('dialog');
    await expect(dialog.getByTestId('settle-preview').innerText()).resolves.toMatch(/5000\.00[\s\S]*2100\.00/);
    await dialog.getByTestId('settle-submit').click();
    await done(dialog, 'settle-done', 'settle-error');
    await expect(dialog.getByTestId('settle-done').innerText()).resolves.toContain('2100.00');
    const voucher = (await dialog.getByTestId('voucher-number').innerText()).trim();
    const [voucherPdf] = await Promise.all([phone.waitForEvent('download'), dialog.getByTestId('voucher-pdf').click()]);
    const voucherText = await pdfText(voucherPdf);
    expect(voucherText).toContain(voucher);
    expect(voucherText).toContain('司徒建国');
    expect(voucherText).toMatch(/2,?100\.00/);
    expect(voucherText).toContain('贰仟壹佰元整');
    await phone.context().close();

    // 6. The payments of the period at a desktop's size: the payment and the deposit, with their receipts.
    const desk = await signInPage(browser, base, 'accountant');
    await desk.goto(`${base}/f/${home}/billing/payments`);
    // Both were received today: the default period (this month) holds them.
    await desk.getByTestId(`payments-receipt-${receipt}`).waitFor();
    await shot(desk, 'accountant-billing-payments-1440.png');
    await desk.goto(`${base}/f/${home}/billing/arrears`);
    // A reminder 催缴 for the first resident in arrears: recorded, and its time shown.
    const first = desk.locator('[data-testid=arrears-table] tbody tr.ant-table-row').first();
    await first.waitFor();
    expect(await first.innerText()).toMatch(/—\s*$/);
    await first.locator('input[type=checkbox]').check();
    await desk.getByTestId('arrears-remind').click();
    await desk.getByText('已记录 1 条催缴提醒').waitFor();
    await expect(first.innerText()).resolves.toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s*$/);
    await shot(desk, 'accountant-billing-arrears-1440.png');
    await desk.context().close();
  }, 300_000);
});
