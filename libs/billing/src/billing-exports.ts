import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { yuan } from '@careops/care';
import { BillingService } from './billing.service';
import type { BillKind, BillState, PaymentMethod } from './dto/billing.response';
import { MoneyService } from './money.service';

const KIND: Record<BillKind, string> = { MONTHLY: '月度账单', SUPPLEMENTARY: '补收', CREDIT_NOTE: '红字冲减', FINAL: '退住结算' };
const STATE: Record<BillState, string> = { DRAFT: '草稿', ISSUED: '已开具', PAID: '已结清' };
const METHOD: Record<PaymentMethod, string> = { CASH: '现金', BANK_TRANSFER: '银行转账', WECHAT: '微信', ALIPAY: '支付宝' };
const BUCKET: Record<string, string> = { D0_30: '0–30天', D31_60: '31–60天', D61_90: '61–90天', OVER_90: '90天以上' };

/** A table of the accountant's: Chinese headers, rows of cells; amounts are yuan with two decimals. */
interface Table {
  sheet: string;
  headers: string[];
  /** Columns holding money (numbers in the workbook, two decimals). */
  money: number[];
  rows: (string | number)[][];
}

const cell = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** CSV for Excel: UTF-8 with a BOM, CRLF lines (docs/api.md). */
export function csvOf(t: Table): string {
  return '\uFEFF' + [t.headers, ...t.rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export async function xlsxOf(t: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'careops';
  const sheet = workbook.addWorksheet(t.sheet);
  sheet.addRow(t.headers);
  sheet.getRow(1).font = { bold: true };
  for (const r of t.rows) sheet.addRow(r.map((v, i) => (t.money.includes(i) && typeof v === 'string' ? Number(v) : v)));
  for (const i of t.money) sheet.getColumn(i + 1).numFmt = '0.00';
  t.headers.forEach((h, i) => (sheet.getColumn(i + 1).width = Math.max(10, h.length * 2 + 4)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The bills of a month, the payments of a period and the arrears as files (docs/rules.md §9). */
@Injectable()
export class BillingExports {
  constructor(
    private readonly billing: BillingService,
    private readonly money: MoneyService,
  ) {}

  async bills(month: string): Promise<Table> {
    const bills = await this.billing.bills({ month });
    return {
      sheet: `账单${month}`,
      headers: ['账单编号', '月份', '老人', '床位', '类型', '更正账单', '金额(元)', '已收(元)', '未收(元)', '状态', '到期日'],
      money: [6, 7, 8],
      rows: bills.map((b) => [
        b.number,
        b.month,
        b.residentName,
        b.bedCode ?? '',
        KIND[b.kind],
        b.refersToNumber ?? '',
        yuan(b.totalFen),
        yuan(b.paidFen),
        yuan(b.openFen),
        STATE[b.state],
        b.dueOn,
      ]),
    };
  }

  async payments(from?: string, to?: string): Promise<Table> {
    const rows = await this.billing.payments({ from, to });
    return {
      sheet: '收款',
      headers: ['收据编号', '收款日期', '老人', '床位', '类型', '方式', '流水号', '金额(元)', '冲抵账单', '转预交款(元)'],
      money: [7, 9],
      rows: rows.map((p) => [
        p.receiptNumber,
        p.receivedOn,
        p.residentName ?? '',
        p.bedCode ?? '',
        p.kind === 'DEPOSIT' ? '押金' : '缴费',
        METHOD[p.method],
        p.reference ?? '',
        yuan(p.amountFen),
        p.appliedTo.map((a) => `${a.billNumber}:${yuan(a.amountFen)}`).join(' '),
        yuan(p.prepaymentFen),
      ]),
    };
  }

  async arrears(asOf?: string): Promise<Table> {
    const a = await this.money.arrears(asOf);
    return {
      sheet: `欠费${a.asOf}`,
      headers: ['老人', '床位', '欠费(元)', '最早到期日', '逾期天数', '账龄', '账单', '最近催缴'],
      money: [2],
      rows: a.rows.map((r) => [
        r.residentName,
        r.bedCode ?? '',
        yuan(r.openFen),
        r.oldestDueOn,
        r.daysPastDue,
        BUCKET[r.bucket],
        r.bills.map((b) => b.number).join(' '),
        r.lastReminderAt ?? '',
      ]),
    };
  }
}
