import { Fen } from './subsidy';

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/**
 * An amount in fen as the capital numerals 大写 of Chinese financial forms (the claim form's
 * 合计金额): 18226 → 壹佰捌拾贰元贰角陆分, 2000000 → 贰万元整, 100500 → 壹仟零伍元整, 5 → 伍分. Integers only.
 */
export function amountInWords(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an amount in fen: ${fen}`);
  if (fen < 0) return `负${amountInWords(-fen)}`;
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let words = '';
  const digits = String(yuan).split('').map(Number);
  let pendingZero = false;
  digits.forEach((d, i) => {
    const pos = digits.length - 1 - i;
    if (d === 0) pendingZero = words.length > 0;
    else {
      words += (pendingZero ? '零' : '') + DIGITS[d] + UNITS[pos % 4];
      pendingZero = false;
    }
    // The end of a group of four: its name (万, 亿) if any of its digits is not zero.
    if (pos % 4 === 0 && pos > 0 && digits.slice(Math.max(0, i - 3), i + 1).some((x) => x !== 0)) words += GROUPS[pos / 4];
  });
  if (fen === 0) return '零元整';
  if (yuan > 0) words += '元';
  if (jiao === 0 && cents === 0) return `${words}整`;
  if (jiao > 0) words += `${DIGITS[jiao]}角`;
  else if (yuan > 0) words += '零';
  return cents > 0 ? `${words}${DIGITS[cents]}分` : `${words}整`;
}
