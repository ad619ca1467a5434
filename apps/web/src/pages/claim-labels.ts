import { type Programme, PROGRAMME_LABELS } from '@careops/care';
import type { Lang } from '../i18n';

const PROGRAMMES_EN: Record<Programme, string> = {
  INSTITUTIONAL_CARE: 'Institutional care',
  HOME_CARE_BED: 'Home-care beds',
  DAY_CENTER_OPERATION: 'Day-center operation',
};

/** A programme's name as the user reads it (docs/rules.md §5; the Chinese names are the API's). */
export const programmeLabel = (p: string, lang: Lang) =>
  (lang === 'zh' ? PROGRAMME_LABELS[p as Programme] : PROGRAMMES_EN[p as Programme]) ?? p;

/** The colour of a claim's state tag, the same on the list and the claim. */
export const STATE_COLOURS: Record<string, string> = {
  DRAFT: 'default',
  SUBMITTED: 'processing',
  APPROVED: 'success',
  REJECTED: 'error',
  PAID: 'green',
};

/**
 * Who drafts, submits and records the answer of claims (docs/rules.md §1, §5): the accountant; at a
 * day center, which has none, its manager too (the API grants the same).
 */
export const canClaim = (me: { role: string } | null | undefined, facility: { type: string } | null | undefined) =>
  me?.role === 'ACCOUNTANT' || me?.role === 'PLATFORM_ADMIN' || (me?.role === 'FACILITY_MANAGER' && facility?.type === 'DAY_CENTER');
