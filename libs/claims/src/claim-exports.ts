import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { CARE_LEVEL_LABELS, CareLevel, yuan } from '@careops/care';
import { ClaimsService } from './claims.service';

/** A line's level as printed: the facility's own line (operating subsidy) has none. */
const levelLabel = (level: CareLevel | null) => (level ? CARE_LEVEL_LABELS[level] : '—');

/** A claim as files for the accountant: CSV and an Excel workbook (amounts in yuan, two decimals). */
@Injectable()
export class ClaimExports {
  constructor(private readonly claims: ClaimsService) {}

  /** The workbook: one sheet of lines, one of totals and people by level. */
  async xlsx(id: string): Promise<{ number: string; body: Buffer }> {
    const claim = await this.claims.get(id);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'careops';
    const lines = workbook.addWorksheet('申领明细');
    lines.columns = [
      { header: '申领编号', key: 'number', width: 12 },
      { header: '月份', key: 'month', width: 10 },
      { header: '老人', key: 'name', width: 12 },
      { header: '床位', key: 'bed', width: 10 },
      { header: '身份证号(脱敏)', key: 'idNumber', width: 22 },
      { header: '入住日期', key: 'inCareFrom', width: 12 },
      { header: '退住日期', key: 'inCareTo', width: 12 },
      { header: '照护等级', key: 'level', width: 10 },
      { header: '天数', key: 'days', width: 8 },
      { header: '月标准(元)', key: 'rate', width: 12 },
      { header: '金额(元)', key: 'amount', width: 12 },
      { header: '类型', key: 'kind', width: 10 },
    ];
    // The yuan text of integer fen, as the cell's number (shown with two decimals).
    const money = (fen: number) => Number(yuan(fen));
    for (const l of claim.lines) {
      lines.addRow({
        number: claim.number,
        month: claim.month,
        name: l.residentName,
        bed: l.bedCode,
        idNumber: l.idNumberMasked,
        inCareFrom: l.inCareFrom,
        inCareTo: l.inCareTo,
        level: levelLabel(l.careLevel),
        days: l.days,
        rate: money(l.rateFen),
        amount: money(l.amountFen),
        kind: l.kind === 'REGULAR' ? '正常' : '补差/追回',
      });
    }
    lines.getColumn('rate').numFmt = '0.00';
    lines.getColumn('amount').numFmt = '0.00';
    const totals = workbook.addWorksheet('分级合计');
    totals.columns = [
      { header: '照护等级', key: 'level', width: 12 },
      { header: '人数', key: 'people', width: 8 },
      { header: '金额(元)', key: 'amount', width: 14 },
    ];
    for (const level of ['SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED'] as const)
      totals.addRow({ level: CARE_LEVEL_LABELS[level], people: claim.peopleByLevel[level], amount: money(claim.totalsByLevel[level]) });
    totals.addRow({ level: '合计', people: claim.peopleCount, amount: money(claim.totalFen) });
    totals.getColumn('amount').numFmt = '0.00';
    return { number: claim.number, body: Buffer.from(await workbook.xlsx.writeBuffer()) };
  }

  /** The lines as CSV for Excel: UTF-8 with BOM, Chinese headers, yuan with two decimals; the total, then the people (人数). */
  async csv(id: string): Promise<{ number: string; body: string }> {
    const claim = await this.claims.get(id);
    const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
    const rows = [
      ['申领编号', '月份', '老人', '床位', '身份证号(脱敏)', '入住日期', '退住日期', '照护等级', '天数', '月标准(元)', '金额(元)', '类型'],
      ...claim.lines.map((l) => [
        claim.number,
        claim.month,
        l.residentName,
        l.bedCode ?? '',
        l.idNumberMasked ?? '',
        l.inCareFrom ?? '',
        l.inCareTo ?? '',
        levelLabel(l.careLevel),
        String(l.days),
        yuan(l.rateFen),
        yuan(l.amountFen),
        l.kind === 'REGULAR' ? '正常' : '补差/追回',
      ]),
      ['合计', claim.month, '', '', '', '', '', '', '', '', yuan(claim.totalFen), ''],
      ['人数', claim.month, String(claim.peopleCount), '', '', '', '', '', '', '', '', ''],
    ];
    return { number: claim.number, body: `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n` };
  }
}
