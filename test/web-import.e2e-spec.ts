import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { idNumberFor, World } from './support/world';
import { demoBrowserWorld, signInPage } from './support/browser';

const SHOTS = join(__dirname, '..', 'docs', 'screenshots');
const HEADERS = ['姓名*', '身份证号*', '性别', '出生日期', '户籍', '电话', '类别', '床位', '入住日期', '照护等级'];

async function residentsFile(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('老人');
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** 导入 in the browser (docs/api.md "Import"): a file with an error is shown row by row and cannot be confirmed; the fixed one can. */
describe('the import page (Playwright, Chromium)', () => {
  let w: World;
  let browser: Browser;
  let base: string;
  let home: string;

  beforeAll(async () => {
    ({ w, home, base, browser } = await demoBrowserWorld());
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  const signIn = (width: number, height: number) => signInPage(browser, base, 'manager', { viewport: { width, height } });

  it('the manager downloads the template, uploads a file with an error, sees it, uploads the fixed file and confirms', async () => {
    const page = await signIn(1440, 900);
    await page.getByRole('menuitem', { name: '导入' }).click();
    await page.waitForURL(/\/import$/);
    await page.getByRole('heading', { level: 1, name: '导入' }).waitFor();

    const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
    expect(template.suggestedFilename()).toBe('老人导入模板.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await template.path());
    expect(book.worksheets[0].getRow(1).getCell(2).value).toBe('身份证号*');

    const confirm = page.getByTestId('import-confirm');
    const ids = ['1941-02-03', '1942-03-04', '1943-04-05'].map((dob, i) => idNumberFor(dob, 700 + i));
    const wrongId = ids[1].slice(0, 17) + (ids[1][17] === '1' ? '2' : '1');
    const rows = (second: string) => [
      ['导入一', ids[0], '', '', '', '', '高龄', '', '', ''],
      ['导入二', second, '', '', '', '', '', '', '', ''],
      ['导入三', ids[2], '', '', '', '', '', '', '', ''],
    ];
    const input = page.locator('input[type=file]');
    await input.setInputFiles({ name: '老人名单.xlsx', mimeType: 'application/octet-stream', buffer: await residentsFile(rows(wrongId)) });
    await page.getByTestId('import-summary').getByText('共 3 行，发现 1 处错误').waitFor();
    const cells = page.getByTestId('import-errors').locator('tbody tr.ant-table-row').first().locator('td');
    await expect(cells.allInnerTexts()).resolves.toEqual(['3', '身份证号', '身份证号校验位错误（ISO 7064 MOD 11-2），请核对是否输错']);
    expect(await confirm.isDisabled()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'manager-import-errors-desktop.png'), fullPage: true });

    const before = (await w.sql<{ n: number }>(`SELECT count(*)::int AS n FROM resident WHERE facility_id = $1`, [home]))[0].n;
    await input.setInputFiles({
      name: '老人名单-改正.xlsx',
      mimeType: 'application/octet-stream',
      buffer: await residentsFile(rows(ids[1])),
    });
    await page.getByTestId('import-summary').getByText('共 3 行，检查通过').waitFor();
    expect(await confirm.isEnabled()).toBe(true);
    await confirm.click();
    await page.getByTestId('import-summary').getByText('已导入 3 行').waitFor();
    expect(await confirm.isDisabled()).toBe(true);
    const after = (await w.sql<{ n: number }>(`SELECT count(*)::int AS n FROM resident WHERE facility_id = $1`, [home]))[0].n;
    expect(after).toBe(before + 3);
    const audit = await w.sql(`SELECT action FROM audit_event WHERE facility_id = $1 AND action LIKE 'import.%' ORDER BY id`, [home]);
    expect(audit.map((a) => a.action)).toEqual(['import.preview', 'import.preview', 'import.commit']);
    await page.screenshot({ path: join(SHOTS, 'manager-import-done-desktop.png'), fullPage: true });
    await page.close();
  });

  it('on a phone (390×844) the errors fit the screen', async () => {
    const page = await signIn(390, 844);
    await page.goto(`${base}/f/${home}/import`);
    await page.getByRole('heading', { level: 1, name: '导入' }).waitFor();
    const bad = await residentsFile([['导入四', '410421194105060001', '', '', '', '', '', 'Z-1', '2026-13-01', '']]);
    await page.locator('input[type=file]').setInputFiles({ name: 'x.xlsx', mimeType: 'application/octet-stream', buffer: bad });
    await page.getByTestId('import-summary').waitFor();
    const overflow: number = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'manager-import-errors-phone.png'), fullPage: true });
    await page.close();
  });
});
