import type { ErrorText } from './catalogue';

/** Error codes of day-care (docs/api.md "Errors"). */
export const DAY_CARE_ERRORS = {
  NOT_A_DAY_CENTER: { status: 422, en: 'day care is for day centers and street centers', zh: '仅日间照料中心/街道综合养老服务中心' },
  MEMBER_NOT_FOUND: { status: 404, en: 'member not found', zh: '会员不存在' },
  ALREADY_A_MEMBER: { status: 409, en: '{name} is already a member on {date}', zh: '已是会员' },
  MEMBERSHIP_ALREADY_ENDED: { status: 409, en: 'membership already ended on {leftOn}', zh: '会员资格已终止' },
  MEMBERSHIP_END_BEFORE_START: { status: 422, en: 'leftOn {leftOn} must be after enrolment on {enrolledOn}', zh: '退会日期须晚于入会日期' },
  MEMBER_NOT_ENROLLED: { status: 422, en: 'the resident is not a member on {day}', zh: '该老人当日不是会员' },
  ATTENDANCE_NOT_FOUND: { status: 404, en: 'attendance not found', zh: '签到记录不存在' },
  ALREADY_CHECKED_IN: { status: 409, en: 'attendance for {day} is already recorded', zh: '当日已签到' },
  CHECK_OUT_BEFORE_CHECK_IN: { status: 422, en: 'checkOut must be after checkIn', zh: '离开时间须晚于到达时间' },
  ATTENDANCE_IN_FUTURE: {
    status: 422,
    en: 'day {day} is after today {today}: attendance is recorded for today or past days',
    zh: '签到日期不能晚于今天（{today}）',
  },
  NOT_A_MEMBER_THAT_DAY: { status: 422, en: '{name} is not a member on {day}', zh: '{name}在{day}不是会员' },
  SERVICE_IN_FUTURE: { status: 422, en: 'servedAt {servedAt} is in the future', zh: '服务时间不能晚于现在' },
} as const satisfies Record<string, ErrorText>;
