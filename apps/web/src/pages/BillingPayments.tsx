import { Button, Card, DatePicker, Input, Space, Statistic, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { yuan } from '@careops/care';
import type { Payment, PaymentMethod } from '../api/billing';
import { usePayments } from '../api/hooks/billing';
import { Failed } from '../components/Failed';
import { PageTitle } from '../components/PageTitle';
import { useBillingI18n } from '../i18n/billing';
import { useToday } from '../today';
import { BillingNav, Money, useFacilityDownload } from './billing-parts';
import { EmptyText, ScrollRegion, Toolbar } from './page-parts';

/** 收款记录 (docs/rules.md §9): payments and deposits of a period, searched by name or receipt number, with their 收据 and the exports. */
export default function BillingPayments() {
  const { facilityId = '' } = useParams();
  const { t } = useBillingI18n();
  const today = useToday();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [today().startOf('month'), today()]);
  const [q, setQ] = useState('');
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  // The API's `to` is exclusive: the day after the last one chosen.
  const until = range[1].add(1, 'day').format('YYYY-MM-DD');
  const payments = usePayments(from, until, q);
  const fetchFile = useFacilityDownload();
  if (payments.error) return <Failed error={payments.error} retry={() => payments.refetch()} />;
  const rows = payments.data ?? [];
  return (
    <>
      <PageTitle>{t.billPayments}</PageTitle>
      <BillingNav />
      <Card>
        <Toolbar>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(r) => r?.[0] && r[1] && setRange([r[0], r[1]])}
            aria-label={t.billPeriod}
            style={{ maxWidth: '100%' }}
            data-testid="payments-range"
          />
          <Input.Search
            allowClear
            placeholder={t.billPaymentsSearch}
            aria-label={t.billPaymentsSearch}
            style={{ width: 220, maxWidth: '100%' }}
            onSearch={setQ}
            data-testid="payments-search"
          />
          <Button
            onClick={() => fetchFile(`payments/export.csv?from=${from}&to=${until}`, `payments-${from}-${to}.csv`)}
            data-testid="payments-csv"
          >
            {t.billExportCsv}
          </Button>
          <Button
            onClick={() => fetchFile(`payments/export.xlsx?from=${from}&to=${until}`, `payments-${from}-${to}.xlsx`)}
            data-testid="payments-xlsx"
          >
            {t.billExportXlsx}
          </Button>
        </Toolbar>
        <Space size={[32, 12]} wrap style={{ marginBottom: 12 }}>
          <Statistic title={t.billPaymentCount} value={rows.length} />
          <Statistic
            title={`${t.billPaymentsTotal}${t.inYuan}`}
            value={yuan(rows.reduce((s, p) => s + p.amountFen, 0))}
            data-testid="payments-total"
          />
        </Space>
        <ScrollRegion label={t.billPayments}>
          <Table<Payment>
            rowKey="id"
            size="middle"
            scroll={{ x: 'max-content' }}
            loading={payments.isLoading}
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
            data-testid="payments-table"
            columns={[
              {
                title: t.billReceivedOn,
                dataIndex: 'receivedOn',
                render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
              },
              { title: t.billReceiptNumber, dataIndex: 'receiptNumber', render: (v: string | null) => <span data-data>{v ?? '—'}</span> },
              {
                title: t.billResident,
                dataIndex: 'residentName',
                render: (v: string | undefined, p) => (
                  <Link to={`/f/${facilityId}/residents/${p.residentId}`} data-data>
                    {v ?? t.billOpenAccount}
                  </Link>
                ),
              },
              {
                title: t.kind,
                dataIndex: 'kind',
                render: (k: Payment['kind']) => (k === 'DEPOSIT' ? t.billKindDeposit : t.billKindPayment),
              },
              { title: t.billMethod, dataIndex: 'method', render: (m: PaymentMethod) => t[`billMethod${m}`] },
              { title: t.billReference, dataIndex: 'reference', render: (v: string | null) => <span data-data>{v ?? '—'}</span> },
              { title: `${t.amount}${t.inYuan}`, dataIndex: 'amountFen', align: 'right', render: (f: number) => <Money fen={f} /> },
              {
                title: t.billAppliedTo,
                key: 'applied',
                render: (_: unknown, p) => <span data-data>{p.appliedTo.map((x) => x.billNumber).join(t.regListSeparator) || '—'}</span>,
              },
              {
                title: t.actions,
                key: 'receipt',
                render: (_: unknown, p) =>
                  p.receiptNumber && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => fetchFile(`reports/receipt/${p.id}.pdf`, `receipt-${p.receiptNumber}.pdf`)}
                      data-testid={`payments-receipt-${p.receiptNumber}`}
                    >
                      {t.billReceipt}
                    </Button>
                  ),
              },
            ]}
          />
        </ScrollRegion>
      </Card>
    </>
  );
}
