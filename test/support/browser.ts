import type { AddressInfo } from 'node:net';
import { Browser, chromium, Locator, Page } from 'playwright-core';
import { createDataSource } from '@careops/db';
import { DEMO_LOGINS, seedDemo } from '@careops/ops';
import { findChromium } from '@careops/pdf';
import { IdNumberProtector } from '@careops/residents';
import { buildWorld, World } from './world';

/** The password of a demo login (the logins `npm start` prints). */
export const demoPassword = (username: string): string => DEMO_LOGINS.find((l) => l.username === username)?.password as string;

/**
 * Signs in through the sign-in page as a person does, in a new page (Chinese, 1440 × 900 unless
 * told), and returns it on the first screen after signing in.
 */
export async function signInPage(
  browser: Browser,
  base: string,
  username: string,
  options: { viewport?: { width: number; height: number }; password?: string } = {},
): Promise<Page> {
  const page = await browser.newPage({
    viewport: options.viewport ?? { width: 1440, height: 900 },
    acceptDownloads: true,
    locale: 'zh-CN',
  });
  await page.goto(`${base}/`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(options.password ?? demoPassword(username));
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

/** Loading spinners gone and animations done, for a screenshot a person would see. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction('document.querySelectorAll(".ant-spin-spinning, .ant-spin-blur, .ant-skeleton").length === 0');
  await page.waitForTimeout(400);
}

/**
 * The text of `locator` once it matches `re`, or after 10 s whatever it is then (for the caller's
 * expect to report): a list refetches after a save, so its text read at once may still be the old one.
 */
export async function textOnceMatching(locator: Locator, re: RegExp): Promise<string> {
  const until = Date.now() + 10_000;
  for (;;) {
    const text = await locator.innerText();
    if (re.test(text) || Date.now() > until) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The demo world a browser journey runs on: the API serving the built web app, the demo data, Chromium. */
export interface DemoBrowserWorld {
  w: World;
  /** The demo care home's facility id. */
  home: string;
  /** The address the web app and the API answer on. */
  base: string;
  browser: Browser;
}

/** Builds the world, loads the demo, serves it on a free port and starts Chromium. */
export async function demoBrowserWorld(): Promise<DemoBrowserWorld> {
  const w = await buildWorld();
  const owner = await createDataSource({ url: w.db.url, poolSize: 2 }).initialize();
  const home = (await seedDemo(owner, w.t.app.get(IdNumberProtector))).facilityId;
  await owner.destroy();
  const server = await w.t.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  return { w, home, base, browser };
}
