import type { ErrorText } from './catalogue';

/** Error codes of staff (docs/api.md "Errors"). */
export const STAFF_ERRORS = {} as const satisfies Record<string, ErrorText>;
