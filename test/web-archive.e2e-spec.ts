import type { AddressInfo } from 'node:net';
import { Browser, chromium } from 'playwright-core';
import { findChromium } from '@careops/pdf';
import { signInPage } from './support/browser';
import { buildWorld, PASSWORD, World } from './support/world';

/**
 * The platform archives a facility in the web app (docs/rules.md §11), production build: on 机构信息
 * the admin asks to archive, must give a reason, confirms; the facility shows as archived, leaves the
 * bureau's summary and its manager cannot sign in; brought back after a confirmation, all undone.
 */
describe('archiving a facility (Playwright, Chromium)', () => {
  let w: World;
  let browser: Browser;
  let base: string;
  const auth = { type: 'bearer' } as const;

  beforeAll(async () => {
    w = await buildWorld();
    const server = await w.t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  const inSummary = async () =>
    (await w.t.http.get('/api/divisions/410400/summary?month=2026-09').auth(w.token.reg410400, auth).expect(200)).body.rows.map(
      (r: { facilityId: string }) => r.facilityId,
    );
  const managerSignsIn = async () => (await w.t.http.post('/api/auth/login').send({ username: 'manager.a', password: PASSWORD })).status;
  const archivedAt = async () =>
    (
      await w.sql<{ archived_at: Date | null; archive_reason: string | null }>(
        `SELECT archived_at, archive_reason FROM facility WHERE id = $1`,
        [w.A],
      )
    )[0];

  it('the admin archives with a reason after confirming, sees it archived, and brings it back', async () => {
    expect(await inSummary()).toContain(w.A);
    const page = await signInPage(browser, base, 'root', { password: PASSWORD });
    await page.goto(`${base}/f/${w.A}/info`);
    await page.getByTestId('facility-archive').click();
    // A reason is required: the dialog says so and nothing is archived.
    await page.getByTestId('facility-archive-ok').click();
    await page.getByText('请填写归档原因').waitFor();
    expect((await archivedAt()).archived_at).toBeNull();
    await page.getByTestId('facility-archive-reason').fill('机构已停业');
    await page.getByTestId('facility-archive-ok').click();
    await page.getByTestId('facility-archived').waitFor();
    expect(await page.getByTestId('facility-archived').innerText()).toContain('机构已停业');
    const archived = await archivedAt();
    expect(archived.archived_at).not.toBeNull();
    expect(archived.archive_reason).toBe('机构已停业');
    expect(await inSummary()).not.toContain(w.A);
    expect(await managerSignsIn()).not.toBe(200);
    // Brought back after a confirmation.
    await page.getByTestId('facility-unarchive').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /恢\s*复/ })
      .click();
    await page.getByTestId('facility-archive').waitFor();
    expect((await archivedAt()).archived_at).toBeNull();
    expect(await inSummary()).toContain(w.A);
    expect(await managerSignsIn()).toBe(200);
    await page.close();
  });

  it('only the platform sees the archive: the manager’s 机构信息 has no such card', async () => {
    const page = await signInPage(browser, base, 'manager.a', { password: PASSWORD });
    await page.goto(`${base}/f/${w.A}/info`);
    await page.getByTestId('facility-save').waitFor();
    expect(await page.getByTestId('facility-archive-card').count()).toBe(0);
    await page.close();
  });
});
