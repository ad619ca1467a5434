import type { ErrorText } from './catalogue';

/** Error codes of auth, and of the audit trail and idempotency keys it records (docs/api.md "Errors"). */
export const AUTH_ERRORS = {
  IDEMPOTENCY_KEY_INVALID: { status: 400, en: 'Idempotency-Key must be 1–255 visible ASCII characters', zh: '幂等键格式不正确' },
  INVALID_CREDENTIALS: { status: 401, en: 'Invalid username or password', zh: '用户名或密码错误' },
  REFRESH_TOKEN_INVALID: { status: 401, en: 'The refresh token is invalid or expired; sign in again', zh: '登录已失效，请重新登录' },
  USER_NOT_FOUND: { status: 404, en: 'user not found', zh: '用户不存在' },
  USERNAME_TAKEN: { status: 409, en: 'username {username} is taken', zh: '用户名已存在' },
  USER_ALREADY_DEACTIVATED: { status: 409, en: 'user {username} is already deactivated', zh: '该账号已停用' },
  USER_ACTIVE: { status: 409, en: 'user {username} is active', zh: '该账号未停用' },
  AUDIT_RANGE_EMPTY: { status: 422, en: 'from must be before to', zh: '开始日期须早于结束日期' },
  CANNOT_DEACTIVATE_SELF: { status: 422, en: 'you cannot deactivate your own account', zh: '不能停用自己的账号' },
  USER_FACILITY_UNKNOWN: { status: 422, en: 'facilityId {facilityId}: no such facility', zh: '机构不存在' },
} as const satisfies Record<string, ErrorText>;
