import type { ErrorText } from './catalogue';

/** Error codes of admissions, stays, leaves and home-care beds (docs/api.md "Errors"). */
export const ADMISSIONS_ERRORS = {
  ADMISSION_NOT_FOUND: { status: 404, en: 'admission not found', zh: '入住记录不存在' },
  UNKNOWN_RESIDENT: { status: 422, en: 'residentId {residentId}: no such resident in this facility', zh: '老人不存在' },
  UNKNOWN_BED: { status: 422, en: 'bedId {bedId}: no such bed in this facility', zh: '床位不存在' },
  // docs/rules.md §3: an out-of-service bed takes no one.
  BED_OUT_OF_SERVICE: {
    status: 422,
    en: 'bed {bed} is out of service {period} ({reason}): an out-of-service bed takes no resident',
    zh: '床位停用',
  },
  BED_TAKEN: { status: 409, en: 'bed {bed} is taken from {from} to {to}, overlapping {asked}', zh: '床位已被占用' },
  BED_TAKEN_CONCURRENTLY: {
    status: 409,
    en: 'bed {bed} was taken by another admission at the same moment, overlapping {asked}',
    zh: '床位已被占用',
  },
  RESIDENT_IN_CARE: { status: 409, en: '{name} is already in care from {from} to {to}, overlapping {asked}', zh: '该老人在此期间已入住' },
  RESIDENT_ADMITTED_CONCURRENTLY: {
    status: 409,
    en: '{name} was admitted elsewhere at the same moment, overlapping {asked}',
    zh: '该老人在此期间已入住',
  },
  // One subsidy per person and day: served at home or living in, not both (docs/rules.md §5).
  RESIDENT_AT_HOME: {
    status: 409,
    en: '{name} has a home-care bed from {from}; end it before admitting',
    zh: '该老人有家庭养老床位，请先撤床',
  },
  RESIDENT_AT_HOME_ON_DAYS: { status: 409, en: '{name} has a home-care bed on these days', zh: '该老人有家庭养老床位' },
  TRANSFER_OUTSIDE_STAY: { status: 422, en: 'transfer date {on} is outside the stay', zh: '转床日期不在入住期间内' },
  TRANSFER_SAME_BED: { status: 422, en: 'the resident is already in this bed', zh: '已在该床位' },
  ALREADY_DISCHARGED: { status: 409, en: 'already discharged on {on}', zh: '已退住' },
  DISCHARGE_BEFORE_ADMISSION: {
    status: 422,
    en: 'discharge before admission: {on} is not after the admission on {admittedOn}',
    zh: '退住日期须晚于入住日期',
  },
  DISCHARGE_BEFORE_TRANSFER: {
    status: 422,
    en: 'discharge on {on} is not after the last transfer on {transferredOn}',
    zh: '退住日期须晚于最近一次转床',
  },
  LEAVE_PAST_DISCHARGE: { status: 422, en: 'a leave {from}–{to} extends past the discharge', zh: '请假期间超出退住日期' },
  LEAVE_ENDS_BEFORE_START: { status: 422, en: 'leave must end after it begins ({from} – {to})', zh: '请假结束日期须晚于开始日期' },
  LEAVE_OUTSIDE_STAY: {
    status: 422,
    en: 'leave outside the stay: {from}–{to} is not within {admittedOn}–{dischargedOn}',
    zh: '请假须在入住期间内',
  },
  LEAVE_OVERLAP: { status: 409, en: 'the resident already has a leave overlapping {from}–{to}', zh: '请假期间重叠' },
  HOME_CARE_BED_NOT_FOUND: { status: 404, en: 'home-care bed not found', zh: '家庭养老床位不存在' },
  HOME_CARE_BED_RESIDENT_ADMITTED: {
    status: 409,
    en: '{name} is admitted to the facility (from {from}); a home-care bed cannot overlap a stay',
    zh: '该老人已入住机构',
  },
  HOME_CARE_BED_OVERLAP: { status: 409, en: '{name} already has a home-care bed on or after {from}', zh: '该老人已有家庭养老床位' },
  HOME_CARE_BED_ENDED: { status: 409, en: 'this home-care bed already ended on {on}', zh: '已撤床' },
  HOME_CARE_BED_END_BEFORE_START: { status: 422, en: 'the end {on} must be after the start {from}', zh: '撤床日期须晚于建床日期' },
} as const satisfies Record<string, ErrorText>;
