import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, type Page } from 'playwright-core';
import { findChromium } from '@careops/pdf';
import { settle, signInPage } from './support/browser';
import { buildWorld, PASSWORD, World } from './support/world';

const SHOTS = join(__dirname, '..', 'docs', 'screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const MONTH = '2026-09';
const FACILITIES = 150;

/**
 * The regulator's dashboard in the web app (docs/rules.md §11), production build: 平顶山市 with 150
 * facilities loaded set-based through the owner connection (each 20 beds, its nursing-type share
 * between 35 % and 75 %; a third with the month's 月报 on time), usable within 1 s of navigation;
 * the regulator filters the below-target facilities, sorts, drills into one and sees its monthly reports.
 */
describe('the regulator’s dashboard (Playwright, Chromium)', () => {
  let w: World;
  let browser: Browser;
  let base: string;
  const auth = { type: 'bearer' } as const;

  beforeAll(async () => {
    w = await buildWorld();
    const counties = ['410402', '410403', '410404', '410411', '410421', '410422', '410423', '410425', '410481', '410482'];
    await w.sql(
      `INSERT INTO facility (name, type, division_code, building_area_m2)
       SELECT '看板养老院' || lpad(g::text, 3, '0'), CASE WHEN g % 10 = 0 THEN 'STREET_CENTER' ELSE 'CARE_HOME' END,
              ($2::text[])[1 + g % cardinality($2::text[])], 3000
       FROM generate_series(1, $1::int) g`,
      [FACILITIES - 1, counties],
    );
    await w.sql(
      `INSERT INTO room (facility_id, building, floor, number) SELECT id, '1号楼', 1, '101' FROM facility WHERE name LIKE '看板养老院%'`,
    );
    await w.sql(
      `INSERT INTO bed (facility_id, room_id, code, kind)
       SELECT f.id, r.id, 'B' || b, CASE WHEN b * 5 < 35 + substr(f.name, 6)::int % 41 THEN 'NURSING' ELSE 'GENERAL' END
       FROM facility f JOIN room r ON r.facility_id = f.id CROSS JOIN generate_series(0, 19) b WHERE f.name LIKE '看板养老院%'`,
    );
    await w.sql(
      `INSERT INTO monthly_report (facility_id, month, seq, submitted_at, snapshot)
       SELECT id, '2026-09-01', 1, '2026-10-10T02:00:00Z', '{}' FROM facility WHERE name LIKE '看板养老院%' AND substr(name, 6)::int % 3 = 0`,
    );
    const server = await w.t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  const facilityRows = (page: Page) => page.locator('tr[data-level=FACILITY]');
  /** Waits until the table shows `n` facility rows. */
  const rowsShown = (page: Page, n: number) => page.waitForFunction(`document.querySelectorAll('tr[data-level=FACILITY]').length === ${n}`);

  it('150 facilities usable ≤ 1 s after navigation; filter below target, sort, drill into one and see its monthly reports', async () => {
    const summary = (await w.t.http.get(`/api/divisions/410400/summary?month=${MONTH}`).auth(w.token.reg410400, auth).expect(200)).body;
    expect(summary.rows).toHaveLength(FACILITIES);
    for (const path of [`summary?month=${MONTH}`, `monthly-reports?month=${MONTH}`, `trend?months=12&to=${MONTH}`]) {
      const t = Date.now();
      await w.t.http.get(`/api/divisions/410400/${path}`).auth(w.token.reg410400, auth).expect(200);
      console.log(`GET /api/divisions/410400/${path}: ${Date.now() - t} ms`);
    }
    const page = await signInPage(browser, base, 'reg.410400', { password: PASSWORD, viewport: DESKTOP });
    // Warm: the page's code once (a regulator's first screen), then three measured navigations, the
    // median kept (one load on a shared machine is one sample of its noise); polled every frame.
    await facilityRows(page).first().waitFor();
    const loads: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      await page.goto(`${base}/division?month=${MONTH}`);
      await page.waitForFunction(`document.querySelectorAll('tr[data-level=FACILITY]').length === ${FACILITIES}`, undefined, {
        polling: 'raf',
        timeout: 30_000,
      });
      loads.push(Date.now() - started);
    }
    const usableMs = [...loads].sort((x, y) => x - y)[1];
    console.log(`dashboard of ${FACILITIES} facilities usable after ${usableMs} ms (median of ${loads.join(', ')} ms; goal ≤ 1000 ms)`);
    expect(usableMs).toBeLessThanOrEqual(1000);
    await page.getByTestId('trend-chart').waitFor();
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'regulator-dashboard-1440.png') });

    // Below target: nursing-type beds under 55 % (nothing else fails here: no one assessed, no caregiver).
    const below = summary.rows.filter(
      (r: { nursingBedTargetMet: boolean | null; staffingCompliancePct: number | null; certification: { pct: number | null } }) =>
        r.nursingBedTargetMet === false ||
        (r.staffingCompliancePct !== null && r.staffingCompliancePct < 100) ||
        (r.certification.pct !== null && r.certification.pct < 100),
    );
    expect(below.length).toBeGreaterThan(0);
    expect(below.length).toBeLessThan(FACILITIES);
    await page.getByTestId('filter-below').click();
    await rowsShown(page, below.length);
    await expect(page.getByTestId('division-shown').textContent()).resolves.toContain(String(below.length));

    // Late or missing 月报 as well: two thirds of them (a third reported on time).
    await page.getByTestId('filter-report').click();
    const both = below.filter((r: { name: string }) => Number(r.name.slice(5)) % 3 !== 0);
    await rowsShown(page, both.length);
    await page.getByTestId('filter-report').click();

    // Sort by the nursing-type ratio: within each county, ascending.
    await page.getByRole('columnheader', { name: /护理型占比/ }).click();
    const ratios = await page.$$eval('tr[data-level]', (trs) =>
      trs.map((tr) => ({ level: tr.getAttribute('data-level'), pct: parseFloat(tr.children[5].textContent ?? '') })),
    );
    let run: number[] = [];
    for (const r of [...ratios, { level: 'COUNTY', pct: 0 }]) {
      if (r.level !== 'FACILITY') {
        expect(run).toEqual([...run].sort((a, b) => a - b));
        run = [];
      } else run.push(r.pct);
    }

    // Drill into the first facility shown: its figures, its trend and its monthly reports.
    const first = facilityRows(page).first().locator('a');
    const name = (await first.innerText()).trim();
    await first.click();
    await page.waitForURL(/\/division\/facility\//);
    await page.getByTestId('facility-figures').waitFor();
    await expect(page.locator('h1').innerText()).resolves.toContain(name);
    await page.getByTestId('trend-chart').waitFor();
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'regulator-facility-1440.png') });

    // One with a monthly report: the month shows in its list.
    const reported = summary.rows.find((r: { name: string }) => Number(r.name.slice(5)) % 3 === 0);
    await page.goto(`${base}/division/facility/${reported.facilityId}?month=${MONTH}`);
    await page.getByTestId('facility-monthly-reports').getByText(MONTH).first().waitFor();
    await page.close();

    // A phone: the dashboard and the drill-down.
    const phone = await signInPage(browser, base, 'reg.410400', { password: PASSWORD, viewport: PHONE });
    await phone.goto(`${base}/division?month=${MONTH}`);
    await facilityRows(phone).first().waitFor();
    await settle(phone);
    await phone.screenshot({ path: join(SHOTS, 'regulator-dashboard-390.png') });
    await phone.goto(`${base}/division/facility/${reported.facilityId}?month=${MONTH}`);
    await phone.getByTestId('facility-figures').waitFor();
    await settle(phone);
    await phone.screenshot({ path: join(SHOTS, 'regulator-facility-390.png') });
    await phone.close();
  }, 300_000);
});
