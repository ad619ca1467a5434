import type { ErrorText } from './catalogue';

/** Error codes of metrics and the division summary (docs/api.md "Errors"). */
export const METRICS_ERRORS = {
  DATE_OR_MONTH_REQUIRED: { status: 400, en: 'give either date (YYYY-MM-DD) or month (YYYY-MM)', zh: '请给出日期或月份之一' },
  DIVISION_NOT_FOUND: { status: 404, en: 'division not found', zh: '辖区不存在' },
} as const satisfies Record<string, ErrorText>;
