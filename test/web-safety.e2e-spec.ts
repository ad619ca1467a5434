import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { calendarDate } from '@careops/care';
import { binary, squeezed, textOf } from './support/pdf-text';
import { login, World } from './support/world';
import { demoBrowserWorld, demoPassword, settle, signInPage } from './support/browser';

const SHOTS = join(__dirname, '..', 'docs', 'screenshots');
const PHONE = { width: 390, height: 844 };

/**
 * 安全管理 in the web app (docs/rules.md §10), production build on the demo data, signed in as the
 * manager: a 九防 assessment with one 高 risk and its measure on a phone; an incident reported and
 * closed with the family notice and the review; the compliance PDF counts the month's incidents.
 */
describe('service safety in the web app (Playwright, Chromium)', () => {
  let w: World;
  let browser: Browser;
  let base: string;
  let home: string;
  const today = calendarDate(new Date(), 'Asia/Shanghai');

  beforeAll(async () => {
    ({ w, home, base, browser } = await demoBrowserWorld());
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  it('records a 九防 assessment with one 高 risk and its measure on a phone', async () => {
    // A resident in care today with no risk assessment yet.
    const [who] = await w.sql<{ id: string; name: string }>(
      `SELECT r.id, r.name FROM resident r JOIN stay s ON s.resident_id = r.id AND s.period @> $2::date
       WHERE r.facility_id = $1 AND NOT EXISTS (SELECT 1 FROM risk_assessment a WHERE a.resident_id = r.id) ORDER BY r.name LIMIT 1`,
      [home, today],
    );
    const page = await signInPage(browser, base, 'manager', { viewport: PHONE });
    await page.goto(`${base}/f/${home}/residents/${who.id}`);
    await settle(page);
    const card = page.getByTestId('risk-card');
    await card.getByText('尚未做九防评估').waitFor();
    await card.getByTestId('risk-record').click();
    const form = page.getByTestId('risk-form');
    await form.waitFor();
    await page.getByTestId('risk-row-WANDERING').getByText('高', { exact: true }).click();
    await page.getByTestId('risk-row-SCALD').getByText('低', { exact: true }).click();
    // 高 without a measure: the form asks for it before anything is sent.
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('高风险须填写防护措施').waitFor();
    await page.getByTestId('risk-measure-WANDERING').fill('佩戴定位手环，门禁登记外出');
    await page.screenshot({ path: join(SHOTS, 'manager-risk-dialog-390.png') });
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'detached' });
    await card.getByText('高风险 1 项').waitFor();
    await card.getByText('佩戴定位手环，门禁登记外出').waitFor();
    const [row] = await w.sql<{ risks: Record<string, string>; measures: Record<string, string>; assessed_on: string }>(
      `SELECT risks, measures, assessed_on::text FROM risk_assessment WHERE resident_id = $1`,
      [who.id],
    );
    expect(row.assessed_on).toBe(today);
    expect(row.risks).toMatchObject({ WANDERING: 'HIGH', SCALD: 'LOW', FALL: 'NONE' });
    expect(row.measures).toEqual({ WANDERING: '佩戴定位手环，门禁登记外出' });
    await page.close();
  }, 120_000);

  it('reports an incident and closes it with the family notice and the review; the compliance PDF counts it', async () => {
    const [who] = await w.sql<{ name: string }>(
      `SELECT r.name FROM resident r JOIN stay s ON s.resident_id = r.id AND s.period @> $2::date WHERE r.facility_id = $1 ORDER BY r.name LIMIT 1`,
      [home, today],
    );
    const page = await signInPage(browser, base, 'manager');
    await page.getByRole('navigation', { name: '主菜单' }).getByText('安全管理').click();
    await page.waitForURL(new RegExp(`/f/${home}/safety`));
    await settle(page);
    await page.getByTestId('safety-summary').waitFor();
    await page.screenshot({ path: join(SHOTS, 'manager-safety-1440.png'), fullPage: true });

    await page.getByTestId('incident-new').click();
    const form = page.getByTestId('incident-form');
    await form.waitFor();
    await page.getByTestId('incident-type').click();
    await page.locator('.ant-select-dropdown:visible').getByText('噎食', { exact: true }).click();
    await page.getByTestId('incident-residents').click();
    await page.keyboard.type(who.name);
    await page.locator('.ant-select-dropdown:visible').getByText(who.name, { exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('incident-place').fill('颐康楼一层餐厅');
    await page.getByTestId('incident-description').fill('午餐时进食馒头噎住，咳嗽不止');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'detached' });

    const row = page.locator('tbody tr[data-row-key]').filter({ hasText: '颐康楼一层餐厅' });
    await row.waitFor();
    await row.getByTestId('incident-close').click();
    const close = page.getByTestId('close-form');
    await close.waitFor();
    const now = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date());
    await page.getByTestId('close-notified-at').click();
    await page.getByTestId('close-notified-at').fill(now);
    await page.keyboard.press('Enter');
    await page.getByTestId('close-how').fill('电话');
    await page.getByTestId('close-by').fill('王院长');
    // Without the review, it does not close.
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /结\s*案/ })
      .click();
    await close
      .getByText(/必填|请填写|不能为空/)
      .first()
      .waitFor();
    await page.getByTestId('close-review').fill('改为软食，进餐时专人看护');
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /结\s*案/ })
      .click();
    await close.waitFor({ state: 'detached' });
    await row.getByText('已结案').waitFor();

    const [saved] = await w.sql<{ type: string; closed: boolean; how: string; review: string; residents: number }>(
      `SELECT type, closed_at IS NOT NULL AS closed, family_notified_how AS how, review,
              (SELECT count(*)::int FROM incident_resident ir WHERE ir.incident_id = i.id) AS residents
       FROM incident i WHERE facility_id = $1 AND place = '颐康楼一层餐厅'`,
      [home],
    );
    expect(saved).toEqual({ type: 'CHOKING', closed: true, how: '电话', review: '改为软食，进餐时专人看护', residents: 1 });
    await page.close();

    const phone = await signInPage(browser, base, 'manager', { viewport: PHONE });
    await phone.goto(`${base}/f/${home}/safety`);
    await settle(phone);
    await phone.getByTestId('safety-summary').waitFor();
    await phone.screenshot({ path: join(SHOTS, 'manager-safety-390.png'), fullPage: true });
    await phone.close();

    // The compliance report of this month counts the incidents that occurred in it (the demo's fall may be last month).
    const month = today.slice(0, 7);
    const [{ n }] = await w.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM incident WHERE facility_id = $1 AND to_char(occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = $2`,
      [home, month],
    );
    const token = await login(w.t, 'manager', demoPassword('manager'));
    const pdf = await binary(
      w.t.http.get(`/api/facilities/${home}/reports/compliance.pdf?month=${month}`).auth(token, { type: 'bearer' }),
    ).expect(200);
    const text = squeezed(textOf(pdf.body as Buffer));
    expect(text).toMatch(new RegExp(`本月安全事件 ${n} 起`));
    expect(text).toContain('噎食 1 起');
  }, 180_000);
});
