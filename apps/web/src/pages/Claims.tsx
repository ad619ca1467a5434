import { App, Button, Card, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type Programme, PROGRAMME_CLAIMANTS, PROGRAMMES, yuan } from '@careops/care';
import { useErrorMessage } from '../api/errors';
import { useClaims, useGenerateClaim, useStartClaimsYearJob } from '../api/hooks/claims';
import { useFacility } from '../api/hooks/facilities';
import { useAuth } from '../auth';
import { Failed } from '../components/Failed';
import { PageTitle } from '../components/PageTitle';
import { JobButton } from '../components/JobButton';
import { useI18n } from '../i18n';
import { useToday } from '../today';
import { canClaim, programmeLabel, STATE_COLOURS } from './claim-labels';
import { EmptyText, ScrollRegion, Toolbar } from './page-parts';
import { MonthPicker } from './MonthPicker';

/** The accountant's month (docs/rules.md §5): claims by month with their state; generate the month's draft. */
export default function Claims() {
  const { facilityId = '' } = useParams();
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const facility = useFacility(facilityId);
  // What this kind of facility claims (docs/rules.md §5), the same table the API refuses others by.
  // Its own programme first: a day center's is the operating subsidy, not home-care beds.
  const choices = PROGRAMMES.filter((p) => !facility.data || PROGRAMME_CLAIMANTS[p].includes(facility.data.type)).sort(
    (a, b) =>
      Number(b === 'DAY_CENTER_OPERATION' && facility.data?.type === 'DAY_CENTER') -
      Number(a === 'DAY_CENTER_OPERATION' && facility.data?.type === 'DAY_CENTER'),
  );
  const [chosen, setProgramme] = useState<Programme | null>(null);
  const programme = chosen ?? choices[0] ?? 'INSTITUTIONAL_CARE';
  const { message } = App.useApp();
  const navigate = useNavigate();
  const describe = useErrorMessage();
  const today = useToday();
  const [month, setMonth] = useState<Dayjs>(() => today().subtract(1, 'month'));
  const claims = useClaims();
  const generate = useGenerateClaim();
  const startYearJob = useStartClaimsYearJob();
  const generateDraft = () =>
    generate.mutate(
      { month: month.format('YYYY-MM'), programme },
      {
        onSuccess: (c) => navigate(`/f/${facilityId}/claims/${c.id}`),
        onError: (e) => message.error(describe(e)),
      },
    );
  if (claims.error) return <Failed error={claims.error} retry={() => claims.refetch()} />;
  const canWrite = canClaim(me, facility.data);
  return (
    <>
      <PageTitle>{t.claims}</PageTitle>
      <Card>
        <Toolbar>
          {canWrite && (
            <>
              <Select
                value={programme}
                onChange={setProgramme}
                style={{ width: 190 }}
                aria-label={t.programme}
                options={choices.map((value) => ({ value, label: programmeLabel(value, lang) }))}
                data-testid="claim-programme"
              />
              <MonthPicker value={month} onChange={setMonth} label={t.claimMonth} testId="claim-month" />
              <Button type="primary" loading={generate.isPending} onClick={generateDraft} data-testid="generate">
                {t.generate}
              </Button>
              {month.isSame(today(), 'month') && <Tag color="gold">{t.estimate}</Tag>}
            </>
          )}
          <JobButton
            label={`${month.format('YYYY')} ${t.yearZip}`}
            testId="year-zip"
            fileName={`claims-${month.format('YYYY')}.zip`}
            start={() => startYearJob(month.year())}
          />
        </Toolbar>
        {/* docs/rules.md §5: the table scrolls sideways in its own box on a phone, never the page. */}
        <ScrollRegion label={t.claims}>
          <Table
            rowKey="id"
            scroll={{ x: 'max-content' }}
            sticky
            loading={claims.isLoading}
            dataSource={claims.data}
            locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
            pagination={{ pageSize: 12 }}
            columns={[
              { title: t.month, dataIndex: 'month' },
              {
                title: t.number,
                dataIndex: 'number',
                render: (n, c) => (
                  <Link to={`/f/${facilityId}/claims/${c.id}`} data-data>
                    {n}
                  </Link>
                ),
              },
              { title: t.programme, dataIndex: 'programme', render: (p: string) => programmeLabel(p, lang) },
              {
                title: t.state,
                dataIndex: 'state',
                render: (s: string, c) => (
                  <>
                    <Tag color={STATE_COLOURS[s]}>{t[s as 'DRAFT']}</Tag>
                    {c.estimate && <Tag color="gold">{t.estimate}</Tag>}
                  </>
                ),
              },
              { title: `${t.total}${t.inYuan}`, dataIndex: 'totalFen', align: 'right', render: (f: number) => yuan(f) },
            ]}
          />
        </ScrollRegion>
      </Card>
    </>
  );
}
