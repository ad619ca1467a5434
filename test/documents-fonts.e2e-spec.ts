import { execFileSync } from 'node:child_process';
import { binary, textOf } from './support/pdf-text';
import { buildWorld, populate, World } from './support/world';

/**
 * docs/rules.md §8, the documents as issued: Chinese text embedded as per-document CID TrueType
 * subsets of Noto Sans CJK SC (the TrueType conversion npm start / npm test make once), bold
 * included — never Type 3 fonts, never the whole system font.
 */
describe('the documents’ fonts (pdffonts)', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
    await populate(w, w.A, w.token.managerA, 1);
  }, 60_000);
  afterAll(() => w?.close());

  it('the compliance report embeds CID TrueType subsets, regular and bold, and no Type 3 font', async () => {
    const res = await binary(
      w.t.http.get(`/api/facilities/${w.A}/reports/compliance.pdf?month=2026-01`).auth(w.token.managerA, { type: 'bearer' }),
    );
    expect(res.status).toBe(200);
    const pdf = res.body as Buffer;
    const fonts = execFileSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.join('\n')).not.toMatch(/Type 3/);
    const noto = fonts.filter((line) => /NotoSansCJKsc-(Regular|Bold)/.test(line));
    expect(noto.map((line) => /NotoSansCJKsc-(Regular|Bold)/.exec(line)?.[1]).sort()).toEqual(['Bold', 'Regular']);
    // A subset (ABCDEF+ prefix), embedded, CID TrueType, with a ToUnicode map: text extracts.
    for (const line of noto) expect(line).toMatch(/^[A-Z]{6}\+\S+ +CID TrueType +Identity-H +yes +yes +yes /);
    expect(textOf(pdf)).toContain('养老机构合规报告');
    expect(pdf.length).toBeLessThan(200_000);
  });
});
