import ExcelJS from 'exceljs';
import { buildWorld, idNumberFor, World } from './support/world';

const RESIDENT_HEADERS = ['姓名*', '身份证号*', '性别', '出生日期', '户籍', '电话', '类别', '床位', '入住日期', '照护等级'];
const BED_HEADERS = ['楼栋*', '楼层*', '房间*', '床位号*', '类型*'];
const STAFF_HEADERS = ['姓名*', '岗位*', '入职日期*', '折算全职*', '电话', '证书类型', '证书编号', '发证日期', '到期日期'];

/** A workbook as a facility would fill it: text cells, the headers in row 1. */
async function xlsx(headers: string[], rows: (string | number | Date)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const LEVELS = ['自理', '半失能', '全失能'];
/** Resident i (0-based) of the 300-row file: bed B-001…, admitted 2026-03-01, a valid ID. */
function residentRow(i: number): string[] {
  const dob = `19${30 + (i % 20)}-0${1 + (i % 9)}-1${i % 9}`;
  return [
    `导入老人${i + 1}`,
    idNumberFor(dob, i),
    '',
    i % 2 === 0 ? dob : '',
    '河南省平顶山市宝丰县',
    '13803751234',
    i % 5 === 0 ? '特困供养、高龄' : '',
    `B-${String(i + 1).padStart(3, '0')}`,
    '2026-03-01',
    LEVELS[i % 3],
  ];
}

/** Imports from spreadsheets (docs/api.md "Import"): preview, row errors in Chinese, all-or-nothing commit. */
describe('imports of beds, residents and staff', () => {
  let w: World;
  let base: string;
  const auth = { type: 'bearer' } as const;
  const upload = (kind: string, file: Buffer, commit = false, token = w.token.managerA) =>
    w.t.http
      .post(`${base}/imports?kind=${kind}${commit ? '&commit=true' : ''}`)
      .auth(token, auth)
      .attach('file', file, { filename: `${kind.toLowerCase()}.xlsx`, contentType: 'application/octet-stream' });
  const count = async (table: string, facilityId = w.A) =>
    (await w.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE facility_id = $1`, [facilityId]))[0].n;

  beforeAll(async () => {
    w = await buildWorld();
    base = `/api/facilities/${w.A}`;
  });
  afterAll(() => w?.close());

  it.each([
    ['BEDS', '床位', BED_HEADERS],
    ['RESIDENTS', '老人', RESIDENT_HEADERS],
    ['STAFF', '员工', STAFF_HEADERS],
  ])('the %s template downloads and parses: Chinese headers, an example row, a 说明 sheet', async (kind, sheetName, headers) => {
    const res = await w.t.http
      .get(`${base}/imports/templates/${kind}.xlsx`)
      .auth(w.token.managerA, auth)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    expect(book.worksheets.map((s) => s.name)).toEqual([sheetName, '说明']);
    const sheet = book.worksheets[0];
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(headers);
    expect(sheet.getRow(2).getCell(1).value).toBeTruthy();
    expect(book.worksheets[1].rowCount).toBeGreaterThan(headers.length);
    // The template as downloaded is read back by the import: its example row is checked like any row.
    const preview = (await upload(kind, res.body).expect(200)).body;
    expect(preview).toMatchObject({ kind, rows: 1, committed: false });
    if (kind !== 'RESIDENTS') expect(preview.errors).toEqual([]);
    else expect(preview.errors).toEqual([{ row: 2, column: '床位', message: '床位「A-201-1」不存在，请先在床位管理中添加或导入床位' }]);
  });

  it('an unknown template kind is refused by name; the accountant may read the blank form but not import', async () => {
    expect((await w.t.http.get(`${base}/imports/templates/ROOMS.xlsx`).auth(w.token.managerA, auth).expect(400)).body.code).toBe(
      'IMPORT_KIND_UNKNOWN',
    );
    const file = await xlsx(BED_HEADERS, [['1号楼', 1, '101', 'X-1', '普通']]);
    await upload('BEDS', file, false, w.token.accountantA).expect(403);
    await w.t.http.get(`${base}/imports/templates/BEDS.xlsx`).auth(w.token.accountantA, auth).expect(200); // a blank form
  });

  it('a file that is not a workbook, or not the template, is refused with a message naming the problem', async () => {
    const garbage = await upload('BEDS', Buffer.from('姓名,身份证号\n张三,1')).expect(400);
    expect(garbage.body.code).toBe('IMPORT_FILE_UNREADABLE');
    const wrong = await upload('BEDS', await xlsx(['楼栋', '房间'], [['1号楼', '101']])).expect(422);
    expect(wrong.body).toMatchObject({ code: 'IMPORT_COLUMNS_MISSING', params: { columns: '楼层、床位号、类型' } });
    const none = await w.t.http.post(`${base}/imports?kind=BEDS`).auth(w.token.managerA, auth).expect(400);
    expect(none.body.code).toBe('IMPORT_FILE_REQUIRED');
    const huge = await upload('BEDS', Buffer.alloc(5 * 1024 * 1024 + 1)).expect(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('beds: 300 beds in 30 rooms from one file, after a preview that wrote nothing', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => [
      '1号楼',
      1 + Math.floor(i / 100),
      String(100 * (1 + Math.floor(i / 100)) + 1 + (Math.floor(i / 10) % 10)),
      `B-${String(i + 1).padStart(3, '0')}`,
      i % 3 === 0 ? '普通' : '护理型',
    ]);
    const bad = await xlsx(BED_HEADERS, [...rows, ['1号楼', '一', '101', 'B-001', '豪华']]);
    const preview = (await upload('BEDS', bad).expect(200)).body;
    expect(preview.errors).toEqual([
      { row: 302, column: '楼层', message: '楼层「一」应为 -5 到 200 之间的整数' },
      { row: 302, column: '床位号', message: '床位号「B-001」与第2行重复' },
      { row: 302, column: '类型', message: '未知的类型「豪华」，应为：护理型、护理型床位、护理、普通、普通床位' },
    ]);
    expect(await count('bed')).toBe(0);
    const done = (await upload('BEDS', await xlsx(BED_HEADERS, rows), true).expect(200)).body;
    expect(done).toMatchObject({ kind: 'BEDS', rows: 300, errors: [], committed: true, counts: { beds: 300, rooms: 30 } });
    expect(await count('bed')).toBe(300);
    expect(await count('room')).toBe(30);
    const kinds = await w.sql(`SELECT kind, count(*)::int AS n FROM bed WHERE facility_id = $1 GROUP BY kind ORDER BY kind`, [w.A]);
    expect(kinds).toEqual([
      { kind: 'GENERAL', n: 100 },
      { kind: 'NURSING', n: 200 },
    ]);
    // The same file again: every bed code already exists.
    const again = (await upload('BEDS', await xlsx(BED_HEADERS, rows.slice(0, 2))).expect(200)).body;
    expect(again.errors).toEqual([
      { row: 2, column: '床位号', message: '床位号「B-001」已存在' },
      { row: 3, column: '床位号', message: '床位号「B-002」已存在' },
    ]);
  });

  it('residents: 300 rows with 3 bad ones → exactly 3 row errors, and commit writes nothing (422 with the errors)', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => residentRow(i));
    const badId = rows[9][1].slice(0, 17) + (rows[9][1][17] === '0' ? '1' : '0'); // sheet row 11: a wrong check character
    rows[9] = [...rows[9].slice(0, 1), badId, ...rows[9].slice(2)];
    rows[49] = [...rows[49].slice(0, 7), 'Z-999', ...rows[49].slice(8)]; // sheet row 51: no such bed
    rows[99] = [...rows[99].slice(0, 1), rows[98][1], '', '', ...rows[99].slice(4)]; // sheet row 101: row 100's ID
    const file = await xlsx(RESIDENT_HEADERS, rows);
    const preview = (await upload('RESIDENTS', file).expect(200)).body;
    expect(preview).toMatchObject({ kind: 'RESIDENTS', rows: 300, committed: false });
    expect(preview.errors).toEqual([
      { row: 11, column: '身份证号', message: '身份证号校验位错误（ISO 7064 MOD 11-2），请核对是否输错' },
      { row: 51, column: '床位', message: '床位「Z-999」不存在，请先在床位管理中添加或导入床位' },
      { row: 101, column: '身份证号', message: '身份证号与第100行重复' },
    ]);
    const refused = (await upload('RESIDENTS', file, true).expect(422)).body;
    expect(refused).toMatchObject({ code: 'IMPORT_HAS_ERRORS', params: { count: 3, row: 11, column: '身份证号' } });
    expect(refused.details).toEqual(preview.errors);
    expect(refused.message[0]).toContain('文件中有 3 处错误，未导入任何数据');
    expect(await count('resident')).toBe(0);
    expect(await count('stay')).toBe(0);
  });

  it('residents: the corrected file → 300 residents admitted to their beds at their levels, one audit entry with counts', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => residentRow(i));
    const done = (await upload('RESIDENTS', await xlsx(RESIDENT_HEADERS, rows), true).expect(200)).body;
    expect(done).toMatchObject({ rows: 300, errors: [], committed: true, counts: { residents: 300, admissions: 300, assessments: 300 } });
    expect(await count('resident')).toBe(300);
    expect(await count('admission')).toBe(300);
    expect(await count('stay')).toBe(300);
    const levels = await w.sql(
      `SELECT care_level, count(*)::int AS n FROM assessment WHERE facility_id = $1 AND effective_on = '2026-03-01' GROUP BY care_level ORDER BY care_level`,
      [w.A],
    );
    expect(levels).toEqual([
      { care_level: 'FULLY_DISABLED', n: 100 },
      { care_level: 'SELF_CARE', n: 100 },
      { care_level: 'SEMI_DISABLED', n: 100 },
    ]);
    // Row 2 of the sheet, as the residents API shows it: ID masked, birth date and gender from the ID.
    const list = (await w.t.http.get(`${base}/residents`).auth(w.token.managerA, auth).expect(200)).body as {
      name: string;
      idNumber: string;
      dateOfBirth: string;
      gender: string;
      categories: string[];
    }[];
    const first = list.find((r) => r.name === '导入老人1');
    const id = residentRow(0)[1];
    expect(first).toMatchObject({
      idNumber: `${id.slice(0, 6)}********${id.slice(14)}`,
      dateOfBirth: '1930-01-10',
      gender: Number(id[16]) % 2 ? 'M' : 'F',
      categories: ['TEKUN', 'ADVANCED_AGE'],
    });
    const board = (await w.t.http.get(`${base}/beds?date=2026-03-02`).auth(w.token.managerA, auth).expect(200)).body as {
      code: string;
      occupant: { name: string; careLevel: string; since: string } | null;
    }[];
    expect(board.filter((b) => b.occupant).length).toBe(300);
    expect(board.find((b) => b.code === 'B-002')?.occupant).toMatchObject({
      name: '导入老人2',
      careLevel: 'SEMI_DISABLED',
      since: '2026-03-01',
    });
    const audit = await w.sql(`SELECT action, diff FROM audit_event WHERE facility_id = $1 AND action = 'import.commit' ORDER BY id`, [
      w.A,
    ]);
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit[1].diff)).toContain('"residents"');
  });

  it('residents: an ID already registered and a bed already taken are row errors', async () => {
    const again = residentRow(0);
    const other = residentRow(400);
    other[7] = 'B-002';
    other[8] = '2026-04-01';
    const clean = again.map((c, i) => (i >= 7 ? '' : c));
    const second = (await upload('RESIDENTS', await xlsx(RESIDENT_HEADERS, [clean, other])).expect(200)).body;
    expect(second.errors).toEqual([
      { row: 2, column: '身份证号', message: '该身份证号的老人已在本机构登记' },
      { row: 3, column: '床位', message: '床位「B-002」自 2026-03-01 起已有老人入住' },
    ]);
  });

  it('residents: bad dates, levels, categories, a birth date that differs from the ID, each named by its column', async () => {
    const r = residentRow(500);
    const rows = [
      [...r.slice(0, 3), '1950-01-01', ...r.slice(4, 6), '富裕', 'B-301', '2026-02-30', '重度'],
      [...residentRow(501).slice(0, 2), '未知', '', '', 'abc', '', '', '', '半失能'],
    ];
    const preview = (await upload('RESIDENTS', await xlsx(RESIDENT_HEADERS, rows)).expect(200)).body;
    expect(preview.errors).toEqual([
      { row: 2, column: '出生日期', message: '身份证号中的出生日期与填写的出生日期不一致' },
      { row: 2, column: '类别', message: '未知的类别「富裕」，应为：特困供养、低保、经济困难、高龄、独居/空巢、计生特殊家庭' },
      { row: 2, column: '入住日期', message: '入住日期「2026-02-30」不是有效日期，应为 2026-03-15 的格式' },
      { row: 2, column: '照护等级', message: '未知的照护等级「重度」，应为：自理、半失能、全失能、失能' },
      { row: 3, column: '性别', message: '未知的性别「未知」，应为：男、女' },
      { row: 3, column: '电话', message: '电话「abc」不是有效的电话号码' },
      { row: 3, column: '入住日期', message: '照护等级随入住日期生效，须填写入住日期' },
    ]);
  });

  it('staff: roles, FTE and certificates checked; the good file adds staff with their certificates', async () => {
    const rows = [
      ['李护理员', '护理员', '2025-06-01', '1', '13803751234', '养老护理员职业技能等级证书', 'S-001', '2025-06-01', '2028-06-01'],
      ['王护士', '护士', '2025/3/1', '0.5', '', '', '', '', ''],
      ['赵某', '厨师', '2025-13-01', '1.5', '', '养老护理员职业技能等级证书', 'S-001', '2025-06-01', ''],
    ];
    const preview = (await upload('STAFF', await xlsx(STAFF_HEADERS, rows)).expect(200)).body;
    expect(preview.errors).toEqual([
      { row: 4, column: '岗位', message: '未知的岗位「厨师」，应为：护理员、养老护理员、护士、医生、社工、管理人员、院长、其他' },
      { row: 4, column: '入职日期', message: '入职日期「2025-13-01」不是有效日期，应为 2026-03-15 的格式' },
      { row: 4, column: '折算全职', message: '折算全职「1.5」应为 0.01 到 1 之间、最多两位小数的数' },
      { row: 4, column: '到期日期', message: '证书四项须同时填写，到期日期为空' },
    ]);
    const done = (await upload('STAFF', await xlsx(STAFF_HEADERS, rows.slice(0, 2)), true).expect(200)).body;
    expect(done).toMatchObject({ committed: true, counts: { staff: 2, certificates: 1 } });
    const staff = (await w.t.http.get(`${base}/staff`).auth(w.token.managerA, auth).expect(200)).body as {
      name: string;
      role: string;
      fte: number;
      employedFrom: string;
      certificates: { number: string }[];
    }[];
    expect(staff.map((s) => [s.name, s.role, s.fte, s.employedFrom, s.certificates.map((c) => c.number)]).sort()).toEqual([
      ['李护理员', 'CAREGIVER', 1, '2025-06-01', ['S-001']],
      ['王护士', 'NURSE', 0.5, '2025-03-01', []],
    ]);
    const dup = (await upload('STAFF', await xlsx(STAFF_HEADERS, rows.slice(0, 1))).expect(200)).body;
    expect(dup.errors).toEqual([{ row: 2, column: '证书编号', message: '证书「S-001」已在本机构登记' }]);
  });

  it('another facility sees none of it (row-level security)', async () => {
    expect(await count('resident', w.B)).toBe(0);
    const other = (await w.t.http.get(`/api/facilities/${w.B}/residents`).auth(w.token.managerB, auth).expect(200)).body;
    expect(other).toEqual([]);
  });
});
