import type { ErrorText } from './catalogue';

/** Error codes of staff (docs/api.md "Errors"). */
export const STAFF_ERRORS = {
  STAFF_NOT_FOUND: { status: 404, en: 'staff member not found', zh: '员工不存在' },
  CERTIFICATE_NOT_FOUND: { status: 404, en: 'certificate not found for this staff member', zh: '该员工没有这张证书' },
  TRAINING_NOT_FOUND: { status: 404, en: 'training not found for this staff member', zh: '该员工没有这条培训记录' },
  EMPLOYMENT_END_BEFORE_START: { status: 422, en: 'employedTo {to} must be after employedFrom {from}', zh: '离职日期须晚于入职日期' },
  CERTIFICATE_EXPIRY_BEFORE_ISSUE: { status: 422, en: 'expiresOn {expiresOn} must be after issuedOn {issuedOn}', zh: '到期日须晚于发证日' },
  CERTIFICATE_DUPLICATE: { status: 409, en: 'certificate {type} {number} is already recorded in this facility', zh: '证书已登记' },
  PERIOD_END_BEFORE_START: { status: 422, en: 'to {to} must be after from {from}', zh: '结束日期须晚于开始日期' },
  PERIOD_TOO_LONG: { status: 422, en: 'at most {max} days at a time, asked {days}', zh: '最多{max}天' },
} as const satisfies Record<string, ErrorText>;
