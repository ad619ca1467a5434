/**
 * Charts for the documents as inline SVG, drawn on the server: no script runs in the
 * page, and the PDF keeps them as vectors. Values are plain numbers; labels are text.
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
const PAD = { left: 40, right: 12, top: 12, bottom: 26 };

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

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

/**
 * A line chart over days (x labels: day of month). With `max` the axis is 0…max in quarters (a
 * percentage); without, it counts (`countTicks`: whole numbers only).
 */
export function lineChart(
  days: string[],
  series: Series[],
  opts: { max?: number; unit?: string; target?: { value: number; label: string }; height?: number } = {},
): string {
  const H = opts.height ?? 190;
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const ticks =
    opts.max !== undefined
      ? [0, 1, 2, 3, 4].map((k) => (opts.max as number) * (k / 4))
      : countTicks(Math.max(0, ...all, opts.target?.value ?? 0));
  const max = ticks[ticks.length - 1];
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const n = Math.max(1, days.length);
  const x = (i: number) => PAD.left + (n === 1 ? iw / 2 : (i * iw) / (n - 1));
  const y = (v: number) => PAD.top + ih - (v / max) * ih;
  const parts: string[] = [];
  for (const v of ticks) {
    parts.push(
      `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e3e8ef" stroke-width="0.8"/>`,
    );
    parts.push(
      `<text x="${PAD.left - 6}" y="${(y(v) + 3).toFixed(1)}" text-anchor="end" class="ax">${Number.isInteger(v) ? v : v.toFixed(1)}${opts.unit ?? ''}</text>`,
    );
  }
  days.forEach((d, i) => {
    if (n <= 16 || i % 2 === 0 || i === n - 1)
      parts.push(`<text x="${x(i).toFixed(1)}" y="${H - 8}" text-anchor="middle" class="ax">${esc(d.slice(8))}</text>`);
  });
  if (opts.target) {
    parts.push(
      `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(opts.target.value).toFixed(1)}" y2="${y(opts.target.value).toFixed(1)}" stroke="#c0392b" stroke-dasharray="4 3" stroke-width="1"/>`,
    );
    parts.push(
      `<text x="${W - PAD.right}" y="${(y(opts.target.value) - 4).toFixed(1)}" text-anchor="end" class="ax" fill="#c0392b">${esc(opts.target.label)}</text>`,
    );
  }
  for (const s of series) {
    let d = '';
    s.values.forEach((v, i) => {
      if (v === null) return;
      if (s.step)
        d += `${d ? 'L' : 'M'}${(x(i) - (i === 0 ? 0 : iw / (2 * (n - 1 || 1)))).toFixed(1)},${y(v).toFixed(1)}H${(x(i) + (i === n - 1 ? 0 : iw / (2 * (n - 1 || 1)))).toFixed(1)}`;
      else d += `${d ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    });
    parts.push(`<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="1.8"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`);
  }
  const legend = series.map(
    (s, i) =>
      `<g transform="translate(${PAD.left + 8 + i * 130},${PAD.top + 2})"><rect width="14" height="3" y="4" fill="${s.colour}"/><text x="20" y="9" class="lg">${esc(s.label)}</text></g>`,
  );
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" xmlns="http://www.w3.org/2000/svg" role="img">${parts.join('')}${legend.join('')}</svg>`;
}
