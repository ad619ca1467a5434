/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { addDays, calendarDate } from '@careops/care';
import { World } from './support/world';
import { demoBrowserWorld, settle, signInPage } from './support/browser';

const ROOT = join(__dirname, '..');

/**
 * The manager's 工作台 in the web app (docs/rules.md §7, §11): the production build on the demo
 * data, in Chromium. The manager lands on it, reads the census the register agrees with, sees the
 * demo's certificate running out in 5 days and follows its link to the staff list, filtered.
 */
describe('the manager’s home in the web app (Playwright, Chromium)', () => {
  let w: World;
  let browser: Browser;
  let base: string;
  let home: string;
  const today = calendarDate(new Date());

  beforeAll(async () => {
    ({ w, home, base, browser } = await demoBrowserWorld());
    mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  /** A GET of the API as the signed-in user of the page. */
  const api = <T>(page: Page, path: string) =>
    page.evaluate(async (p) => {
      const { accessToken } = JSON.parse(localStorage.getItem('careops.session') as string);
      return (await fetch(p, { headers: { authorization: `Bearer ${accessToken}` } })).json();
    }, path) as Promise<T>;

  it('the manager lands on 工作台: the census as the register counts it, the alerts, a link to fix one', async () => {
    const page = await signInPage(browser, base, 'manager');
    await page.waitForURL(new RegExp(`/f/${home}/home$`));
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('工作台');
    // 工作台 is the first item of the menu.
    expect(await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem').first().innerText()).toBe('工作台');
    await page.getByTestId('census-inCare').waitFor();
    await settle(page);

    const status = async (s: string) =>
      (await api<{ total: number }>(page, `/api/facilities/${home}/residents?status=${s}&page=1&pageSize=1`)).total;
    const [inCare, onLeave] = [await status('IN_CARE'), await status('ON_LEAVE')];
    expect(inCare).toBeGreaterThan(0);
    const figure = async (key: string) =>
      Number((await page.getByTestId(`census-${key}`).locator('.ant-statistic-content').innerText()).trim());
    expect(await figure('inCare')).toBe(inCare);
    expect(await figure('onLeave')).toBe(onLeave);
    const body = await api<{ census: { byLevel: Record<string, number>; freeBeds: number; outOfService: number; unassessed: number } }>(
      page,
      `/api/facilities/${home}/home`,
    );
    const { byLevel, unassessed } = body.census;
    expect(byLevel.SELF_CARE + byLevel.SEMI_DISABLED + byLevel.FULLY_DISABLED + unassessed).toBe(inCare + onLeave);
    for (const level of ['SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED']) expect(await figure(level)).toBe(byLevel[level]);
    expect(await figure('freeBeds')).toBe(body.census.freeBeds);
    expect(await figure('outOfService')).toBe(body.census.outOfService);

    // The demo's certificate that runs out in 5 days: a reminder naming 张丽, the certificate and the day.
    const expiring = page.getByTestId('alert-CERTIFICATES_EXPIRING');
    expect(await expiring.getAttribute('data-severity')).toBe('WARN');
    expect(await expiring.innerText()).toContain(`张丽 的 养老护理员职业技能等级证书 将于 ${addDays(today, 5)} 到期`);
    expect(await expiring.locator('.ant-tag').innerText()).toBe('提醒');
    // Keyboard: the link to fix it is reachable and opens the staff list filtered to those certificates.
    const link = page.getByTestId('alert-link-CERTIFICATES_EXPIRING');
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/f/${home}/staff\\?certificates=EXPIRING$`));
    await page.locator('[data-testid="staff-table"] .ant-table-row').first().waitFor();
    expect(await page.locator('[data-testid="staff-table"] .ant-table-row').allInnerTexts()).toEqual([expect.stringContaining('张丽')]);
    await page.close();
  }, 120_000);

  it('last month’s claim not submitted: a reminder with the programme and the deadline, linking to the claims', async () => {
    const page = await signInPage(browser, base, 'manager');
    const claim = page.getByTestId('alert-CLAIM_DUE');
    await claim.waitFor();
    const month = `${addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7)}`;
    const deadline = `${today.slice(0, 7)}-25`;
    // The demo has no claim for last month: due by the 25th, late (紧急) after it.
    expect(await claim.getAttribute('data-severity')).toBe(today > deadline ? 'DANGER' : 'WARN');
    expect(await claim.innerText()).toContain(`${month} 机构养老服务补贴尚未申领，截止 ${deadline}`);
    await page.getByTestId('alert-link-CLAIM_DUE').click();
    await page.waitForURL(new RegExp(`/f/${home}/claims$`));
    await page.getByRole('heading', { level: 1, name: '补贴申领' }).waitFor();
    await page.close();
  }, 120_000);

  it('no alerts: a friendly empty state; on a phone the figures stack without overflow', async () => {
    const page = await signInPage(browser, base, 'manager', { viewport: { width: 390, height: 844 } });
    await page.route('**/api/facilities/*/home', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), alerts: [] } });
    });
    await page.goto(`${base}/f/${home}/home`);
    await page.getByTestId('home-empty').getByText('今日无待办').waitFor();
    await settle(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  }, 120_000);

  it('the accountant lands on 工作台 too; a regulator keeps the division', async () => {
    const accountant = await signInPage(browser, base, 'accountant');
    await accountant.waitForURL(new RegExp(`/f/${home}/home$`));
    await accountant.getByTestId('census-inCare').waitFor();
    await accountant.close();
    const regulator = await signInPage(browser, base, 'regulator');
    await regulator.waitForURL(/\/division$/);
    await regulator.close();
  }, 120_000);
});
