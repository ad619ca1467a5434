import type { ErrorText } from './catalogue';

/** Error codes of corrections 撤销 (docs/rules.md §12; docs/api.md "Errors"). */
export const CORRECTIONS_ERRORS = {
  TRANSFER_NOT_FOUND: { status: 404, en: 'transfer not found (a transfer is the bed stay it opened)', zh: '转床记录不存在' },
  LEAVE_NOT_FOUND: { status: 404, en: 'leave not found', zh: '请假记录不存在' },
  ASSESSMENT_NOT_FOUND: { status: 404, en: 'assessment not found', zh: '评估记录不存在' },
  ALREADY_VOIDED: { status: 409, en: 'this entry was voided at {at}; a voided entry does not change', zh: '该记录已撤销，不能再修改' },
  NOT_DISCHARGED: { status: 409, en: 'this admission has no discharge to void', zh: '该入住尚未退住，无退住可撤销' },
  VOID_LATER_TRANSFER_FIRST: {
    status: 409,
    en: 'a later transfer on {on} (to bed {bed}) must be voided first',
    zh: '须先撤销 {on} 转至 {bed} 的转床',
  },
  VOID_REOPENS_TAKEN_BED: {
    status: 409,
    en: 'bed {bed} is taken by someone else from {from}; it cannot be given back to {name}',
    zh: '床位 {bed} 自 {from} 起已被他人占用，无法恢复给 {name}',
  },
  VOID_REOPENS_LATER_ADMISSION: {
    status: 409,
    en: '{name} was admitted again on {from}; void that admission first',
    zh: '{name} 已于 {from} 再次入住，须先撤销该入住',
  },
} as const satisfies Record<string, ErrorText>;
