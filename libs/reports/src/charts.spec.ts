import { countTicks, lineChart } from './charts';

describe('chart axes (docs/rules.md §8)', () => {
  it('count in whole steps of 1, 2 or 5 × 10ⁿ: never half a person', () => {
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(2)).toEqual([0, 1, 2, 3]); // 2 × 1.15 = 2.3 → steps of 1 up to 3
    expect(countTicks(7)).toEqual([0, 2, 4, 6, 8, 10]); // 8.05 needs a step of 2
    expect(countTicks(35)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(countTicks(230)).toEqual([0, 100, 200, 300]);
  });

  it('a headcount chart labels its axis in integers; a percentage keeps its quarters', () => {
    const labels = (svg: string) => [...svg.matchAll(/text-anchor="end" class="ax">([^<]*)</g)].map((m) => m[1]);
    const days = ['2026-11-01', '2026-11-02', '2026-11-03'];
    expect(labels(lineChart(days, [{ label: '在院', colour: '#000', values: [1, 2, 2] }]))).toEqual(['0', '1', '2', '3']);
    expect(labels(lineChart(days, [{ label: '入住率', colour: '#000', values: [50, 60, 70] }], { max: 100, unit: '%' }))).toEqual([
      '0%',
      '25%',
      '50%',
      '75%',
      '100%',
    ]);
  });
});
