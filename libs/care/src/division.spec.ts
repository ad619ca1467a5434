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
    fc.assert(
      fc.property(code, code, (a, b) => {
        expect(divisionCovers(a, a)).toBe(true);
        const city = `${b.slice(0, 4)}00`;
        const province = `${b.slice(0, 2)}0000`;
        if (divisionCovers(city, a)) expect(divisionCovers(province, a)).toBe(true);
      }),
    );
  });
});
