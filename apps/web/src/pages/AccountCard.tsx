import {
  Alert,
  App,
  Button,
  Card,
  Grid,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { fenOfYuan, yuan } from '@careops/care';
import {
  type BillSummary,
  type LedgerRow,
  PAYMENT_METHODS,
  type Payment,
  type PaymentMethod,
  type PendingSettlement,
  type RefundFrom,
  type Settlement,
} from '../api/billing';
import { ApiError } from '../api/client';
import { useErrorMessage } from '../api/errors';
import {
  useAccount,
  useAddUsageCharge,
  useFeeItems,
  usePendingSettlements,
  useRefund,
  useSettle,
  useTakeDeposit,
  useTakePayment,
} from '../api/hooks/billing';
import { useAuth } from '../auth';
import { Loading } from '../components/Loading';
import { useBillingI18n } from '../i18n/billing';
import { useTimeZone, useToday } from '../today';
import { localTime } from '../today';
import { billKindLabel, BillStateTag, fillText, H2, Money, newUuid, useFacilityDownload } from './billing-parts';
import { EmptyText, ScrollRegion, Secondary } from './page-parts';

type Dialog = 'payment' | 'deposit' | 'refund' | 'settle' | 'usage';

/**
 * The resident's account (docs/rules.md §9): balance, what is owed, deposit and prepayment — each
 * the sum of the ledger's rows — the bills with their 缴费通知单, the payments with their 收据, the
 * ledger itself; 收款 / 收押金 / 退款 / 按次收费, and 退住结算 for a discharged resident with money held
 * or owed. Only the manager and the accountant see it.
 */
export function AccountCard({ residentId, discharged }: { residentId: string; discharged: boolean }) {
  const { me } = useAuth();
  const allowed = me?.role === 'ACCOUNTANT' || me?.role === 'FACILITY_MANAGER';
  if (!allowed) return null;
  return <Account residentId={residentId} discharged={discharged} />;
}

function Account({ residentId, discharged }: { residentId: string; discharged: boolean }) {
  const { t } = useBillingI18n();
  const timeZone = useTimeZone();
  const account = useAccount(residentId);
  const pending = usePendingSettlements(discharged);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const fetchFile = useFacilityDownload();
  const toSettle = pending.data?.find((p) => p.residentId === residentId);
  // On a phone the actions go under the title: beside it they left the title no room.
  const phone = !Grid.useBreakpoint().sm;
  if (account.isLoading) return <Loading />;
  if (account.error) {
    // Billing not there (an older API) or not for this role: the rest of the page stays usable.
    if (account.error instanceof ApiError && (account.error.status === 404 || account.error.status === 403)) return null;
    return <Alert type="error" showIcon message={account.error.message} />;
  }
  const a = account.data;
  if (!a) return null;
  const accountName = (code: string) => {
    const key = `billAcct${code}`;
    return key in t ? t[key as keyof typeof t] : code;
  };
  const actions = (
    <Space wrap size={[8, 8]}>
      <Button type="primary" size="small" onClick={() => setDialog('payment')} data-testid="account-pay">
        {t.billTakePayment}
      </Button>
      <Button size="small" onClick={() => setDialog('deposit')} data-testid="account-deposit">
        {t.billTakeDeposit}
      </Button>
      <Button size="small" onClick={() => setDialog('refund')} data-testid="account-refund">
        {t.billRefund}
      </Button>
      {!discharged && (
        <Button size="small" onClick={() => setDialog('usage')} data-testid="account-usage">
          {t.billUsageAdd}
        </Button>
      )}
      {toSettle && (
        <Button size="small" danger onClick={() => setDialog('settle')} data-testid="account-settle">
          {t.billSettle}
        </Button>
      )}
    </Space>
  );
  return (
    <Card size="small" title={<h2 style={H2}>{t.billAccount}</h2>} data-testid="account-card" extra={!phone && actions}>
      {phone && <div style={{ marginBottom: 12 }}>{actions}</div>}
      <Space size={[32, 12]} wrap style={{ marginBottom: 12 }}>
        <Statistic
          title={`${t.billBalance}${t.inYuan}`}
          value={yuan(a.balanceFen)}
          valueStyle={{ color: a.balanceFen > 0 ? '#cf1322' : undefined }}
          suffix={a.balanceFen !== 0 && <span style={{ fontSize: 13 }}>{a.balanceFen > 0 ? t.billBalanceOwes : t.billBalanceCredit}</span>}
          data-testid="account-balance"
        />
        <Statistic title={`${t.billOwed}${t.inYuan}`} value={yuan(a.owedFen)} data-testid="account-owed" />
        <Statistic title={`${t.billDeposit}${t.inYuan}`} value={yuan(a.depositFen)} data-testid="account-deposit-held" />
        <Statistic title={`${t.billPrepayment}${t.inYuan}`} value={yuan(a.prepaymentFen)} data-testid="account-prepayment" />
      </Space>
      <AccountTable<BillSummary>
        label={t.billBills}
        testId="account-bills"
        rows={a.bills}
        pageSize={6}
        columns={[
          { title: t.month, dataIndex: 'month' },
          { title: t.billNumber, dataIndex: 'number', render: (v: string) => <span data-data>{v}</span> },
          { title: t.billKind, dataIndex: 'kind', render: (k) => billKindLabel(t, k) },
          { title: `${t.billTotal}${t.inYuan}`, dataIndex: 'totalFen', align: 'right', render: (f: number) => <Money fen={f} /> },
          { title: `${t.billOpen}${t.inYuan}`, dataIndex: 'openFen', align: 'right', render: (f: number) => <Money fen={f} /> },
          { title: t.state, dataIndex: 'state', render: (s) => <BillStateTag state={s} /> },
          {
            title: t.actions,
            key: 'pdf',
            render: (_: unknown, b) =>
              b.state !== 'DRAFT' && (
                <Button size="small" type="link" onClick={() => fetchFile(`reports/bill/${b.id}.pdf`, `bill-${b.number}.pdf`)}>
                  PDF
                </Button>
              ),
          },
        ]}
      />
      <AccountTable<Payment>
        title={t.billPayments}
        testId="account-payments"
        rows={a.payments}
        pageSize={6}
        columns={[
          { title: t.billReceivedOn, dataIndex: 'receivedOn', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
          { title: t.kind, dataIndex: 'kind', render: (k: Payment['kind']) => (k === 'DEPOSIT' ? t.billKindDeposit : t.billKindPayment) },
          { title: t.billMethod, dataIndex: 'method', render: (m: PaymentMethod) => t[`billMethod${m}`] },
          { title: `${t.amount}${t.inYuan}`, dataIndex: 'amountFen', align: 'right', render: (f: number) => <Money fen={f} /> },
          { title: t.billReceiptNumber, dataIndex: 'receiptNumber', render: (v: string | null) => <span data-data>{v ?? '—'}</span> },
          {
            title: t.actions,
            key: 'pdf',
            render: (_: unknown, p) =>
              p.receiptNumber && (
                <Button size="small" type="link" onClick={() => fetchFile(`reports/receipt/${p.id}.pdf`, `receipt-${p.receiptNumber}.pdf`)}>
                  {t.billReceipt}
                </Button>
              ),
          },
        ]}
      />
      <AccountTable<LedgerRow>
        title={t.billLedger}
        testId="account-ledger"
        rows={a.ledger}
        pageSize={10}
        columns={[
          { title: t.date, dataIndex: 'on', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
          { title: t.kind, dataIndex: 'kind', render: (k: LedgerRow['kind']) => <Tag>{t[`billLedger${k}`]}</Tag> },
          { title: t.billLedgerDebit, dataIndex: 'debitAccount', render: (v: string) => <span data-data>{accountName(v)}</span> },
          { title: t.billLedgerCredit, dataIndex: 'creditAccount', render: (v: string) => <span data-data>{accountName(v)}</span> },
          { title: `${t.amount}${t.inYuan}`, dataIndex: 'amountFen', align: 'right', render: (f: number) => <Money fen={f} /> },
          { title: t.billLedgerMemo, dataIndex: 'memo', render: (v: string | null) => <span data-data>{v ?? '—'}</span> },
          {
            title: t.billRecordedAt,
            dataIndex: 'at',
            render: (v: string) => <Secondary style={{ whiteSpace: 'nowrap' }}>{localTime(v, timeZone)}</Secondary>,
          },
        ]}
      />
      {(dialog === 'payment' || dialog === 'deposit') && (
        <PaymentDialog residentId={residentId} kind={dialog} onClose={() => setDialog(null)} />
      )}
      {dialog === 'refund' && (
        <RefundDialog residentId={residentId} depositFen={a.depositFen} prepaymentFen={a.prepaymentFen} onClose={() => setDialog(null)} />
      )}
      {dialog === 'usage' && <UsageDialog residentId={residentId} onClose={() => setDialog(null)} />}
      {dialog === 'settle' && toSettle && <SettleDialog pending={toSettle} onClose={() => setDialog(null)} />}
    </Card>
  );
}

/** The yuan text of an amount field: required, at most two decimals, more than 0. */
/** One of the account's lists: a heading (or a label), a region that scrolls sideways, a small table that pages past `pageSize` rows. */
function AccountTable<T extends { id: string }>({
  title,
  label,
  testId,
  rows,
  pageSize,
  columns,
}: {
  title?: string;
  label?: string;
  testId: string;
  rows: T[];
  pageSize: number;
  columns: TableColumnsType<T>;
}) {
  const { t } = useBillingI18n();
  return (
    <>
      {title && <h3 style={{ ...H2, fontSize: 14, margin: '16px 0 8px' }}>{title}</h3>}
      <ScrollRegion label={title ?? label ?? ''}>
        <Table<T>
          rowKey="id"
          size="small"
          scroll={{ x: 'max-content' }}
          pagination={rows.length > pageSize ? { pageSize, size: 'small' } : false}
          dataSource={rows}
          locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
          data-testid={testId}
          columns={columns}
        />
      </ScrollRegion>
    </>
  );
}

function useAmountRules() {
  const { t } = useBillingI18n();
  return [
    { required: true, message: t.fieldRequired },
    {
      validator: (_: unknown, v: string) =>
        !v || ((fenOfYuan(v) ?? 0) > 0 && fenOfYuan(v) !== null)
          ? Promise.resolve()
          : Promise.reject(new Error(fenOfYuan(v ?? '') === null ? t.amountFormat : t.billAmountPositive)),
    },
  ];
}

interface MoneyForm {
  amount: string;
  method: PaymentMethod;
  reference?: string;
  on: Dayjs;
}

/**
 * 收款 / 收押金: the Idempotency-Key is made once when the dialog opens, so a second click (or a
 * retry after a dropped answer) books the one payment again, not a second one; then the receipt.
 */
function PaymentDialog({ residentId, kind, onClose }: { residentId: string; kind: 'payment' | 'deposit'; onClose: () => void }) {
  const { t } = useBillingI18n();
  const describe = useErrorMessage();
  const today = useToday();
  const [idempotencyKey] = useState(newUuid);
  const payment = useTakePayment(residentId);
  const deposit = useTakeDeposit(residentId);
  const take = kind === 'payment' ? payment : deposit;
  const [form] = Form.useForm<MoneyForm>();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Payment | null>(null);
  const fetchFile = useFacilityDownload();
  const amountRules = useAmountRules();
  const method = Form.useWatch('method', form) ?? 'CASH';
  const submit = (v: MoneyForm) => {
    setError(null);
    take.mutate(
      {
        amountFen: fenOfYuan(v.amount) ?? 0,
        method: v.method,
        reference: v.reference?.trim() || undefined,
        receivedOn: v.on.format('YYYY-MM-DD'),
        idempotencyKey,
      },
      { onSuccess: setDone, onError: (e) => setError(describe(e)) },
    );
  };
  const title = kind === 'payment' ? t.billTakePayment : t.billTakeDeposit;
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      destroyOnHidden
      footer={
        done ? (
          <Button onClick={onClose} data-testid="payment-close">
            {t.billClose}
          </Button>
        ) : undefined
      }
      okText={t.confirm}
      cancelText={t.cancel}
      okButtonProps={{ htmlType: 'submit', form: 'payment-form', loading: take.isPending, 'data-testid': 'payment-submit' }}
    >
      {done ? (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="payment-done">
          <Alert type="success" showIcon message={fillText(t.billPaymentDone, { number: done.receiptNumber ?? '—' })} />
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                label: t.billReceiptNumber,
                children: (
                  <span data-data data-testid="receipt-number">
                    {done.receiptNumber ?? '—'}
                  </span>
                ),
              },
              { label: `${t.amount}${t.inYuan}`, children: <Money fen={done.amountFen} strong /> },
              ...(done.appliedTo.length
                ? [
                    {
                      label: t.billAppliedTo,
                      children: (
                        <span data-data>{done.appliedTo.map((x) => `${x.billNumber} ${yuan(x.amountFen)}`).join(t.regListSeparator)}</span>
                      ),
                    },
                  ]
                : []),
              ...(done.prepaymentFen ? [{ label: `${t.billToPrepayment}${t.inYuan}`, children: <Money fen={done.prepaymentFen} /> }] : []),
            ]}
          />
          {done.receiptNumber && (
            <Button
              type="primary"
              onClick={() => fetchFile(`reports/receipt/${done.id}.pdf`, `receipt-${done.receiptNumber}.pdf`)}
              data-testid="receipt-pdf"
            >
              {t.billReceiptPdf}
            </Button>
          )}
        </Space>
      ) : (
        <>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="payment-error" />}
          <Form<MoneyForm>
            id="payment-form"
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={submit}
            initialValues={{ method: 'CASH', on: today() }}
          >
            <Form.Item name="amount" label={`${t.amount}${t.inYuan}`} rules={amountRules}>
              <Input inputMode="decimal" autoComplete="off" data-testid="payment-amount" />
            </Form.Item>
            <Form.Item name="method" label={t.billMethod}>
              <Radio.Group options={PAYMENT_METHODS.map((m) => ({ value: m, label: t[`billMethod${m}`] }))} data-testid="payment-method" />
            </Form.Item>
            <Form.Item
              name="reference"
              label={t.billReference}
              rules={[{ required: method !== 'CASH', whitespace: true, message: t.billReferenceRequired }]}
            >
              <Input maxLength={100} autoComplete="off" data-testid="payment-reference" />
            </Form.Item>
            <Form.Item name="on" label={t.billReceivedOn} rules={[{ required: true, message: t.fieldRequired }]}>
              <DatePicker allowClear={false} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today(), 'day')} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

interface RefundForm extends MoneyForm {
  from: RefundFrom;
  reason: string;
}

/** 退款 of deposit or prepayment, then the 退款凭证. */
function RefundDialog({
  residentId,
  depositFen,
  prepaymentFen,
  onClose,
}: {
  residentId: string;
  depositFen: number;
  prepaymentFen: number;
  onClose: () => void;
}) {
  const { t } = useBillingI18n();
  const describe = useErrorMessage();
  const today = useToday();
  const refund = useRefund(residentId);
  const [form] = Form.useForm<RefundForm>();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string; voucherNumber: string | null; amountFen: number } | null>(null);
  const fetchFile = useFacilityDownload();
  const amountRules = useAmountRules();
  const method = Form.useWatch('method', form) ?? 'CASH';
  const submit = (v: RefundForm) => {
    setError(null);
    refund.mutate(
      {
        amountFen: fenOfYuan(v.amount) ?? 0,
        from: v.from,
        method: v.method,
        reference: v.reference?.trim() || undefined,
        paidOn: v.on.format('YYYY-MM-DD'),
        reason: v.reason.trim(),
      },
      { onSuccess: setDone, onError: (e) => setError(describe(e)) },
    );
  };
  return (
    <Modal
      open
      title={t.billRefund}
      onCancel={onClose}
      destroyOnHidden
      footer={done ? <Button onClick={onClose}>{t.billClose}</Button> : undefined}
      okText={t.confirm}
      cancelText={t.cancel}
      okButtonProps={{ htmlType: 'submit', form: 'refund-form', loading: refund.isPending, 'data-testid': 'refund-submit' }}
    >
      {done ? (
        <VoucherDone refundId={done.id} voucherNumber={done.voucherNumber} amountFen={done.amountFen} fetchFile={fetchFile} />
      ) : (
        <>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="refund-error" />}
          <Form<RefundForm>
            id="refund-form"
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={submit}
            initialValues={{ method: 'CASH', on: today(), from: depositFen > 0 ? 'DEPOSIT' : 'PREPAYMENT' }}
          >
            <Form.Item name="from" label={t.billRefundFrom}>
              <Radio.Group
                options={[
                  { value: 'DEPOSIT', label: `${t.billRefundFromDEPOSIT} ${yuan(depositFen)}` },
                  { value: 'PREPAYMENT', label: `${t.billRefundFromPREPAYMENT} ${yuan(prepaymentFen)}` },
                ]}
              />
            </Form.Item>
            <Form.Item name="amount" label={`${t.amount}${t.inYuan}`} rules={amountRules}>
              <Input inputMode="decimal" autoComplete="off" data-testid="refund-amount" />
            </Form.Item>
            <Form.Item name="method" label={t.billMethod}>
              <Radio.Group options={PAYMENT_METHODS.map((m) => ({ value: m, label: t[`billMethod${m}`] }))} />
            </Form.Item>
            <Form.Item
              name="reference"
              label={t.billReference}
              rules={[{ required: method !== 'CASH', whitespace: true, message: t.billReferenceRequired }]}
            >
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
            <Form.Item name="on" label={t.billPaidOn} rules={[{ required: true, message: t.fieldRequired }]}>
              <DatePicker allowClear={false} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today(), 'day')} />
            </Form.Item>
            <Form.Item name="reason" label={t.billRefundReason} rules={[{ required: true, whitespace: true, message: t.fieldRequired }]}>
              <Input.TextArea maxLength={200} data-testid="refund-reason" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

function VoucherDone({
  refundId,
  voucherNumber,
  amountFen,
  fetchFile,
}: {
  refundId: string | null;
  voucherNumber: string | null;
  amountFen: number;
  fetchFile: (path: string, name: string) => unknown;
}) {
  const { t } = useBillingI18n();
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="refund-done">
      <Alert type="success" showIcon message={fillText(t.billRefundDone, { number: voucherNumber ?? '—' })} />
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            label: t.billVoucherNumber,
            children: (
              <span data-data data-testid="voucher-number">
                {voucherNumber ?? '—'}
              </span>
            ),
          },
          { label: `${t.amount}${t.inYuan}`, children: <Money fen={amountFen} strong /> },
        ]}
      />
      {refundId && (
        <Button
          type="primary"
          onClick={() => fetchFile(`reports/refund/${refundId}.pdf`, `refund-${voucherNumber ?? refundId}.pdf`)}
          data-testid="voucher-pdf"
        >
          {t.billVoucherPdf}
        </Button>
      )}
    </Space>
  );
}

interface SettleForm {
  method: PaymentMethod;
  reference?: string;
  on: Dayjs;
}

/**
 * 退住结算: what is owed, the deposit and the prepayment and the refund they leave, shown before
 * confirming; then the 退款凭证.
 */
export function SettleDialog({ pending, onClose }: { pending: PendingSettlement; onClose: () => void }) {
  const { t } = useBillingI18n();
  const describe = useErrorMessage();
  const today = useToday();
  const settle = useSettle();
  const [form] = Form.useForm<SettleForm>();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Settlement | null>(null);
  const fetchFile = useFacilityDownload();
  const method = Form.useWatch('method', form) ?? 'CASH';
  const held = pending.depositFen + pending.prepaymentFen;
  const refundFen = Math.max(0, held - pending.owedFen);
  const stillOwed = Math.max(0, pending.owedFen - held);
  const submit = (v: SettleForm) => {
    setError(null);
    settle.mutate(
      {
        admissionId: pending.admissionId,
        settledOn: v.on.format('YYYY-MM-DD'),
        method: v.method,
        reference: v.reference?.trim() || undefined,
      },
      { onSuccess: setDone, onError: (e) => setError(describe(e)) },
    );
  };
  return (
    <Modal
      open
      title={
        <>
          {t.billSettle} · <span data-data>{pending.residentName}</span>
        </>
      }
      onCancel={onClose}
      destroyOnHidden
      footer={done ? <Button onClick={onClose}>{t.billClose}</Button> : undefined}
      okText={t.confirm}
      cancelText={t.cancel}
      okButtonProps={{ htmlType: 'submit', form: 'settle-form', loading: settle.isPending, danger: true, 'data-testid': 'settle-submit' }}
    >
      {done ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="success" showIcon message={fillText(t.billSettleDone, { amount: yuan(done.refundFen) })} data-testid="settle-done" />
          <Descriptions
            size="small"
            column={1}
            items={[
              { label: `${t.billOwed}${t.inYuan}`, children: <Money fen={done.owedFen} /> },
              { label: `${t.billDeposit}${t.inYuan}`, children: <Money fen={done.depositFen} /> },
              { label: `${t.billPrepayment}${t.inYuan}`, children: <Money fen={done.prepaymentFen} /> },
            ]}
          />
          {done.refundId ? (
            <VoucherDone refundId={done.refundId} voucherNumber={done.voucherNumber} amountFen={done.refundFen} fetchFile={fetchFile} />
          ) : (
            done.finalBillId && (
              <Button onClick={() => fetchFile(`reports/bill/${done.finalBillId}.pdf`, `bill-final.pdf`)}>{t.billNoticePdf}</Button>
            )
          )}
        </Space>
      ) : (
        <>
          <Secondary>{t.billSettleIntro}</Secondary>
          <Descriptions
            size="small"
            column={1}
            style={{ margin: '12px 0' }}
            data-testid="settle-preview"
            items={[
              { label: t.billDischargedOn, children: pending.dischargedOn },
              { label: `${t.billOwed}${t.inYuan}`, children: <Money fen={pending.owedFen} /> },
              { label: `${t.billDeposit}${t.inYuan}`, children: <Money fen={pending.depositFen} /> },
              { label: `${t.billPrepayment}${t.inYuan}`, children: <Money fen={pending.prepaymentFen} /> },
              {
                label: `${t.billSettleRefund}${t.inYuan}`,
                children: (
                  <span data-testid="settle-refund">
                    <Money fen={refundFen} strong />
                  </span>
                ),
              },
              ...(stillOwed ? [{ label: `${t.billSettleStillOwed}${t.inYuan}`, children: <Money fen={stillOwed} strong /> }] : []),
            ]}
          />
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="settle-error" />}
          <Form<SettleForm>
            id="settle-form"
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={submit}
            initialValues={{ method: 'CASH', on: today() }}
          >
            <Form.Item name="method" label={t.billMethod}>
              <Radio.Group options={PAYMENT_METHODS.map((m) => ({ value: m, label: t[`billMethod${m}`] }))} />
            </Form.Item>
            <Form.Item
              name="reference"
              label={t.billReference}
              rules={[{ required: method !== 'CASH' && refundFen > 0, whitespace: true, message: t.billReferenceRequired }]}
            >
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
            <Form.Item name="on" label={t.billSettledOn} rules={[{ required: true, message: t.fieldRequired }]}>
              <DatePicker allowClear={false} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today(), 'day')} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

interface UsageForm {
  code: string;
  on: Dayjs;
  quantity: number;
  note?: string;
}

/** 按次收费: a per-use item (助浴, 陪诊 …) recorded on a day; it goes on that month's bill. */
function UsageDialog({ residentId, onClose }: { residentId: string; onClose: () => void }) {
  const { t } = useBillingI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const today = useToday();
  const [form] = Form.useForm<UsageForm>();
  const on = Form.useWatch('on', form) as Dayjs | undefined;
  const items = useFeeItems((on ?? today()).format('YYYY-MM-DD'));
  const add = useAddUsageCharge();
  const [error, setError] = useState<string | null>(null);
  const perUse = (items.data ?? []).filter((i) => i.kind === 'PER_USE');
  const submit = (v: UsageForm) => {
    setError(null);
    add.mutate(
      { residentId, code: v.code, on: v.on.format('YYYY-MM-DD'), quantity: v.quantity, note: v.note?.trim() || undefined },
      {
        onSuccess: (c) => {
          message.success(fillText(t.billUsageDone, { amount: yuan(c.amountFen) }));
          onClose();
        },
        onError: (e) => setError(describe(e)),
      },
    );
  };
  return (
    <Modal
      open
      title={t.billUsageAdd}
      onCancel={onClose}
      destroyOnHidden
      okText={t.save}
      cancelText={t.cancel}
      okButtonProps={{ htmlType: 'submit', form: 'usage-form', loading: add.isPending, 'data-testid': 'usage-submit' }}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form<UsageForm>
        id="usage-form"
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={{ on: today(), quantity: 1 }}
      >
        <Form.Item name="on" label={t.billUsageOn} rules={[{ required: true, message: t.fieldRequired }]}>
          <DatePicker allowClear={false} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today(), 'day')} />
        </Form.Item>
        <Form.Item name="code" label={t.billUsageItem} rules={[{ required: true, message: t.fieldRequired }]}>
          <Select
            loading={items.isLoading}
            options={perUse.map((i) => ({ value: i.code, label: `${i.name} ${yuan(i.amountFen)}${i.unit ? ` / ${i.unit}` : ''}` }))}
            data-testid="usage-item"
          />
        </Form.Item>
        <Form.Item name="quantity" label={t.billQuantity} rules={[{ required: true, message: t.fieldRequired }]}>
          <InputNumber min={1} max={999} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t.billUsageNote}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
