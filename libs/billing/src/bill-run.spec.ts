import ExcelJS from 'exceljs';
import { csvOf, xlsxOf } from './billing-exports';
import { correctionLines } from './bill-run.service';
import type { StoredLine } from './billing.repository';

const line = (code: string, days: number, amountFen: number, extra: Partial<StoredLine> = {}): StoredLine => ({
  item: code,
  code,
  category: 'OTHER',
  feeItemId: `fee-${code}`,
  days,
  leaveDays: 0,
  rateFen: 60000,
  quantity: 1,
  amountFen,
  formula: '',
  from: '2025-03-15',
  ...extra,
});

describe('a correction of an issued bill (docs/rules.md §9)', () => {
  it('per line, what the facts say now minus what was charged; unchanged lines drop out', () => {
    // docs/rules.md §9: meals 12 days → 7 days after a back-dated leave: 13548 − 23226 = −9678.
    const charged = [line('BED', 17, 82258, { rateFen: 150000 }), line('MEALS', 12, 23226, { leaveDays: 5 })];
    const now = [line('BED', 17, 82258, { rateFen: 150000 }), line('MEALS', 7, 13548, { leaveDays: 10 })];
    expect(correctionLines(charged, now)).toEqual([
      expect.objectContaining({ code: 'MEALS', days: -5, leaveDays: 5, amountFen: -9678, formula: '135.48 − 232.26 = -96.78' }),
    ]);
  });

  it('the bill and its issued corrections together are what was charged; a line gone is credited whole', () => {
    const charged = [line('MEALS', 12, 23226), line('MEALS', -5, -9678)];
    expect(correctionLines(charged, [])).toEqual([expect.objectContaining({ code: 'MEALS', days: -7, amountFen: -13548 })]);
    expect(correctionLines(charged, [line('MEALS', 7, 13548)])).toEqual([]);
  });

  it('a new line (a per-use charge recorded late) is charged in full', () => {
    const bath = line('BATH', 0, 6000, { quantity: 2, rateFen: 3000, feeItemId: null });
    expect(correctionLines([], [bath])).toEqual([expect.objectContaining({ code: 'BATH', quantity: 2, amountFen: 6000 })]);
  });
});

describe('the exports', () => {
  const table = { sheet: '账单', headers: ['老人', '金额(元)'], money: [1], rows: [['王秀英, "小王"', '1493.55']] };

  it('CSV: a UTF-8 BOM, CRLF lines, quoted cells where needed', () => {
    expect(csvOf(table)).toBe('\uFEFF老人,金额(元)\r\n"王秀英, ""小王""",1493.55\r\n');
  });

  it('XLSX: money as numbers with two decimals', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsxOf(table)) as never);
    const cell = workbook.getWorksheet('账单')?.getCell('B2');
    expect(cell?.value).toBe(1493.55);
    expect(cell?.numFmt).toBe('0.00');
  });
});
