import { bilingualMessage, ERRORS, type ErrorCode, type ErrorParams, type ErrorStatus } from '@careops/care';

/**
 * A rule of the domain, or a lookup, refused something. Every code is in the catalogue
 * (`libs/care/src/errors`) with its status and its Chinese and English message; the global filter
 * answers `{ statusCode, error, code, message: ['english (中文)'], params }`. Services and
 * repositories throw these, never HTTP exceptions: the status is the catalogue's.
 */
export class DomainError extends Error {
  readonly status: ErrorStatus;
  /** Structured detail a client lists (an import's row errors); sent as `details`. */
  details?: unknown;

  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(bilingualMessage(code, params));
    this.name = new.target.name;
    this.status = ERRORS[code].status;
  }
}

type CodeWith<S extends ErrorStatus> = { [C in ErrorCode]: (typeof ERRORS)[C]['status'] extends S ? C : never }[ErrorCode];

/** 400: a value the caller sent cannot be used (the field is named in the message). */
export class InvalidInputError extends DomainError {
  constructor(code: CodeWith<400>, params?: ErrorParams) {
    super(code, params);
  }
}

/** 403: this caller may not do this, whatever the data. */
export class NotAllowedError extends DomainError {
  constructor(code: CodeWith<403>, params?: ErrorParams) {
    super(code, params);
  }
}

/** 404: no such thing, or not the caller's (never reveal another tenant's ids). */
export class NotFoundError extends DomainError {
  constructor(code: CodeWith<404>, params?: ErrorParams) {
    super(code, params);
  }
}

/** 409: it clashes with the current state of another record (a bed taken, a claim frozen). */
export class ConflictError extends DomainError {
  constructor(code: CodeWith<409>, params?: ErrorParams) {
    super(code, params);
  }
}

/** 422: a rule of the domain refuses it (docs/rules.md names the rule). */
export class RuleViolation extends DomainError {
  constructor(code: CodeWith<422>, params?: ErrorParams) {
    super(code, params);
  }
}
