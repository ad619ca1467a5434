import type { ErrorText } from './catalogue';

/** Error codes of service safety 服务安全 (docs/rules.md §10; docs/api.md "Errors"). */
export const SAFETY_ERRORS = {
  UNKNOWN_RISK: {
    status: 400,
    en: 'measures.{risk} is not one of the nine risks (CHOKING, WRONG_INTAKE, PRESSURE_INJURY, SCALD, FALL_FROM_BED, FALL, WANDERING, HARM, RECREATION)',
    zh: '未知的风险项 {risk}',
  },
  MEASURE_INVALID: { status: 400, en: 'measures.{risk} must be a text of at most 500 characters', zh: '防护措施应为不超过 500 字的文字' },
  HIGH_RISK_WITHOUT_MEASURE: {
    status: 422,
    en: 'risk {risk} ({label}) is HIGH: measures.{risk} must name the protective measure',
    zh: '{label}为高风险，须填写防护措施',
  },
  RISK_ASSESSMENT_IN_FUTURE: { status: 422, en: 'assessedOn {assessedOn} is after today {today}', zh: '评估日期不能晚于今天（{today}）' },
  INCIDENT_NOT_FOUND: { status: 404, en: 'incident not found', zh: '安全事件不存在' },
  INCIDENT_NEEDS_RESIDENT: {
    status: 422,
    en: 'an incident of type {type} ({label}) names at least one resident in residentIds',
    zh: '{label}事件须选择涉及的老人',
  },
  INCIDENT_IN_FUTURE: { status: 422, en: 'occurredAt {occurredAt} is in the future', zh: '事件发生时间不能晚于现在' },
  INCIDENT_CLOSED: {
    status: 409,
    en: 'the incident was closed at {closedAt}; a closed incident does not change',
    zh: '该事件已于 {closedAt} 结案，不能再修改',
  },
  INCIDENT_FAMILY_NOT_NOTIFIED: {
    status: 422,
    en: 'the incident cannot be closed before the family is notified: {field} ({fieldLabel}) is missing',
    zh: '须通知家属后才能结案：缺少{fieldLabel}',
  },
  INCIDENT_REVIEW_MISSING: {
    status: 422,
    en: 'the incident cannot be closed without a review: review is missing',
    zh: '须填写事件分析与整改（review）后才能结案',
  },
  FAMILY_NOTICE_BEFORE_INCIDENT: {
    status: 422,
    en: 'familyNotifiedAt {familyNotifiedAt} is before the incident occurred at {occurredAt}',
    zh: '通知家属时间不能早于事件发生时间',
  },
  DRILL_IN_FUTURE: { status: 422, en: 'on {on} is after today {today}', zh: '日期不能晚于今天（{today}）' },
} as const satisfies Record<string, ErrorText>;
