import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_GROUPS, ERRORS, bilingualMessage, errorText, fillTemplate, templateParams } from './index';

const CJK = /[\u4e00-\u9fff]/;

describe('the error catalogue', () => {
  const entries = Object.entries(ERRORS);

  it.each(entries)('%s has an English and a Chinese message with the same parameters', (code, text) => {
    expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
    expect(text.en.trim()).not.toBe('');
    expect(text.en).not.toMatch(CJK);
    expect(text.zh).toMatch(CJK);
    // Chinese may say less than English, never more: every Chinese parameter is one the English uses.
    for (const p of templateParams(text.zh)) expect(templateParams(text.en)).toContain(p);
    expect(text.status).toBeGreaterThanOrEqual(400);
  });

  it('gives each code to exactly one area', () => {
    const seen = new Map<string, string>();
    for (const [area, group] of Object.entries(ERROR_GROUPS)) {
      for (const code of Object.keys(group)) {
        expect({ code, area: seen.get(code) ?? area }).toEqual({ code, area });
        seen.set(code, area);
      }
    }
    expect(seen.size).toBe(entries.length);
  });

  it('fills parameters in both languages', () => {
    expect(fillTemplate('bed {bed} from {from}', { bed: 'A-1', from: '2026-03-15' })).toBe('bed A-1 from 2026-03-15');
    expect(fillTemplate('{missing} stays', {})).toBe('{missing} stays');
    expect(errorText('FACILITY_NOT_FOUND', 'zh')).toBe('机构不存在');
    expect(errorText('FACILITY_NOT_FOUND', 'en')).toBe('facility not found');
    expect(errorText('NO_SUCH_CODE', 'en')).toBeUndefined();
    expect(bilingualMessage('FACILITY_NOT_FOUND')).toBe('facility not found (机构不存在)');
  });
});

/**
 * docs/api.md lists every code (between its error-codes markers). To rewrite the list after adding
 * codes: `CAREOPS_WRITE_DOCS=1 npx jest -c libs/care/jest.config.cts errors`.
 */
describe('docs/api.md lists the catalogue', () => {
  const file = join(__dirname, '../../../../docs/api.md');
  const [start, end] = ['<!-- error-codes:start -->', '<!-- error-codes:end -->'];
  const cell = (s: string) => s.replaceAll('|', '\\|');
  const table = [
    '| code | status | English | 中文 |',
    '| --- | --- | --- | --- |',
    ...Object.entries(ERROR_GROUPS).flatMap(([, group]) =>
      Object.entries(group).map(([code, t]) => `| \`${code}\` | ${t.status} | ${cell(t.en)} | ${cell(t.zh)} |`),
    ),
  ].join('\n');

  it('with its status and both texts', () => {
    const doc = readFileSync(file, 'utf8');
    const [before, rest] = doc.split(start);
    const after = rest.split(end)[1];
    const fresh = `${before}${start}\n${table}\n${end}${after}`;
    if (process.env['CAREOPS_WRITE_DOCS'] === '1') writeFileSync(file, fresh);
    expect(doc).toBe(fresh);
  });
});
