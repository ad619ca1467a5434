import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Table, Tag } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, read } from '../api/client';
import { Failed } from '../App';
import { useI18n } from '../i18n';
import { today } from '../today';

interface Row { residentId: string; name: string; checkIn: string | null; checkOut: string | null }

/** 日间照料签到表: the members of the day and when they came and left (docs/rules.md §4). */
export default function Attendance() {
  const { facilityId = '' } = useParams();
  const { t } = useI18n();
  const [date, setDate] = useState<Dayjs>(today());
  const day = date.format('YYYY-MM-DD');
  const sheet = useQuery({ queryKey: ['attendance', facilityId, day], queryFn: () => read<Row[]>(api.GET('/api/facilities/{facilityId}/attendance', { params: { path: { facilityId }, query: { date: day } } })) });
  if (sheet.error) return <Failed error={sheet.error} retry={() => sheet.refetch()} />;
  return (
    <Card title={t.attendance} extra={<DatePicker value={date} onChange={(d) => d && setDate(d)} allowClear={false} />}>
      <Table rowKey="residentId" loading={sheet.isLoading} dataSource={sheet.data} pagination={false} locale={{ emptyText: t.empty }}
        columns={[
          { title: t.name, dataIndex: 'name' },
          { title: t.checkIn, dataIndex: 'checkIn', render: (v) => v ?? <Tag>未到</Tag> },
          { title: t.checkOut, dataIndex: 'checkOut', render: (v) => v ?? '—' },
        ]} />
    </Card>
  );
}
