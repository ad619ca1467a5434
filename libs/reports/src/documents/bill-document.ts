import { calendarDate, dayNumber, monthSpan } from '@careops/care';
import {
  BILL_KIND_LABELS,
  BILL_STATE_LABELS,
  type BillingFacility,
  type BillSummaryView,
  type BillView,
  figures,
  type PaymentInstructions,
} from './billing-views';
import { draft, Draft, fileNameOf, monthLabel } from './draft';
import { amountInCapitals } from '../amount-in-capitals';

/** What a 缴费通知单 is made of: the bill, the resident's other bills (for what is still owed) and how to pay. */
export interface BillFacts {
  bill: BillView;
  facility: BillingFacility;
  instructions: PaymentInstructions;
  /** The resident's bills (this one may be among them): the issued ones still open and due by its due day are owed besides it. */
  bills: BillSummaryView[];
}

/** The days of care the bill covers: admitted or discharged within its month, else none printed. */
function inCareText(bill: BillView): string | null {
  const span = monthSpan(bill.month);
  const from = bill.inCareFrom && bill.inCareFrom > span.from ? bill.inCareFrom : null;
  const to = bill.inCareTo && bill.inCareTo < span.to ? bill.inCareTo : null;
  if (!from && !to) return null;
  return `${from ? `${from} 入住` : ''}${from && to ? '，' : ''}${to ? `${to} 退住（当日不计费）` : ''}`;
}

const dash = (n: number | null | undefined) => (n === null || n === undefined ? '—' : String(n));

/**
 * 缴费通知单 (docs/rules.md §8, §9): whose bill, for which month; each line with its days, leave days,
 * rate and the formula that gives its amount; the leaves; the subsidy credited to the elder; the total
 * in figures and capitals; what was paid or taken from prepayment, what earlier bills still owe, and
 * the amount due by the due date; how to pay. An account of fees, not a tax invoice. A DRAFT bill
 * prints as 草稿 and is not registered.
 */
export function billDraft({ bill, facility, instructions, bills }: BillFacts): Draft {
  const linesFen = bill.lines.reduce((sum, l) => sum + l.amountFen, 0);
  const openFen = bill.state === 'DRAFT' ? bill.totalFen - bill.paidFen : bill.openFen;
  // Other issued bills still open and due by this one's due day: owed besides it (a later month's bill is not).
  const earlier = bills.filter(
    (b) => b.id !== bill.id && b.state === 'ISSUED' && b.openFen !== 0 && (!bill.dueOn || !b.dueOn || b.dueOn <= bill.dueOn),
  );
  const earlierFen = earlier.reduce((sum, b) => sum + b.openFen, 0);
  const prepaymentFen = bill.account.prepaymentFen;
  const dueFen = Math.max(0, openFen + earlierFen - prepaymentFen);
  const ways = [
    instructions.bankAccount
      ? { how: '银行转账', to: `${instructions.payee ? `户名：${instructions.payee}\u3000` : ''}${instructions.bankAccount}` }
      : null,
    instructions.wechat ? { how: '微信支付', to: instructions.wechat } : null,
    instructions.alipay ? { how: '支付宝', to: instructions.alipay } : null,
    { how: '现金', to: `${facility.name}财务室${facility.address ? `（${facility.address}）` : ''}` },
  ].filter((w): w is { how: string; to: string } => w !== null);
  const kindLabel = BILL_KIND_LABELS[bill.kind];
  return {
    ...draft('BILL', facility.timezone, {
      facilityId: facility.id,
      subject: facility.name,
      period: bill.month,
      periodLabel: monthLabel(bill.month),
      subtitle: `${bill.residentName} · ${monthLabel(bill.month)} · 账单编号 ${bill.number}`,
      fileName: fileNameOf('BILL', facility.name, bill.month, bill.residentName, bill.number),
      asciiFileName: `bill-${bill.month}-${bill.number}.pdf`,
      data: {
        facility: { name: facility.name, address: facility.address ?? null, phone: facility.phone ?? null },
        bill: {
          number: bill.number,
          month: monthLabel(bill.month),
          daysInMonth: monthSpan(bill.month).days,
          kind: kindLabel,
          corrects: bill.kind === 'SUPPLEMENTARY' || bill.kind === 'CREDIT_NOTE',
          refersTo: bill.refersToNumber ?? null,
          inCare: inCareText(bill),
          state: BILL_STATE_LABELS[bill.state],
          issuedOn: bill.issuedAt ? calendarDate(new Date(bill.issuedAt), facility.timezone) : null,
          dueOn: bill.dueOn,
        },
        resident: { name: bill.residentName, bed: bill.bedCode ?? '—' },
        lines: bill.lines.map((l, i) => ({
          n: i + 1,
          item: l.item,
          days: dash(l.days),
          leaveDays: l.leaveDays ? String(l.leaveDays) : '—',
          rate: figures(l.rateFen),
          // A monthly line is counted in days; a per-use one in times.
          quantity: l.days === null ? dash(l.quantity) : '—',
          amount: figures(l.amountFen),
          formula: l.formula,
        })),
        leaves: bill.leaves.map((l) => ({
          from: l.from,
          to: l.to,
          days: l.to ? dayNumber(l.to) - dayNumber(l.from) : null,
        })),
        linesTotal: figures(linesFen),
        subsidy: bill.subsidyCreditFen !== 0 ? figures(-bill.subsidyCreditFen) : null,
        total: figures(bill.totalFen),
        totalWords: amountInCapitals(bill.totalFen),
        paid: figures(bill.paidFen),
        open: figures(openFen),
        earlier: earlier.map((b) => ({ number: b.number, month: monthLabel(b.month), dueOn: b.dueOn ?? '—', open: figures(b.openFen) })),
        earlierTotal: figures(earlierFen),
        prepayment: prepaymentFen !== 0 ? figures(-prepaymentFen) : null,
        due: figures(dueFen),
        dueWords: amountInCapitals(dueFen),
        deposit: figures(bill.account.depositFen),
        ways,
      },
    }),
    recordId: bill.id,
    totalFen: bill.totalFen,
    ...(bill.state === 'DRAFT' && { provisional: 'DRAFT' as const }),
  };
}
