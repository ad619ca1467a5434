import { ErrorParams, ErrorText, fillTemplate } from './catalogue';
import { ADMISSIONS_ERRORS } from './admissions';
import { ASSESSMENTS_ERRORS } from './assessments';
import { AUTH_ERRORS } from './auth';
import { BEDS_ERRORS } from './beds';
import { BILLING_ERRORS } from './billing';
import { CLAIMS_ERRORS } from './claims';
import { COMMON_ERRORS } from './common';
import { CORRECTIONS_ERRORS } from './corrections';
import { DAY_CARE_ERRORS } from './day-care';
import { FACILITIES_ERRORS } from './facilities';
import { IMPORTS_ERRORS } from './imports';
import { METRICS_ERRORS } from './metrics';
import { REPORTS_ERRORS } from './reports';
import { RESIDENTS_ERRORS } from './residents';
import { SAFETY_ERRORS } from './safety';
import { STAFF_ERRORS } from './staff';
import { SUPERVISION_ERRORS } from './supervision';

export * from './catalogue';

/** The catalogue by the area that owns each code (a code belongs to exactly one). */
export const ERROR_GROUPS = {
  common: COMMON_ERRORS,
  auth: AUTH_ERRORS,
  facilities: FACILITIES_ERRORS,
  beds: BEDS_ERRORS,
  residents: RESIDENTS_ERRORS,
  admissions: ADMISSIONS_ERRORS,
  assessments: ASSESSMENTS_ERRORS,
  corrections: CORRECTIONS_ERRORS,
  staff: STAFF_ERRORS,
  dayCare: DAY_CARE_ERRORS,
  claims: CLAIMS_ERRORS,
  metrics: METRICS_ERRORS,
  reports: REPORTS_ERRORS,
  imports: IMPORTS_ERRORS,
  safety: SAFETY_ERRORS,
  supervision: SUPERVISION_ERRORS,
  billing: BILLING_ERRORS,
} as const;

export const ERRORS = {
  ...COMMON_ERRORS,
  ...AUTH_ERRORS,
  ...FACILITIES_ERRORS,
  ...BEDS_ERRORS,
  ...RESIDENTS_ERRORS,
  ...ADMISSIONS_ERRORS,
  ...ASSESSMENTS_ERRORS,
  ...CORRECTIONS_ERRORS,
  ...STAFF_ERRORS,
  ...DAY_CARE_ERRORS,
  ...CLAIMS_ERRORS,
  ...METRICS_ERRORS,
  ...REPORTS_ERRORS,
  ...IMPORTS_ERRORS,
  ...SAFETY_ERRORS,
  ...SUPERVISION_ERRORS,
  ...BILLING_ERRORS,
} as const satisfies Record<string, ErrorText>;

export type ErrorCode = keyof typeof ERRORS;

export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(ERRORS, code);

/** The message of a code in one language, its parameters filled in; undefined for an unknown code. */
export function errorText(code: string, lang: 'zh' | 'en', params?: ErrorParams): string | undefined {
  return isErrorCode(code) ? fillTemplate(ERRORS[code][lang], params) : undefined;
}

/** The API's `message`: the English text with the Chinese in brackets. */
export function bilingualMessage(code: ErrorCode, params?: ErrorParams): string {
  const text = ERRORS[code];
  return `${fillTemplate(text.en, params)} (${fillTemplate(text.zh, params)})`;
}
