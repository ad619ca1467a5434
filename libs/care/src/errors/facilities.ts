import type { ErrorText } from './catalogue';

/** Error codes of facilities (docs/api.md "Errors"). */
export const FACILITIES_ERRORS = {
  DIVISION_UNKNOWN: { status: 422, en: 'divisionCode {code} is in no province', zh: '行政区划代码不存在' },
  FACILITY_FIELDS_PLATFORM_ONLY: {
    status: 403,
    en: 'only the platform admin may change divisionCode or type',
    zh: '仅平台管理员可修改行政区划或机构类型',
  },
  FACILITY_ARCHIVED: { status: 409, en: 'the facility is archived since {archivedAt}', zh: '该机构已于 {archivedAt} 归档' },
  FACILITY_NOT_ARCHIVED: { status: 409, en: 'the facility is not archived', zh: '该机构未归档' },
  NOTHING_TO_UPDATE: { status: 400, en: 'no field to update', zh: '没有需要修改的字段' },
} as const satisfies Record<string, ErrorText>;
