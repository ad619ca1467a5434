import type { ErrorText } from './catalogue';

/** Error codes of reports (docs/api.md "Errors"). */
export const REPORTS_ERRORS = {} as const satisfies Record<string, ErrorText>;
