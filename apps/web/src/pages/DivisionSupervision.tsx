import { App, Button, Card, Space, Statistic, Table, Tag } from 'antd';
import { INDICATORS, type Indicator, isRatioIndicator, type MonthlyReportState, printPct as pct } from '@careops/care';
import { type DivisionReportRow, type TaskCell, type TaskRow, useDivisionReports, useTaskList } from '../api/hooks/supervision';
import { download } from '../api/client';
import { useErrorMessage } from '../api/errors';
import { Failed } from '../components/Failed';
import { useI18n } from '../i18n';
import { REPORT_STATE_COLOR } from './MonthlyReportCard';
import { EmptyText, ScrollRegion, Secondary } from './page-parts';

const heading = (text: string) => <h2 style={{ fontSize: 15, fontWeight: 600, margin: 0 }}>{text}</h2>;

/** A division named beside its code. */
function DivisionLabel({ code, name }: { code: string; name: string | null | undefined }) {
  return (
    <span data-data>
      {name ?? code} <Secondary>{code}</Secondary>
    </span>
  );
}

/** One indicator of a row: done / target, then 占比 and 缺口 (a ratio's in percentage points). */
function Cell({ cell, ratio }: { cell: TaskCell; ratio: boolean }) {
  const { t } = useI18n();
  const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : ratio ? pct(v) : String(v));
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <span data-data>
        {num(cell.done)} / {num(cell.target)}
      </span>
      {cell.pct !== null && (
        <Secondary style={{ display: 'block' }}>
          {pct(cell.pct)} · {t.taskGap} <span data-data>{cell.gap ?? '—'}</span>
        </Secondary>
      )}
    </span>
  );
}

/**
 * The regulator's 月报 and 重点任务 (docs/rules.md §11) for the division: each facility's report state of
 * the month with the on-time rate, and the task list of the month's year per child division.
 */
export function DivisionSupervision({ code, month }: { code: string; month: string }) {
  const { t } = useI18n();
  const year = Number(month.slice(0, 4));
  const reports = useDivisionReports(code, month);
  const tasks = useTaskList(code, year);
  const { message } = App.useApp();
  const describe = useErrorMessage();
  /** The bureau's PDFs of docs/rules.md §11: the 通报 of the month, the 重点任务清单 of its year. */
  const pdf = (path: string, name: string, label: string, testId: string) => (
    <Button size="small" data-testid={testId} onClick={() => download(path, name).catch((e) => message.error(describe(e)))}>
      {label}
    </Button>
  );
  if (reports.error) return <Failed error={reports.error} retry={() => reports.refetch()} />;
  if (tasks.error) return <Failed error={tasks.error} retry={() => tasks.refetch()} />;
  const taskRows: (TaskRow & { key: string; isTotal?: boolean })[] = tasks.data
    ? [...tasks.data.rows.map((r) => ({ ...r, key: r.divisionCode })), { ...tasks.data.total, key: 'total', isTotal: true }]
    : [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={heading(t.monthlyReport)}
        loading={reports.isLoading}
        data-testid="division-reports"
        extra={pdf(`/api/divisions/${code}/bulletin.pdf?month=${month}`, `bulletin-${code}-${month}.pdf`, t.bulletinPdf, 'bulletin-pdf')}
      >
        {reports.data && (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Space size={[32, 12]} wrap>
              <Statistic title={t.onTimeRate} value={pct(reports.data.onTimeRate)} />
              {(['ON_TIME', 'LATE', 'MISSING', 'DUE'] as const).map((s) => (
                <Statistic key={s} title={t[`reportState${s}`]} value={reports.data.counts[s]} />
              ))}
            </Space>
            <ScrollRegion label={t.monthlyReport}>
              <Table<DivisionReportRow>
                rowKey="facilityId"
                size="small"
                scroll={{ x: 'max-content' }}
                dataSource={reports.data.rows}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
                onRow={(r) => ({ 'data-testid': `report-${r.facilityId}` }) as React.HTMLAttributes<HTMLElement>}
                columns={[
                  { title: t.facility, dataIndex: 'name', render: (v: string) => <span data-data>{v}</span> },
                  {
                    title: t.taskDivision,
                    dataIndex: 'divisionCode',
                    render: (v: string, r) => <DivisionLabel code={v} name={r.divisionName} />,
                  },
                  {
                    title: t.monthlyReport,
                    dataIndex: 'state',
                    render: (s: MonthlyReportState) => <Tag color={REPORT_STATE_COLOR[s]}>{t[`reportState${s}`]}</Tag>,
                  },
                  {
                    title: t.monthlyReportSubmittedAt,
                    dataIndex: 'submittedAt',
                    render: (v: string | null) => <span data-data>{v ? new Date(v).toLocaleString('zh-CN', { hour12: false }) : '—'}</span>,
                  },
                  { title: t.resubmissions, dataIndex: 'resubmissions', align: 'right' },
                ]}
              />
            </ScrollRegion>
          </Space>
        )}
      </Card>
      <Card
        title={heading(`${t.keyTasks} ${year}`)}
        loading={tasks.isLoading}
        data-testid="division-tasks"
        extra={pdf(`/api/divisions/${code}/tasks.pdf?year=${year}`, `tasks-${code}-${year}.pdf`, t.taskListPdf, 'tasks-pdf')}
      >
        <ScrollRegion label={t.keyTasks}>
          <Table<TaskRow & { key: string; isTotal?: boolean }>
            rowKey="key"
            size="small"
            scroll={{ x: 'max-content' }}
            dataSource={taskRows}
            pagination={false}
            locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
            onRow={(r) =>
              ({
                'data-testid': `task-${r.key}`,
                style: r.isTotal ? { fontWeight: 600, background: '#fafafa' } : undefined,
              }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              {
                title: t.taskDivision,
                dataIndex: 'divisionCode',
                fixed: 'left',
                render: (v: string, r) => (r.isTotal ? t.total : <DivisionLabel code={v} name={r.divisionName} />),
              },
              ...INDICATORS.map((i: Indicator) => ({
                title: t[`indicator${i}`],
                key: i,
                render: (_: unknown, r: TaskRow) => <Cell cell={r.indicators[i]} ratio={isRatioIndicator(i)} />,
              })),
            ]}
          />
        </ScrollRegion>
      </Card>
    </Space>
  );
}
