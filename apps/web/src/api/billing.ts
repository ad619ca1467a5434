/**
 * The billing contract (docs/rules.md §9) as the screens use it: fee items, bills, the resident's
 * account and ledger, payments, refunds, arrears and settlements. Money is integer fen, dates
 * `YYYY-MM-DD`, months `YYYY-MM`.
 */
export type FeeKind = 'MONTHLY' | 'PER_USE';
export type FeeCategory = 'BED' | 'CARE' | 'MEALS' | 'OTHER';
export type BillKind = 'MONTHLY' | 'SUPPLEMENTARY' | 'CREDIT_NOTE' | 'FINAL';
export type BillState = 'DRAFT' | 'ISSUED' | 'PAID';
export type PaymentMethod = 'CASH' | 'BANK_TRANSFER' | 'WECHAT' | 'ALIPAY';
export type RefundFrom = 'DEPOSIT' | 'PREPAYMENT' | 'SETTLEMENT';
export type LedgerKind = 'BILL' | 'CREDIT_NOTE' | 'PAYMENT' | 'DEPOSIT' | 'REFUND' | 'SUBSIDY_CREDIT' | 'SETTLEMENT';
export type ArrearsBucket = 'D0_30' | 'D31_60' | 'D61_90' | 'OVER_90';

export const FEE_CATEGORIES: readonly FeeCategory[] = ['BED', 'CARE', 'MEALS', 'OTHER'];
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['CASH', 'BANK_TRANSFER', 'WECHAT', 'ALIPAY'];
export const ARREARS_BUCKETS: readonly ArrearsBucket[] = ['D0_30', 'D31_60', 'D61_90', 'OVER_90'];

export interface FeeItem {
  id: string;
  code: string;
  name: string;
  kind: FeeKind;
  category: FeeCategory;
  amountFen: number;
  careLevel: string | null;
  bedKind: string | null;
  unit: string | null;
  chargedOnLeave: boolean;
  effectiveFrom: string;
  usedByBills: boolean;
}

export interface NewFeeItem {
  code: string;
  name: string;
  kind: FeeKind;
  category: FeeCategory;
  amountFen: number;
  careLevel?: string;
  bedKind?: string;
  unit?: string;
  chargedOnLeave: boolean;
  effectiveFrom: string;
}

export interface UsageCharge {
  id: string;
  residentId: string;
  code: string;
  name: string;
  on: string;
  quantity: number;
  unitFen: number;
  amountFen: number;
}

export interface BillSummary {
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
  issuedAt: string | null;
}

export interface BillLine {
  item: string;
  code: string;
  category: FeeCategory | string;
  days: number | null;
  leaveDays: number | null;
  rateFen: number;
  quantity: number | null;
  amountFen: number;
  formula: string | null;
}

export interface Bill extends BillSummary {
  lines: BillLine[];
  subsidyCreditFen: number;
  leaves: { from: string; to: string }[];
  account: { balanceFen: number; depositFen: number; prepaymentFen: number };
}

export interface BillRun {
  month: string;
  created: number;
  updated: number;
  unchanged: number;
  bills: BillSummary[];
}

export interface Payment {
  id: string;
  kind: 'DEPOSIT' | 'PAYMENT';
  residentId: string;
  residentName?: string;
  amountFen: number;
  method: PaymentMethod;
  reference: string | null;
  receivedOn: string;
  receiptNumber: string | null;
  appliedTo: { billId: string; billNumber: string; amountFen: number }[];
  prepaymentFen: number;
}

export interface NewPayment {
  amountFen: number;
  method: PaymentMethod;
  reference?: string;
  receivedOn: string;
}

export interface Refund {
  id: string;
  residentId: string;
  amountFen: number;
  from: RefundFrom;
  method: PaymentMethod;
  reference: string | null;
  paidOn: string;
  reason: string;
  voucherNumber: string | null;
}

export interface NewRefund {
  amountFen: number;
  from: RefundFrom;
  method: PaymentMethod;
  reference?: string;
  paidOn: string;
  reason: string;
}

export interface LedgerRow {
  id: string;
  at: string;
  on: string;
  kind: LedgerKind;
  debitAccount: string;
  creditAccount: string;
  amountFen: number;
  memo: string | null;
  billId: string | null;
  paymentId: string | null;
  refundId: string | null;
}

export interface Account {
  residentId: string;
  residentName: string;
  balanceFen: number;
  owedFen: number;
  depositFen: number;
  prepaymentFen: number;
  bills: BillSummary[];
  payments: Payment[];
  refunds?: Refund[];
  ledger: LedgerRow[];
}

export interface ArrearsRow {
  residentId: string;
  residentName: string;
  bedCode: string | null;
  status: string;
  openFen: number;
  oldestDueOn: string;
  daysPastDue: number;
  bucket: ArrearsBucket;
  bills: BillSummary[];
  lastReminderAt: string | null;
}

export interface Arrears {
  asOf: string;
  buckets: Record<ArrearsBucket, number>;
  totalFen: number;
  rows: ArrearsRow[];
}

export interface Settlement {
  id: string;
  admissionId: string;
  residentId: string;
  finalBillId: string | null;
  owedFen: number;
  depositFen: number;
  prepaymentFen: number;
  refundFen: number;
  stillOwedFen?: number;
  refundId: string | null;
  voucherNumber: string | null;
}

export interface PendingSettlement {
  admissionId: string;
  residentId: string;
  residentName: string;
  dischargedOn: string;
  depositFen: number;
  prepaymentFen: number;
  owedFen: number;
}
