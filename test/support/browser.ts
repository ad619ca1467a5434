import type { Browser, Page } from 'playwright-core';
import { DEMO_LOGINS } from '@careops/ops';

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
