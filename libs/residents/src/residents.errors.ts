import { ConflictError, NotFoundError } from '@careops/platform';

export class ResidentNotFoundError extends NotFoundError {
  constructor() {
    super('RESIDENT_NOT_FOUND');
  }
}

const STATUS_TEXT = {
  IN_CARE: { en: 'in care', zh: '在住' },
  ON_LEAVE: { en: 'on leave', zh: '请假' },
  DISCHARGED: { en: 'discharged', zh: '已退住' },
  REGISTERED: { en: 'registered, not admitted', zh: '已登记未入住' },
} as const;

/**
 * The same person twice in one facility (their ID number's keyed hash is unique per facility). The
 * params carry who and their state today (`status`), for re-admission; the text names no database id.
 */
export class IdNumberTakenError extends ConflictError {
  constructor(p: { name: string; residentId: string; status: keyof typeof STATUS_TEXT }) {
    super('ID_NUMBER_TAKEN', { ...p, statusText: STATUS_TEXT[p.status].en, statusZh: STATUS_TEXT[p.status].zh });
  }
}
