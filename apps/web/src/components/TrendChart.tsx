import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { TrendMonth } from '../api/hooks/dashboard';
import { useI18n } from '../i18n';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * The 12-month trend of the four ratios (docs/rules.md §11) as an ECharts line chart: loaded on its
 * own (React.lazy) so the chart code never weighs on the first screens. A month with no denominator
 * is a gap, not a zero.
 */
export default function TrendChart({ months, label }: { months: TrendMonth[]; label: string }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, undefined, { renderer: 'svg' });
    const series = (name: string, pick: (m: TrendMonth) => number | null) => ({
      name,
      type: 'line' as const,
      connectNulls: false,
      data: months.map(pick),
    });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(2)} %` : '—') },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 44, right: 16, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}' } },
      series: [
        series(t.nursingRatio, (m) => m.nursingBedRatioPct),
        series(t.occupancy, (m) => m.occupancyPct),
        series(t.staffingCompliance, (m) => m.staffingCompliancePct),
        series(t.dashCertification, (m) => m.certificationPct),
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [months, t]);
  return <div ref={box} role="img" aria-label={label} data-testid="trend-chart" style={{ width: '100%', height: 280 }} />;
}
