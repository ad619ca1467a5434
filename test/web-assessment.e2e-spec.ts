/// <reference lib="dom" />
// The checks run in the page: the DOM types are for the functions passed to page.evaluate.
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { calendarDate } from '@careops/care';
import { createDataSource } from '@careops/db';
import { seedDemo } from '@careops/ops';
import { findChromium } from '@careops/pdf';
import { IdNumberProtector } from '@careops/residents';
import { squeezed, textOf } from './support/pdf-text';
import { demoPassword, settle, signInPage } from './support/browser';
import { buildWorld, login, World } from './support/world';

const SHOTS = join(__dirname, '..', 'docs', 'screenshots');

/** The §4a example: every item at its maximum but 洗澡 (B1.3) 2, 上下楼梯 (B2.4) 1, 记忆 (B3.4) 2 → 84. */
const EXAMPLE: Record<string, number> = { 'B1.3': 2, 'B2.4': 1, 'B3.4': 2 };

/**
 * 录入评估 in the browser (docs/rules.md §4a): the manager scores a demo resident on a phone — the
 * 26 items with the keyboard and the mouse, a diagnosis F01 — sees the running total, the grade of
 * the total, the grade after the adjustment and the level, saves, finds it in the level history
 * and reads the 老年人能力评估报告 back from the downloaded PDF.
 */
describe('the scored ability assessment in the web app (Playwright, Chromium)', () => {
  let w: World;
  let browser: Browser;
  let base: string;
  let home: string;
  let who: { id: string; name: string };
  const today = calendarDate(new Date(), 'Asia/Shanghai');

  beforeAll(async () => {
    w = await buildWorld();
    const owner = await createDataSource({ url: w.db.url, poolSize: 2 }).initialize();
    home = (await seedDemo(owner, w.t.app.get(IdNumberProtector))).facilityId;
    await owner.destroy();
    [who] = await w.sql<{ id: string; name: string }>(
      `SELECT r.id, r.name FROM resident r JOIN admission a ON a.resident_id = r.id AND upper_inf(a.period)
       WHERE r.facility_id = $1 ORDER BY r.name LIMIT 1`,
      [home],
    );
    // One member of staff holds an assessor's certificate (评估员) valid today; the demo's caregivers hold others.
    const token = await login(w.t, 'manager', demoPassword('manager'));
    const api = `/api/facilities/${home}`;
    const assessor = (
      await w.t.http
        .post(`${api}/staff`)
        .auth(token, { type: 'bearer' })
        .send({ name: '周评估', role: 'SOCIAL_WORKER', employedFrom: '2025-01-01', fte: 1 })
        .expect(201)
    ).body.id;
    await w.t.http
      .post(`${api}/staff/${assessor}/certificates`)
      .auth(token, { type: 'bearer' })
      .send({ type: '老年人能力评估员证书', number: 'PG-2025-0001', issuedOn: '2025-01-01', expiresOn: '2030-01-01' })
      .expect(201);
    const server = await w.t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  /** Every item of the form: its code and the scores it offers, read from the page. */
  const itemsOf = (page: Page) =>
    page.locator('[data-testid^="item-"]').evaluateAll((els) =>
      els.map((el) => ({
        code: (el.getAttribute('data-testid') as string).slice('item-'.length),
        scores: [...el.querySelectorAll('input[type=radio]')].map((i) => Number((i as HTMLInputElement).value)),
      })),
    );

  it('a manager scores a resident on a phone, sees total, grades and level, saves, and reads the report', async () => {
    const page = await signInPage(browser, base, 'manager', { viewport: { width: 390, height: 844 } });
    await page.goto(`${base}/f/${home}/residents/${who.id}`);
    await page.getByTestId('assess').click();
    await page.waitForURL(/\/assess$/);
    await page.getByTestId('item-B1.1').waitFor();
    const items = await itemsOf(page);
    expect(items.map((i) => i.code)).toHaveLength(26);
    expect(items[0]).toEqual({ code: 'B1.1', scores: [4, 3, 2, 1, 0] });
    expect(items.find((i) => i.code === 'B3.9')?.scores).toEqual([2, 1, 0]);
    await expect(page.getByTestId('assess-summary').innerText()).resolves.toContain('0 / 90');

    // Staff holding a 评估员 certificate valid today are offered, and only they.
    await page.getByLabel('评估员 1', { exact: true }).click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    // The staff list may still be arriving when the dropdown opens: read it until it settles (≤ 5 s).
    let offered = await options.allInnerTexts();
    for (let i = 0; i < 25 && JSON.stringify(offered) !== JSON.stringify(['周评估']); i++) {
      await page.waitForTimeout(200);
      offered = await options.allInnerTexts();
    }
    expect(offered).toEqual(['周评估']);
    await page.keyboard.press('Escape');
    await page.getByLabel('评估员 1', { exact: true }).fill('李评估员');
    await page.getByLabel('评估员 2', { exact: true }).fill('王评估员');
    await page.getByTestId('assess-diagnoses').click();
    await page.keyboard.type('F01');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');

    // The keyboard: within an item the arrow keys move between its options (B1.1: 4 → 3 → 4).
    const first = page.locator('[data-testid="item-B1.1"] input[value="4"]');
    await first.check();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('[data-testid="item-B1.1"] input[value="3"]').isChecked()).resolves.toBe(true);
    await page.keyboard.press('ArrowUp');
    await expect(first.isChecked()).resolves.toBe(true);

    for (const item of items) {
      const score = EXAMPLE[item.code] ?? Math.max(...item.scores);
      await page.locator(`[data-testid="item-${item.code}"] input[value="${score}"]`).check();
    }
    // B.1: 32 − 2; B.2: 15 − 2; B.3: 28 − 2; B.4: 15.
    await expect(page.getByTestId('assess-subtotal-B.1').innerText()).resolves.toBe('30 / 32');
    await expect(page.getByTestId('assess-subtotal-B.2').innerText()).resolves.toBe('13 / 15');
    await expect(page.getByTestId('assess-subtotal-B.3').innerText()).resolves.toBe('26 / 28');
    await expect(page.getByTestId('assess-subtotal-B.4').innerText()).resolves.toBe('15 / 15');
    await expect(page.getByTestId('assess-total').innerText()).resolves.toBe('84');
    const result = await page.getByTestId('assess-result').innerText();
    // 84 → 轻度失能; F01 (痴呆) → one grade worse: 中度失能 → 半失能 (the default mapping).
    expect(result).toMatch(/初步等级 轻度失能 → 最终等级 中度失能/);
    expect(result).toContain('半失能');
    expect(result).toContain('F01');

    // No sideways scrolling on the phone; the screenshots of the filled form.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The top of the form, with the summary held at the bottom of the screen.
    await page.evaluate(() => window.scrollTo(0, 0));
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'manager-assessment-form-390.png'), fullPage: false });
    await page.setViewportSize({ width: 1440, height: 900 });
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'manager-assessment-form-1440.png'), fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });

    await page.getByTestId('assess-save').click();
    const saved = await page.getByTestId('assess-saved').innerText();
    expect(saved).toContain('84 / 90');
    expect(saved).toContain('中度失能');
    expect(saved).toContain('半失能');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('assess-report').click()]);
    expect(download.suggestedFilename()).toMatch(/^老年人能力评估报告-.*\.pdf$/);
    // Scores read `84/90` whatever the spacing the font gives them.
    const text = squeezed(textOf(readFileSync(await download.path()))).replace(/(\d) ?\/ ?(\d)/g, '$1/$2');
    expect(text).toContain('老年人能力评估报告');
    expect(text).toContain(who.name);
    expect(text).toContain('84/90');
    expect(text).toContain('轻度失能');
    expect(text).toContain('中度失能');
    expect(text).toContain('半失能');
    expect(text).toContain('李评估员');
    expect(text).toContain('王评估员');
    expect(text).toContain('F01');

    // The level history on the resident page: scored, with its total and grade, and the report.
    await page.getByTestId('assess-back').click();
    await page.waitForURL((url) => url.pathname.endsWith(who.id));
    const entry = page.locator('li', { has: page.getByTestId('history-score') }).first();
    await entry.waitFor();
    const line = await entry.innerText();
    expect(line).toContain(`${today} 半失能`);
    expect(line).toContain('84 分 · 中度失能');
    expect(line).toContain('李评估员、王评估员');
    await expect(page.getByTestId('history-unscored').count()).resolves.toBeGreaterThan(0);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'manager-assessment-history-390.png'), fullPage: true });
    await page.context().close();
  }, 180_000);

  it('an item left out is named where it is; the API’s refusal is shown naming the item', async () => {
    const page = await signInPage(browser, base, 'manager', { viewport: { width: 390, height: 844 } });
    await page.goto(`${base}/f/${home}/residents/${who.id}/assess`);
    await page.getByTestId('item-B1.1').waitFor();
    await page.getByLabel('评估员 1', { exact: true }).fill('李评估员');
    await page.getByLabel('评估员 2', { exact: true }).fill('王评估员');
    for (const item of await itemsOf(page)) {
      if (item.code === 'B4.5') continue;
      await page.locator(`[data-testid="item-${item.code}"] input[value="0"]`).check();
    }
    await page.getByTestId('assess-save').click();
    await page.locator('.ant-form-item:has([data-testid="item-B4.5"])').getByText('请选择此项的评估结果').waitFor();
    await expect(page.getByTestId('assess-total').innerText()).resolves.toBe('0');
    // A score the form cannot send (9 for 社会交往能力, 0–4) put on the wire: the API refuses it, and the page names the item.
    await page.route('**/assessments', async (route) => {
      const body = route.request().postDataJSON();
      await route.continue({ postData: JSON.stringify({ ...body, items: { ...body.items, 'B4.5': 9 } }) });
    });
    await page.locator('[data-testid="item-B4.5"] input[value="0"]').check();
    await page.getByTestId('assess-save').click();
    const error = await page.getByTestId('assess-error').innerText();
    expect(error).toContain('B4.5 社会交往能力');
    expect(error).toContain('items.B4.5');
    await page.context().close();
  }, 120_000);
});
