import { amountInWords } from './amount-in-words';

describe('amounts in capital numerals 大写 (the claim form)', () => {
  it.each([
    [18226, '壹佰捌拾贰元贰角陆分'], // docs/rules.md §5: ¥82.26 + ¥100.00
    [8226, '捌拾贰元贰角陆分'],
    [10000, '壹佰元整'],
    [2000000, '贰万元整'],
    [100500, '壹仟零伍元整'],
    [3333, '叁拾叁元叁角叁分'],
    [5, '伍分'],
    [120, '壹元贰角整'],
    [20, '贰角整'],
    [0, '零元整'],
    [1000000005, '壹仟万元零伍分'],
    [1000100000, '壹仟万零壹仟元整'],
    [10000000000, '壹亿元整'],
    [-3333, '负叁拾叁元叁角叁分'],
  ])('%i fen → %s', (fen, words) => expect(amountInWords(fen)).toBe(words));
});
