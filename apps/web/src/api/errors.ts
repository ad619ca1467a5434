import { bilingualMessage, errorText, isErrorCode } from '@careops/care';
import { type Lang, useI18n } from '../i18n';
import { ApiError } from './client';

/**
 * Codes the API also gives to refusals it words itself (by status, or a database constraint with
 * the field it names): when the message is not the catalogue's own, the server's words say more.
 */
const WORDED_BY_SERVER = new Set([
  'MALFORMED_BODY',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE',
  'OVERLAP',
  'REQUEST_REFUSED',
  'RULE_VIOLATED',
  'REFERENCE_MISSING',
]);

/**
 * What the user reads for an error: the catalogue's text of its code in the user's language.
 * VALIDATION_FAILED keeps the server's message (it names the fields), and so does a code the
 * catalogue does not know; anything that is not an API error shows its own message.
 */
export function errorMessage(error: unknown, lang: Lang): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const { code, params, message } = error;
  if (!code || !isErrorCode(code) || code === 'VALIDATION_FAILED') return message;
  if (WORDED_BY_SERVER.has(code) && message !== bilingualMessage(code, params)) return message;
  return errorText(code, lang, params) ?? message;
}

/** `errorMessage` in the signed-in user's language. */
export function useErrorMessage(): (error: unknown) => string {
  const { lang } = useI18n();
  return (error: unknown) => errorMessage(error, lang);
}
