import type { ErrorText } from './catalogue';

/** Error codes of metrics (docs/api.md "Errors"). */
export const METRICS_ERRORS = {} as const satisfies Record<string, ErrorText>;
