import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { findChromium } from '@careops/pdf';
import { binary } from './support/pdf-text';
import { buildWorld, populate, World } from './support/world';

const ROOT = join(__dirname, '..');
const SHOTS = join(ROOT, 'docs', 'screenshots');
const AXE = join(dirname(require.resolve('axe-core')), 'axe.min.js');
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;

/**
 * The public verification page (docs/rules.md §8) as someone holding a paper meets it: no sign-in,
 * opened from the QR code's URL, by a typed number, or by choosing the PDF; Chinese and English, on a
 * phone and a desktop; axe finds nothing serious. Production build served by the real API.
 */
describe('the public /verify page (Playwright, Chromium, not signed in)', () => {
  let w: World;
  let browser: Browser;
  let base: string;
  let claimId: string;
  let number: string;
  let pdfFile: string;
  const auth = { type: 'bearer' } as const;

  beforeAll(async () => {
    w = await buildWorld();
    await populate(w, w.A, w.token.managerA, 1);
    [{ id: claimId }] = await w.sql<{ id: string }>(`SELECT id FROM claim WHERE facility_id = $1 AND month = '2026-01'`, [w.A]);
    await w.t.http.post(`/api/facilities/${w.A}/claims/${claimId}/submit`).auth(w.token.accountantA, auth).expect(201);
    const res = await binary(w.t.http.get(`/api/facilities/${w.A}/reports/claim/${claimId}.pdf`).auth(w.token.accountantA, auth)).expect(
      200,
    );
    number = res.headers['x-document-number'];
    const dir = join(ROOT, 'tmp', 'documents');
    mkdirSync(dir, { recursive: true });
    pdfFile = join(dir, `verify-${number}.pdf`);
    writeFileSync(pdfFile, res.body as Buffer);
    const server = await w.t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  async function open(path: string, size: (typeof SIZES)[number] = SIZES[1], lang: 'zh' | 'en' = 'zh'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, locale: 'zh-CN' });
    await context.addInitScript((l) => localStorage.setItem('careops.lang', l), lang);
    const page = await context.newPage();
    await page.goto(`${base}${path}`);
    return page;
  }

  /** The result card once the look-up has answered. */
  async function result(page: Page) {
    const card = page.getByTestId('verify-result');
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    await page.waitForTimeout(300); // animations done, for the screenshot and axe
    return card;
  }

  async function axe(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: AXE });
    const found = (await page.evaluate(
      `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) })))`,
    )) as { id: string; impact: string; nodes: string[] }[];
    return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.join(' | ')}`);
  }

  const overflows = (page: Page) => page.evaluate('document.documentElement.scrollWidth > window.innerWidth') as Promise<boolean>;

  it("the QR code's URL, not signed in: the document's facts at once, in Chinese and English, phone and desktop, axe-clean", async () => {
    for (const size of SIZES)
      for (const lang of ['zh', 'en'] as const) {
        const page = await open(`/verify?code=${number}`, size, lang);
        const card = await result(page);
        expect(page.url()).toContain('/verify'); // not sent to sign in
        expect(await card.getAttribute('data-valid')).toBe('true');
        const text = await card.innerText();
        for (const s of [number, '颐康综合养老服务中心', '2026-01', '130.65', '410421']) expect(text).toContain(s);
        if (lang === 'zh')
          for (const s of ['有效：本系统出具的文件', '养老服务补贴申领表', '已提交', '河南省平顶山市宝丰县']) expect(text).toContain(s);
        else for (const s of ['Valid: issued by this system', 'Elderly-care subsidy claim']) expect(text).toContain(s);
        expect(await page.locator('h1').count()).toBe(1);
        expect(await overflows(page)).toBe(false);
        expect(await axe(page)).toEqual([]);
        await page.screenshot({
          path: lang === 'zh' ? join(SHOTS, `public-verify-${size.name}.png`) : join(ROOT, 'tmp', `public-verify-${size.name}-en.png`),
          fullPage: true,
        });
        await page.context().close();
      }
  });

  it('the PDF chosen on the page: its SHA-256 computed in the browser finds the same document', async () => {
    const page = await open('/verify');
    await page.locator('input[type=file]').setInputFiles(pdfFile);
    const text = await (await result(page)).innerText();
    for (const s of ['有效', number, '颐康综合养老服务中心', '已提交', '130.65']) expect(text).toContain(s);
    await page.context().close();
  });

  it('a bogus code shows 无效, typed or in the URL', async () => {
    const page = await open('/verify?code=CLM-20260101-999999');
    expect(await (await result(page)).innerText()).toContain('无效');
    await page.getByTestId('verify-code').locator('input').fill('not-a-document');
    await page.getByTestId('verify-code').locator('input').press('Enter');
    await page.waitForURL(/code=not-a-document/);
    const card = await result(page);
    expect(await card.getAttribute('data-valid')).toBe('false');
    expect(await card.innerText()).toContain('无效');
    await page.screenshot({ path: join(SHOTS, 'public-verify-invalid-desktop.png') });
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });

  it('a replaced document says 已被 … 替代, and the claim state is the one of now', async () => {
    await w.t.http.post(`/api/facilities/${w.A}/claims/${claimId}/approve`).auth(w.token.accountantA, auth).expect(201);
    const next = (
      await binary(w.t.http.get(`/api/facilities/${w.A}/reports/claim/${claimId}.pdf`).auth(w.token.accountantA, auth)).expect(200)
    ).headers['x-document-number'];
    expect(next).not.toBe(number);
    const page = await open(`/verify?code=${number}`, SIZES[0]);
    const text = await (await result(page)).innerText();
    expect(text).toContain(`已被 ${next} 替代`);
    expect(text).toContain('已批准');
    expect(await overflows(page)).toBe(false);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'public-verify-replaced-phone.png'), fullPage: true });
    await page.context().close();
  });
});
