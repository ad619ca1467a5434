import { bureauName, divisionFullName, divisionLevel, divisionName } from './division-names';

describe('division names (GB/T 2260, docs/rules.md §11)', () => {
  it('names provinces, cities and counties by their code', () => {
    expect(divisionName('410000')).toBe('河南省');
    expect(divisionName('410400')).toBe('平顶山市');
    expect(divisionName('410421')).toBe('宝丰县');
    expect(divisionName('411200')).toBe('三门峡市');
    expect(divisionName('000000')).toBe('全国');
  });

  it("gives a municipality's city code the municipality's name", () => {
    expect(divisionName('110100')).toBe('北京市');
    expect(divisionFullName('110101')).toBe('北京市东城区');
  });

  it('writes the full name from province to county without repeats', () => {
    expect(divisionFullName('410421')).toBe('河南省平顶山市宝丰县');
    expect(divisionFullName('410400')).toBe('河南省平顶山市');
  });

  it('names the bureau of a division', () => {
    expect(bureauName('410400')).toBe('平顶山市民政局');
    expect(bureauName('000000')).toBe('民政部');
  });

  it('answers null for a code it does not know', () => {
    expect(divisionName('999999')).toBeNull();
    expect(bureauName('999999')).toBeNull();
    expect(divisionLevel('410421')).toBe('COUNTY');
  });
});
