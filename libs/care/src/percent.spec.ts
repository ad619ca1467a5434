import fc from 'fast-check';
import { percentHalfUp } from './percent';

describe('percentHalfUp (docs/rules.md §7: two decimals, half-up)', () => {
  it.each([
    [597, 2252, 26.51],
    [1, 3, 33.33],
    [2, 3, 66.67],
    [1, 8, 12.5], // 12.5 exactly
    [1, 16, 6.25],
    [1, 32, 3.13], // 3.125 → half-up
    [0, 5, 0],
    [5, 5, 100],
  ])('%i ÷ %i → %d %%', (n, d, pct) => expect(percentHalfUp(n, d)).toBe(pct));

  it('a zero denominator is null, not NaN', () => expect(percentHalfUp(0, 0)).toBeNull());

  it('is within half a hundredth of the exact ratio', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.integer({ min: 1, max: 100_000 }), (n, d) => {
        const p = percentHalfUp(n, d) as number;
        const exactHundredths = (n * 10_000) / d;
        expect(Math.abs(Math.round(p * 100) - exactHundredths)).toBeLessThanOrEqual(0.5);
      }),
    );
  });
});
