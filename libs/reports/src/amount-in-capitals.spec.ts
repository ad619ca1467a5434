import fc from 'fast-check';
import Nzh from 'nzh';
import { amountInCapitals } from './amount-in-capitals';

const DIGIT = '零壹贰叁肆伍陆柒捌玖';

/** Reads capital numerals back to fen: the yuan through nzh's decoder, 角 and 分 digit by digit. */
function fenOfCapitals(words: string): number {
  const minus = words.startsWith('负');
  const body = (minus ? words.slice(1) : words).replace(/整$/, '');
  const [yuanPart, rest] = body.includes('元') ? body.split('元') : ['', body];
  const yuan = yuanPart ? Number(Nzh.cn.decodeB(yuanPart)) : 0;
  const jiao = /([壹贰叁肆伍陆柒捌玖])角/.exec(rest)?.[1];
  const cents = /([壹贰叁肆伍陆柒捌玖])分/.exec(rest)?.[1];
  const fen = yuan * 100 + (jiao ? DIGIT.indexOf(jiao) * 10 : 0) + (cents ? DIGIT.indexOf(cents) : 0);
  return minus ? -fen : fen;
}

describe('amounts in capital numerals 大写 on bills and receipts (docs/rules.md §9)', () => {
  it.each([
    [822600, '捌仟贰佰贰拾陆元整'], // docs/rules.md §9: the receipt's example
    [149355, '壹仟肆佰玖拾叁元伍角伍分'], // docs/rules.md §9: admitted 15 March with the 20–25 March leave, ¥1,493.55
    [159032, '壹仟伍佰玖拾元叁角贰分'], // docs/rules.md §9: without the leave, ¥1,590.32
    [0, '零元整'],
    [8226, '捌拾贰元贰角陆分'], // docs/rules.md §5: ¥82.26
    [5, '伍分'],
    [20, '贰角整'],
    [120, '壹元贰角整'],
    [1005, '壹拾元零伍分'],
    [1000, '壹拾元整'],
    [10000000, '壹拾万元整'],
    [100500, '壹仟零伍元整'],
    [1000000005, '壹仟万元零伍分'],
    [10000000000, '壹亿元整'],
    [-23226, '负贰佰叁拾贰元贰角陆分'], // a credit note
  ])('%i fen → %s', (fen, words) => expect(amountInCapitals(fen)).toBe(words));

  it('refuses what is not a whole number of fen', () => {
    for (const x of [0.5, 1493.55, NaN, Infinity, 2 ** 53]) expect(() => amountInCapitals(x)).toThrow(RangeError);
  });

  const fen = fc.integer({ min: 1, max: 10 ** 10 });

  it('writes every amount from 1 fen to ¥100,000,000 in capitals only, ending 整 (元, 角) or 分', () => {
    fc.assert(
      fc.property(fen, (f) => {
        const words = amountInCapitals(f);
        expect(words).toMatch(/^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/);
        expect(words).toMatch(f % 10 === 0 ? /整$/ : /分$/);
        expect(words).not.toMatch(/零零|零整|零元|零角|分整/);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads back to the same fen (round trip through nzh decodeB)', () => {
    fc.assert(
      fc.property(fen, fc.boolean(), (f, negative) => {
        const signed = negative && f > 0 ? -f : f;
        expect(fenOfCapitals(amountInCapitals(signed))).toBe(signed);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    [18226, '壹佰捌拾贰元贰角陆分'], // docs/rules.md §5: ¥82.26 + ¥100.00, the claim form's total
    [8226, '捌拾贰元贰角陆分'],
    [10000, '壹佰元整'],
    [2000000, '贰万元整'],
    [100500, '壹仟零伍元整'],
    [3333, '叁拾叁元叁角叁分'],
    [5, '伍分'],
    [120, '壹元贰角整'],
    [20, '贰角整'],
    [1000000005, '壹仟万元零伍分'],
    // 《支付结算办法》: after a zero 万 digit the 零 before 仟 is optional; nzh leaves it out
    [1000100000, '壹仟万壹仟元整'],
    [10000000000, '壹亿元整'],
    [-3333, '负叁拾叁元叁角叁分'],
  ])('the claim form and the receipts alike: %i fen → %s', (f, words) => expect(amountInCapitals(f)).toBe(words));
});
