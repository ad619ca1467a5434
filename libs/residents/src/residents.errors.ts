import { ConflictError, NotFoundError } from '@careops/platform';

export class ResidentNotFoundError extends NotFoundError {
  constructor() {
    super('RESIDENT_NOT_FOUND');
  }
}

/** The same person twice in one facility (their ID number's keyed hash is unique per facility). */
export class IdNumberTakenError extends ConflictError {
  constructor(p: { name: string; residentId: string }) {
    super('ID_NUMBER_TAKEN', p);
  }
}
