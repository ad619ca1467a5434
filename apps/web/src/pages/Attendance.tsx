import { App, Button, Card, DatePicker, Input, Space, Table, Tag, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useErrorMessage } from '../api/errors';
import { type BulkAttendance, type SheetRow, useAttendance, useMarkAttendance } from '../api/hooks/attendance';
import { Failed } from '../components/Failed';
import { PageTitle } from '../components/PageTitle';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';
import { useTimeZone, useToday } from '../today';
import { EmptyText, Toolbar } from './page-parts';

const STATUS_COLOR: Record<SheetRow['status'], string> = { PRESENT: 'green', LEFT: 'blue', ABSENT: 'default' };

/** The time of day now in the facility's time zone, HH:mm. */
function nowIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());
}

/**
 * 日间照料签到表 (docs/rules.md §4): the members of a day, who is here, has left or is absent; 签到 and
 * 签退 one by one or for the members ticked (全部签到 / 全部签退), today by default, past days editable,
 * never a future day.
 */
export default function Attendance() {
  const { t } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const today = useToday();
  const timeZone = useTimeZone();
  const [date, setDate] = useState<Dayjs>(today);
  const [time, setTime] = useState<Dayjs>(() => dayjs(`2000-01-01T${nowIn(timeZone)}`));
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const day = date.format('YYYY-MM-DD');
  const sheet = useAttendance(day);
  const mark = useMarkAttendance(day);
  const canWrite = me?.role === 'FACILITY_MANAGER';
  const rows = useMemo(() => (sheet.data ?? []).filter((r) => !q.trim() || r.name.includes(q.trim())), [sheet.data, q]);
  const counts = useMemo(() => {
    const c = { PRESENT: 0, LEFT: 0, ABSENT: 0 };
    for (const r of sheet.data ?? []) c[r.status] += 1;
    return c;
  }, [sheet.data]);
  if (sheet.error) return <Failed error={sheet.error} retry={() => sheet.refetch()} />;

  const run = (move: 'in' | 'out', residentIds: string[]) => {
    setError(null);
    mark.mutate(
      { move, time: time.format('HH:mm'), residentIds },
      {
        onSuccess: (r: BulkAttendance) => {
          const done = (move === 'in' ? t.checkedInCount : t.checkedOutCount).replace('{n}', String(r.done.length));
          const skipped = r.skipped.length ? ` · ${t.skippedAlready.replace('{names}', r.skipped.map((s) => s.name).join('、'))}` : '';
          message.success(done + skipped);
          setSelected([]);
        },
        onError: (e) => setError(describe(e)),
      },
    );
  };
  const statusLabel: Record<SheetRow['status'], string> = { PRESENT: t.present, LEFT: t.left, ABSENT: t.absent };

  return (
    <>
      <PageTitle>{t.attendance}</PageTitle>
      <Card>
        <Toolbar>
          <DatePicker
            value={date}
            onChange={(d) => {
              if (!d) return;
              setDate(d);
              setSelected([]);
            }}
            allowClear={false}
            aria-label={t.date}
            disabledDate={(d) => d.isAfter(today(), 'day')}
            data-testid="attendance-date"
          />
          <Input.Search
            placeholder={t.searchName}
            aria-label={t.searchName}
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            style={{ width: 180 }}
          />
          {canWrite && (
            <>
              <TimePicker
                value={time}
                onChange={(v) => v && setTime(v)}
                format="HH:mm"
                allowClear={false}
                needConfirm={false}
                aria-label={t.attendanceTime}
                data-testid="attendance-time"
                style={{ width: 100 }}
              />
              <Button type="primary" disabled={selected.length === 0} loading={mark.isPending} onClick={() => run('in', selected)}>
                {t.bulkCheckIn}
              </Button>
              <Button disabled={selected.length === 0} loading={mark.isPending} onClick={() => run('out', selected)}>
                {t.bulkCheckOut}
              </Button>
            </>
          )}
        </Toolbar>
        <Space wrap style={{ marginBottom: 12 }} data-testid="attendance-counts">
          <Tag color="green">
            {t.present} {counts.PRESENT}
          </Tag>
          <Tag color="blue">
            {t.left} {counts.LEFT}
          </Tag>
          <Tag>
            {t.absent} {counts.ABSENT}
          </Tag>
          {canWrite && <span>{t.selectedCount.replace('{n}', String(selected.length))}</span>}
        </Space>
        {error && (
          <div style={{ marginBottom: 12 }}>
            <Typography.Text type="danger" role="alert" data-testid="server-error">
              {error}
            </Typography.Text>
          </div>
        )}
        {/* The sheet scrolls sideways in its own box on a phone. No antd `scroll`: its hidden measuring
            row would hold the selection checkboxes, focusable inside aria-hidden (axe). */}
        <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t.attendance}>
          <Table<SheetRow>
            rowKey="residentId"
            style={{ minWidth: 640 }}
            loading={sheet.isLoading}
            dataSource={rows}
            pagination={false}
            rowSelection={
              canWrite
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys as string[]),
                    preserveSelectedRowKeys: true,
                    getTitleCheckboxProps: () => ({ 'aria-label': t.bulkCheckIn }),
                    getCheckboxProps: (r) => ({ 'aria-label': r.name }),
                  }
                : undefined
            }
            locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
            columns={[
              { title: t.name, dataIndex: 'name', render: (v: string) => <span data-data>{v}</span> },
              {
                title: t.attendanceStatus,
                dataIndex: 'status',
                render: (s: SheetRow['status']) => (
                  <Tag color={STATUS_COLOR[s]} data-status={s}>
                    {statusLabel[s]}
                  </Tag>
                ),
              },
              { title: t.checkIn, dataIndex: 'checkIn', render: (v: string | null) => v ?? '—' },
              { title: t.checkOut, dataIndex: 'checkOut', render: (v: string | null) => v ?? '—' },
              ...(canWrite
                ? [
                    {
                      title: t.actions,
                      key: 'actions',
                      render: (_: unknown, r: SheetRow) =>
                        r.status === 'ABSENT' ? (
                          <Button size="small" onClick={() => run('in', [r.residentId])} aria-label={`${t.checkIn} ${r.name}`}>
                            {t.checkIn}
                          </Button>
                        ) : r.status === 'PRESENT' ? (
                          <Button size="small" onClick={() => run('out', [r.residentId])} aria-label={`${t.checkOut} ${r.name}`}>
                            {t.checkOut}
                          </Button>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
        </div>
      </Card>
    </>
  );
}
