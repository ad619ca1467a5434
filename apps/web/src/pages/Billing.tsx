import { App, Button, Card, Descriptions, Drawer, Grid, Input, List, Popconfirm, Select, Space, Statistic, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { yuan } from '@careops/care';
import type { BillLine, BillState, BillSummary } from '../api/billing';
import { useErrorMessage } from '../api/errors';
import { useBill, useBills, useIssueBill, useIssueMonth, useRunBills } from '../api/hooks/billing';
import { Failed } from '../components/Failed';
import { Loading } from '../components/Loading';
import { PageTitle } from '../components/PageTitle';
import { useBillingI18n } from '../i18n/billing';
import { useToday } from '../today';
import { BillingNav, billKindLabel, BillStateTag, fillText, H2, Money, useFacilityDownload } from './billing-parts';
import { EmptyText, ScrollRegion, Secondary, Toolbar } from './page-parts';
import { MonthPicker } from './MonthPicker';

/**
 * The bills of a month (docs/rules.md §9): run the month (idempotent: drafts recomputed, issued
 * bills untouched), issue one or all drafts, search; a bill opens in a drawer with its lines and
 * formulas. On a phone the bills are cards, not a wide table.
 */
export default function Billing() {
  const { facilityId = '' } = useParams();
  const { t } = useBillingI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const today = useToday();
  const phone = !Grid.useBreakpoint().md;
  const [month, setMonth] = useState<Dayjs>(() => today().subtract(1, 'month'));
  const [q, setQ] = useState('');
  const [state, setState] = useState<BillState | 'ALL'>('ALL');
  const [openId, setOpenId] = useState<string | null>(null);
  const m = month.format('YYYY-MM');
  const bills = useBills(m, q);
  const run = useRunBills();
  const issueMonth = useIssueMonth();
  const fetchFile = useFacilityDownload();
  const rows = (bills.data ?? []).filter((b) => state === 'ALL' || b.state === state);
  const drafts = (bills.data ?? []).filter((b) => b.state === 'DRAFT').length;
  const sum = (f: (b: BillSummary) => number) => rows.reduce((s, b) => s + f(b), 0);
  if (bills.error) return <Failed error={bills.error} retry={() => bills.refetch()} />;
  const runMonth = () =>
    run.mutate(m, {
      onSuccess: (r) => message.success(fillText(t.billRunDone, { created: r.created, updated: r.updated, unchanged: r.unchanged })),
      onError: (e) => message.error(describe(e)),
    });
  const issueAll = () =>
    issueMonth.mutate(m, {
      onSuccess: (r) => message.success(fillText(t.billIssuedDone, { n: r.issued })),
      onError: (e) => message.error(describe(e)),
    });
  return (
    <>
      <PageTitle>{t.billing}</PageTitle>
      <BillingNav />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          <Toolbar>
            <MonthPicker value={month} onChange={setMonth} label={t.month} testId="bill-month" />
            <Button type="primary" loading={run.isPending} onClick={runMonth} data-testid="bill-run">
              {t.billRun}
            </Button>
            <Popconfirm
              title={t.billIssueAll}
              description={<div style={{ maxWidth: 280 }}>{fillText(t.billIssueAllConfirm, { month: m })}</div>}
              okText={t.confirm}
              cancelText={t.cancel}
              onConfirm={issueAll}
              disabled={drafts === 0}
            >
              <Button disabled={drafts === 0} loading={issueMonth.isPending} data-testid="bill-issue-all">
                {t.billIssueAll}
                {drafts > 0 && ` (${drafts})`}
              </Button>
            </Popconfirm>
            <Button onClick={() => fetchFile(`bills/export.csv?month=${m}`, `bills-${m}.csv`)} data-testid="bill-export-csv">
              {t.billExportCsv}
            </Button>
            <Button onClick={() => fetchFile(`bills/export.xlsx?month=${m}`, `bills-${m}.xlsx`)} data-testid="bill-export-xlsx">
              {t.billExportXlsx}
            </Button>
          </Toolbar>
          <Toolbar>
            <Input.Search
              allowClear
              placeholder={t.billSearch}
              aria-label={t.billSearch}
              style={{ width: 240, maxWidth: '100%' }}
              onSearch={setQ}
              data-testid="bill-search"
            />
            <Select<BillState | 'ALL'>
              aria-label={t.state}
              value={state}
              onChange={setState}
              style={{ width: 130 }}
              options={[
                { value: 'ALL', label: t.billAllStates },
                ...(['DRAFT', 'ISSUED', 'PAID'] as const).map((s) => ({ value: s, label: t[`billState${s}`] })),
              ]}
              data-testid="bill-state-filter"
            />
          </Toolbar>
          <Space size={[32, 12]} wrap style={{ marginBottom: 12 }}>
            <Statistic title={t.billCount} value={rows.length} data-testid="bill-count" />
            <Statistic title={`${t.billTotal}${t.inYuan}`} value={yuan(sum((b) => b.totalFen))} data-testid="bill-sum-total" />
            <Statistic title={`${t.billPaid}${t.inYuan}`} value={yuan(sum((b) => b.paidFen))} />
            <Statistic title={`${t.billOpen}${t.inYuan}`} value={yuan(sum((b) => b.openFen))} data-testid="bill-sum-open" />
          </Space>
          {phone ? (
            <List<BillSummary>
              loading={bills.isLoading}
              dataSource={rows}
              locale={{ emptyText: <EmptyText>{bills.data?.length ? t.empty : t.billEmptyMonth}</EmptyText> }}
              pagination={rows.length > 20 ? { pageSize: 20, size: 'small' } : false}
              renderItem={(b) => (
                <List.Item style={{ padding: 0, border: 'none', marginBottom: 8 }}>
                  <Card
                    size="small"
                    hoverable
                    style={{ width: '100%' }}
                    onClick={() => setOpenId(b.id)}
                    data-testid={`bill-card-${b.residentName}`}
                  >
                    <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'baseline' }}>
                      <Button type="link" style={{ padding: 0, height: 'auto', fontWeight: 600 }} onClick={() => setOpenId(b.id)}>
                        <span data-data>{b.residentName}</span>
                      </Button>
                      <BillStateTag state={b.state} />
                    </div>
                    <Secondary>
                      <span data-data>{b.bedCode ?? '—'}</span> · <span data-data>{b.number}</span> · {billKindLabel(t, b.kind)}
                    </Secondary>
                    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', marginTop: 4 }}>
                      <span>
                        {t.billTotal} <Money fen={b.totalFen} strong />
                      </span>
                      <span>
                        {t.billOpen} <Money fen={b.openFen} />
                      </span>
                      {b.dueOn && (
                        <span>
                          {t.billDue} {b.dueOn}
                        </span>
                      )}
                    </div>
                  </Card>
                </List.Item>
              )}
            />
          ) : (
            <ScrollRegion label={t.billBills}>
              <Table<BillSummary>
                rowKey="id"
                size="middle"
                scroll={{ x: 'max-content' }}
                sticky
                loading={bills.isLoading}
                dataSource={rows}
                locale={{ emptyText: <EmptyText>{bills.data?.length ? t.empty : t.billEmptyMonth}</EmptyText> }}
                pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                data-testid="bill-table"
                columns={[
                  {
                    title: t.billResident,
                    dataIndex: 'residentName',
                    fixed: 'left',
                    render: (v: string, b) => (
                      <Button
                        type="link"
                        style={{ padding: 0, height: 'auto' }}
                        onClick={() => setOpenId(b.id)}
                        data-testid={`bill-row-${v}`}
                      >
                        <span data-data>{v}</span>
                      </Button>
                    ),
                  },
                  { title: t.bed, dataIndex: 'bedCode', render: (v: string | null) => <span data-data>{v ?? '—'}</span> },
                  { title: t.billNumber, dataIndex: 'number', render: (v: string) => <span data-data>{v}</span> },
                  { title: t.billKind, dataIndex: 'kind', render: (k: BillSummary['kind']) => billKindLabel(t, k) },
                  { title: `${t.billTotal}${t.inYuan}`, dataIndex: 'totalFen', align: 'right', render: (f: number) => <Money fen={f} /> },
                  { title: `${t.billPaid}${t.inYuan}`, dataIndex: 'paidFen', align: 'right', render: (f: number) => <Money fen={f} /> },
                  { title: `${t.billOpen}${t.inYuan}`, dataIndex: 'openFen', align: 'right', render: (f: number) => <Money fen={f} /> },
                  { title: t.state, dataIndex: 'state', render: (s: BillState) => <BillStateTag state={s} /> },
                  {
                    title: t.billDue,
                    dataIndex: 'dueOn',
                    render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{v ?? '—'}</span>,
                  },
                ]}
              />
            </ScrollRegion>
          )}
        </Card>
      </Space>
      {openId && <BillDrawer billId={openId} facilityId={facilityId} onClose={() => setOpenId(null)} onOpen={setOpenId} />}
    </>
  );
}

/** One bill: its lines with days, leave days, rate and the formula; issue a draft; the 缴费通知单 PDF. */
export function BillDrawer({
  billId,
  facilityId,
  onClose,
  onOpen,
}: {
  billId: string;
  facilityId: string;
  onClose: () => void;
  onOpen?: (id: string) => void;
}) {
  const { t } = useBillingI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const phone = !Grid.useBreakpoint().md;
  const bill = useBill(billId);
  const issue = useIssueBill();
  const fetchFile = useFacilityDownload();
  const b = bill.data;
  return (
    <Drawer
      open
      onClose={onClose}
      size={phone ? '100%' : 760}
      title={
        b ? (
          <>
            {t.billBills} <span data-data>{b.number}</span>
          </>
        ) : (
          t.billBills
        )
      }
      data-testid="bill-drawer"
      extra={
        b && (
          <Space wrap>
            {b.state === 'DRAFT' && (
              <Button
                type="primary"
                loading={issue.isPending}
                data-testid="bill-issue"
                onClick={() =>
                  issue.mutate(b.id, { onSuccess: () => message.success(t.saved), onError: (e) => message.error(describe(e)) })
                }
              >
                {t.billIssue}
              </Button>
            )}
          </Space>
        )
      }
    >
      {bill.isLoading && <Loading />}
      {bill.error && <Failed error={bill.error} retry={() => bill.refetch()} />}
      {b && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Toolbar>
            <Button onClick={() => fetchFile(`reports/bill/${b.id}.pdf`, `bill-${b.number}.pdf`)} data-testid="bill-pdf">
              {t.billNoticePdf}
            </Button>
            <Link to={`/f/${facilityId}/residents/${b.residentId}`} data-testid="bill-account-link">
              {t.billOpenAccount}
            </Link>
          </Toolbar>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { label: t.billResident, children: <span data-data>{b.residentName}</span> },
              { label: t.bed, children: <span data-data>{b.bedCode ?? '—'}</span> },
              { label: t.month, children: b.month },
              { label: t.billKind, children: billKindLabel(t, b.kind) },
              { label: t.state, children: <BillStateTag state={b.state} /> },
              { label: t.billDue, children: b.dueOn ?? '—' },
              ...(b.refersToId
                ? [
                    {
                      label: t.billRefersTo,
                      children: onOpen ? (
                        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(b.refersToId as string)}>
                          <span data-data>{b.refersToNumber ?? t.billBills}</span>
                        </Button>
                      ) : (
                        <span data-data>{b.refersToNumber ?? '—'}</span>
                      ),
                    },
                  ]
                : []),
              { label: `${t.billTotal}${t.inYuan}`, children: <Money fen={b.totalFen} strong /> },
              { label: `${t.billPaid}${t.inYuan}`, children: <Money fen={b.paidFen} /> },
              { label: `${t.billOpen}${t.inYuan}`, children: <Money fen={b.openFen} /> },
              ...(b.subsidyCreditFen
                ? [{ label: `${t.billSubsidyCredit}${t.inYuan}`, children: <Money fen={-b.subsidyCreditFen} /> }]
                : []),
              ...(b.leaves.length
                ? [
                    {
                      label: t.billLeavesInMonth,
                      children: (
                        <span data-testid="bill-leaves">{b.leaves.map((l) => `${l.from} – ${l.to}`).join(t.regListSeparator)}</span>
                      ),
                    },
                  ]
                : []),
              {
                label: `${t.billBalance}${t.inYuan}`,
                children: (
                  <span>
                    <Money fen={b.account.balanceFen} /> · {t.billDeposit} <Money fen={b.account.depositFen} /> · {t.billPrepayment}{' '}
                    <Money fen={b.account.prepaymentFen} />
                  </span>
                ),
              },
            ]}
          />
          <Card size="small" title={<h2 style={H2}>{t.billLines}</h2>}>
            <ScrollRegion label={t.billLines}>
              <Table<BillLine>
                rowKey={(l, i) => `${l.code}-${i}`}
                size="small"
                scroll={{ x: 'max-content' }}
                pagination={false}
                dataSource={b.lines}
                data-testid="bill-lines"
                locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
                columns={[
                  { title: t.billItem, dataIndex: 'item', render: (v: string) => <span data-data>{v}</span> },
                  { title: t.days, dataIndex: 'days', align: 'right', render: (v: number | null) => v ?? '—' },
                  { title: t.billLeaveDays, dataIndex: 'leaveDays', align: 'right', render: (v: number | null) => (v ? v : '—') },
                  { title: `${t.billRate}${t.inYuan}`, dataIndex: 'rateFen', align: 'right', render: (f: number) => <Money fen={f} /> },
                  { title: t.billQuantity, dataIndex: 'quantity', align: 'right', render: (v: number | null) => v ?? '—' },
                  { title: `${t.amount}${t.inYuan}`, dataIndex: 'amountFen', align: 'right', render: (f: number) => <Money fen={f} /> },
                  {
                    title: t.formula,
                    dataIndex: 'formula',
                    render: (v: string | null) => (
                      <span data-data style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                        {v ?? '—'}
                      </span>
                    ),
                  },
                ]}
              />
            </ScrollRegion>
          </Card>
        </Space>
      )}
    </Drawer>
  );
}
