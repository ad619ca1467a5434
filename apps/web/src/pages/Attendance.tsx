import { Card, DatePicker, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useAttendance } from '../api/hooks/attendance';
import { Failed } from '../components/Failed';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n';
import { useToday } from '../today';
import { EmptyText, ScrollRegion, Toolbar } from './page-parts';

/** 日间照料签到表: the members of the day and when they came and left (docs/rules.md §4). */
export default function Attendance() {
  const { t } = useI18n();
  const today = useToday();
  const [date, setDate] = useState<Dayjs>(today);
  const sheet = useAttendance(date.format('YYYY-MM-DD'));
  if (sheet.error) return <Failed error={sheet.error} retry={() => sheet.refetch()} />;
  return (
    <>
      <PageTitle>{t.attendance}</PageTitle>
      <Card>
        <Toolbar>
          <DatePicker value={date} onChange={(d) => d && setDate(d)} allowClear={false} aria-label={t.date} />
        </Toolbar>
        <ScrollRegion label={t.attendance}>
          <Table
            rowKey="residentId"
            scroll={{ x: 'max-content' }}
            sticky
            loading={sheet.isLoading}
            dataSource={sheet.data}
            pagination={false}
            locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
            columns={[
              { title: t.name, dataIndex: 'name', render: (v: string) => <span data-data>{v}</span> },
              { title: t.checkIn, dataIndex: 'checkIn', render: (v: string | null) => v ?? <Tag>{t.notArrived}</Tag> },
              { title: t.checkOut, dataIndex: 'checkOut', render: (v) => v ?? '—' },
            ]}
          />
        </ScrollRegion>
      </Card>
    </>
  );
}
