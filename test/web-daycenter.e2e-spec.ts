import type { AddressInfo } from 'node:net';
import { Browser, chromium } from 'playwright-core';
import { calendarDate } from '@careops/care';
import { createDataSource } from '@careops/db';
import { DEMO_DAY_CENTER_NAME, seedDemo } from '@careops/ops';
import { findChromium } from '@careops/pdf';
import { IdNumberProtector } from '@careops/residents';
import { buildWorld, World } from './support/world';
import { signInPage } from './support/browser';

/**
 * A day center's day in the web app (docs/rules.md §2, §4), production build on the demo data,
 * signed in as `daycenter`: 全部签到 of the 12 members, a 助餐 recorded and counted in the month's
 * summary, the staffing view by the ≥ 3 staff rule, and no bed board in a menu without beds.
 */
describe('the day center in the web app (Playwright, Chromium)', () => {
  let w: World;
  let browser: Browser;
  let base: string;
  let dayCenter: string;
  const today = calendarDate(new Date(), 'Asia/Shanghai');
  const month = today.slice(0, 7);

  beforeAll(async () => {
    w = await buildWorld();
    const owner = await createDataSource({ url: w.db.url, poolSize: 2 }).initialize();
    await seedDemo(owner, w.t.app.get(IdNumberProtector));
    await owner.destroy();
    [{ id: dayCenter }] = await w.sql<{ id: string }>(`SELECT id FROM facility WHERE name = $1`, [DEMO_DAY_CENTER_NAME]);
    const server = await w.t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  const signIn = (username: string) => signInPage(browser, base, username);

  /** The month's services of one kind in the database: [services, different members]. */
  async function servicesInDb(kind: string): Promise<[number, number]> {
    const [row] = await w.sql<{ services: number; persons: number }>(
      `SELECT count(*)::int AS services, count(DISTINCT resident_id)::int AS persons FROM service_record
       WHERE facility_id = $1 AND kind = $2 AND to_char(served_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = $3`,
      [dayCenter, kind, month],
    );
    return [row.services, row.persons];
  }

  it('checks in the 12 members at once (全部签到): the sheet says 在场 for each, one audit row names them all', async () => {
    const page = await signIn('daycenter');
    await page.waitForURL(new RegExp(`/f/${dayCenter}/attendance`));
    // The demo day center has no beds: its menu has no bed board; it has attendance and 六助.
    const menu = page.getByRole('navigation', { name: '主菜单' });
    await menu.getByText('日间照料签到').waitFor();
    await menu.getByText('六助服务记录').waitFor();
    expect(await menu.getByText('床位一览').count()).toBe(0);

    const rows = page.locator('tbody tr[data-row-key]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(12);
    expect(await page.locator('[data-status=ABSENT]').count()).toBe(12);
    await page.getByTestId('attendance-counts').getByText('未到 12').waitFor();
    await page.getByTestId('attendance-time').click();
    await page.getByTestId('attendance-time').fill('08:20');
    await page.getByTestId('attendance-time').press('Enter');
    await page.getByRole('checkbox', { name: '全部签到' }).check();
    await page.getByText('已选 12 人').waitFor();
    await page.getByRole('button', { name: '全部签到' }).click();
    await page.getByText('已签到 12 人').waitFor();
    await page.getByTestId('attendance-counts').getByText('在场 12').waitFor();
    expect(await page.locator('[data-status=PRESENT]').count()).toBe(12);
    expect(await rows.filter({ hasText: '08:20' }).count()).toBe(12);

    const inDb = await w.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM attendance WHERE facility_id = $1 AND day = $2 AND check_in = '08:20'`,
      [dayCenter, today],
    );
    expect(inDb).toEqual([{ n: 12 }]);
    const audit = await w.sql<{ ids: string[] }>(
      `SELECT diff->'attendanceIds'->'after' AS ids FROM audit_event WHERE facility_id = $1 AND action = 'attendance.bulk_check_in'`,
      [dayCenter],
    );
    expect(audit.map((a) => a.ids.length)).toEqual([12]);

    // One member leaves: 签退 on their row; the count moves from 在场 to 已离开.
    await page.getByTestId('attendance-time').click();
    await page.getByTestId('attendance-time').fill('16:05');
    await page.getByTestId('attendance-time').press('Enter');
    await rows.first().getByRole('button', { name: /签退/ }).click();
    await page.getByText('已签退 1 人').waitFor();
    await page.getByTestId('attendance-counts').getByText('已离开 1').waitFor();
    await page.getByTestId('attendance-counts').getByText('在场 11').waitFor();

    // A future day cannot be chosen.
    await page.getByTestId('attendance-date').click();
    const tomorrow = new Date(`${today}T00:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    const cell = page.locator(`td[title="${tomorrow.toISOString().slice(0, 10)}"]`);
    if ((await cell.count()) > 0) expect(await cell.getAttribute('class')).toContain('ant-picker-cell-disabled');
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('records a 助餐 through the form; the list shows it and the month summary counts it', async () => {
    const [mealsBefore] = await servicesInDb('MEAL');
    const page = await signIn('daycenter');
    await page.getByRole('navigation', { name: '主菜单' }).getByText('六助服务记录').click();
    await page.waitForURL(new RegExp(`/f/${dayCenter}/services`));
    await page.getByTestId('summary-MEAL').getByText(`${mealsBefore} 次`).waitFor();

    await page.getByRole('button', { name: '登记服务' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('会员').click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    const member = (await option.textContent()) as string;
    await option.click();
    await dialog.getByLabel('服务人员').fill('钱护理员');
    await dialog.getByLabel('备注').fill('午餐：小米粥、清蒸鱼');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    const [meals, persons] = await servicesInDb('MEAL');
    expect(meals).toBe(mealsBefore + 1);
    await page.getByTestId('summary-MEAL').getByText(`${meals} 次 · ${persons} 人`).waitFor();
    const row = page.locator('tbody tr').filter({ hasText: '午餐：小米粥、清蒸鱼' });
    await row.waitFor();
    expect(await row.textContent()).toContain(member);
    expect(await row.textContent()).toContain('助餐');
    expect(await row.textContent()).toContain('钱护理员');
    const [saved] = await w.sql<{ kind: string; served_by: string }>(
      `SELECT kind, served_by FROM service_record WHERE facility_id = $1 AND notes = '午餐：小米粥、清蒸鱼'`,
      [dayCenter],
    );
    expect(saved).toEqual({ kind: 'MEAL', served_by: '钱护理员' });

    // Filters: 助浴 only hides the meal; a search by the server's name finds it.
    await page.getByTestId('services-kind').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '助浴' }).click();
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('services-kind').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '全部类型' }).click();
    await page.getByLabel('搜索会员或服务人员').fill('钱护理员');
    await row.waitFor();
    expect(await page.locator('tbody tr[data-row-key]').count()).toBe(1);
    await page.close();
  });

  it('the staffing view of a day center shows the ≥ 3 staff rule, not a caregiver ratio', async () => {
    const [{ n: staff }] = await w.sql<{ n: number }>(`SELECT count(*)::int AS n FROM staff WHERE facility_id = $1`, [dayCenter]);
    expect(staff).toBe(4);
    const page = await signIn('daycenter');
    await page.getByRole('navigation', { name: '主菜单' }).getByText('护理人员配备').click();
    const day = page.getByTestId(`day-${today}`);
    await day.waitFor();
    expect(await day.textContent()).toContain('管理/服务人员 4 人（要求 ≥ 3）');
    expect(await day.textContent()).toContain('达标');
    expect(await day.getAttribute('data-compliant')).toBe('true');
    expect(await page.getByText(/应配\s*0/).count()).toBe(0);
    await page.waitForFunction('document.querySelectorAll(".ant-spin-spinning, .ant-skeleton").length === 0');
    await day.click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText('日间照料中心须有管理/服务人员不少于 3 人').waitFor();
    expect(await drawer.innerText()).toMatch(/在册管理\/服务人员\s*4 人/);
    await page.close();
  });
});
