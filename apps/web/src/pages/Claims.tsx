import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Select, Space, Table, Tag } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type Programme, PROGRAMME_CLAIMANTS, PROGRAMME_LABELS, PROGRAMMES } from '@careops/care';
import { api, ApiError, read } from '../api/client';
import { type ClaimSummary, type Facility, type Job, yuan } from '../api/types';
import { Failed } from '../App';
import { JobButton } from '../components/JobButton';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';
import { today } from '../today';

const PROGRAMMES_EN: Record<Programme, string> = { INSTITUTIONAL_CARE: 'Institutional care', HOME_CARE_BED: 'Home-care beds', DAY_CENTER_OPERATION: 'Day-center operation' };

/** A programme's name as the user reads it (docs/rules.md §5; the Chinese names are the API's). */
export const programmeLabel = (p: string, lang: 'zh' | 'en') => (lang === 'zh' ? PROGRAMME_LABELS[p as Programme] : PROGRAMMES_EN[p as Programme]) ?? p;

export const STATE_COLOURS: Record<string, string> = { DRAFT: 'default', SUBMITTED: 'processing', APPROVED: 'success', REJECTED: 'error', PAID: 'green' };

/** The accountant's month (docs/rules.md §5): claims by month with their state; generate the month's draft. */
export default function Claims() {
  const { facilityId = '' } = useParams();
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const facility = useQuery({ queryKey: ['facility', facilityId], queryFn: () => read<Facility>(api.GET('/api/facilities/{facilityId}', { params: { path: { facilityId } } })) });
  // What this kind of facility claims (docs/rules.md §5), the same table the API refuses others by.
  const choices = PROGRAMMES.filter((p) => !facility.data || PROGRAMME_CLAIMANTS[p].includes(facility.data.type));
  const [chosen, setProgramme] = useState<Programme | null>(null);
  const programme = chosen ?? choices[0] ?? 'INSTITUTIONAL_CARE';
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [month, setMonth] = useState<Dayjs>(today().subtract(1, 'month'));
  const claims = useQuery({ queryKey: ['claims', facilityId], queryFn: () => read<ClaimSummary[]>(api.GET('/api/facilities/{facilityId}/claims', { params: { path: { facilityId } } })) });
  const generate = useMutation({
    mutationFn: () => read<{ id: string }>(api.POST('/api/facilities/{facilityId}/claims', { params: { path: { facilityId } }, body: { month: month.format('YYYY-MM'), programme } })),
    onSuccess: async (c) => {
      await client.invalidateQueries({ queryKey: ['claims', facilityId] });
      navigate(`/f/${facilityId}/claims/${c.id}`);
    },
    onError: (e) => message.error(e instanceof ApiError ? e.message : String(e)),
  });
  if (claims.error) return <Failed error={claims.error} retry={() => claims.refetch()} />;
  const canWrite = me?.role === 'ACCOUNTANT' || me?.role === 'PLATFORM_ADMIN';
  return (
    <Card title={t.claims} extra={canWrite && <Space>
      <Select value={programme} onChange={setProgramme} style={{ width: 190 }} options={choices.map((value) => ({ value, label: programmeLabel(value, lang) }))} data-testid="claim-programme" />
      <DatePicker picker="month" value={month} onChange={(d) => d && setMonth(d)} allowClear={false} data-testid="claim-month" />
      <Button type="primary" loading={generate.isPending} onClick={() => generate.mutate()} data-testid="generate">{t.generate}</Button>
    </Space>}>
      <div style={{ marginBottom: 12, textAlign: 'right' }}>
        <JobButton label={`${month.format('YYYY')} ${lang === 'zh' ? '全年申领表（ZIP）' : 'claims of the year (ZIP)'}`} testId="year-zip" fileName={`claims-${month.format('YYYY')}.zip`}
          start={() => read<Job>(api.POST('/api/facilities/{facilityId}/reports/claim-jobs', { params: { path: { facilityId } }, body: { year: month.year() } }))} />
      </div>
      <Table rowKey="id" loading={claims.isLoading} dataSource={claims.data} locale={{ emptyText: t.empty }} pagination={{ pageSize: 12 }}
        columns={[
          { title: t.month, dataIndex: 'month' },
          { title: t.number, dataIndex: 'number', render: (n, c) => <Link to={`/f/${facilityId}/claims/${c.id}`}>{n}</Link> },
          { title: lang === 'zh' ? '补贴项目' : 'Programme', dataIndex: 'programme', render: (p: string) => programmeLabel(p, lang) },
          { title: t.state, dataIndex: 'state', render: (s: string) => <Tag color={STATE_COLOURS[s]}>{t[s as 'DRAFT']}</Tag> },
          { title: `${t.total}（元）`, dataIndex: 'totalFen', align: 'right', render: (f: number) => yuan(f) },
        ]} />
    </Card>
  );
}
