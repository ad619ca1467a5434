import type { ErrorText } from './catalogue';

/** Error codes of beds and rooms (docs/api.md "Errors"). */
export const BEDS_ERRORS = {
  ROOM_TAKEN: { status: 409, en: 'room {building} {floor}F {number} already exists', zh: '房间已存在' },
  ROOM_NOT_FOUND: { status: 422, en: 'roomId {roomId}: no such room in this facility', zh: '房间不存在' },
  BED_NOT_FOUND: { status: 404, en: 'bed not found', zh: '床位不存在' },
  BED_CODE_TAKEN: { status: 409, en: 'bed code {code} is already used in this facility', zh: '床位编号已存在' },
  BED_OUTAGE_REASON_REQUIRED: { status: 400, en: 'reason is required when inService is false', zh: '停用须填写原因' },
  BED_OCCUPIED: {
    status: 409,
    en: 'bed {bed} is occupied from {from} to {to}; transfer or discharge first',
    zh: '床位有人入住，不能停用',
  },
  BED_ALREADY_OUT_OF_SERVICE: { status: 409, en: 'bed {bed} is already out of service on {on}', zh: '床位已停用' },
} as const satisfies Record<string, ErrorText>;
