import type { ErrorText } from './catalogue';

/** Codes of the HTTP layer and the database, shared by every feature. */
export const COMMON_ERRORS = {
  VALIDATION_FAILED: { status: 400, en: 'the request has invalid fields', zh: '输入有误，请检查标出的字段' },
  MALFORMED_BODY: { status: 400, en: 'the request body could not be read', zh: '请求体无法解析' },
  UNSUPPORTED_ENCODING: {
    status: 415,
    en: 'the request body encoding is not supported; send identity, gzip, deflate or br',
    zh: '不支持的压缩编码',
  },
  UNSUPPORTED_CHARSET: { status: 415, en: 'the request body charset is not supported; send UTF-8', zh: '不支持的字符集' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, en: 'this content type is not accepted', zh: '不支持的内容类型' },
  PAYLOAD_TOO_LARGE: { status: 413, en: 'the request body is too large', zh: '请求体过大' },
  UNAUTHENTICATED: { status: 401, en: 'a valid access token is required', zh: '请先登录' },
  FORBIDDEN: { status: 403, en: 'role {role} may not do this', zh: '无权限' },
  READ_ONLY_ROLE: { status: 403, en: 'regulators have read-only access', zh: '监管人员只读' },
  NOT_FOUND: { status: 404, en: 'not found', zh: '不存在' },
  FACILITY_NOT_FOUND: { status: 404, en: 'facility not found', zh: '机构不存在' },
  METHOD_NOT_ALLOWED: { status: 405, en: 'this method is not allowed here', zh: '不支持该请求方法' },
  CONFLICT: { status: 409, en: 'the database refused this change', zh: '数据库拒绝了此修改' },
  DUPLICATE: { status: 409, en: 'this already exists', zh: '记录已存在' },
  OVERLAP: { status: 409, en: 'this clashes with another record for the same days', zh: '时间段冲突' },
  REQUEST_REFUSED: { status: 409, en: 'the request was refused', zh: '请求被拒绝' },
  RULE_VIOLATED: { status: 422, en: 'a rule refuses this', zh: '不符合业务规则' },
  REFERENCE_MISSING: { status: 422, en: 'a referenced record does not exist', zh: '关联记录不存在' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, en: 'this Idempotency-Key was used with a different request', zh: '幂等键已用于其他请求' },
  TOO_MANY_REQUESTS: { status: 429, en: 'too many attempts; wait a moment and try again', zh: '尝试次数过多，请稍后再试' },
  INTERNAL_ERROR: { status: 500, en: 'an unexpected error occurred; quote the request id when reporting it', zh: '服务器内部错误' },
  SERVICE_UNAVAILABLE: { status: 503, en: 'the service is not available at the moment; retry shortly', zh: '服务暂不可用，请稍后重试' },
  DATABASE_UNAVAILABLE: { status: 503, en: 'the database is not available at the moment; retry shortly', zh: '数据库暂不可用' },
  RETRY: { status: 503, en: 'the database was busy with a conflicting change; retry the request', zh: '请稍后重试' },
} as const satisfies Record<string, ErrorText>;
