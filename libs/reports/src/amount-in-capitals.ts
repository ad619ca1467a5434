import Nzh from 'nzh';
import type { Fen } from '@careops/care';

/**
 * An amount in fen as the capital numerals 大写 of a claim form, a receipt or a bill (docs/rules.md §8, §9):
 * 822600 → 捌仟贰佰贰拾陆元整, 149355 → 壹仟肆佰玖拾叁元伍角伍分, 0 → 零元整, −5000 → 负伍拾元整.
 * nzh writes the words; the yuan text it reads is built from the integer fen by integer arithmetic,
 * never through a floating-point number. `整` follows 元 or 角, never 分 (《支付结算办法》).
 */
export function amountInCapitals(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an amount in fen: ${fen}`);
  const abs = Math.abs(fen);
  const yuan = `${fen < 0 ? '-' : ''}${(abs - (abs % 100)) / 100}.${String(abs % 100).padStart(2, '0')}`;
  return Nzh.cn.toMoney(yuan, { outSymbol: false, forceZheng: true });
}
