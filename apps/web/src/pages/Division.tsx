import { App, Button, Card, DatePicker, Space, Statistic, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { printPct as pct } from '@careops/care';
import { download } from '../api/client';
import { useErrorMessage } from '../api/errors';
import { type DivisionRow, startDivisionSummaryJob, useDivisionSummary } from '../api/hooks/divisions';
import { useAuth } from '../auth';
import { Failed } from '../components/Failed';
import { PageTitle } from '../components/PageTitle';
import { JobButton } from '../components/JobButton';
import { useI18n } from '../i18n';
import { useToday } from '../today';
import { DivisionSupervision } from './DivisionSupervision';
import { EmptyText, ScrollRegion, VisuallyHidden } from './page-parts';

/** The regulator's dashboard (docs/rules.md §7–§8): a row per facility of the division, the total as Σ ÷ Σ. */
export default function Division() {
  const { t } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const today = useToday();
  const code = me?.divisionCode ?? '000000';
  const [month, setMonth] = useState<Dayjs>(() => today().subtract(1, 'month'));
  const m = month.format('YYYY-MM');
  const summary = useDivisionSummary(code, m);
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
            </Space>
          )}
        </Card>
        <Card title={<h2 style={{ fontSize: 15, fontWeight: 600, margin: 0 }}>{t.facility}</h2>}>
          {/* docs/rules.md §7–§8: the facilities' table scrolls sideways in its own box, never the page. */}
          <ScrollRegion label={t.facility}>
            <Table<DivisionRow>
              rowKey="facilityId"
              scroll={{ x: 'max-content' }}
              sticky
              dataSource={summary.data?.rows}
              loading={summary.isLoading}
              pagination={{ pageSize: 50 }}
              locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
              onRow={(r) =>
                ({
                  style: r.nursingBedTargetMet === false ? { background: '#fdecea' } : undefined,
                  'data-testid': `row-${r.divisionCode}`,
                }) as React.HTMLAttributes<HTMLElement>
              }
              columns={[
                { title: t.facility, dataIndex: 'name', fixed: 'left', render: (v: string) => <span data-data>{v}</span> },
                { title: t.divisionCode, dataIndex: 'divisionCode', render: (v: string) => <span data-data>{v}</span> },
                { title: t.bedsInService, dataIndex: 'bedsInService', align: 'right', sorter: (a, b) => a.bedsInService - b.bedsInService },
                { title: t.nursingBeds, dataIndex: 'nursingBeds', align: 'right' },
                {
                  title: t.nursingRatio,
                  dataIndex: 'nursingBedRatioPct',
                  align: 'right',
                  sorter: (a, b) => (a.nursingBedRatioPct ?? -1) - (b.nursingBedRatioPct ?? -1),
                  render: (v: number | null, r) => (
                    <span>
                      {pct(v)} {r.nursingBedTargetMet === false && <Tag color="red">{t.belowTarget}</Tag>}
                    </span>
                  ),
                },
                { title: t.occupancy, dataIndex: 'occupancyPct', align: 'right', render: pct },
                { title: t.staffingCompliance, dataIndex: 'staffingCompliancePct', align: 'right', render: pct },
                { title: t.lastReport, dataIndex: 'lastReportAt', render: (v: string | null) => v?.slice(0, 10) ?? '—' },
                {
                  title: <VisuallyHidden>{t.actions}</VisuallyHidden>,
                  key: 'actions',
                  render: (_, r) => (
                    <Button
                      size="small"
                      aria-label={`${t.compliancePdf} ${r.name}`}
                      onClick={() =>
                        download(`/api/facilities/${r.facilityId}/reports/compliance.pdf?month=${m}`, `compliance-${m}.pdf`).catch((e) =>
                          message.error(describe(e)),
                        )
                      }
                    >
                      {t.compliancePdf}
                    </Button>
                  ),
                },
              ]}
            />
          </ScrollRegion>
        </Card>
        <DivisionSupervision code={code} month={m} />
      </Space>
    </>
  );
}
