import type { ErrorText } from './catalogue';

/** Error codes of residents (docs/api.md "Errors"). */
export const RESIDENTS_ERRORS = {} as const satisfies Record<string, ErrorText>;
