import ExcelJS from 'exceljs';
import { InvalidInputError, RuleViolation } from '@careops/platform';

/** What a facility imports from its spreadsheets (docs/api.md "Import"). */
export const IMPORT_KINDS = ['BEDS', 'RESIDENTS', 'STAFF'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ColumnSpec {
  header: string;
  required: boolean;
  example: string;
  note: string;
  width: number;
}

const col = (header: string, required: boolean, example: string, note: string, width = 14): ColumnSpec => ({
  header,
  required,
  example,
  note,
  width,
});

/** The columns of each template, in order; the headers are what the reader looks for. */
export const COLUMNS: Record<ImportKind, ColumnSpec[]> = {
  BEDS: [
    col('楼栋', true, '1号楼', '楼栋名称，如 1号楼'),
    col('楼层', true, '2', '整数，地下层写负数'),
    col('房间', true, '201', '房间号'),
    col('床位号', true, 'A-201-1', '机构内唯一的床位编号'),
    col('类型', true, '护理型', '护理型 或 普通'),
  ],
  RESIDENTS: [
    col('姓名', true, '王秀英', ''),
    col('身份证号', true, '410421194001010023', '18位，最后一位可为X；校验位按 GB 11643 检查', 22),
    col('性别', false, '女', '男 或 女；不填则按身份证号第17位'),
    col('出生日期', false, '1940-01-01', '可不填：取自身份证号第7–14位；填写则须一致'),
    col('户籍', false, '河南省平顶山市宝丰县', '', 22),
    col('电话', false, '13803751234', ''),
    col('类别', false, '特困供养、高龄', '可多选，用顿号分隔：特困供养、低保、经济困难、高龄、独居/空巢、计生特殊家庭', 18),
    col('床位', false, 'A-201-1', '床位号（须已在系统中）；填写则须填入住日期'),
    col('入住日期', false, '2026-03-15', '格式 2026-03-15'),
    col('照护等级', false, '半失能', '自理、半失能 或 全失能；随入住日期生效'),
  ],
  STAFF: [
    col('姓名', true, '张丽', ''),
    col('岗位', true, '护理员', '护理员、护士、医生、社工、管理人员 或 其他'),
    col('入职日期', true, '2025-03-01', '格式 2025-03-01'),
    col('折算全职', true, '1', '全职 1，兼职填比例，如 0.5（最多两位小数）'),
    col('电话', false, '13803751234', ''),
    col('证书类型', false, '养老护理员职业技能等级证书', '证书四项须同时填写或同时留空', 24),
    col('证书编号', false, 'S000041000000235001234', '', 24),
    col('发证日期', false, '2025-06-01', ''),
    col('到期日期', false, '2028-06-01', '须晚于发证日期'),
  ],
};

const SHEET_NAMES: Record<ImportKind, string> = { BEDS: '床位', RESIDENTS: '老人', STAFF: '员工' };
export const TEMPLATE_FILE_NAMES: Record<ImportKind, string> = { BEDS: '床位导入模板', RESIDENTS: '老人导入模板', STAFF: '员工导入模板' };

/** The most rows one file may hold (the 1,000-row file of a large home, with room to spare). */
export const MAX_ROWS = 5000;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The template: headers (required ones marked *), an example row, and a 说明 sheet. */
export async function buildTemplate(kind: ImportKind): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'careops';
  const sheet = book.addWorksheet(SHEET_NAMES[kind]);
  const columns = COLUMNS[kind];
  sheet.columns = columns.map((c) => ({ header: c.required ? `${c.header}*` : c.header, width: c.width }));
  // Text cells: an ID number or a bed code must not become a number (18 digits lose precision).
  columns.forEach((_, i) => (sheet.getColumn(i + 1).numFmt = '@'));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(columns.map((c) => c.example));
  sheet.getRow(2).font = { italic: true, color: { argb: 'FF888888' } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const notes = book.addWorksheet('说明');
  notes.columns = [
    { header: '列', width: 14 },
    { header: '必填', width: 8 },
    { header: '说明', width: 70 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of columns) notes.addRow([c.header, c.required ? '是' : '否', c.note]);
  notes.addRow([]);
  notes.addRow(['', '', '第1行为表头，请勿修改；第2行为示例，导入前请删除或改为真实数据。']);
  notes.addRow(['', '', '日期格式 2026-03-15（也可用 2026/3/15 或 Excel 日期）。上传后先预览，没有错误才能确认导入。']);
  notes.addRow(['', '', `每个文件最多 ${MAX_ROWS} 行；全部行一次写入，有任何错误则一行也不写入。`]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One data row of the file: its row number in the sheet and its cells by header, as text. */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the text a person sees: dates as YYYY-MM-DD, rich text joined, formulas by result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    if ('error' in value) return '';
    return '';
  }
  return String(value).trim();
}

/** The rows of the first sheet, by the template's headers; refuses a file that is not the template. */
export async function readSheet(kind: ImportKind, file: Buffer): Promise<SheetRow[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    throw new InvalidInputError('IMPORT_FILE_UNREADABLE');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new InvalidInputError('IMPORT_FILE_UNREADABLE');
  const positions = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, i) => {
    const header = cellText(cell.value).replace(/[*＊\s]/g, '');
    if (header) positions.set(header, i);
  });
  const missing = COLUMNS[kind].filter((c) => c.required && !positions.has(c.header)).map((c) => c.header);
  if (missing.length > 0) throw new RuleViolation('IMPORT_COLUMNS_MISSING', { columns: missing.join('、') });
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells: Record<string, string> = {};
    let any = false;
    for (const c of COLUMNS[kind]) {
      const at = positions.get(c.header);
      const text = at ? cellText(row.getCell(at).value) : '';
      cells[c.header] = text;
      if (text) any = true;
    }
    if (any) rows.push({ row: number, cells });
  });
  if (rows.length > MAX_ROWS) throw new RuleViolation('IMPORT_TOO_MANY_ROWS', { rows: rows.length, max: MAX_ROWS });
  return rows;
}
