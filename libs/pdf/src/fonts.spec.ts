import { documentCodePoints, templateCodePoints } from './fonts';

describe('documentCodePoints', () => {
  it('collects the non-ASCII characters of the source, astral ones whole', () => {
    const points = documentCodePoints('<td title="床位">王堃 𠮷</td>');
    expect([...points].map((cp) => String.fromCodePoint(cp)).sort()).toEqual(['堃', '床', '位', '王', '𠮷'].sort());
  });

  it('decodes numeric character references, decimal and hex', () => {
    const points = documentCodePoints('&#22531;&#x738B;&#X20BB7;');
    expect(points).toEqual(new Set([0x5803, 0x738b, 0x20bb7]));
  });

  it('ignores references beyond Unicode and plain ASCII', () => {
    expect(documentCodePoints('&#x110000; abc &amp;')).toEqual(new Set());
  });

  it('merges several sources (document, header, footer)', () => {
    expect(documentCodePoints('养', '老')).toEqual(new Set([0x517b, 0x8001]));
  });
});

describe('templateCodePoints', () => {
  it('keeps the text of a header template, ASCII included, and the digits Chrome fills in, not its tags', () => {
    const points = templateCodePoints('<div style="font-size:9px">Page 第<span class="pageNumber"></span>页</div>');
    const chars = new Set([...points].map((cp) => String.fromCodePoint(cp)));
    for (const ch of ['P', 'a', 'g', 'e', '第', '页', '0', '9', '/']) expect(chars).toContain(ch);
    for (const ch of ['d', 'v', 'z']) expect(chars).not.toContain(ch);
  });
});
