import type { ErrorText } from './catalogue';

/** Error codes of beds (docs/api.md "Errors"). */
export const BEDS_ERRORS = {} as const satisfies Record<string, ErrorText>;
