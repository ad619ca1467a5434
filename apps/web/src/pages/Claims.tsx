import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Space, Table, Tag } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, read } from '../api/client';
import { type ClaimSummary, yuan } from '../api/types';
import { Failed } from '../App';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';

export const STATE_COLOURS: Record<string, string> = { DRAFT: 'default', SUBMITTED: 'processing', APPROVED: 'success', REJECTED: 'error', PAID: 'green' };

/** The accountant's month (DOMAIN.md §5): claims by month with their state; generate the month's draft. */
export default function Claims() {
  const { facilityId = '' } = useParams();
  const { t } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const claims = useQuery({ queryKey: ['claims', facilityId], queryFn: () => read<ClaimSummary[]>(api.GET('/api/facilities/{facilityId}/claims', { params: { path: { facilityId } } })) });
  const generate = useMutation({
    mutationFn: () => read<{ id: string }>(api.POST('/api/facilities/{facilityId}/claims', { params: { path: { facilityId } }, body: { month: month.format('YYYY-MM') } })),
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
      <DatePicker picker="month" value={month} onChange={(d) => d && setMonth(d)} allowClear={false} data-testid="claim-month" />
      <Button type="primary" loading={generate.isPending} onClick={() => generate.mutate()} data-testid="generate">{t.generate}</Button>
    </Space>}>
      <Table rowKey="id" loading={claims.isLoading} dataSource={claims.data} locale={{ emptyText: t.empty }} pagination={{ pageSize: 12 }}
        columns={[
          { title: t.month, dataIndex: 'month' },
          { title: t.number, dataIndex: 'number', render: (n, c) => <Link to={`/f/${facilityId}/claims/${c.id}`}>{n}</Link> },
          { title: t.state, dataIndex: 'state', render: (s: string) => <Tag color={STATE_COLOURS[s]}>{t[s as 'DRAFT']}</Tag> },
          { title: `${t.total}（元）`, dataIndex: 'totalFen', align: 'right', render: (f: number) => yuan(f) },
        ]} />
    </Card>
  );
}
