import type { Response } from 'supertest';
import { factsOf } from './support/facts';
import { binary, squeezed, textOf } from './support/pdf-text';
import { buildWorld, World } from './support/world';

/**
 * The documents of docs/rules.md §8 checked in their PDF text (pdftotext, as test/documents.e2e-spec.ts),
 * on May 2026 of one facility whose every figure is worked by hand here:
 * beds N1 N2 N3 (nursing-type), G1 G2 (general), G2 out of service from 05-21;
 * 王一 全失能 N1 from 04-01 (a leave 05-05 … 05-07); 王二 半失能 N2 from 05-11; 王三 自理 G1 from 04-01, discharged 05-16;
 * 王四 全失能 N3 from 05-20. Caregivers: 甲 all month; 乙 employed from 05-20; 丙 whose certificate expires on 05-13.
 * A second facility of 410421, 宝丰县第二养老院, has 1 nursing-type and 4 general beds and nobody in them.
 */
describe('rules: the documents — period, generation time, totals by level, non-compliant days, beds by kind, discharges, the division total (docs/rules.md §8)', () => {
  let w: World;
  const auth = { type: 'bearer' } as const;
  let claimId: string;

  beforeAll(async () => {
    w = await buildWorld();
    const f = factsOf(w, w.A, w.token.managerA);
    const room = await f.room('101');
    const [n1, n2, n3, g1, g2] = [
      await f.bed(room, 'N1', 'NURSING'),
      await f.bed(room, 'N2', 'NURSING'),
      await f.bed(room, 'N3', 'NURSING'),
      await f.bed(room, 'G1', 'GENERAL'),
      await f.bed(room, 'G2', 'GENERAL'),
    ];
    await f.outOfService(g2, '2026-05-21');
    const one = await f.admit(await f.resident('王一', '1940-01-01'), n1, '2026-04-01', 'FULLY_DISABLED');
    await f.leave(one, '2026-05-05', '2026-05-08');
    await f.admit(await f.resident('王二', '1941-02-02'), n2, '2026-05-11', 'SEMI_DISABLED');
    const three = await f.admit(await f.resident('王三', '1942-03-03'), g1, '2026-04-01', 'SELF_CARE');
    await f.discharge(three, '2026-05-16', '回家养老');
    await f.admit(await f.resident('王四', '1943-04-04'), n3, '2026-05-20', 'FULLY_DISABLED');
    await f.caregiver('护理员甲', { employedFrom: '2025-01-01', trainedOn: '2025-01-01', issuedOn: '2025-01-01', expiresOn: '2028-01-01' });
    await f.caregiver('护理员乙', { employedFrom: '2026-05-20', trainedOn: '2026-05-01', issuedOn: '2026-05-01', expiresOn: '2029-05-01' });
    await f.caregiver('护理员丙', { employedFrom: '2025-01-01', trainedOn: '2025-01-01', issuedOn: '2023-05-13', expiresOn: '2026-05-13' });
    claimId = (await w.t.http.post(`/api/facilities/${w.A}/claims`).auth(w.token.admin, auth).send({ month: '2026-05' }).expect(201)).body
      .id;
    // Submitted: a claim still in DRAFT prints as a 草稿, without a number (docs/rules.md §8).
    await w.t.http.post(`/api/facilities/${w.A}/claims/${claimId}/submit`).auth(w.token.admin, auth).expect(201);
    const other = (
      await w.t.http
        .post('/api/facilities')
        .auth(w.token.admin, auth)
        .send({ name: '宝丰县第二养老院', type: 'CARE_HOME', divisionCode: '410421', buildingAreaM2: 900 })
        .expect(201)
    ).body.id;
    const d = factsOf(w, other, w.token.admin);
    const dRoom = await d.room('1');
    await d.bed(dRoom, 'D1', 'NURSING');
    for (const code of ['D2', 'D3', 'D4', 'D5']) await d.bed(dRoom, code, 'GENERAL');
  }, 90_000);
  afterAll(() => w?.close());

  /** A date-time as printed on the documents: UTC+8, "YYYY-MM-DD HH:MM:SS". */
  const utc8 = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

  /** Renders a document; checks its number and the generation time printed on it (docs/rules.md §8), returns its text with runs of spaces made one. */
  const document = async (path: string, token: string, prefix: string): Promise<string> => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const res: Response = await binary(w.t.http.get(path).auth(token, auth)).expect(200);
    const after = Date.now();
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = squeezed(textOf(res.body as Buffer));
    const number = res.headers['x-document-number'] as string;
    expect(number).toMatch(new RegExp(`^${prefix}-${utc8(after).slice(0, 10).replaceAll('-', '')}-\\d{6}$`));
    const printed = /生成时间 (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) \(UTC\+8\)/.exec(text)?.[1] ?? 'not printed';
    // Printed between the request and its answer, in UTC+8.
    expect({ printed, inTime: printed >= utc8(before) && printed <= utc8(after) }).toEqual({ printed, inTime: true });
    expect(text).toContain(`编号 ${number}`);
    expect(text).toContain('2026年05月'); // the period in the running head
    return text;
  };

  it('养老服务补贴申领表: the month, each line, the totals by level and in words', async () => {
    const text = await document(`/api/facilities/${w.A}/reports/claim/${claimId}.pdf`, w.token.accountantA, 'CLM');
    for (const s of ['申领月份 2026-05（31 天）', '申领人数 4 人（明细 4 行）']) expect(text).toContain(s);
    // ¥300 × 31 ÷ 31; ¥100 × 15 ÷ 31 = 48.387… (05-01 … 05-15: the discharge day 05-16 does not count);
    // ¥150 × 21 ÷ 31 = 101.612…; ¥300 × 12 ÷ 31 = 116.129… (docs/rules.md §5).
    expect(text).toMatch(/王一 410421\*{8}\d{3}[\dX] (N1 )?全失能 05\/01–05\/31 31 300\.00 300\.00/);
    expect(text).toMatch(/王三 410421\*{8}\d{3}[\dX] (G1 )?自理 05\/01–05\/15 15 100\.00 48\.39/);
    expect(text).toMatch(/王二 410421\*{8}\d{3}[\dX] (N2 )?半失能 05\/11–05\/31 21 150\.00 101\.61/);
    expect(text).toMatch(/王四 410421\*{8}\d{3}[\dX] (N3 )?全失能 05\/20–05\/31 12 300\.00 116\.13/);
    // By level: 自理 48.39 (1 person), 半失能 101.61 (1), 全失能 300.00 + 116.13 = 416.13 (2); together 566.13.
    expect(text).toMatch(/^ *自理 100\.00 1 48\.39$/m);
    expect(text).toMatch(/^ *半失能 150\.00 1 101\.61$/m);
    expect(text).toMatch(/^ *全失能 300\.00 2 416\.13$/m);
    expect(text).toMatch(/^ *合计（人民币） 566\.13$/m);
    // Chrome trims the space of "）：" (text-spacing-trim); pdftotext may then break the line between them.
    expect(text.replace(/\s+/g, '')).toContain('合计金额（大写）：伍佰陆拾陆元壹角叁分');
  });

  it('养老机构合规报告: beds by kind, the figures against targets, the non-compliant days marked with who was left out', async () => {
    const text = await document(`/api/facilities/${w.A}/reports/compliance.pdf?month=2026-05`, w.token.managerA, 'CMP');
    expect(text).toContain('颐康综合养老服务中心 · 2026-05');
    expect(text).toContain('2026-05（截至 2026-05-31）');
    // On 05-31: in service N1 N2 N3 G1 = 4, of which 3 nursing-type, 1 general; G2 out of service;
    // in care 王二 半失能, 王一 and 王四 全失能 → 0 / 1 / 2, none unassessed, 3 in all.
    expect(text).toMatch(/^ *4 3 1 1 0 1 2 0 3$/m);
    // 3 ÷ 4 = 75.00 %; bed-days: occupied 31 + 21 + 15 + 12 = 79 of 5 × 20 + 4 × 11 = 144 in service → 54.86 %;
    // staffing met on 28 of 31 days → 90.32 %; on 05-31, 2 of 3 caregivers certified (丙's expired) → 66.67 %.
    expect(text).toMatch(/护理型床位占比 在用护理型床位 ÷ 在用床位 75\.00 % ≥ 55 % 达标/);
    expect(text).toMatch(/入住率 入住床日 ÷ 在用床日 54\.86 % — 不适用/);
    expect(text).toMatch(/护理人员配备达标 达标天数 ÷ 统计天数 90\.32 % 每天达标 未达标/);
    expect(text).toMatch(/持证上岗率 持有效证书护理员 ÷ 在岗护理员 66\.67 % 100 % 未达标/);
    for (const s of ['3 / 4 张', '79 / 144 床日', '达标 28 / 31 天', '2 / 3 名护理员']) expect(text).toContain(s);
    // Days: 05-11 … 05-15 need ⌈(40 + 15 + 6) ÷ 60⌉ = 2; from 05-13 丙 no longer counts, so 05-13 … 05-15 fall short;
    // from 05-16 (王三 gone) 1 is needed; from 05-20 (王四 in, 乙 employed) 2 needed and 2 counted.
    const failing = [...text.matchAll(/^ *(05-\d\d) .* 未达标/gm)].map((m) => m[1]);
    expect(failing).toEqual(['05-13', '05-14', '05-15']);
    expect(text).toMatch(/^ *05-12 1 1 1 2 2 达标$/m);
    for (const day of ['05-13', '05-14', '05-15'])
      expect(text).toMatch(new RegExp(`^ *${day} 1 1 1 2 1 未达标 护理员丙（证书已于当日或之前到期）$`, 'm'));
    expect(text).toMatch(/^ *05-16 0 1 1 1 1 达标 护理员丙（证书已于当日或之前到期）$/m);
    expect(text).toMatch(/^ *05-20 0 1 2 2 2 达标 护理员丙（证书已于当日或之前到期）$/m);
    expect(text).toMatch(/^ *05-01 1 0 1 1 2 达标$/m); // 乙 not yet employed: not listed
    // The HTML preview marks exactly those rows (class "bad", printed red).
    const html = (
      await w.t.http.get(`/api/facilities/${w.A}/reports/compliance.html?month=2026-05`).auth(w.token.managerA, auth).expect(200)
    ).text;
    expect([...html.matchAll(/<tr class="bad"><td class="c">(\d\d-\d\d)<\/td>/g)].map((m) => m[1])).toEqual(['05-13', '05-14', '05-15']);
    expect(html).toContain('预览 · 未登记，不作为正式单据'); // a preview is not numbered nor registered (docs/rules.md §8)
  });

  it('月度运营报表: admissions, the discharge, leaves, the census by level at both ends of the month', async () => {
    const text = await document(`/api/facilities/${w.A}/reports/operations.pdf?month=2026-05`, w.token.managerA, 'OPS');
    for (const s of ['统计期 2026-05', '在用床位 4 张（护理型 3）', '月末在院 3 人', '入住率（床日） 54.86 %']) expect(text).toContain(s);
    // 2 admissions, 1 discharge, 1 leave; at month end 3 of 4 in-service beds occupied = 75.00 %.
    // Figure and unit are two lines of a card: read across the cards (CID TrueType fonts have their real heights).
    expect(text).toMatch(/2\s*1\s*1\s*75\.00 %\s*人次\s*人次\s*人次|2人次 1人次 1人次 75\.00/);
    expect(text).toMatch(/3\s*\/\s*4\s*张/);
    // 05-01: 王三 自理 and 王一 全失能; 05-31: 王二 半失能, 王一 and 王四 全失能.
    expect(text).toMatch(/^ *月初（2026-05-01） 1 0 1 0 2$/m);
    expect(text).toMatch(/^ *月末（2026-05-31） 0 1 2 0 3$/m);
    expect(text).toMatch(/^ *入住 王二 2026-05-11 N2 半失能$/m);
    expect(text).toMatch(/^ *入住 王四 2026-05-20 N3 全失能$/m);
    expect(text).toMatch(/^ *退住 王三 2026-05-16 G1 回家养老$/m);
    expect(text).not.toContain('本月无入住或退住');
  });

  it('辖区汇总表: one row per facility, the one below 55 % included, and the total row as ratios of sums', async () => {
    const text = await document('/api/divisions/410421/summary.pdf?month=2026-05', w.token.reg410400, 'DIV');
    for (const s of ['宝丰县民政局 · 辖区 宝丰县（410421） · 2026-05 · 2 家机构', '统计月份 2026-05', '机构数 2'])
      expect(text).toContain(s);
    // 宝丰县第二养老院: 1 of 5 = 20.00 %, 0 of 155 bed-days, nobody to staff for → met every day.
    expect(text).toMatch(/宝丰县第二养老院 养老机构 410421 宝丰县 5 1 20\.00 % 0\.00 % 100\.00 % —/);
    expect(text).toMatch(/颐康综合养老服务中心 街道中心 410421 宝丰县 4 3 75\.00 % 54\.86 % 90\.32 %/);
    // The city and the county above their facilities, each a ratio of sums (here both the division's total).
    expect(text).toMatch(/平顶山市（410400）合计 2 ?家 9 4 44\.44 % 26\.42 % 95\.16 %/);
    expect(text).toMatch(/宝丰县（410421）小计 2 ?家 9 4 44\.44 % 26\.42 % 95\.16 %/);
    // Σ 4 ÷ Σ 9 = 44.44 % (the mean of ratios would be 47.50 %); Σ 79 ÷ Σ (144 + 155) = 26.42 %; 59 of 62 facility-days = 95.16 %.
    expect(text).toMatch(/^ *辖区合计（比值为各项之和相除） 9 4 44\.44 % 26\.42 % 95\.16 %$/m);
    for (const s of ['Σ护理型 4 ÷ Σ在用 9', 'Σ 79 ÷ Σ 299 床日', '达标 59 / 62 机构·天']) expect(text).toContain(s);
    expect(text).not.toContain('47.50 %');
    const json = (await w.t.http.get('/api/divisions/410421/summary?month=2026-05').auth(w.token.reg410400, auth).expect(200)).body;
    // On 05-31: 王一 and 王四 全失能, 王二 半失能 (王三 discharged); 甲 and 乙 certified of the three caregivers (丙's expired).
    expect(json.total).toEqual({
      divisionName: '宝丰县',
      facilities: 2,
      residentsTotal: 3,
      residentsByLevel: { SELF_CARE: 0, SEMI_DISABLED: 1, FULLY_DISABLED: 2, UNASSESSED: 0 },
      certification: { certified: 2, caregivers: 3, pct: 66.67 },
      bedsInService: 9,
      nursingBeds: 4,
      occupiedBedDays: 79,
      inServiceBedDays: 299,
      staffingDays: 62,
      compliantDays: 59,
      nursingBedRatioPct: 44.44,
      nursingBedTargetMet: false,
      occupancyPct: 26.42,
      staffingCompliancePct: 95.16,
    });
  });
  // A document issued at 2026-06-01 01:30 in UTC+8 (2026-05-31 17:30 UTC) is listed as of 2026-06-01, the
  // calendar date in APP_TIMEZONE, as the document's 生成时间 is.
  it("辖区汇总表: 最近报告 is the calendar date in UTC+8 of the facility's latest document", async () => {
    const [other] = await w.sql<{ id: string }>(`SELECT id FROM facility WHERE name = '宝丰县第二养老院'`);
    await w.sql(
      `INSERT INTO document (number, kind, title, facility_id, period, sha256, content_hash, bytes, requested_by_name, requested_by_role, issued_at)
                 VALUES ('TEST-TZ-1', 'COMPLIANCE', '养老机构合规报告', $1, '2026-05', encode(sha256('tz'::bytea), 'hex'), encode(sha256('tz'::bytea), 'hex'), 1, 'test', 'FACILITY_MANAGER',
                         '2026-05-31T17:30:00Z')`,
      [other.id],
    );
    const text = await document('/api/divisions/410421/summary.pdf?month=2026-05', w.token.reg410400, 'DIV');
    expect(text).toMatch(/宝丰县第二养老院 养老机构 410421 宝丰县 5 1 20\.00 % 0\.00 % 100\.00 % 2026-06-01/);
  });
});
