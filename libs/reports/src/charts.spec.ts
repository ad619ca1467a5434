import { countTicks, forgetDrawnCharts, lineChart } from './charts';

/** The text of the chart's labels, in document order. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('chart axes (docs/rules.md §8)', () => {
  it('count in whole steps of 1, 2 or 5 × 10ⁿ: never half a person', () => {
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(2)).toEqual([0, 1, 2, 3]); // 2 × 1.15 = 2.3 → steps of 1 up to 3
    expect(countTicks(7)).toEqual([0, 2, 4, 6, 8, 10]); // 8.05 needs a step of 2
    expect(countTicks(35)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(countTicks(230)).toEqual([0, 100, 200, 300]);
  });

  it('drawn by ECharts as inline SVG: a headcount axis in integers, a percentage in quarters, Chinese legend as text', () => {
    const days = ['2026-11-01', '2026-11-02', '2026-11-03'];
    const counts = lineChart(days, [{ label: '在院', colour: '#1d3557', values: [1, 2, 2] }]);
    expect(counts).toMatch(/^<svg class="chart" role="img"[^>]* viewBox="0 0 680 190"/);
    expect(counts).toMatch(/<path d="M[^"]+" [^>]*stroke="#1d3557"/);
    expect(texts(counts)).toEqual(expect.arrayContaining(['在院', '0', '1', '2', '3', '01', '02', '03']));
    expect(texts(counts)).not.toContain('0.5');
    const pct = texts(lineChart(days, [{ label: '入住率', colour: '#000', values: [50, 60, 70] }], { max: 100, unit: '%' }));
    expect(pct).toEqual(expect.arrayContaining(['0%', '25%', '50%', '75%', '100%']));
    expect(pct).not.toContain('20%');
  });

  it('months label as they are; a target is a labelled line', () => {
    const svg = lineChart(['2026-04', '2026-05'], [{ label: '护理型床位占比 %', colour: '#000', values: [40, 41.4] }], {
      max: 100,
      unit: '%',
      target: { value: 55, label: '目标 55%' },
    });
    expect(texts(svg)).toEqual(expect.arrayContaining(['2026-04', '2026-05', '目标 55%', '护理型床位占比 %']));
    expect(svg).toContain('stroke="#c0392b"');
  });

  it('renders the same chart to the same SVG every time (a registered document is the same bytes for the same facts)', () => {
    const draw = () =>
      lineChart(['2026-01', '2026-02'], [{ label: '入住率', colour: '#1d3557', values: [40, 55] }], { max: 100, unit: '%' });
    const first = draw();
    lineChart(['x'], [{ label: 'other', colour: '#000', values: [1] }]);
    expect(draw()).toBe(first);
    expect(first).not.toMatch(/zr\d+-/);
    // Drawn again rather than taken from the cache of drawn charts: still the same bytes.
    forgetDrawnCharts();
    expect(draw()).toBe(first);
  });

  it('the same figures are drawn once: the second time from the cache, other figures drawn anew', () => {
    const at = (v: number) => lineChart(['2026-01', '2026-02'], [{ label: '入住率', colour: '#1d3557', values: [v, 55] }], { max: 100 });
    const first = at(40);
    const t = performance.now();
    for (let i = 0; i < 50; i++) expect(at(40)).toBe(first);
    // 50 draws from the cache take less than one real draw (tens of ms).
    expect(performance.now() - t).toBeLessThan(20);
    expect(at(41)).not.toBe(first);
  });
});
