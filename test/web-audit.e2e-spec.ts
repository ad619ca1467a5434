/// <reference lib="dom" />
// page.evaluate runs in the browser: the DOM types are for the functions passed to it.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { createDataSource } from '@careops/db';
import { DEMO_LOGINS, seedDemo } from '@careops/ops';
import { findChromium } from '@careops/pdf';
import { IdNumberProtector } from '@careops/residents';
import { buildWorld, genderOf, idNumberFor, login, World } from './support/world';
import { signInPage } from './support/browser';

const SHOTS = join(__dirname, '..', 'docs', 'screenshots');
const password = (username: string) => DEMO_LOGINS.find((l) => l.username === username)?.password as string;
/** A calendar day in China (UTC+8), `days` from today. */
const chinaDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The manager's 操作记录 (docs/rules.md §1): after an admission, a transfer and a claim submission
 * made through the API, the screen tells them as sentences, and its filters narrow them.
 */
describe('the audit trail screen (Playwright, Chromium)', () => {
  let w: World;
  let browser: Browser;
  let base: string;
  let home: string;
  const admittedOn = chinaDay(-3);
  const movedOn = chinaDay(-1);
  const lastMonth = (() => {
    const [y, m] = chinaDay(0).split('-').map(Number);
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  })();
  let claimNumber: string;

  beforeAll(async () => {
    w = await buildWorld();
    const owner = await createDataSource({ url: w.db.url, poolSize: 2 }).initialize();
    home = (await seedDemo(owner, w.t.app.get(IdNumberProtector))).facilityId;
    await owner.destroy();
    const server = await w.t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const manager = await login(w.t, 'manager', password('manager'));
    const accountant = await login(w.t, 'accountant', password('accountant'));
    const post = async (token: string, path: string, body: object) => {
      const res = await w.t.http.post(`/api/facilities/${home}${path}`).auth(token, { type: 'bearer' }).send(body);
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string; number: string };
    };
    const room = await post(manager, '/rooms', { building: '审计楼', floor: 1, number: '901' });
    const from = await post(manager, '/beds', { code: 'AU-901-1', roomId: room.id, kind: 'NURSING' });
    const to = await post(manager, '/beds', { code: 'AU-901-2', roomId: room.id, kind: 'NURSING' });
    const resident = await post(manager, '/residents', {
      name: '审计老人',
      gender: genderOf(idNumberFor('1938-03-04', 901)),
      dateOfBirth: '1938-03-04',
      idNumber: idNumberFor('1938-03-04', 901),
    });
    const admission = await post(manager, '/admissions', { residentId: resident.id, bedId: from.id, admittedOn });
    await post(manager, `/admissions/${admission.id}/transfer`, { bedId: to.id, on: movedOn });
    const claim = await post(accountant, '/claims', { month: lastMonth });
    claimNumber = claim.number;
    await post(accountant, `/claims/${claim.id}/submit`, {});

    browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  const signIn = (username: string, viewport = { width: 1440, height: 900 }) => signInPage(browser, base, username, { viewport });
  const sentences = (page: Page) => page.getByTestId('audit-sentence').allInnerTexts();
  /** Waits until `read` gives what `ok` accepts (the screen refetches after a filter), then returns it. */
  async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeout = 10_000): Promise<T> {
    const end = Date.now() + timeout;
    for (;;) {
      const v = await read();
      if (ok(v) || Date.now() > end) return v;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const settled = (page: Page) => page.waitForFunction('document.querySelectorAll(".ant-spin-spinning").length === 0');

  it('the manager opens 操作记录 from the menu and reads the admission, the transfer and the submission as sentences', async () => {
    const page = await signIn('manager');
    await page.getByRole('menuitem', { name: '操作记录' }).click();
    await page.waitForURL(`**/f/${home}/audit`);
    await page.getByTestId('audit-sentence').first().waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('操作记录');
    await settled(page);
    const shown = await sentences(page);
    expect(shown).toEqual(
      expect.arrayContaining([
        `王院长 为 审计老人 办理入住，床位 AU-901-1，入住日 ${admittedOn}`,
        `王院长 将 审计老人 从 AU-901-1 转至 AU-901-2（${movedOn} 起）`,
        `李会计 提交了 ${lastMonth} 的补贴申领 ${claimNumber}`,
      ]),
    );
    // Newest first: the submission came after the transfer, the transfer after the admission.
    const at = (s: string) => shown.findIndex((x) => x.startsWith(s));
    expect(at('李会计 提交了')).toBeLessThan(at('王院长 将 审计老人'));
    expect(at('王院长 将 审计老人')).toBeLessThan(at('王院长 为 审计老人 办理入住'));
    await page.screenshot({ path: join(SHOTS, 'manager-audit-trail.png'), fullPage: false });

    // By kind: 转床 leaves transfers only.
    await page.getByTestId('audit-kind').click();
    await page.locator('.ant-select-dropdown:visible').getByText('转床', { exact: true }).click();
    await settled(page);
    const actions = () => page.getByTestId('audit-entry').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-action')))]);
    expect(await until(actions, (a) => a.length === 1)).toEqual(['admission.transfer']);
    expect(await sentences(page)).toContain(`王院长 将 审计老人 从 AU-901-1 转至 AU-901-2（${movedOn} 起）`);

    // By person as well: the accountant made no transfer; then every kind of hers: sign-in, draft, submission.
    await page.getByTestId('audit-person').click();
    await page.locator('.ant-select-dropdown:visible').getByText('李会计', { exact: true }).click();
    expect(await until(() => page.getByText('没有符合条件的记录').isVisible(), Boolean)).toBe(true);
    await page.getByTestId('audit-kind').locator('.ant-select-clear').click({ force: true });
    await until(
      () => sentences(page),
      (all) => all.length > 0,
    );
    await settled(page);
    const hers = await sentences(page);
    expect(hers.every((s) => s.startsWith('李会计'))).toBe(true);
    expect(hers).toEqual(
      expect.arrayContaining([
        `李会计 提交了 ${lastMonth} 的补贴申领 ${claimNumber}`,
        `李会计 生成了 ${lastMonth} 的补贴申领 ${claimNumber}`,
        '李会计 登录',
      ]),
    );

    // By dates: a range before anything happened holds nothing.
    const [start, end] = await page.locator('.ant-picker-range input').all();
    await start.click();
    await start.fill('2020-01-01');
    await end.click();
    await end.fill('2020-01-31');
    await end.press('Enter');
    expect(await until(() => page.getByText('没有符合条件的记录').isVisible(), Boolean)).toBe(true);
    await page.close();
  }, 120_000);

  it('on a phone the list reads without sideways scrolling; in English the same entries read in English', async () => {
    const page = await signIn('manager', { width: 390, height: 844 });
    await page.goto(`${base}/f/${home}/audit`);
    await page.getByTestId('audit-sentence').first().waitFor();
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SHOTS, 'manager-audit-trail-phone.png'), fullPage: false });
    await page.evaluate(() => localStorage.setItem('careops.lang', 'en'));
    await page.reload();
    await page.getByTestId('audit-sentence').first().waitFor();
    await settled(page);
    expect(await sentences(page)).toEqual(
      expect.arrayContaining([
        `王院长 moved 审计老人 from AU-901-1 to AU-901-2 on ${movedOn}`,
        `李会计 submitted the ${lastMonth} subsidy claim ${claimNumber}`,
      ]),
    );
    await page.close();
  }, 120_000);
});
