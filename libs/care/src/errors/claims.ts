import type { ErrorText } from './catalogue';

/** Error codes of claims and subsidy policies (docs/api.md "Errors"). */
export const CLAIMS_ERRORS = {
  CLAIM_NOT_FOUND: { status: 404, en: 'claim not found', zh: '申领不存在' },
  CLAIM_FROZEN: { status: 409, en: 'claim {number} for {month} is already {state}', zh: '该月申领已提交，不能重新生成' },
  CLAIM_STATE: { status: 409, en: 'claim {number} is {state}: it cannot be {to} (only from {from})', zh: '状态不允许此操作' },
  // docs/rules.md §5 "When a claim may be made": on the facility's calendar.
  MONTH_NOT_STARTED: {
    status: 422,
    en: '{month} has not begun (today is {today}): it cannot be claimed yet',
    zh: '{month}尚未开始，不能申领',
  },
  MONTH_NOT_ENDED: {
    status: 422,
    en: 'the claim for {month} is an estimate: it can be submitted from {endsOn}, once the month has ended',
    zh: '{month}尚未结束，预估申领自{endsOn}起方可提交',
  },
  CLAIM_ESTIMATE_STALE: {
    status: 422,
    en: 'claim {number} was drafted as an estimate before {month} ended: draft it again before submitting',
    zh: '该申领为月中预估，请重新生成后再提交',
  },
  // The bureau's answer: its dates are days that have happened, after the submission.
  CLAIM_DATE_IN_FUTURE: { status: 422, en: '{field} {date} is in the future (today is {today})', zh: '{field}不能晚于今天（{today}）' },
  CLAIM_DATE_TOO_EARLY: {
    status: 422,
    en: '{field} {date} is before {after} ({earliest})',
    zh: '{field}不能早于{earliest}',
  },
  NO_POLICY: { status: 422, en: 'no {programme} subsidy policy applies to {month}', zh: '无适用的补贴政策' },
  // The Chinese names the programme by its label, so the English carries it too (docs/rules.md §5).
  PROGRAMME_NOT_FOR_FACILITY: {
    status: 422,
    en: 'a {facilityType} facility cannot claim {programme} ({programmeLabel})',
    zh: '该类机构不能申领{programmeLabel}',
  },
  YEARLY_CLAIM_IN_DECEMBER: {
    status: 422,
    en: 'this division claims the operating subsidy yearly, with the December claim ({year}-12)',
    zh: '按年申领，请申领{year}年12月',
  },
  POLICY_ANNUAL_REQUIRED: {
    status: 422,
    en: 'a DAY_CENTER_OPERATION policy needs annualFen, the yearly amount per center in fen',
    zh: '运营补贴需填写年度金额',
  },
  POLICY_ANNUAL_NOT_ALLOWED: {
    status: 422,
    en: 'annualFen is only for DAY_CENTER_OPERATION; {programme} pays monthly rates per care level',
    zh: '仅运营补贴可填写年度金额',
  },
  POLICY_YEARLY_NOT_ALLOWED: {
    status: 422,
    en: '{programme} is claimed monthly; only DAY_CENTER_OPERATION may be claimed yearly',
    zh: '仅运营补贴可按年申领',
  },
  // The operating subsidy is the center's own yearly amount: no resident, no day, no assessment (docs/rules.md §5).
  POLICY_OPTION_NOT_ALLOWED: {
    status: 422,
    en: '{option} {value} is for programmes paid per resident; DAY_CENTER_OPERATION is a yearly amount paid to the center',
    zh: '运营补贴按机构发放，不适用{option} {value}',
  },
  POLICY_VERSION_EXISTS: {
    status: 409,
    en: 'a {programme} policy for {divisionCode} from {effectiveFrom} exists; versions never change',
    zh: '政策版本已存在',
  },
} as const satisfies Record<string, ErrorText>;
