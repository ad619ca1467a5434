import type { components } from './schema';

/**
 * The billing contract (docs/rules.md §9) as the screens use it, typed by the API's own OpenAPI
 * document: fee items, bills, the resident's account and ledger, payments, refunds, arrears and
 * settlements. Money is integer fen, dates `YYYY-MM-DD`, months `YYYY-MM`.
 */
type S = components['schemas'];
export type FeeItem = S['FeeItemResponse'];
export type NewFeeItem = S['CreateFeeItemDto'];
export type FeeKind = FeeItem['kind'];
export type FeeCategory = FeeItem['category'];
export type UsageCharge = S['UsageChargeResponse'];
export type NewUsageCharge = S['CreateUsageChargeDto'];
export type BillSummary = S['BillSummaryResponse'];
export type BillKind = BillSummary['kind'];
export type BillState = BillSummary['state'];
export type Bill = S['BillResponse'];
export type BillLine = S['BillLineResponse'];
export type BillRun = S['BillRunResponse'];
export type Payment = S['PaymentResponse'];
export type PaymentMethod = Payment['method'];
export type NewPayment = S['PaymentDto'];
export type NewDeposit = S['DepositDto'];
export type Refund = S['RefundResponse'];
export type NewRefund = S['RefundDto'];
export type RefundFrom = NewRefund['from'];
export type LedgerRow = S['LedgerEntryResponse'];
export type Account = S['AccountResponse'];
export type Arrears = S['ArrearsResponse'];
export type ArrearsRow = S['ArrearsRowResponse'];
export type ArrearsBucket = ArrearsRow['bucket'];
export type Settlement = S['SettlementResponse'];
export type PendingSettlement = S['PendingSettlementResponse'];

export const FEE_CATEGORIES: readonly FeeCategory[] = ['BED', 'CARE', 'MEALS', 'OTHER'];
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['CASH', 'BANK_TRANSFER', 'WECHAT', 'ALIPAY'];
export const ARREARS_BUCKETS: readonly ArrearsBucket[] = ['D0_30', 'D31_60', 'D61_90', 'OVER_90'];
