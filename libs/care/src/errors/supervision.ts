import type { ErrorText } from './catalogue';

/** Error codes of targets, the task list and monthly reports (docs/rules.md §11; docs/api.md "Errors"). */
export const SUPERVISION_ERRORS = {
  DIVISION_TARGETS_NOT_YOURS: {
    status: 403,
    en: 'a regulator sets targets only for its own division or one inside it ({code})',
    zh: '只能为本辖区或下级辖区设定目标（{code}）',
  },
  TARGETS_EMPTY: { status: 400, en: 'give at least one indicator and its target', zh: '请至少填写一项指标的目标' },
  MONTHLY_REPORT_MONTH_NOT_OVER: {
    status: 422,
    en: 'the report of {month} can be submitted once the month is over',
    zh: '{month} 尚未结束，月报须在月末之后报送',
  },
  MONTHLY_REPORT_REASON_REQUIRED: {
    status: 422,
    en: 'the report of {month} was submitted already: a resubmission needs a reason',
    zh: '{month} 的月报已报送，重新报送须填写原因',
  },
  MONTHLY_REPORT_REASON_NOT_EXPECTED: {
    status: 400,
    en: 'the first report of {month} takes no reason (a reason is for a resubmission)',
    zh: '{month} 首次报送无需填写原因（原因用于重新报送）',
  },
} as const satisfies Record<string, ErrorText>;
