import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Progress, Space, Statistic, Table, Tag } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, authedFetch, download, read } from '../api/client';
import { type DivisionRow, type DivisionSummary, type Job, pct } from '../api/types';
import { Failed } from '../App';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';

/** The regulator's dashboard (DOMAIN.md §7–§8): a row per facility of the division, the total as Σ ÷ Σ. */
export default function Division() {
  const { t } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const code = me?.divisionCode ?? '000000';
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const [job, setJob] = useState<Job | null>(null);
  const mounted = useRef(true);
  useEffect(() => () => { mounted.current = false; }, []);
  const m = month.format('YYYY-MM');
  const summary = useQuery({
    queryKey: ['division', code, m],
    queryFn: () => read<DivisionSummary>(api.GET('/api/divisions/{code}/summary', { params: { path: { code }, query: { month: m } } })),
  });
  // Long work shows progress from the job API (issue 8), never a frozen page.
  const summaryPdf = async () => {
    try {
      let current = await read<Job>(api.POST('/api/divisions/{code}/summary-jobs', { params: { path: { code } }, body: { month: m } }));
      setJob(current);
      // Polled while this page is open, for at most ten minutes.
      const until = Date.now() + 10 * 60_000;
      while ((current.state === 'QUEUED' || current.state === 'RUNNING') && mounted.current) {
        if (Date.now() > until) throw new Error('the document is taking too long; try again later (生成超时)');
        await new Promise((r) => setTimeout(r, 400));
        const res = await authedFetch(`/api/jobs/${current.id}`);
        if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => undefined));
        current = await res.json();
        setJob(current);
      }
      if (!mounted.current) return;
      if (current.state === 'FAILED' || !current.resultUrl) throw new Error(current.error ?? 'failed');
      await download(current.resultUrl, `division-${code}-${m}.pdf`);
    } catch (e) {
      message.error(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setTimeout(() => setJob(null), 1500);
    }
  };
  if (summary.error) return <Failed error={summary.error} retry={() => summary.refetch()} />;
  const total = summary.data?.total;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={`${t.division} ${code}`} extra={<Space>
        <DatePicker picker="month" value={month} onChange={(d) => d && setMonth(d)} allowClear={false} />
        <Button type="primary" onClick={summaryPdf} loading={!!job && job.state !== 'DONE'} data-testid="summary-pdf">{t.summaryPdf}</Button>
      </Space>} loading={summary.isLoading}>
        {job && <Progress percent={job.percent} status={job.state === 'FAILED' ? 'exception' : job.state === 'DONE' ? 'success' : 'active'} format={(p) => `${t.jobRunning} ${p}%`} data-testid="job-progress" />}
        {total && <Space size={48} wrap>
          <Statistic title={t.facility} value={total.facilities} />
          <Statistic title={t.bedsInService} value={total.bedsInService} />
          <Statistic title={t.nursingRatio} value={pct(total.nursingBedRatioPct)} valueStyle={{ color: total.nursingBedTargetMet === false ? '#b42318' : undefined }} />
          <Statistic title={t.occupancy} value={pct(total.occupancyPct)} />
          <Statistic title={t.staffingCompliance} value={pct(total.staffingCompliancePct)} />
        </Space>}
      </Card>
      <Card>
        <Table<DivisionRow> rowKey="facilityId" dataSource={summary.data?.rows} loading={summary.isLoading} pagination={{ pageSize: 50 }} locale={{ emptyText: t.empty }}
          onRow={(r) => ({ style: r.nursingBedTargetMet === false ? { background: '#fdecea' } : undefined, 'data-testid': `row-${r.divisionCode}` } as React.HTMLAttributes<HTMLElement>)}
          columns={[
            { title: t.facility, dataIndex: 'name' },
            { title: '区划', dataIndex: 'divisionCode' },
            { title: t.bedsInService, dataIndex: 'bedsInService', align: 'right', sorter: (a, b) => a.bedsInService - b.bedsInService },
            { title: t.nursingBeds, dataIndex: 'nursingBeds', align: 'right' },
            { title: t.nursingRatio, dataIndex: 'nursingBedRatioPct', align: 'right', sorter: (a, b) => (a.nursingBedRatioPct ?? -1) - (b.nursingBedRatioPct ?? -1),
              render: (v: number | null, r) => <span>{pct(v)} {r.nursingBedTargetMet === false && <Tag color="red">{t.belowTarget}</Tag>}</span> },
            { title: t.occupancy, dataIndex: 'occupancyPct', align: 'right', render: pct },
            { title: t.staffingCompliance, dataIndex: 'staffingCompliancePct', align: 'right', render: pct },
            { title: t.lastReport, dataIndex: 'lastReportAt', render: (v: string | null) => v?.slice(0, 10) ?? '—' },
            { title: '', render: (_, r) => <Button size="small" onClick={() => download(`/api/facilities/${r.facilityId}/reports/compliance.pdf?month=${m}`, `compliance-${m}.pdf`).catch((e) => message.error(String(e)))}>{t.compliancePdf}</Button> },
          ]} />
      </Card>
    </Space>
  );
}
