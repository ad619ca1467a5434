/**
 * The error catalogue: every stable error `code` the API answers with, its HTTP status and its
 * message in Chinese and English (docs/api.md "Errors"). Messages are templates: `{name}` is
 * replaced by the error's `params`, the same for both languages. The API's `message` is
 * `english (中文)`; the web app shows the text of the user's language.
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

export interface ErrorText {
  status: ErrorStatus;
  en: string;
  zh: string;
}

export type ErrorParams = Record<string, string | number>;

/** Replaces each `{name}` by its parameter (a missing one stays as written). */
export function fillTemplate(template: string, params: ErrorParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The `{name}` placeholders of a template, in order of first appearance. */
export function templateParams(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))];
}
