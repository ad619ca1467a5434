import { errorText } from '@careops/care';
import { type Lang, useI18n } from '../i18n';
import { ApiError } from './client';

/**
 * What the user reads for an error: the catalogue's text of its code in the user's language.
 * VALIDATION_FAILED keeps the server's message (it names the fields), and so does a code the
 * catalogue does not know; anything that is not an API error shows its own message.
 */
export function errorMessage(error: unknown, lang: Lang): string {
  if (error instanceof ApiError) {
    const text = error.code && error.code !== 'VALIDATION_FAILED' ? errorText(error.code, lang, error.params) : undefined;
    return text ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** `errorMessage` in the signed-in user's language. */
export function useErrorMessage(): (error: unknown) => string {
  const { lang } = useI18n();
  return (error: unknown) => errorMessage(error, lang);
}
