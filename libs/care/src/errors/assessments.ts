import type { ErrorText } from './catalogue';

/** Error codes of the scored ability assessment and its policy (docs/rules.md §4a; docs/api.md "Errors"). */
export const ASSESSMENTS_ERRORS = {
  LEVEL_POLICY_VERSION_EXISTS: {
    status: 409,
    en: 'a grade → level policy for {divisionCode} effective from {effectiveFrom} already exists; add a version with another date',
    zh: '该地区此日期的评估等级对应政策已存在',
  },
  NO_LEVEL_POLICY: {
    status: 422,
    en: 'no grade → level policy is in force on {day} for this facility',
    zh: '该日期没有适用的评估等级对应政策',
  },
  ASSESSOR_NOT_CERTIFIED: {
    status: 422,
    en: 'both assessors must be staff holding a valid assessor certificate on {on}: {names} does not',
    zh: '评估员须持有有效的评估员证书：{names}（{on}）',
  },
} as const satisfies Record<string, ErrorText>;
