import { App, Button, Card, DatePicker, Space, Statistic, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { yuan } from '@careops/care';
import { ARREARS_BUCKETS, type ArrearsBucket, type ArrearsRow, type PendingSettlement } from '../api/billing';
import { useErrorMessage } from '../api/errors';
import { useArrears, usePendingSettlements, useRemind } from '../api/hooks/billing';
import { Failed } from '../components/Failed';
import { PageTitle } from '../components/PageTitle';
import { useBillingI18n } from '../i18n/billing';
import { localTime, useTimeZone, useToday } from '../today';
import { BillingNav, fillText, H2, Money, useFacilityDownload } from './billing-parts';
import { SettleDialog } from './AccountCard';
import { EmptyText, ScrollRegion, Toolbar } from './page-parts';

const BUCKET_COLOURS: Record<ArrearsBucket, string> = { D0_30: 'default', D31_60: 'gold', D61_90: 'orange', OVER_90: 'red' };

/**
 * 欠费 (docs/rules.md §9): open bills aged by days past their due date as of a day, in the buckets
 * 0–30, 31–60, 61–90 and over 90; select residents and record a reminder; export. Below, the
 * discharged residents with money held or owed (待结算), each settled from here.
 */
export default function BillingArrears() {
  const { facilityId = '' } = useParams();
  const { t } = useBillingI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const today = useToday();
  const timeZone = useTimeZone();
  const [asOf, setAsOf] = useState<Dayjs>(() => today());
  const [selected, setSelected] = useState<string[]>([]);
  const [settling, setSettling] = useState<PendingSettlement | null>(null);
  const day = asOf.format('YYYY-MM-DD');
  const arrears = useArrears(day);
  const pending = usePendingSettlements();
  const remind = useRemind();
  const fetchFile = useFacilityDownload();
  if (arrears.error) return <Failed error={arrears.error} retry={() => arrears.refetch()} />;
  const a = arrears.data;
  const send = () =>
    remind.mutate(selected, {
      onSuccess: (r) => {
        message.success(fillText(t.billReminded, { n: r.reminded }));
        setSelected([]);
      },
      onError: (e) => message.error(describe(e)),
    });
  return (
    <>
      <PageTitle>{t.billArrears}</PageTitle>
      <BillingNav />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          <Toolbar>
            <DatePicker
              value={asOf}
              onChange={(d) => d && setAsOf(d)}
              allowClear={false}
              aria-label={t.billAsOf}
              data-testid="arrears-as-of"
            />
            <Button type="primary" disabled={!selected.length} loading={remind.isPending} onClick={send} data-testid="arrears-remind">
              {t.billRemind}
              {selected.length > 0 && ` (${selected.length})`}
            </Button>
            <Button onClick={() => fetchFile(`billing/arrears/export.csv?asOf=${day}`, `arrears-${day}.csv`)} data-testid="arrears-csv">
              {t.billExportCsv}
            </Button>
            <Button onClick={() => fetchFile(`billing/arrears/export.xlsx?asOf=${day}`, `arrears-${day}.xlsx`)} data-testid="arrears-xlsx">
              {t.billExportXlsx}
            </Button>
          </Toolbar>
          <Space size={[32, 12]} wrap style={{ marginBottom: 12 }} data-testid="arrears-buckets">
            {ARREARS_BUCKETS.map((b) => (
              <Statistic
                key={b}
                title={`${t[`billBucket${b}`]}${t.inYuan}`}
                value={yuan(a?.buckets[b] ?? 0)}
                data-testid={`arrears-bucket-${b}`}
                loading={arrears.isLoading}
              />
            ))}
            <Statistic
              title={`${t.total}${t.inYuan}`}
              value={yuan(a?.totalFen ?? 0)}
              data-testid="arrears-total"
              loading={arrears.isLoading}
            />
          </Space>
          <ScrollRegion label={t.billArrears}>
            <Table<ArrearsRow>
              rowKey="residentId"
              size="middle"
              scroll={{ x: 'max-content' }}
              loading={arrears.isLoading}
              dataSource={a?.rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
              rowSelection={{
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                columnTitle: undefined,
                getCheckboxProps: (r) => ({ 'aria-label': r.residentName }) as object,
              }}
              data-testid="arrears-table"
              columns={[
                {
                  title: t.billResident,
                  dataIndex: 'residentName',
                  render: (v: string, r) => (
                    <Link to={`/f/${facilityId}/residents/${r.residentId}`} data-data data-testid={`arrears-row-${v}`}>
                      {v}
                    </Link>
                  ),
                },
                { title: t.bed, dataIndex: 'bedCode', render: (v: string | null) => <span data-data>{v ?? '—'}</span> },
                {
                  title: t.regStatus,
                  dataIndex: 'status',
                  render: (s: string) => {
                    const key = `regStatus${s}` as keyof typeof t;
                    return key in t ? t[key] : s;
                  },
                },
                {
                  title: `${t.billOpen}${t.inYuan}`,
                  dataIndex: 'openFen',
                  align: 'right',
                  render: (f: number) => <Money fen={f} strong />,
                },
                {
                  title: t.billOldestDue,
                  dataIndex: 'oldestDueOn',
                  render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
                },
                { title: t.billDaysPastDue, dataIndex: 'daysPastDue', align: 'right' },
                {
                  title: t.billBucket,
                  dataIndex: 'bucket',
                  render: (b: ArrearsBucket) => (
                    <Tag color={BUCKET_COLOURS[b]} style={{ marginInlineEnd: 0 }}>
                      {t[`billBucket${b}`]}
                    </Tag>
                  ),
                },
                { title: t.billCount, key: 'bills', align: 'right', render: (_: unknown, r) => r.bills.length },
                {
                  title: t.billLastReminder,
                  dataIndex: 'lastReminderAt',
                  render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{v ? localTime(v, timeZone) : '—'}</span>,
                },
              ]}
            />
          </ScrollRegion>
        </Card>
        <PendingSettlementsCard onSettle={setSettling} rows={pending.data} loading={pending.isLoading} />
      </Space>
      {settling && <SettleDialog pending={settling} onClose={() => setSettling(null)} />}
    </>
  );
}

/** 待结算: discharged residents with a deposit, a prepayment or a debt still open (docs/rules.md §9). */
function PendingSettlementsCard({
  rows,
  loading,
  onSettle,
}: {
  rows: PendingSettlement[] | undefined;
  loading: boolean;
  onSettle: (p: PendingSettlement) => void;
}) {
  const { t } = useBillingI18n();
  const { facilityId = '' } = useParams();
  return (
    <Card size="small" title={<h2 style={H2}>{t.billPending}</h2>} data-testid="pending-settlements">
      <ScrollRegion label={t.billPending}>
        <Table<PendingSettlement>
          rowKey="admissionId"
          size="small"
          scroll={{ x: 'max-content' }}
          loading={loading}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: <EmptyText>{t.billPendingEmpty}</EmptyText> }}
          columns={[
            {
              title: t.billResident,
              dataIndex: 'residentName',
              render: (v: string, r) => (
                <Link to={`/f/${facilityId}/residents/${r.residentId}`} data-data>
                  {v}
                </Link>
              ),
            },
            {
              title: t.billDischargedOn,
              dataIndex: 'dischargedOn',
              render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
            },
            { title: `${t.billDeposit}${t.inYuan}`, dataIndex: 'depositFen', align: 'right', render: (f: number) => <Money fen={f} /> },
            {
              title: `${t.billPrepayment}${t.inYuan}`,
              dataIndex: 'prepaymentFen',
              align: 'right',
              render: (f: number) => <Money fen={f} />,
            },
            { title: `${t.billOwed}${t.inYuan}`, dataIndex: 'owedFen', align: 'right', render: (f: number) => <Money fen={f} /> },
            {
              title: t.actions,
              key: 'settle',
              render: (_: unknown, r) => (
                <Button size="small" danger onClick={() => onSettle(r)} data-testid={`pending-settle-${r.residentName}`}>
                  {t.billSettle}
                </Button>
              ),
            },
          ]}
        />
      </ScrollRegion>
    </Card>
  );
}
