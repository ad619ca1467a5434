/**
 * docs/rules.md §7 / docs/api.md: a percentage as an exact ratio, rounded half-up to two decimals
 * (597 ÷ 2252 → 26.51); null where the denominator is 0 (printed "—", never NaN).
 */
export function percentHalfUp(numerator: number, denominator: number): number | null {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError(`percentHalfUp needs non-negative integers, got ${numerator}/${denominator}`);
  }
  if (denominator === 0) return null;
  // Hundredths of a percent, half-up, in integers: ⌊(2·n·10000 + d) / (2·d)⌋.
  const hundredths = Math.floor((2 * numerator * 10_000 + denominator) / (2 * denominator));
  return hundredths / 100;
}
