/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { calendarDate } from '@careops/care';
import { World } from './support/world';
import { demoBrowserWorld, settle, signInPage } from './support/browser';

const ROOT = join(__dirname, '..');
const SHOTS = join(ROOT, 'docs', 'screenshots');
const AXE = join(dirname(require.resolve('axe-core')), 'axe.min.js');
const plusDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Staff, trainings and certificates kept in the web app (docs/rules.md §6): the production build on
 * the demo data, in Chromium. A caregiver added with a training and a certificate in the UI counts
 * on that day's staffing check; the list filters by role and expiring certificates and searches by name.
 */
describe('staff in the web app (Playwright, Chromium)', () => {
  let w: World;
  let browser: Browser;
  let base: string;
  let home: string;
  // The facility's today (its time zone): the day the drawer and the staffing check are asked about.
  const today = calendarDate(new Date());

  beforeAll(async () => {
    ({ w, home, base, browser } = await demoBrowserWorld());
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  const signIn = (size: { width: number; height: number }) => signInPage(browser, base, 'manager', { viewport: size });

  /** Caregivers counted (FTE) on a day, as the staffing check answers it to the signed-in manager. */
  const countedOn = (page: Page, day: string) =>
    page.evaluate(
      async ([facility, from, to]) => {
        const { accessToken } = JSON.parse(localStorage.getItem('careops.session') as string);
        const res = await fetch(`/api/facilities/${facility}/compliance/staffing?from=${from}&to=${to}`, {
          headers: { authorization: `Bearer ${accessToken}` },
        });
        return (await res.json()).days[0].counted as number;
      },
      [home, day, plusDays(day, 1)] as const,
    );

  /** Types a date; Enter in a one-field form would submit it (implicit submission), so there the key is Tab. */
  const typeDate = async (scope: ReturnType<Page['locator']>, label: string, value: string, key: 'Enter' | 'Tab' = 'Enter') => {
    await scope.getByLabel(label).fill(value);
    await scope.getByLabel(label).press(key);
  };

  const rows = (page: Page) => page.locator('[data-testid="staff-table"] .ant-table-row');

  /** Waits until the table shows exactly these people (by name), in order; fails showing what it shows. */
  async function rowsAre(page: Page, names: string[]) {
    const deadline = Date.now() + 10_000;
    let got: string[] = [];
    while (Date.now() < deadline) {
      got = (await rows(page).allInnerTexts()).map((t) => names.find((n) => t.includes(n)) ?? t);
      if (JSON.stringify(got) === JSON.stringify(names)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(got).toEqual(names);
  }

  it('a caregiver added with a training and a certificate in the UI counts that day; wrong entries are corrected or removed, each audited', async () => {
    const page = await signIn({ width: 1440, height: 900 });
    await page.goto(`${base}/f/${home}/staff`);
    await rows(page).first().waitFor();
    const before = await countedOn(page, today);

    // 新增员工: an empty name is refused, naming the field.
    await page.getByTestId('staff-add').click();
    const form = page.getByTestId('staff-form');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await form.getByText('请填写姓名').waitFor();
    await form.getByLabel('姓名').fill('梁晓燕');
    await typeDate(form, '入职日期', '2025-01-02');
    await form.getByLabel('联系电话').fill('13903751234');
    await page.getByRole('button', { name: /保\s*存/ }).click();

    // The new member's drawer opens: not counted until trained (先培训后上岗).
    const drawer = page.getByTestId('staff-drawer');
    await drawer.getByText('梁晓燕').waitFor();
    await drawer.getByTestId('staff-counted').getByText('不计入：未经岗前培训').waitFor();

    // A training entered as not passed by mistake, then corrected.
    await drawer.getByTestId('add-training').click();
    const training = page.getByTestId('training-form');
    await typeDate(training, '完成日期', '2025-01-03');
    await training.getByLabel('不合格').check();
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await drawer.getByTestId('staff-trainings').getByText('不合格').waitFor();
    await drawer.getByTestId('staff-counted').getByText('不计入：未经岗前培训').waitFor();
    await drawer
      .getByTestId('staff-trainings')
      .getByRole('button', { name: /更\s*正/ })
      .click();
    await page.getByTestId('training-form').getByLabel('合格', { exact: true }).check();
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await drawer.getByTestId('staff-trainings').getByText('合格', { exact: true }).waitFor();
    await drawer.getByTestId('staff-counted').getByText('不计入：无有效证书').waitFor();

    // A certificate: the expiry must come after the issue date (the message names both fields).
    await drawer.getByTestId('add-certificate').click();
    const certificate = page.getByTestId('certificate-form');
    expect(await certificate.getByLabel('证书类型').inputValue()).toBe('养老护理员职业技能等级证书');
    await certificate.getByLabel('证书编号').fill('S000041000000235009999');
    await typeDate(certificate, '发证日期', '2025-01-10');
    await typeDate(certificate, '到期日', '2025-01-10');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await certificate.getByText('到期日须晚于发证日期').waitFor();
    await typeDate(certificate, '到期日', plusDays(today, 20));
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await drawer.getByTestId('staff-certificates').getByText('S000041000000235009999').waitFor();
    await drawer.getByTestId('staff-counted').getByText('计入', { exact: true }).waitFor();

    // The staffing check counts one more caregiver (FTE 1) today.
    expect(await countedOn(page, today)).toBe(before + 1);

    // A second certificate entered by mistake is removed (confirmed first).
    await drawer.getByTestId('add-certificate').click();
    const wrong = page.getByTestId('certificate-form');
    await wrong.getByLabel('证书编号').fill('WRONG-1');
    await typeDate(wrong, '发证日期', '2025-01-10');
    await typeDate(wrong, '到期日', '2028-01-10');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    const wrongItem = drawer.getByTestId('staff-certificates').locator('.ant-list-item', { hasText: 'WRONG-1' });
    await wrongItem.waitFor();
    await wrongItem.getByRole('button', { name: /删\s*除/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await wrongItem.waitFor({ state: 'detached' });
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'staff-drawer.png') });

    // 办理离职: a day not after the day employed from is refused, naming both.
    await drawer.getByTestId('staff-leave').click();
    const leave = page.getByTestId('leave-form');
    await typeDate(leave, '离职日期', '2025-01-02', 'Tab');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await leave.getByText('离职日期须晚于入职日期').waitFor();
    // Leaving today: from today on she is not employed, and the day's check no longer counts her.
    await typeDate(leave, '离职日期', today, 'Tab');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await drawer.getByTestId('staff-employment').getByText('已离职').waitFor();
    await drawer.getByTestId('staff-counted').getByText('不计入：当日不在职').waitFor();
    expect(await countedOn(page, today)).toBe(before);
    // A leave recorded by mistake is undone: employed again, counted again.
    await drawer.getByTestId('staff-undo-leave').click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '撤销离职' }).click();
    await drawer.getByTestId('staff-counted').getByText('计入', { exact: true }).waitFor();
    expect(await countedOn(page, today)).toBe(before + 1);

    // Every change of this test is audited (the demo's seed writes its staff directly).
    const actions = await w.sql<{ action: string }>(
      `SELECT action FROM audit_event WHERE facility_id = $1 AND action LIKE 'staff.%' ORDER BY id`,
      [home],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'staff.create',
      'staff.training',
      'staff.training.update',
      'staff.certificate',
      'staff.certificate',
      'staff.certificate.delete',
      'staff.update',
      'staff.update',
    ]);
    await page.close();
  });

  it('the list searches by name and filters by role and by certificates expiring within 30 days; on a phone too', async () => {
    const page = await signIn({ width: 390, height: 844 });
    await page.goto(`${base}/f/${home}/staff`);
    await rows(page).first().waitFor();
    const all = await rows(page).count();
    expect(all).toBeGreaterThan(3);

    await page.getByTestId('staff-search').getByRole('searchbox').fill('梁晓');
    await rowsAre(page, ['梁晓燕']);

    // Role: the caregiver is not among the nurses.
    await page.getByTestId('staff-role-filter').click();
    await page.locator('.ant-select-item-option[title="护士"]').click();
    await page.locator('[data-testid="staff-table"] .ant-empty, [data-testid="staff-table"] .ant-table-placeholder').first().waitFor();
    expect(await rows(page).count()).toBe(0);
    await page.getByTestId('staff-role-filter').click();
    await page.locator('.ant-select-item-option[title="护理员"]').click();
    await rowsAre(page, ['梁晓燕']);

    // Expiring within 30 days: hers runs out in 20; cleared search, every row shown runs out within 30 days.
    await page.getByTestId('staff-search').getByRole('searchbox').fill('');
    await page.getByTestId('staff-certificate-filter').click();
    await page.locator('.ant-select-item-option[title="证书30天内到期"]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="staff-table"] .ant-table-row').length > 0);
    const shown = await rows(page).allInnerTexts();
    expect(shown.some((r) => r.includes('梁晓燕'))).toBe(true);
    for (const r of shown) expect(r).toContain('30天内到期');
    expect(shown.length).toBeLessThan(all);

    // No sideways scroll on a phone: the list and the drawer.
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await sideways()).toBeLessThanOrEqual(0);
    await rows(page).filter({ hasText: '梁晓燕' }).getByRole('button', { name: '梁晓燕', exact: true }).click();
    const drawer = page.getByTestId('staff-drawer');
    await drawer.getByTestId('staff-certificates').waitFor();
    await settle(page);
    expect(await sideways()).toBeLessThanOrEqual(0);
    const box = await page.locator('.ant-drawer-content-wrapper').boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 391).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'staff-drawer-phone.png') });

    // axe-core on the open drawer: no serious or critical finding.
    await page.addScriptTag({ path: AXE });
    const found = (await page.evaluate(
      `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')))`,
    )) as string[];
    expect(found).toEqual([]);
    await page.close();
  });
});
