import fc from 'fast-check';
import { divisionCovers } from './division';

describe('division coverage (docs/rules.md §1)', () => {
  it.each([
    ['410400', '410421', true], // 平顶山市 covers 宝丰县
    ['410400', '410400', true],
    ['410400', '410521', false],
    ['410000', '411321', true], // a province code covers its whole province
    ['410000', '370102', false],
    ['410421', '410421', true],
    ['410421', '410422', false],
  ])('regulator %s sees facility %s: %s', (regulator, facility, covered) => {
    expect(divisionCovers(regulator, facility)).toBe(covered);
  });

  it('a code always covers itself, and a province covers whatever its cities cover', () => {
    const code = fc.stringMatching(/^[1-8]\d{5}$/);
    const twoDigits = fc.stringMatching(/^\d{2}$/);
    fc.assert(
      fc.property(code, code, twoDigits, (a, b, county) => {
        expect(divisionCovers(a, a)).toBe(true);
        // The inner code is built from the outer one, so the city always covers it and the
        // province half of the property runs on every case, not on the rare random match.
        const city = `${b.slice(0, 4)}00`;
        const province = `${b.slice(0, 2)}0000`;
        const inner = `${b.slice(0, 4)}${county}`;
        expect(divisionCovers(city, inner)).toBe(true);
        expect(divisionCovers(province, inner)).toBe(true);
        expect(divisionCovers(province, city)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
