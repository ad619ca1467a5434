/**
 * What the billing documents print, as `BillingService` (@careops/billing) answers it — the shapes of
 * the billing contract (docs/api.md, Billing). The builders read these and nothing else of billing.
 */
export type BillKind = 'MONTHLY' | 'SUPPLEMENTARY' | 'CREDIT_NOTE' | 'FINAL';
export type BillState = 'DRAFT' | 'ISSUED' | 'PAID';
export type PaymentMethod = 'CASH' | 'BANK_TRANSFER' | 'WECHAT' | 'ALIPAY';

export interface BillSummaryView {
  id: string;
  number: string;
  residentId: string;
  residentName: string;
  bedCode: string | null;
  month: string;
  kind: BillKind;
  refersToId: string | null;
  refersToNumber?: string | null;
  totalFen: number;
  paidFen: number;
  openFen: number;
  state: BillState;
  dueOn: string | null;
  issuedAt: string | Date | null;
}

export interface BillLineView {
  item: string;
  code: string;
  category: string;
  days: number | null;
  leaveDays: number | null;
  rateFen: number;
  quantity: number | null;
  amountFen: number;
  formula: string;
}

export interface BillView extends BillSummaryView {
  lines: BillLineView[];
  subsidyCreditFen: number;
  /** Leaves of the month, [from, to): `to` is the day of return, null while away. */
  leaves: { from: string; to: string | null }[];
  inCareFrom?: string | null;
  inCareTo?: string | null;
  account: { balanceFen: number; depositFen: number; prepaymentFen: number };
}

export interface PaymentView {
  id: string;
  kind: 'DEPOSIT' | 'PAYMENT';
  residentId: string;
  residentName: string;
  bedCode: string | null;
  amountFen: number;
  method: PaymentMethod | string;
  reference: string | null;
  receivedOn: string;
  receiptNumber: string;
  appliedTo: { billId: string; billNumber: string; amountFen: number }[];
  prepaymentFen: number;
}

export interface RefundView {
  id: string;
  residentId: string;
  residentName: string;
  amountFen: number;
  from: 'DEPOSIT' | 'PREPAYMENT' | string;
  method: PaymentMethod | string;
  reference: string | null;
  paidOn: string;
  reason: string;
  voucherNumber: string;
  /** Set when the refund closes a discharge settlement 退住结算: what was held and what was owed. */
  settlement?: {
    depositFen: number;
    prepaymentFen: number;
    owedFen: number;
    finalBillNumber: string | null;
    finalBillTotalFen?: number | null;
  } | null;
}

/** How a family pays: the payee and bank account (settings BILLING_PAYEE, BILLING_BANK_ACCOUNT), and any WeChat/Alipay wording. */
export interface PaymentInstructions {
  payee: string | null;
  bankAccount: string | null;
  wechat?: string | null;
  alipay?: string | null;
}

/** The facility as the billing documents print it. */
export interface BillingFacility {
  id: string;
  name: string;
  timezone: string;
  address?: string | null;
  phone?: string | null;
}

export const BILL_KIND_LABELS: Record<BillKind, string> = {
  MONTHLY: '月度账单',
  SUPPLEMENTARY: '补收账单',
  CREDIT_NOTE: '红字冲减单',
  FINAL: '退住结算账单',
};

export const BILL_STATE_LABELS: Record<BillState, string> = { DRAFT: '草稿', ISSUED: '已出账', PAID: '已结清' };

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  CASH: '现金',
  BANK_TRANSFER: '银行转账',
  WECHAT: '微信支付',
  ALIPAY: '支付宝',
};

export const methodLabel = (m: string) => PAYMENT_METHOD_LABELS[m as PaymentMethod] ?? m;

/** Fen as printed on a bill or receipt: thousands grouped, two decimals, by integer arithmetic (149355 → 1,493.55). */
export function figures(fen: number): string {
  const abs = Math.abs(fen);
  const whole = String((abs - (abs % 100)) / 100).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}${whole}.${String(abs % 100).padStart(2, '0')}`;
}
