import type { ErrorText } from './catalogue';

/** Error codes of admissions (docs/api.md "Errors"). */
export const ADMISSIONS_ERRORS = {} as const satisfies Record<string, ErrorText>;
