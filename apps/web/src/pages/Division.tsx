import { Card, DatePicker, Space, Statistic, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
import { printPct as pct } from '@careops/care';
import { useDivisionTrend } from '../api/hooks/dashboard';
import { startDivisionSummaryJob, useDivisionSummary } from '../api/hooks/divisions';
import { useDivisionReports } from '../api/hooks/supervision';
import { useAuth } from '../auth';
import { Failed } from '../components/Failed';
import { PageTitle } from '../components/PageTitle';
import { JobButton } from '../components/JobButton';
import { useI18n } from '../i18n';
import { useToday } from '../today';
import { DivisionSupervision } from './DivisionSupervision';
import { DivisionTable } from './DivisionTable';

/** The chart code loads on its own, after the figures (docs/rules.md §11). */
const TrendChart = lazy(() => import('../components/TrendChart'));

/**
 * The regulator's dashboard (docs/rules.md §7–§8, §11): the division's total as Σ ÷ Σ, its 12-month
 * trend, the facilities grouped city → county with subtotals, filtered and sorted; each drills down.
 */
export default function Division() {
  const { t } = useI18n();
  const { me } = useAuth();
  const today = useToday();
  const code = me?.divisionCode ?? '000000';
  const [params] = useSearchParams();
  // `?month=YYYY-MM` (a link back from the drill-down), else last month.
  const [month, setMonth] = useState<Dayjs>(() => {
    const asked = params.get('month') ?? '';
    return /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? dayjs(`${asked}-01`) : today().subtract(1, 'month');
  });
  const m = month.format('YYYY-MM');
  const summary = useDivisionSummary(code, m);
  const reports = useDivisionReports(code, m);
  // The trend after the table's figures: its twelve months never delay the table (docs/rules.md §11).
  const trend = useDivisionTrend(code, m, undefined, !!summary.data);
  if (summary.error) return <Failed error={summary.error} retry={() => summary.refetch()} />;
  const total = summary.data?.total;
  return (
    <>
      <PageTitle
        extra={
          <>
            <DatePicker picker="month" value={month} onChange={(d) => d && setMonth(d)} allowClear={false} aria-label={t.month} />
            <JobButton
              label={t.summaryPdf}
              testId="summary-pdf"
              fileName={`division-${code}-${m}.pdf`}
              start={() => startDivisionSummaryJob(code, m)}
            />
          </>
        }
      >
        {t.division} <span data-data>{code}</span>
      </PageTitle>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card loading={summary.isLoading}>
          {total && (
            <Space size={[32, 12]} wrap>
              <Statistic title={t.facility} value={total.facilities} />
              <Statistic title={t.bedsInService} value={total.bedsInService} />
              <Statistic
                title={t.nursingRatio}
                value={pct(total.nursingBedRatioPct)}
                valueStyle={{ color: total.nursingBedTargetMet === false ? '#b42318' : undefined }}
                suffix={total.nursingBedTargetMet === false ? <Tag color="red">{t.belowTarget}</Tag> : undefined}
              />
              <Statistic title={t.occupancy} value={pct(total.occupancyPct)} />
              <Statistic title={t.staffingCompliance} value={pct(total.staffingCompliancePct)} />
              <Statistic title={t.dashCertification} value={pct(total.certification.pct)} />
            </Space>
          )}
        </Card>
        <Card title={<h2 style={{ fontSize: 15, fontWeight: 600, margin: 0 }}>{t.dashTrend}</h2>} loading={trend.isLoading}>
          {trend.data && (
            <Suspense fallback={<div style={{ height: 280 }} />}>
              <TrendChart months={trend.data.months} label={`${t.dashTrend} ${code}`} />
            </Suspense>
          )}
        </Card>
        <Card title={<h2 style={{ fontSize: 15, fontWeight: 600, margin: 0 }}>{t.facility}</h2>}>
          <DivisionTable
            rows={summary.data?.rows}
            groups={summary.data?.groups}
            reports={reports.data?.rows}
            month={m}
            loading={summary.isLoading}
          />
        </Card>
        {/* The task list and the monthly reports after the table's figures, as the trend (a city's task list reads every facility). */}
        {summary.data && <DivisionSupervision code={code} month={m} />}
      </Space>
    </>
  );
}
