import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { addDays, calendarDate } from '@careops/care';
import { DEMO_LOGINS } from '@careops/ops';
import { nameInitials } from '@careops/residents';
import { idNumberFor, login, World } from './support/world';
import { demoBrowserWorld, settle, signInPage } from './support/browser';

const SHOTS = join(__dirname, '..', 'docs', 'screenshots');
const password = (username: string) => DEMO_LOGINS.find((l) => l.username === username)?.password as string;

/** The register 老人档案 and re-admission in the browser, on the demo data (docs/rules.md §4). */
describe('the resident register in the web app (Playwright, Chromium)', () => {
  let w: World;
  let browser: Browser;
  let base: string;
  let home: string;
  let token: string;
  const auth = { type: 'bearer' } as const;
  const today = calendarDate(new Date(), 'Asia/Shanghai');

  /** A resident registered, admitted two months ago to a free bed and discharged a week ago — through the API. */
  async function discharged(name: string, dob: string, seq: number): Promise<{ id: string; idNumber: string }> {
    const api = `/api/facilities/${home}`;
    const idNumber = idNumberFor(dob, seq);
    const gender = Number(idNumber[16]) % 2 ? 'M' : 'F';
    const id = (await w.t.http.post(`${api}/residents`).auth(token, auth).send({ name, gender, dateOfBirth: dob, idNumber }).expect(201))
      .body.id;
    const room = (
      await w.t.http
        .post(`${api}/rooms`)
        .auth(token, auth)
        .send({ building: '9号楼', floor: 1, number: `9${seq}` })
        .expect(201)
    ).body.id;
    const free = (
      await w.t.http
        .post(`${api}/beds`)
        .auth(token, auth)
        .send({ code: `RG-${seq}`, roomId: room, kind: 'GENERAL' })
        .expect(201)
    ).body;
    const admission = (
      await w.t.http
        .post(`${api}/admissions`)
        .auth(token, auth)
        .send({ residentId: id, bedId: free.id, admittedOn: addDays(today, -60), careLevel: 'SELF_CARE' })
        .expect(201)
    ).body.id;
    await w.t.http
      .post(`${api}/admissions/${admission}/discharge`)
      .auth(token, auth)
      .send({ dischargedOn: addDays(today, -7), reason: '回家养老' })
      .expect(201);
    return { id, idNumber };
  }

  beforeAll(async () => {
    ({ w, home, base, browser } = await demoBrowserWorld());
    token = await login(w.t, 'manager', password('manager'));
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  const signIn = (username: string, viewport = { width: 1440, height: 900 }) => signInPage(browser, base, username, { viewport });

  /** The names of the register's rows after searching `q`. */
  async function search(page: Page, q: string): Promise<string[]> {
    const box = page.getByTestId('register-search').locator('input');
    await box.fill(q);
    await box.press('Enter');
    await page.waitForTimeout(300);
    await settle(page);
    return page.locator('[data-testid^=register-row-]').allInnerTexts();
  }

  it('search finds a resident by name, by pinyin initials and by the last digits of the ID number', async () => {
    const [someone] = await w.sql<{ name: string; id_masked: string }>(
      `SELECT name, id_masked FROM resident WHERE facility_id = $1 ORDER BY name LIMIT 1`,
      [home],
    );
    const page = await signIn('manager');
    await page.getByRole('menuitem', { name: '老人档案' }).first().click();
    await page.waitForURL(/\/residents$/);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'manager-register-1440.png') });
    expect(await search(page, someone.name)).toContain(someone.name);
    expect(await search(page, nameInitials(someone.name))).toContain(someone.name);
    expect(await search(page, someone.id_masked.slice(-4))).toContain(someone.name);
    expect(await search(page, '查无此人')).toEqual([]);
    await page.close();
  }, 120_000);

  it('a discharged elder is re-admitted from the register: one resident record, two admissions', async () => {
    const elder = await discharged('司马长青', '1941-06-02', 81);
    const page = await signIn('manager');
    await page.goto(`${base}/f/${home}/residents`);
    await settle(page);
    expect(await search(page, '司马长青')).toEqual(['司马长青']);
    expect(await page.locator('tr', { hasText: '司马长青' }).innerText()).toContain('已退住');
    await page.getByTestId('readmit-司马长青').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('readmit-bed').click();
    await page.locator('.ant-select-item-option').first().click();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('tr', { hasText: '司马长青' }).getByText('在住').waitFor();
    expect(await w.sql(`SELECT count(*)::int AS n FROM resident WHERE facility_id = $1 AND name = '司马长青'`, [home])).toEqual([{ n: 1 }]);
    expect(await w.sql(`SELECT count(*)::int AS n FROM admission WHERE resident_id = $1`, [elder.id])).toEqual([{ n: 2 }]);
    // The resident page shows the state; its record is edited there (guardian, phone), checked as typed.
    await page.getByTestId('register-row-司马长青').click();
    await page.getByTestId('resident-status').getByText('在住').waitFor();
    // The manager, who keeps the stays, has 转床 / 请假 / 退住 for a resident in care (the accountant has not: web-billing).
    for (const [a, b] of ['转床', '请假', '退住']) await page.getByRole('button', { name: new RegExp(`^${a}\\s*${b}$`) }).waitFor();
    await page.getByTestId('edit-resident').click();
    const form = page.getByRole('dialog');
    await form.getByTestId('guardian-name').fill('司马建国');
    await form.getByTestId('guardian-relation').fill('儿子');
    await form.getByTestId('guardian-phone').fill('12345');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.getByText('请填写11位手机号或带区号的固话').first().waitFor();
    await form.getByTestId('guardian-phone').fill('13803751234');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText('司马建国（儿子） 13803751234').waitFor();
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'manager-resident-readmitted-1440.png') });
    await page.close();
  }, 120_000);

  it('the admission dialog: a known ID number offers “此人已登记为 …（已退住），是否再次入住？” and admits the same resident', async () => {
    const elder = await discharged('欧阳秀兰', '1943-04-05', 82);
    const page = await signIn('manager');
    await page.getByRole('menuitem', { name: '床位一览' }).click();
    await page.waitForSelector('[data-testid=bed-board]');
    await page.locator('[data-status=FREE]').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('欧阳秀兰');
    await dialog.getByTestId('id-number').fill(elder.idNumber);
    // Gender and birth date are filled from the ID number.
    await expect(dialog.getByLabel('出生日期').inputValue()).resolves.toBe('1943-04-05');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const known = dialog.getByTestId('known-resident');
    await known.waitFor();
    expect((await known.innerText()).replace(/\s+/g, ' ')).toContain('此人已登记为 欧阳秀兰（已退住），是否再次入住？');
    await known.getByRole('button', { name: '再次入住' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await w.sql(`SELECT count(*)::int AS n FROM resident WHERE facility_id = $1 AND name = '欧阳秀兰'`, [home])).toEqual([{ n: 1 }]);
    expect(await w.sql(`SELECT count(*)::int AS n FROM admission WHERE resident_id = $1`, [elder.id])).toEqual([{ n: 2 }]);
    // One still in care: refused with a clear message, no offer.
    await page.locator('[data-status=FREE]').first().click();
    await dialog.getByLabel('姓名').fill('欧阳秀兰');
    await dialog.getByTestId('id-number').fill(elder.idNumber);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await known.waitFor();
    expect(await known.innerText()).toContain('仍在住，不能再次入住');
    expect(await known.getByRole('button').count()).toBe(0);
    await page.close();
  }, 120_000);

  it('on a phone the register scrolls in its box and the accountant reads it without the admit buttons', async () => {
    const page = await signIn('accountant', { width: 390, height: 844 });
    await page.goto(`${base}/f/${home}/residents`);
    await settle(page);
    expect(await page.locator('[data-testid^=register-row-]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid^=readmit-]').count()).toBe(0);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'accountant-register-390.png') });
    await page.close();
  }, 120_000);

  it('an admission voided on the day it was made leaves the resident page, the bed board and the month’s claim (docs/rules.md §12)', async () => {
    const api = `/api/facilities/${home}`;
    const idNumber = idNumberFor('1944-08-08', 91);
    const gender = Number(idNumber[16]) % 2 ? 'M' : 'F';
    const elder = (
      await w.t.http
        .post(`${api}/residents`)
        .auth(token, auth)
        .send({ name: '欧阳春花', gender, dateOfBirth: '1944-08-08', idNumber })
        .expect(201)
    ).body.id;
    const room = (await w.t.http.post(`${api}/rooms`).auth(token, auth).send({ building: '9号楼', floor: 2, number: '920' }).expect(201))
      .body.id;
    const bed = (await w.t.http.post(`${api}/beds`).auth(token, auth).send({ code: 'VD-1', roomId: room, kind: 'NURSING' }).expect(201))
      .body;
    await w.t.http
      .post(`${api}/admissions`)
      .auth(token, auth)
      .send({ residentId: elder, bedId: bed.id, admittedOn: today, careLevel: 'SEMI_DISABLED' })
      .expect(201);
    const accountant = await login(w.t, 'accountant', password('accountant'));
    const month = today.slice(0, 7);
    const draft = async () => (await w.t.http.post(`${api}/claims`).auth(accountant, auth).send({ month }).expect(201)).body;
    expect((await draft()).lines.some((l: { residentId: string }) => l.residentId === elder)).toBe(true);

    const page = await signIn('manager');
    await page.goto(`${base}/f/${home}/residents/${elder}`);
    await settle(page);
    await page.getByTestId('resident-status').getByText('在住').waitFor();
    await page.getByTestId('void-ADMISSION').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByTestId('void-what').innerText()).toBe(`入住 ${today}（VD-1）`);
    // No reason, no void.
    await dialog.locator('#void-confirm').click();
    await dialog.getByText('请填写此项').waitFor();
    await dialog.getByTestId('void-reason').fill('录入错误：老人当日未到院');
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'manager-void-admission-1440.png') });
    await dialog.locator('#void-confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('resident-status').getByText('未入住').waitFor();
    const voided = page.getByTestId('correction');
    expect(await voided.innerText()).toContain(`入住 ${today}（VD-1）`);
    expect(await voided.innerText()).toContain('录入错误：老人当日未到院');
    expect(await voided.locator('del').count()).toBe(1);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'manager-resident-corrections-1440.png'), fullPage: true });

    // The bed board: VD-1 is free again today.
    await page.goto(`${base}/f/${home}/beds`);
    await settle(page);
    const tile = page.getByTestId('bed-VD-1');
    await tile.waitFor();
    expect(await tile.getAttribute('data-status')).toBe('FREE');
    expect(await tile.innerText()).not.toContain('欧阳春花');
    await page.close();

    // The month's claim, drafted again, pays her nothing; the accountant's screen shows the others.
    const claim = await draft();
    expect(claim.lines.some((l: { residentId: string }) => l.residentId === elder)).toBe(false);
    const books = await signIn('accountant');
    await books.goto(`${base}/f/${home}/claims/${claim.id}`);
    await settle(books);
    await books.getByTestId('claim-lines').waitFor();
    expect(await books.getByTestId('claim-lines').innerText()).not.toContain('欧阳春花');
    await books.close();

    const phone = await signIn('manager', { width: 390, height: 844 });
    await phone.goto(`${base}/f/${home}/residents/${elder}`);
    await settle(phone);
    await phone.getByTestId('corrections').waitFor();
    await phone.screenshot({ path: join(SHOTS, 'manager-resident-corrections-390.png'), fullPage: true });
    await phone.close();
  }, 180_000);
});
