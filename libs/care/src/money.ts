import type { Fen } from './subsidy';

const YUAN_TEXT = /^\s*(-)?(\d{1,12})(?:\.(\d{1,2}))?\s*$/;

/**
 * Yuan as typed by a person ("125.81", "300", "0.5", "-3.20") to integer fen by string arithmetic —
 * never through a floating-point number (docs/rules.md §5: money is integer fen end to end). Null
 * for anything else: more than two decimals, separators, letters, empty.
 */
export function fenOfYuan(text: string): Fen | null {
  const m = YUAN_TEXT.exec(text);
  if (!m) return null;
  const [, minus, whole, cents = ''] = m;
  const fen = Number(whole) * 100 + Number(cents.padEnd(2, '0'));
  return minus && fen !== 0 ? -fen : fen;
}
