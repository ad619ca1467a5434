import { App, Button, Card, Space, Statistic, Table } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { printPct as pct } from '@careops/care';
import {
  type IssuedDocument,
  useDivisionTrend,
  useFacilityMetrics,
  useFacilityMonthlyReports,
  useIssuedDocuments,
} from '../api/hooks/dashboard';
import { download } from '../api/client';
import { useErrorMessage } from '../api/errors';
import { useFacility } from '../api/hooks/facilities';
import { useAuth } from '../auth';
import { Failed } from '../components/Failed';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n';
import { useToday } from '../today';
import { EmptyText, ScrollRegion, Secondary } from './page-parts';

const TrendChart = lazy(() => import('../components/TrendChart'));
const heading = (text: string) => <h2 style={{ fontSize: 15, fontWeight: 600, margin: 0 }}>{text}</h2>;

/**
 * The regulator's drill-down into one facility of its division (docs/rules.md §11): its figures of
 * the month, its 12-month trend, its issued documents and its monthly reports. A facility outside
 * the division is the API's 404.
 */
export default function DivisionFacility() {
  const { t } = useI18n();
  const { me } = useAuth();
  const today = useToday();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const { facilityId = '' } = useParams();
  const [params] = useSearchParams();
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '')
    ? (params.get('month') as string)
    : today().subtract(1, 'month').format('YYYY-MM');
  const code = me?.divisionCode ?? '000000';
  const facility = useFacility(facilityId);
  const metrics = useFacilityMetrics(facilityId, month);
  const trend = useDivisionTrend(code, month, facilityId);
  const documents = useIssuedDocuments(facilityId);
  const reports = useFacilityMonthlyReports(facilityId);
  if (facility.error) return <Failed error={facility.error} retry={() => facility.refetch()} />;
  const f = facility.data;
  const mm = metrics.data;
  return (
    <>
      <PageTitle
        extra={
          <>
            <Button
              onClick={() =>
                download(`/api/facilities/${facilityId}/reports/compliance.pdf?month=${month}`, `compliance-${month}.pdf`).catch((e) =>
                  message.error(describe(e)),
                )
              }
            >
              {t.compliancePdf}
            </Button>
            <Link to={`/division?month=${month}`}>
              <Button>{t.dashBack}</Button>
            </Link>
          </>
        }
      >
        {t.dashFacilityTitle} <span data-data>{f?.name ?? ''}</span>
      </PageTitle>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card loading={facility.isLoading || metrics.isLoading}>
          {f && (
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <Secondary>
                {t[`type_${f.type}`]} · <span data-data>{f.divisionCode}</span> · <span data-data>{month}</span>
              </Secondary>
              {mm && (
                <Space size={[32, 12]} wrap data-testid="facility-figures">
                  <Statistic title={t.bedsInService} value={mm.bedsInService} />
                  <Statistic title={t.nursingRatio} value={pct(mm.nursingBedRatioPct)} />
                  <Statistic title={t.occupancy} value={pct(mm.occupancyPct)} />
                  <Statistic title={t.staffingCompliance} value={pct(mm.staffing.compliancePct)} />
                  <Statistic title={t.dashCertification} value={pct(mm.certification.pct)} />
                </Space>
              )}
            </Space>
          )}
        </Card>
        <Card title={heading(t.dashTrend)} loading={trend.isLoading}>
          {trend.data && (
            <Suspense fallback={<div style={{ height: 280 }} />}>
              <TrendChart months={trend.data.months} label={`${t.dashTrend} ${f?.name ?? ''}`} />
            </Suspense>
          )}
        </Card>
        <Card title={heading(t.dashMonthlyReports)} data-testid="facility-monthly-reports">
          <ScrollRegion label={t.dashMonthlyReports}>
            <Table
              rowKey="id"
              size="small"
              loading={reports.isLoading}
              dataSource={reports.data?.rows}
              pagination={{ pageSize: 12, hideOnSinglePage: true }}
              locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
              columns={[
                { title: t.dashMonth, dataIndex: 'month', render: (v: string) => <span data-data>{v}</span> },
                { title: t.dashSubmittedAt, dataIndex: 'submittedOn', render: (v: string) => <span data-data>{v}</span> },
                { title: t.number, dataIndex: 'seq', align: 'right' },
              ]}
            />
          </ScrollRegion>
        </Card>
        <Card title={heading(t.dashDocuments)} data-testid="facility-documents">
          <ScrollRegion label={t.dashDocuments}>
            <Table<IssuedDocument>
              rowKey="number"
              size="small"
              loading={documents.isLoading}
              dataSource={documents.data}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
              columns={[
                { title: t.number, dataIndex: 'number', render: (v: string) => <span data-data>{v}</span> },
                { title: t.kind, dataIndex: 'kind', render: (v: string) => t[`docKind${v}` as 'docKindCLAIM'] ?? v },
                { title: t.dashMonth, dataIndex: 'period', render: (v: string) => <span data-data>{v}</span> },
                { title: t.issuedAt, dataIndex: 'issuedAt', render: (v: string) => <span data-data>{v.slice(0, 10)}</span> },
              ]}
            />
          </ScrollRegion>
        </Card>
      </Space>
    </>
  );
}
