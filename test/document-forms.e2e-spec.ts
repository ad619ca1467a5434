import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { factsOf } from './support/facts';
import { binary, squeezed, textOf } from './support/pdf-text';
import { buildWorld, World } from './support/world';

/** Kept under tmp/documents for a look (pdftoppm -png), as test/documents.e2e-spec.ts keeps its own. */
function keep(name: string, pdf: Buffer) {
  const dir = join(process.cwd(), 'tmp', 'documents');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), pdf);
}

const pages = (pdf: Buffer) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf }).toString())?.[1]);

/**
 * The documents as an official accepts them (docs/rules.md §8): the 民政 claim form with the
 * claiming unit's bank account and the boxes of the 街道/乡镇 and county reviews, the division
 * summary under the bureau's name, the day center's own report, whole-number chart ticks, and file
 * names that say whose document and which month. Every figure is worked by hand below.
 */
describe('document forms: the claim form, the bureau summary, the day center report, file names (docs/rules.md §8)', () => {
  let w: World;
  const auth = { type: 'bearer' } as const;
  let claimMay: string;
  let claimJuly: string;
  let careHome: string;

  beforeAll(async () => {
    w = await buildWorld();
    // Facility A (颐康综合养老服务中心, 410421): 王甲 自理 from 05-01, 全失能 from 05-11; 王乙 半失能 all May.
    const f = factsOf(w, w.A, w.token.managerA);
    const room = await f.room('201');
    const jia = await f.resident('王甲', '1940-01-01');
    await f.admit(jia, await f.bed(room, 'A1', 'NURSING'), '2026-05-01', 'SELF_CARE');
    await f.post(`/residents/${jia}/assessments`, { careLevel: 'FULLY_DISABLED', effectiveOn: '2026-05-11', assessor: '评估员' });
    await f.admit(await f.resident('王乙', '1941-01-01'), await f.bed(room, 'A2', 'NURSING'), '2026-05-01', 'SEMI_DISABLED');
    claimMay = await claimOf(w.A, '2026-05', w.token.accountantA);
    // 48 more from 07-01: with 王甲 and 王乙 the July claim has 50 lines (to look at on A4).
    const room2 = await f.room('301');
    for (let i = 1; i <= 48; i++) {
      const r = await f.resident(`李${String(i).padStart(2, '0')}`, '1938-06-01');
      await f.admit(r, await f.bed(room2, `B${String(i).padStart(2, '0')}`, i % 3 ? 'NURSING' : 'GENERAL'), '2026-07-01', 'SEMI_DISABLED');
    }
    claimJuly = await claimOf(w.A, '2026-07', w.token.accountantA);
    careHome = (
      await w.t.http
        .post('/api/facilities')
        .auth(w.token.admin, auth)
        .send({ name: '宝丰县福寿养老院', type: 'CARE_HOME', divisionCode: '410421', buildingAreaM2: 1200 })
        .expect(201)
    ).body.id;
  }, 180_000);
  afterAll(() => w?.close());

  const pdf = async (path: string, token: string): Promise<{ res: Response; text: string; pdf: Buffer }> => {
    const res: Response = await binary(w.t.http.get(path).auth(token, auth)).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return { res, pdf: res.body as Buffer, text: squeezed(textOf(res.body as Buffer)) };
  };

  describe('the facility: 收款账户, 经办人 and 联系电话', () => {
    it('a manager fills them in, each checked; the accountant may not; GET shows them', async () => {
      const base = `/api/facilities/${w.A}`;
      const before = (await w.t.http.get(base).auth(w.token.managerA, auth).expect(200)).body;
      expect(before).toMatchObject({
        bankName: null,
        bankAccountName: null,
        bankAccountNumber: null,
        contactPerson: null,
        contactPhone: null,
      });
      const bad = (
        await w.t.http
          .patch(base)
          .auth(w.token.managerA, auth)
          .send({ bankAccountNumber: '6222 02ab', contactPhone: '电话', bankName: '' })
          .expect(400)
      ).body;
      const said = JSON.stringify(bad.message);
      for (const field of ['bankAccountNumber', 'contactPhone', 'bankName']) expect(said).toContain(field);
      await w.t.http.patch(base).auth(w.token.accountantA, auth).send({ contactPerson: '李会计' }).expect(403);
      const after = (
        await w.t.http
          .patch(base)
          .auth(w.token.managerA, auth)
          .send({
            bankName: '中国农业银行宝丰县支行',
            bankAccountName: '宝丰县颐康综合养老服务中心',
            bankAccountNumber: '16231101040012345',
            contactPerson: '李会计',
            contactPhone: '0375-6512345',
            address: '宝丰县城关镇健康路 8 号',
            licenseNumber: '豫宝民养备 2026001',
          })
          .expect(200)
      ).body;
      expect(after).toMatchObject({ bankAccountNumber: '16231101040012345', contactPerson: '李会计', contactPhone: '0375-6512345' });
      expect((await w.t.http.get(base).auth(w.token.reg410400, auth).expect(200)).body.bankName).toBe('中国农业银行宝丰县支行');
      // The database holds the same line (docs/rules.md §8: the code gives the message, the database the truth).
      await expect(w.sql(`UPDATE facility SET bank_account_number = '6222 02ab' WHERE id = $1`, [w.A])).rejects.toThrow(/check constraint/);
      await expect(w.sql(`UPDATE facility SET contact_phone = '电话' WHERE id = $1`, [w.A])).rejects.toThrow(/check constraint/);
    });
  });

  describe('养老服务补贴申领表', () => {
    it('without a bank account it prints 未填写 and tells the manager what to fill in', async () => {
      const { text } = await pdf(`/api/facilities/${careHome}/reports/claim/${await claimOf(careHome)}.pdf`, w.token.admin);
      expect(text).toMatch(/收款账户\s+开户银行 未填写 账户名称 未填写\s+银行账号 未填写/);
      expect(text).toMatch(/经办人 未填写 联系电话 未填写 状态/);
      expect(text).toContain('收款账户未填写完整');
    });

    it('the blocks of a 民政 form: the unit and its account, persons counted once, the reviews to fill in by hand', async () => {
      // Submitted, so issued (a draft prints 草稿 without number or QR, docs/rules.md §8).
      await w.t.http.post(`/api/facilities/${w.A}/claims/${claimMay}/submit`).auth(w.token.accountantA, auth).expect(201);
      const { text, res } = await pdf(`/api/facilities/${w.A}/reports/claim/${claimMay}.pdf`, w.token.accountantA);
      expect(text).toContain('报送单位：宝丰县民政局');
      expect(text).toMatch(/行政区划 410421 河南省平顶山市宝丰县 申领编号 2026-\d{4}/);
      expect(text).toMatch(/收款账户\s+开户银行 中国农业银行宝丰县支行 账户名称 宝丰县颐康综合养老服务中心\s+银行账号 16231101040012345/);
      expect(text).toMatch(/经办人 李会计 联系电话 0375-6512345 状态 已提交/);
      expect(text).not.toContain('未填写');
      // 王甲: 自理 05-01…05-10 = 10000 × 10 ÷ 31 = 3225.8 → 32.26; 全失能 05-11…05-31 = 30000 × 21 ÷ 31 = 20322.6 → 203.23;
      // 王乙: 半失能 all May = 150.00. Three lines, two persons; 32.26 + 203.23 + 150.00 = 385.49.
      expect(text).toContain('申领人数 2 人（明细 3 行）');
      expect(text).toMatch(/王甲 410421\*{8}\d{3}[\dX] (A1 )?自理 05\/01–05\/10 10 100\.00 32\.26/);
      expect(text).toMatch(/王甲 410421\*{8}\d{3}[\dX] (A1 )?全失能 05\/11–05\/31 21 300\.00 203\.23/);
      expect(text).toMatch(/王乙 410421\*{8}\d{3}[\dX] (A2 )?半失能 05\/01–05\/31 31 150\.00 150\.00/);
      expect(text).toMatch(/合计（2 人） 385\.49/);
      expect(text).toMatch(/合计金额（大写）\s*：\s*叁佰捌拾伍元肆角玖分/); // a line may break after the bracket
      for (const s of ['机构负责人（签字）', '会计（签字）', '申领单位（盖章）', '街道/乡镇审核意见', '县级民政部门审批意见'])
        expect(text).toContain(s);
      // Each review box: 意见, 签字, 盖章, 日期 — twice.
      expect(text.match(/签字： 盖章： 日期： 年 月 日/g)).toHaveLength(2);
      expect(text.match(/意见：/g)).toHaveLength(2);
      expect(res.headers['content-disposition']).toBe(
        `inline; filename="claim-2026-05-${numberOf(text)}.pdf"; filename*=UTF-8''${encodeURIComponent(`养老服务补贴申领表-颐康综合养老服务中心-2026-05-${numberOf(text)}.pdf`)}`,
      );
    });

    it('50 lines stay on A4: every row once, the form blocks once, the reviews together on the last page', async () => {
      await w.t.http.post(`/api/facilities/${w.A}/claims/${claimJuly}/submit`).auth(w.token.accountantA, auth).expect(201);
      const { text, pdf: file } = await pdf(`/api/facilities/${w.A}/reports/claim/${claimJuly}.pdf`, w.token.accountantA);
      keep('claim-50.pdf', file);
      expect(text).toContain('申领人数 50 人（明细 50 行）');
      for (let i = 1; i <= 48; i++)
        expect(text).toMatch(
          new RegExp(`李${String(i).padStart(2, '0')} 410421\\*{8}\\d{3}[\\dX] (B\\d\\d )?半失能 07/01–07/31 31 150\\.00 150\\.00`),
        );
      // 王甲 全失能 300.00 + 王乙 150.00 + 48 × 150.00 = 7650.00.
      expect(text).toMatch(/合计（50 人） 7650\.00/);
      expect(pages(file)).toBeLessThanOrEqual(3);
      const last = squeezed(
        execFileSync('pdftotext', ['-layout', '-f', String(pages(file)), '-l', String(pages(file)), '-', '-'], { input: file }).toString(),
      );
      for (const s of ['街道/乡镇审核意见', '县级民政部门审批意见', '核验码']) expect(last).toContain(s);
      // A4 portrait: 595 × 842 pt.
      expect(execFileSync('pdfinfo', ['-'], { input: file }).toString()).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    });
  });

  it('辖区汇总表 under the bureau’s name, the division named beside its code, facility names, header cells whole, 制表人 / 审核人 / 日期', async () => {
    const { text, res } = await pdf('/api/divisions/410400/summary.pdf?month=2026-05', w.token.reg410400);
    expect(text).toContain('平顶山市民政局 · 辖区 平顶山市（410400） · 2026-05 · 2 家机构');
    expect(text).toMatch(/填报单位 平顶山市民政局 辖区 平顶山市（410400）/);
    // The header on one line: no cell broken mid-word.
    expect(text).toMatch(/序号 机构名称 类型 行政区划 在用床位 护理型床位 护理型占比 入住率 配备达标率 最近报告/);
    // 颐康: 2 + 48 beds, of which 2 + 32 nursing-type (B01…B48 nursing unless a multiple of 3) = 34 of 50 = 68.00 %.
    expect(text).toMatch(/颐康综合养老服务中心 街道中心 410421 宝丰县 50 34 68\.00 %/);
    expect(text).toMatch(/宝丰县福寿养老院 养老机构 410421 宝丰县 0 0 — —/);
    for (const s of ['制表人（签字）', '审核人（签字）', '平顶山市民政局（盖章）', '日期： 年 月 日']) expect(text).toContain(s);
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="division-410400-2026-05.pdf"; filename*=UTF-8''${encodeURIComponent('辖区汇总表-平顶山市410400-2026-05.pdf')}`,
    );
  });

  it('月度运营报表: headcount charts tick in whole persons; the file is named by facility and month', async () => {
    const { text, res } = await pdf(`/api/facilities/${w.A}/reports/operations.pdf?month=2026-05`, w.token.managerA);
    // 2 beds in service, 2 in care all May: the axis 0, 1, 2, 3 (the old one read 0, 0.5, 1, 1.5, 2).
    expect(text).toContain('每日在院人数');
    expect(text).not.toMatch(/(^|\s)\d+\.5(\s|$)/m);
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="operations-2026-05.pdf"; filename*=UTF-8''${encodeURIComponent('月度运营报表-颐康综合养老服务中心-2026-05.pdf')}`,
    );
    const compliance = await pdf(`/api/facilities/${w.A}/reports/compliance.pdf?month=2026-05`, w.token.managerA);
    expect(compliance.text).not.toMatch(/(^|\s)\d+\.5(\s|$)/m);
    expect(compliance.res.headers['content-disposition']).toBe(
      `inline; filename="compliance-2026-05.pdf"; filename*=UTF-8''${encodeURIComponent('养老机构合规报告-颐康综合养老服务中心-2026-05.pdf')}`,
    );
  });

  describe('日间照料中心运营报告', () => {
    /**
     * 安阳县日间照料中心 (C, a DAY_CENTER), November 2026 (30 days). Members: 张甲 from 10-01; 张乙 from 11-10;
     * 张丙 from 10-01, left 11-21. Staff: 3 from 2026-01-01, one of them employed until 11-16.
     */
    beforeAll(async () => {
      const c = factsOf(w, w.C, w.token.admin);
      const member = async (name: string, enrolledOn: string, careLevel: string) => {
        const id = await c.resident(name, '1945-05-05');
        const m = await c.post('/day-members', { residentId: id, enrolledOn, careLevel });
        return { id, member: m.id };
      };
      const jia = await member('张甲', '2026-10-01', 'SELF_CARE');
      const yi = await member('张乙', '2026-11-10', 'SEMI_DISABLED');
      const bing = await member('张丙', '2026-10-01', 'SELF_CARE');
      await c.post(`/day-members/${bing.member}/end`, { leftOn: '2026-11-21' });
      const attend = (residentId: string, day: string) => c.post('/attendance', { residentId, day, checkIn: '08:30', checkOut: '16:30' });
      for (const day of ['2026-11-02', '2026-11-03', '2026-11-10']) await attend(jia.id, day);
      for (const day of ['2026-11-10', '2026-11-11']) await attend(yi.id, day);
      await attend(bing.id, '2026-11-03');
      const serve = (residentId: string, kind: string, servedAt: string) =>
        c.post('/service-records', { residentId, kind, servedAt, servedBy: '王护理员' });
      await serve(jia.id, 'MEAL', '2026-11-02T12:00:00+08:00');
      await serve(jia.id, 'MEAL', '2026-11-03T12:00:00+08:00');
      await serve(bing.id, 'MEAL', '2026-11-03T12:10:00+08:00');
      await serve(yi.id, 'BATH', '2026-11-10T10:00:00+08:00');
      await serve(jia.id, 'EMERGENCY', '2026-10-31T16:30:00Z'); // 11-01 00:30 in UTC+8: November
      await serve(yi.id, 'MEAL', '2026-11-30T17:00:00Z'); // 12-01 01:00 in UTC+8: not November
      for (const [name, employedTo] of [
        ['赵主任', undefined],
        ['钱护理员', undefined],
        ['孙社工', '2026-11-16'],
      ] as const) {
        await c.post('/staff', {
          name,
          role: name === '赵主任' ? 'MANAGER' : 'CAREGIVER',
          employedFrom: '2026-01-01',
          ...(employedTo ? { employedTo } : {}),
          fte: 1,
        });
      }
    }, 60_000);

    it('members, attendance, the six helps and the ≥ 3 staff rule, each as worked by hand', async () => {
      const { text, res, pdf: file } = await pdf(`/api/facilities/${w.C}/reports/day-center.pdf?month=2026-11`, w.token.admin);
      keep('day-center.pdf', file);
      expect(res.headers['x-document-number']).toMatch(/^DCR-\d{8}-\d{6}$/);
      expect(text).toContain('日间照料中心运营报告');
      expect(text).toMatch(/行政区划 410522 安阳县/);
      // Members on 11-01: 张甲, 张丙 = 2; on 11-30: 张甲, 张乙 = 2; 张乙 enrolled, 张丙 left.
      expect(text).toContain('月初 2 人，新入会 1，退会 1');
      // Member-days: 张甲 30 + 张乙 21 (11-10…11-30) + 张丙 20 (11-01…11-20) = 71; attended 3 + 2 + 1 = 6 → 8.45 %.
      expect(text).toContain('出勤率 8.45 %（6 / 71 会员·天）');
      // The six helps of November in UTC+8: 助餐 3 to 2 persons, 助浴 1, 助急 1 (00:30 on 11-01); the meal at 01:00 on 12-01 is December's.
      expect(text).toMatch(/^ *助餐 3 2$/m);
      expect(text).toMatch(/^ *助浴 1 1$/m);
      expect(text).toMatch(/^ *助洁 0 0$/m);
      expect(text).toMatch(/^ *助急 1 1$/m);
      expect(text).toMatch(/^ *合计 5$/m);
      // Staff: 3 on 11-01…11-15, 2 from 11-16 → 15 of 30 days; none of its beds: 0 of 10; 2000 m².
      expect(text).toMatch(/管理服务人员 ≥ 3 人（每天） 达标 15 \/ 30 天，最少 2 人 未达标/);
      expect(text).toMatch(/短期托养床位 ≥ 10 张 0 ?张 未达标/);
      expect(text).toMatch(/建筑面积 ≥ 200 m²（部分城市 300 m²） 2000 m² 达标/);
      // The roster: attended days and services per member.
      expect(text).toMatch(/1 张丙 自理 2026-10-01 2026-11-21 1 1/);
      expect(text).toMatch(/2 张乙 半失能 2026-11-10 2 1/);
      expect(text).toMatch(/3 张甲 自理 2026-10-01 3 3/);
      // Day by day: 11-03 two of two members; 11-10 two of three (66.67 %); 11-16 the first day with 2 staff; 张丙 gone on 11-21.
      expect(text).toMatch(/11-03（二） 2 2 100\.00 % 3 达标/);
      expect(text).toMatch(/11-10（二） 3 2 66\.67 % 3 达标/);
      expect(text).toMatch(/11-15（日） 3 0 0\.00 % 3 达标/);
      expect(text).toMatch(/11-16（一） 3 0 0\.00 % 2 未达标/);
      expect(text).toMatch(/11-21（六） 2 0 0\.00 % 2 未达标/);
      expect(text).not.toMatch(/(^|\s)\d+\.5(\s|$)/m);
      expect(res.headers['content-disposition']).toBe(
        `inline; filename="day-center-2026-11.pdf"; filename*=UTF-8''${encodeURIComponent('日间照料中心运营报告-安阳县日间照料中心-2026-11.pdf')}`,
      );
    });

    it('each report for its kind of facility: a day center has no compliance report, a care home no day center report', async () => {
      const compliance = (
        await w.t.http.get(`/api/facilities/${w.C}/reports/compliance.pdf?month=2026-11`).auth(w.token.admin, auth).expect(422)
      ).body;
      expect(compliance.code).toBe('REPORT_NOT_FOR_FACILITY');
      expect(JSON.stringify(compliance.message)).toContain('日间照料中心运营报告');
      const day = (
        await w.t.http.get(`/api/facilities/${careHome}/reports/day-center.pdf?month=2026-11`).auth(w.token.admin, auth).expect(422)
      ).body;
      expect(day.code).toBe('REPORT_NOT_FOR_FACILITY');
      expect(JSON.stringify(day.message)).toContain('养老机构合规报告');
      // A street center has both sides; its minimum scale is not a day center's (its compliance report checks it).
      const street = await pdf(`/api/facilities/${w.A}/reports/day-center.pdf?month=2026-11`, w.token.managerA);
      expect(street.text).toMatch(/管理服务人员 ≥ 3 人（每天） 达标 0 \/ 30 天，最少 0 人 未达标/);
      expect(street.text).not.toContain('短期托养床位');
      // Another facility's report: not found (docs/api.md: never reveal another tenant's ids).
      await w.t.http.get(`/api/facilities/${w.C}/reports/day-center.pdf?month=2026-11`).auth(w.token.managerA, auth).expect(404);
    });
  });

  /** The claim of a month (May 2026, as the admin, unless said). */
  async function claimOf(facilityId: string, month = '2026-05', token = w.token.admin): Promise<string> {
    return (await w.t.http.post(`/api/facilities/${facilityId}/claims`).auth(token, auth).send({ month }).expect(201)).body.id;
  }
  const numberOf = (text: string) => /申领编号 (\d{4}-\d{4})/.exec(text)?.[1] ?? '?';
});
