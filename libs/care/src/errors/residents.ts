import type { ErrorText } from './catalogue';

/** Error codes of residents (docs/api.md "Errors"). */
export const RESIDENTS_ERRORS = {
  RESIDENT_NOT_FOUND: { status: 404, en: 'resident not found', zh: '老人不存在' },
  ID_NUMBER_TAKEN: {
    status: 409,
    en: 'this ID number is already registered in this facility, for {name}: {statusText} ({statusZh})',
    zh: '该身份证号已在本机构登记：{name}（{statusZh}）',
  },
  ID_NUMBER_GENDER_MISMATCH: {
    status: 400,
    en: 'gender: the ID number (digit 17) says {expected} ({expectedZh}), not {given}',
    zh: '性别与身份证号不符：身份证号第17位表明为{expectedZh}',
  },
  ID_NUMBER_BIRTH_DATE_MISMATCH: {
    status: 400,
    en: 'dateOfBirth: the ID number (digits 7–14) says {expected}, not {given}',
    zh: '出生日期与身份证号不符：身份证号第7–14位为{expected}',
  },
  ID_NUMBER_REVEAL_MANAGER_ONLY: {
    status: 403,
    en: 'only the facility manager may see the full ID number',
    zh: '仅院长可查看完整身份证号',
  },
  ASSESSMENT_LEVEL_REQUIRED: { status: 400, en: 'grade or careLevel is required', zh: '须填写评估等级或照护等级' },
  ASSESSMENT_GRADE_MISMATCH: {
    status: 400,
    en: 'grade {grade} means careLevel {careLevel}, not {given} (docs/rules.md §4)',
    zh: '评估等级与照护等级不符',
  },
} as const satisfies Record<string, ErrorText>;
