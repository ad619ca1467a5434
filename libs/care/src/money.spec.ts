import fc from 'fast-check';
import { fenOfYuan } from './money';
import { yuan } from './subsidy';

describe('fenOfYuan: yuan typed by a person, to integer fen (docs/rules.md §5)', () => {
  it.each([
    ['125.81', 12581],
    ['300', 30000],
    ['300.00', 30000],
    ['0.5', 50],
    ['0.05', 5],
    [' 82.26 ', 8226],
    ['-3.20', -320],
    ['0', 0],
  ])('%s → %d fen', (text, fen) => expect(fenOfYuan(text)).toBe(fen));

  it.each(['', '1.234', '1,000', '¥5', 'abc', '1.', '.5', '1e3'])('refuses %p', (text) => expect(fenOfYuan(text)).toBeNull());

  it('reads back every amount yuan() prints', () => {
    fc.assert(fc.property(fc.integer({ min: -1e11, max: 1e11 }), (fen) => fenOfYuan(yuan(fen)) === fen));
  });
});
