import type { ErrorText } from './catalogue';

/** Error codes of billing the elder and the family 收费 (docs/rules.md §9; docs/api.md "Errors"). */
export const BILLING_ERRORS = {
  FEE_ITEM_NOT_FOUND: { status: 404, en: 'fee item {code} not found', zh: '收费项目 {code} 不存在' },
  FEE_ITEM_USED: {
    status: 409,
    en: 'fee item {code} from {effectiveFrom} was used by a bill: it cannot change; post a new version with a later effectiveFrom',
    zh: '该收费项目版本已用于账单，不能修改，请新增一个生效日期更晚的版本',
  },
  FEE_ITEM_VARIANT: {
    status: 400,
    en: 'careLevel is only for a CARE item and bedKind only for a BED item (got category {category})',
    zh: '护理等级仅适用于护理费，床位类型仅适用于床位费',
  },
  FEE_ITEM_NOT_PER_USE: {
    status: 422,
    en: 'no per-use fee item {code} is in force on {on}',
    zh: '{on} 没有生效的按次收费项目 {code}',
  },
  RESIDENT_NOT_FOUND_FOR_BILLING: { status: 404, en: 'resident not found', zh: '老人不存在' },
  BILL_NOT_FOUND: { status: 404, en: 'bill not found', zh: '账单不存在' },
  BILL_ISSUED: {
    status: 409,
    en: 'bill {number} is {state}: an issued bill never changes; a correction is a credit note or a supplementary bill',
    zh: '账单已开具，不能修改；更正请开具红字冲减或补收账单',
  },
  BILL_NOT_DRAFT: { status: 409, en: 'bill {number} is already {state}', zh: '账单 {number} 已开具' },
  BILL_MONTH_NOT_STARTED: {
    status: 422,
    en: '{month} has not begun (today is {today}): nothing to bill yet',
    zh: '{month}尚未开始，不能出账',
  },
  BILL_MONTH_NOT_ENDED: {
    status: 422,
    en: 'the bills of {month} can be issued from {endsOn}, once the month has ended',
    zh: '{month}尚未结束，账单自{endsOn}起方可开具',
  },
  REFERENCE_REQUIRED: { status: 400, en: 'reference is required for a {method} payment', zh: '银行转账、微信、支付宝须填写交易流水号' },
  DEPOSIT_OVER_CAP: {
    status: 422,
    en: 'the deposit would be ¥{total}, over the cap of ¥{cap} ({months} × the monthly fees of ¥{monthly})',
    zh: '押金将达 {total} 元，超过上限 {cap} 元（{months} 个月费用）',
  },
  REFUND_OVER_HELD: {
    status: 422,
    en: 'a refund of ¥{amount} from {from} is more than the ¥{held} held',
    zh: '退款 {amount} 元超过可退的 {held} 元',
  },
  SETTLE_NOT_DISCHARGED: {
    status: 422,
    en: 'the admission is not discharged: settle it after the discharge',
    zh: '尚未办理退住，不能结算',
  },
  ALREADY_SETTLED: { status: 409, en: 'this admission was settled on {settledOn}', zh: '该入住已于 {settledOn} 结算' },
  ADMISSION_NOT_FOUND_FOR_BILLING: { status: 404, en: 'admission not found', zh: '入住记录不存在' },
  PAYMENT_NOT_FOUND: { status: 404, en: 'payment not found', zh: '收款记录不存在' },
  REFUND_NOT_FOUND: { status: 404, en: 'refund not found', zh: '退款记录不存在' },
} as const satisfies Record<string, ErrorText>;
