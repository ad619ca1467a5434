import { createHash } from 'node:crypto';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Only what the documents draw is loaded: line charts, their grid, legend and target line, as SVG.
echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

/**
 * Charts for the documents as inline SVG, drawn on the server by ECharts (`ssr: true`, no DOM): no
 * script runs in the page, and the PDF keeps them as vectors, their labels as text in the
 * documents' font. Values are plain numbers; labels are text.
 */
export interface Series {
  label: string;
  colour: string;
  values: (number | null)[];
  /** Drawn as steps (staffing per day) rather than a line. */
  step?: boolean;
  dashed?: boolean;
}

const W = 680;
/** The documents' font (templates/style.css): Chinese labels render with the embedded CJK font. */
const FONT = "CareopsCJK, 'Noto Sans CJK SC', sans-serif";

/**
 * The axis of counts: the smallest step of 1, 2 or 5 × 10ⁿ (never below 1, so a headcount never
 * reads "0.5 person") that spans the data with some headroom in at most 5 intervals.
 */
export function countTicks(dataMax: number): number[] {
  const top = Math.max(1, dataMax * 1.15);
  let step = 1;
  for (let p = 1; step * 5 < top; p *= 10) step = [1, 2, 5].map((m) => m * p).find((s) => s * 5 >= top) ?? 10 * p;
  return Array.from({ length: Math.ceil(top / step) + 1 }, (_, k) => k * step);
}

/** A day (YYYY-MM-DD) is labelled by its day of the month; anything else (a month, YYYY-MM) as it is. */
const xLabel = (x: string) => (/^\d{4}-\d{2}-\d{2}$/.test(x) ? x.slice(8) : x);

/**
 * A line chart over days or months. With `max` the axis is 0…max in quarters (a percentage);
 * without, it counts (`countTicks`: whole numbers only). `target` draws a dashed red line.
 */
export function lineChart(xs: string[], series: Series[], opts: ChartOptions = {}): string {
  // The same figures draw the same chart: a document issued again, or another one of the same month,
  // takes it from the cache (the SVG is a pure function of its inputs; its ids are made from itself).
  const key = JSON.stringify([xs, series, opts]);
  const cached = drawn.get(key);
  if (cached !== undefined) {
    drawn.delete(key);
    drawn.set(key, cached);
    return cached;
  }
  const svg = draw(xs, series, opts);
  drawn.set(key, svg);
  if (drawn.size > CACHED_CHARTS) drawn.delete(drawn.keys().next().value as string);
  return svg;
}

export interface ChartOptions {
  max?: number;
  unit?: string;
  target?: { value: number; label: string };
  height?: number;
}

/** The charts drawn last, least recently used first (a Map keeps insertion order). */
const drawn = new Map<string, string>();
const CACHED_CHARTS = 200;

/** For the tests: forget the drawn charts (the next draws render again). */
export function forgetDrawnCharts(): void {
  drawn.clear();
}

function draw(xs: string[], series: Series[], opts: ChartOptions): string {
  const height = opts.height ?? 190;
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const ticks =
    opts.max !== undefined
      ? [0, 1, 2, 3, 4].map((k) => (opts.max as number) * (k / 4))
      : countTicks(Math.max(0, ...all, opts.target?.value ?? 0));
  const max = ticks[ticks.length - 1];
  const unit = opts.unit ?? '';
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: W, height });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: FONT },
    grid: { left: 44, right: 24, top: 22, bottom: 22 },
    legend: {
      selectedMode: false,
      left: 44,
      top: 0,
      itemWidth: 14,
      itemHeight: 3,
      textStyle: { fontSize: 9, color: '#334e68', fontFamily: FONT },
      data: series.map((s) => ({ name: s.label, icon: 'rect' })),
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: xs.map(xLabel),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#cbd2d9' } },
      axisLabel: { fontSize: 8, color: '#7b8794', interval: xs.length <= 16 ? 0 : 1, fontFamily: FONT },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max,
      interval: ticks[1] - ticks[0],
      axisLabel: {
        fontSize: 8,
        color: '#7b8794',
        fontFamily: FONT,
        formatter: (v: number) => `${Number.isInteger(v) ? v : v.toFixed(1)}${unit}`,
      },
      splitLine: { lineStyle: { color: '#e3e8ef', width: 0.8 } },
    },
    series: series.map((s, i) => ({
      name: s.label,
      type: 'line',
      // Nothing to hover in a PDF: no emphasis states to build (a few ms per chart).
      silent: true,
      emphasis: { disabled: true },
      step: s.step ? 'middle' : undefined,
      showSymbol: false,
      connectNulls: false,
      data: s.values,
      color: s.colour,
      lineStyle: { color: s.colour, width: 1.8, type: s.dashed ? [5, 3] : 'solid' },
      ...(i === 0 && opts.target
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { color: '#c0392b', type: [4, 3], width: 1 },
              label: { formatter: opts.target.label, position: 'insideEndTop', fontSize: 8, color: '#c0392b', fontFamily: FONT },
              data: [{ yAxis: opts.target.value }],
            },
          }
        : {}),
    })),
  });
  const rendered = chart.renderToSVGString();
  chart.dispose();
  // zrender names each chart's clip paths and classes `zr<counter>-…`, a counter of the process: the
  // same chart would differ from one render (and one process) to the next, and so would the document
  // registered for the same facts (docs/rules.md §8). The prefix is made from the chart itself.
  // Its classes and ids (`zr3-cls-5`) are numbered again in order of first appearance.
  const names = new Map<string, string>();
  const plain = rendered.replace(/zr\d+-[A-Za-z]+(?:-\d+)?/g, (name) => {
    if (!names.has(name)) names.set(name, `zr-${name.replace(/^zr\d+-([A-Za-z]+).*$/, '$1')}${names.size}`);
    return names.get(name) as string;
  });
  const svg = plain.replace(/zr-/g, `zr${createHash('sha1').update(plain).digest('hex').slice(0, 10)}-`);
  // Scales with the page like the rest of the document (templates/style.css `svg.chart`).
  return svg.replace(/^<svg width="\d+" height="\d+"/, '<svg class="chart" role="img"');
}
