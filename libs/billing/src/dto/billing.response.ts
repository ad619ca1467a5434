import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ARREARS_BUCKETS, BED_KINDS, CARE_LEVELS, FEE_CATEGORIES, FEE_KINDS } from '@careops/care';
import type { ArrearsBucket, BedKind, CareLevel, FeeCategory, FeeKind } from '@careops/care';

export const BILL_KINDS = ['MONTHLY', 'SUPPLEMENTARY', 'CREDIT_NOTE', 'FINAL'] as const;
export type BillKind = (typeof BILL_KINDS)[number];
export const BILL_STATES = ['DRAFT', 'ISSUED', 'PAID'] as const;
export type BillState = (typeof BILL_STATES)[number];
export const PAYMENT_METHODS = ['CASH', 'BANK_TRANSFER', 'WECHAT', 'ALIPAY'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_KINDS = ['DEPOSIT', 'PAYMENT'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];
/** Where a refund's money was held; SETTLEMENT: the deposit and the prepayment together, at 退住结算. */
export const REFUND_SOURCES = ['DEPOSIT', 'PREPAYMENT', 'SETTLEMENT'] as const;
export type RefundSource = (typeof REFUND_SOURCES)[number];
/** docs/rules.md §9: the accounts of the ledger; RECEIVABLE, PREPAYMENT and DEPOSIT are the resident's. */
export const LEDGER_ACCOUNTS = ['RECEIVABLE', 'PREPAYMENT', 'DEPOSIT', 'CASH', 'REVENUE', 'SUBSIDY'] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];
export const LEDGER_KINDS = ['BILL', 'CREDIT_NOTE', 'PAYMENT', 'DEPOSIT', 'REFUND', 'SUBSIDY_CREDIT', 'SETTLEMENT'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** A version of a fee item (docs/rules.md §9). */
export class FeeItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'BED' }) code!: string;
  @ApiProperty({ example: '床位费' }) name!: string;
  @ApiProperty({ enum: FEE_KINDS }) kind!: FeeKind;
  @ApiProperty({ enum: FEE_CATEGORIES }) category!: FeeCategory;
  @ApiProperty({ example: 150000, description: 'a month (MONTHLY) or one use (PER_USE), in fen' }) amountFen!: number;
  @ApiProperty({ enum: CARE_LEVELS, nullable: true, type: String }) careLevel!: CareLevel | null;
  @ApiProperty({ enum: BED_KINDS, nullable: true, type: String }) bedKind!: BedKind | null;
  @ApiProperty({ type: String, nullable: true, example: '次' }) unit!: string | null;
  @ApiProperty() chargedOnLeave!: boolean;
  @ApiProperty({ example: '2025-01-01' }) effectiveFrom!: string;
  @ApiProperty({ description: 'a bill used this version: it can no longer change (post a new version)' }) usedByBills!: boolean;
}

export class FeeItemListResponse {
  @ApiProperty({ type: [FeeItemResponse] }) rows!: FeeItemResponse[];
}

/** A per-use charge as recorded. */
export class UsageChargeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ example: 'BATH' }) code!: string;
  @ApiProperty({ example: '助浴' }) name!: string;
  @ApiProperty({ example: '2025-03-18' }) on!: string;
  @ApiProperty({ example: 2 }) quantity!: number;
  @ApiProperty({ example: 3000 }) unitFen!: number;
  @ApiProperty({ example: 6000 }) amountFen!: number;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class UsageChargeListResponse {
  @ApiProperty({ type: [UsageChargeResponse] }) rows!: UsageChargeResponse[];
}

/** A bill in a list (docs/rules.md §9). */
export class BillSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ZD202503-0001', description: 'unique per facility' }) number!: string;
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ example: '王秀英' }) residentName!: string;
  @ApiProperty({ type: String, nullable: true, example: 'A-101-1' }) bedCode!: string | null;
  @ApiProperty({ example: '2025-03' }) month!: string;
  @ApiProperty({ enum: BILL_KINDS }) kind!: BillKind;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'the bill a SUPPLEMENTARY bill or a CREDIT_NOTE corrects' })
  refersToId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'ZD202503-0001' }) refersToNumber!: string | null;
  @ApiProperty({ example: 149355, description: 'negative for a CREDIT_NOTE' }) totalFen!: number;
  @ApiProperty({ example: 0 }) paidFen!: number;
  @ApiProperty({ example: 149355 }) openFen!: number;
  @ApiProperty({ enum: BILL_STATES }) state!: BillState;
  @ApiProperty({ example: '2025-04-10' }) dueOn!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) issuedAt!: string | null;
}

export class BillListResponse {
  @ApiProperty({ type: [BillSummaryResponse] }) rows!: BillSummaryResponse[];
}

export class BillLineResponse {
  @ApiProperty({ example: '伙食费' }) item!: string;
  @ApiProperty({ example: 'MEALS' }) code!: string;
  @ApiProperty({ enum: FEE_CATEGORIES }) category!: FeeCategory;
  @ApiProperty({ example: 12, description: 'days charged (0 for a per-use line)' }) days!: number;
  @ApiProperty({ example: 5, description: 'days on a leave of at least BILLING_MIN_LEAVE_DAYS not charged' }) leaveDays!: number;
  @ApiProperty({ example: 60000 }) rateFen!: number;
  @ApiProperty({ example: 1 }) quantity!: number;
  @ApiProperty({ example: 23226 }) amountFen!: number;
  @ApiProperty({ example: '600.00 × 12 ÷ 31 = 232.26' }) formula!: string;
}

export class LeaveResponse {
  @ApiProperty({ example: '2025-03-20' }) from!: string;
  @ApiProperty({ example: '2025-03-25' }) to!: string;
}

export class BalancesResponse {
  @ApiProperty({ example: 149355, description: '> 0: the resident owes; < 0: money held for them beyond the deposit' }) balanceFen!: number;
  @ApiProperty({ example: 200000 }) depositFen!: number;
  @ApiProperty({ example: 0 }) prepaymentFen!: number;
}

/** A bill with its lines, each explained (docs/rules.md §9). */
export class BillResponse extends BillSummaryResponse {
  @ApiProperty({ type: [BillLineResponse] }) lines!: BillLineResponse[];
  @ApiProperty({ example: 0, description: 'subsidies paid to the elder (beneficiary RESIDENT) credited with this bill' })
  subsidyCreditFen!: number;
  @ApiProperty({ type: [LeaveResponse], description: 'the leaves of the month' }) leaves!: LeaveResponse[];
  @ApiProperty({ type: BalancesResponse }) account!: BalancesResponse;
  @ApiProperty({ example: '2025-03-15', type: String, nullable: true }) inCareFrom!: string | null;
  @ApiProperty({ example: null, type: String, nullable: true }) inCareTo!: string | null;
}

export class BillRunResponse {
  @ApiProperty({ example: '2025-03' }) month!: string;
  @ApiProperty({ example: 12 }) created!: number;
  @ApiProperty({ example: 0 }) updated!: number;
  @ApiProperty({ example: 0 }) unchanged!: number;
  @ApiProperty({ type: [BillSummaryResponse], description: "the month's bills and the corrections this run drafted" })
  bills!: BillSummaryResponse[];
}

export class IssuedResponse {
  @ApiProperty({ example: 12 }) issued!: number;
}

export class AppliedResponse {
  @ApiProperty({ format: 'uuid' }) billId!: string;
  @ApiProperty({ example: 'ZD202503-0001' }) billNumber!: string;
  @ApiProperty({ example: 149355 }) amountFen!: number;
}

/** A payment or a deposit, with its receipt 收据 (docs/rules.md §9). */
export class PaymentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PAYMENT_KINDS }) kind!: PaymentKind;
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ example: 149355 }) amountFen!: number;
  @ApiProperty({ enum: PAYMENT_METHODS }) method!: PaymentMethod;
  @ApiProperty({ type: String, nullable: true }) reference!: string | null;
  @ApiProperty({ example: '2025-04-05' }) receivedOn!: string;
  @ApiProperty({ example: 'SJ2025-00001', description: 'gapless per facility and year' }) receiptNumber!: string;
  @ApiProperty({ type: [AppliedResponse], description: 'the bills it paid, oldest first' }) appliedTo!: AppliedResponse[];
  @ApiProperty({ example: 0, description: 'what was left as prepayment 预交款' }) prepaymentFen!: number;
  @ApiPropertyOptional({ example: '王秀英' }) residentName?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) bedCode?: string | null;
}

export class PaymentListResponse {
  @ApiProperty({ type: [PaymentResponse] }) rows!: PaymentResponse[];
}

/** A refund, with its voucher 退款凭证 (docs/rules.md §9). */
export class RefundResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ example: 50000 }) amountFen!: number;
  @ApiProperty({ enum: REFUND_SOURCES }) from!: RefundSource;
  @ApiProperty({ enum: PAYMENT_METHODS }) method!: PaymentMethod;
  @ApiProperty({ type: String, nullable: true }) reference!: string | null;
  @ApiProperty({ example: '2025-04-20' }) paidOn!: string;
  @ApiProperty({ example: '退住结算' }) reason!: string;
  @ApiProperty({ example: 'TK2025-00001', description: 'gapless per facility and year' }) voucherNumber!: string;
}

export class LedgerEntryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: '2025-04-01' }) on!: string;
  @ApiProperty({ enum: LEDGER_KINDS }) kind!: LedgerKind;
  @ApiProperty({ enum: LEDGER_ACCOUNTS }) debitAccount!: LedgerAccount;
  @ApiProperty({ enum: LEDGER_ACCOUNTS }) creditAccount!: LedgerAccount;
  @ApiProperty({ example: 149355, description: 'always > 0: the direction is debit → credit' }) amountFen!: number;
  @ApiProperty({ type: String, nullable: true }) memo!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) billId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) paymentId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) refundId!: string | null;
}

/** A resident's account: balances are sums over the ledger, never stored (docs/rules.md §9). */
export class AccountResponse {
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ example: '王秀英' }) residentName!: string;
  @ApiProperty({ example: 149355, description: '> 0: the resident owes (owed − prepayment)' }) balanceFen!: number;
  @ApiProperty({ example: 149355, description: 'open on issued bills (the receivable)' }) owedFen!: number;
  @ApiProperty({ example: 200000 }) depositFen!: number;
  @ApiProperty({ example: 0 }) prepaymentFen!: number;
  @ApiProperty({ type: [BillSummaryResponse] }) bills!: BillSummaryResponse[];
  @ApiProperty({ type: [PaymentResponse] }) payments!: PaymentResponse[];
  @ApiProperty({ type: [RefundResponse] }) refunds!: RefundResponse[];
  @ApiProperty({ type: [LedgerEntryResponse] }) ledger!: LedgerEntryResponse[];
}

export class ArrearsBucketsResponse {
  @ApiProperty({ example: 0 }) D0_30!: number;
  @ApiProperty({ example: 0 }) D31_60!: number;
  @ApiProperty({ example: 0 }) D61_90!: number;
  @ApiProperty({ example: 0 }) OVER_90!: number;
}

export class ArrearsRowResponse {
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty() residentName!: string;
  @ApiProperty({ type: String, nullable: true }) bedCode!: string | null;
  @ApiProperty({ enum: ['IN_CARE', 'ON_LEAVE', 'DISCHARGED'] }) status!: 'IN_CARE' | 'ON_LEAVE' | 'DISCHARGED';
  @ApiProperty({ example: 149355 }) openFen!: number;
  @ApiProperty({ example: '2025-04-10' }) oldestDueOn!: string;
  @ApiProperty({ example: 40 }) daysPastDue!: number;
  @ApiProperty({ enum: ARREARS_BUCKETS }) bucket!: ArrearsBucket;
  @ApiProperty({ type: [BillSummaryResponse] }) bills!: BillSummaryResponse[];
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastReminderAt!: string | null;
}

/** docs/rules.md §9 arrears 欠费: open bills past their due day, by age. */
export class ArrearsResponse {
  @ApiProperty({ example: '2025-05-20' }) asOf!: string;
  @ApiProperty({ type: ArrearsBucketsResponse, description: 'fen past due per bucket of days past due' }) buckets!: ArrearsBucketsResponse;
  @ApiProperty({ example: 149355 }) totalFen!: number;
  @ApiProperty({ type: [ArrearsRowResponse] }) rows!: ArrearsRowResponse[];
}

export class RemindedResponse {
  @ApiProperty({ example: 2 }) reminded!: number;
}

/** docs/rules.md §9 退住结算. */
export class SettlementResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) admissionId!: string;
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty({ example: '2025-04-20' }) settledOn!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) finalBillId!: string | null;
  @ApiProperty({ example: 30000, description: 'owed before the settlement (issued bills open, the final bill included)' }) owedFen!: number;
  @ApiProperty({ example: 200000 }) depositFen!: number;
  @ApiProperty({ example: 0 }) prepaymentFen!: number;
  @ApiProperty({ example: 170000, description: 'deposit + prepayment − owed, if positive' }) refundFen!: number;
  @ApiProperty({ example: 0, description: 'owed beyond what was held: still to be paid' }) stillOwedFen!: number;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) refundId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'TK2025-00001' }) voucherNumber!: string | null;
}

export class PendingSettlementResponse {
  @ApiProperty({ format: 'uuid' }) admissionId!: string;
  @ApiProperty({ format: 'uuid' }) residentId!: string;
  @ApiProperty() residentName!: string;
  @ApiProperty({ example: '2025-04-20' }) dischargedOn!: string;
  @ApiProperty({ example: 200000 }) depositFen!: number;
  @ApiProperty({ example: 0 }) prepaymentFen!: number;
  @ApiProperty({ example: 30000 }) owedFen!: number;
}

export class PendingSettlementListResponse {
  @ApiProperty({ type: [PendingSettlementResponse] }) rows!: PendingSettlementResponse[];
}

/** The facility's payment instructions printed on bills (settings BILLING_PAYEE, BILLING_BANK_ACCOUNT). */
export class PaymentInstructionsResponse {
  @ApiProperty({ type: String, nullable: true }) payee!: string | null;
  @ApiProperty({ type: String, nullable: true }) bankAccount!: string | null;
}
