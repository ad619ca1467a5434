import { Alert, App, Button, Card, List } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { download } from '../api/client';
import { useErrorMessage } from '../api/errors';
import { useFacility } from '../api/hooks/facilities';
import { Loading } from '../components/Loading';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n';
import { useToday } from '../today';
import { MonthlyReportCard } from './MonthlyReportCard';
import { Secondary, Toolbar } from './page-parts';
import { MonthPicker } from './MonthPicker';

/**
 * The facility's monthly documents (docs/rules.md §8) for a chosen month: a care home's compliance
 * report and 月度运营报表, a day center's own report. A month not ended gives a 预估 draft.
 */
export default function Reports() {
  const { facilityId = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const today = useToday();
  const facility = useFacility(facilityId);
  const [month, setMonth] = useState<Dayjs>(() => today().subtract(1, 'month'));
  const [busy, setBusy] = useState<string | null>(null);
  if (facility.isLoading || !facility.data) return <Loading />;
  const m = month.format('YYYY-MM');
  const documents =
    facility.data.type === 'DAY_CENTER'
      ? [{ key: 'day-center', title: t.dayCenterPdf }]
      : [
          { key: 'compliance', title: t.compliancePdf },
          { key: 'operations', title: t.operationsPdf },
        ];
  const fetchReport = (key: string, title: string) => {
    setBusy(key);
    download(`/api/facilities/${facilityId}/reports/${key}.pdf?month=${m}`, `${title}-${facility.data?.name ?? ''}-${m}.pdf`)
      .catch((e) => message.error(describe(e)))
      .finally(() => setBusy(null));
  };
  return (
    <>
      <PageTitle>{t.reports}</PageTitle>
      <Card>
        <Toolbar>
          <MonthPicker value={month} onChange={setMonth} label={t.reportMonth} testId="report-month" />
        </Toolbar>
        {month.isSame(today(), 'month') && <Alert type="warning" showIcon message={t.reportEstimate} style={{ marginBottom: 12 }} />}
        <List
          dataSource={documents}
          renderItem={(d) => (
            <List.Item
              actions={[
                <Button
                  key="pdf"
                  icon={<FilePdfOutlined aria-hidden />}
                  loading={busy === d.key}
                  onClick={() => fetchReport(d.key, d.title)}
                  data-testid={`report-${d.key}`}
                  aria-label={`${t.downloadPdf} ${d.title}`}
                >
                  {t.downloadPdf}
                </Button>,
              ]}
            >
              <List.Item.Meta title={d.title} description={<Secondary>{m}</Secondary>} />
            </List.Item>
          )}
        />
      </Card>
      <MonthlyReportCard month={m} />
    </>
  );
}
