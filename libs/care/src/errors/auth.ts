import type { ErrorText } from './catalogue';

/** Error codes of auth (docs/api.md "Errors"). */
export const AUTH_ERRORS = {} as const satisfies Record<string, ErrorText>;
