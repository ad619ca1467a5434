import type { ErrorText } from './catalogue';

/** Error codes of day-care (docs/api.md "Errors"). */
export const DAY_CARE_ERRORS = {} as const satisfies Record<string, ErrorText>;
