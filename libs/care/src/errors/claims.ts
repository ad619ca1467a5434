import type { ErrorText } from './catalogue';

/** Error codes of claims (docs/api.md "Errors"). */
export const CLAIMS_ERRORS = {} as const satisfies Record<string, ErrorText>;
