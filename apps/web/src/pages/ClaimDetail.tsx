import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Space, Statistic, Table, Tag, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { fenOfYuan, yuan } from '@careops/care';
import { download } from '../api/client';
import { useErrorMessage } from '../api/errors';
import { type Claim, type ClaimLine, type ClaimMove, useClaim, useMoveClaim } from '../api/hooks/claims';
import { useFacility } from '../api/hooks/facilities';
import { useAuth } from '../auth';
import { Failed } from '../components/Failed';
import { PageTitle } from '../components/PageTitle';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { useTimeZone, useToday } from '../today';
import { canClaim, programmeLabel, STATE_COLOURS } from './claim-labels';
import { EmptyText, ScrollRegion, Secondary, Toolbar } from './page-parts';

type Move = ClaimMove['move'];
const NEXT: Record<Claim['state'], Move[]> = {
  DRAFT: ['submit'],
  SUBMITTED: ['approve', 'reject'],
  APPROVED: ['pay'],
  REJECTED: [],
  PAID: [],
};

/** What the accountant types for the bureau's answer; amounts as yuan text, read to fen without floats. */
interface AnswerForm {
  on: Dayjs;
  amount?: string;
  reason?: string;
  reference?: string;
}

/**
 * A claim (docs/rules.md §5): its lines, each resident told apart by bed, masked ID and dates in
 * care and each line explained; the estimate mark of a month not ended; the bureau's answer as
 * recorded and every state change with who and when; the lifecycle and the exports.
 */
export default function ClaimDetail() {
  const { facilityId = '', claimId = '' } = useParams();
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const today = useToday();
  const timeZone = useTimeZone();
  const facility = useFacility(facilityId);
  const [answering, setAnswering] = useState<Exclude<Move, 'submit'> | null>(null);
  const [form] = Form.useForm<AnswerForm>();
  const claim = useClaim(claimId);
  const moveClaim = useMoveClaim(claimId);
  const run = (m: ClaimMove) =>
    moveClaim.mutate(m, {
      onSuccess: () => {
        setAnswering(null);
        message.success(t.saved);
      },
      onError: (e) => message.error(describe(e)),
    });
  const fetchFile = (suffix: string, name: string) =>
    download(`/api/facilities/${facilityId}/${suffix}`, name).catch((e) => message.error(describe(e)));
  if (claim.isLoading) return <Loading />;
  if (claim.error) return <Failed error={claim.error} retry={() => claim.refetch()} />;
  const c = claim.data as Claim;
  const canWrite = canClaim(me, facility.data);
  const open = (m: Exclude<Move, 'submit'>) => {
    const amount = m === 'approve' ? c.totalFen : m === 'pay' ? (c.approvedFen ?? c.totalFen) : undefined;
    form.resetFields();
    form.setFieldsValue({ on: today(), amount: amount === undefined ? undefined : yuan(amount) });
    setAnswering(m);
  };
  const answer = (v: AnswerForm) => {
    const on = v.on.format('YYYY-MM-DD');
    const fen = fenOfYuan(v.amount ?? '') ?? 0;
    if (answering === 'approve') run({ move: 'approve', approvedOn: on, approvedFen: fen });
    if (answering === 'reject') run({ move: 'reject', rejectedOn: on, reason: (v.reason ?? '').trim() });
    if (answering === 'pay') run({ move: 'pay', paidOn: on, paidFen: fen, reference: v.reference?.trim() || undefined });
  };
  const when = (iso: string) =>
    new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const difference = c.approvedDifferenceFen ?? null;
  const answerItems = [
    ...(c.approvedOn ? [{ label: t.approvedOn, children: c.approvedOn }] : []),
    ...(c.approvedFen !== null && c.approvedFen !== undefined
      ? [{ label: `${t.approvedAmount}${t.inYuan}`, children: <span data-data>{yuan(c.approvedFen)}</span> }]
      : []),
    ...(difference !== null && difference !== 0
      ? [
          {
            label: `${t.difference}${t.inYuan}`,
            children: (
              <Tag color="orange" data-testid="approved-difference">
                {difference > 0 ? '+' : ''}
                {yuan(difference)}
              </Tag>
            ),
          },
        ]
      : []),
    ...(c.rejectedOn ? [{ label: t.rejectedOn, children: c.rejectedOn }] : []),
    ...(c.rejectionReason ? [{ label: t.rejectReason, children: <span data-data>{c.rejectionReason}</span> }] : []),
    ...(c.paidOn ? [{ label: t.paidOn, children: c.paidOn }] : []),
    ...(c.paidFen !== null && c.paidFen !== undefined ? [{ label: `${t.paidAmount}${t.inYuan}`, children: yuan(c.paidFen) }] : []),
    ...(c.paymentReference ? [{ label: t.paymentReference, children: <span data-data>{c.paymentReference}</span> }] : []),
  ];
  return (
    <>
      <PageTitle>
        {t.claims} <span data-data>{c.number}</span>{' '}
        <Tag color={STATE_COLOURS[c.state]} data-testid="claim-state" style={{ verticalAlign: 'middle' }}>
          {t[c.state]}
        </Tag>
        {c.estimate && (
          <Tag color="gold" data-testid="claim-estimate" style={{ verticalAlign: 'middle' }}>
            {t.estimate}
          </Tag>
        )}
      </PageTitle>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {c.estimate && <Alert type="warning" showIcon message={t.estimateNote} data-testid="estimate-note" />}
        <Card>
          <Toolbar>
            {canWrite &&
              NEXT[c.state].map((m) => (
                <Button
                  key={m}
                  type={m === 'submit' ? 'primary' : 'default'}
                  danger={m === 'reject'}
                  disabled={m === 'submit' && c.estimate}
                  loading={moveClaim.isPending && moveClaim.variables?.move === m}
                  data-testid={`move-${m}`}
                  onClick={() => (m === 'submit' ? run({ move: 'submit' }) : open(m))}
                >
                  {t[m]}
                </Button>
              ))}
            <Button data-testid="download-pdf" onClick={() => fetchFile(`reports/claim/${c.id}.pdf`, `claim-${c.number}.pdf`)}>
              {t.downloadPdf}
            </Button>
            <Button onClick={() => fetchFile(`claims/${c.id}/export.csv`, `claim-${c.number}.csv`)}>{t.downloadCsv}</Button>
            <Button onClick={() => fetchFile(`claims/${c.id}/export.xlsx`, `claim-${c.number}.xlsx`)}>{t.downloadXlsx}</Button>
          </Toolbar>
          <Space size={[32, 12]} wrap>
            <Statistic title={`${t.total}${t.inYuan}`} value={yuan(c.totalFen)} />
            <Statistic title={t.people} value={c.peopleCount} data-testid="people-count" />
            {(['SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED'] as const).map((l) => (
              <Statistic key={l} title={t[l]} value={yuan(c.totalsByLevel[l])} />
            ))}
          </Space>
          <Descriptions
            size="small"
            style={{ marginTop: 12 }}
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              { label: t.month, children: c.month },
              { label: t.programme, children: programmeLabel(c.programme, lang) },
              { label: t.policy, children: <span data-data>{c.policy.name}</span> },
              ...answerItems,
            ]}
          />
        </Card>
        <Card title={<h2 style={{ fontSize: 15, fontWeight: 600, margin: 0 }}>{t.lines}</h2>} data-testid="claim-lines">
          {/* The lines scroll sideways in their own box on a phone; the header stays on top of a long list. */}
          <ScrollRegion label={t.lines}>
            <Table<ClaimLine>
              scroll={{ x: 'max-content' }}
              sticky
              rowKey={(l, i) => `${l.residentId}${l.careLevel}${l.kind}${i}`}
              size="small"
              dataSource={c.lines}
              pagination={{ pageSize: 50 }}
              locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
              rowClassName={(l) => (l.kind === 'ADJUSTMENT' ? 'adjustment-row' : '')}
              expandable={{ expandRowByClick: true, expandedRowRender: (l) => <Explanation line={l} claim={c} /> }}
              columns={[
                { title: t.name, dataIndex: 'residentName', fixed: 'left', render: (v: string) => <span data-data>{v}</span> },
                { title: t.bed, dataIndex: 'bedCode', render: (v: string | null) => <span data-data>{v ?? '—'}</span> },
                { title: t.idNumber, dataIndex: 'idNumberMasked', render: (v: string | null) => <span data-data>{v ?? '—'}</span> },
                {
                  title: t.inCare,
                  key: 'inCare',
                  render: (_: unknown, l) => (l.inCareFrom ? `${l.inCareFrom} – ${l.inCareTo ?? t.ongoing}` : '—'),
                },
                { title: t.careLevel, dataIndex: 'careLevel', render: (v: ClaimLine['careLevel']) => (v ? t[v] : '—') },
                { title: t.days, dataIndex: 'days', align: 'right' },
                { title: `${t.rate}${t.inYuan}`, dataIndex: 'rateFen', align: 'right', render: (f: number) => yuan(f) },
                { title: `${t.amount}${t.inYuan}`, dataIndex: 'amountFen', align: 'right', render: (f: number) => yuan(f) },
                {
                  title: t.kind,
                  dataIndex: 'kind',
                  render: (k: string, l) =>
                    k === 'ADJUSTMENT' ? <Tag color="orange">{l.amountFen >= 0 ? t.topUp : t.clawBack}</Tag> : <Tag>{t.regular}</Tag>,
                },
              ]}
            />
          </ScrollRegion>
        </Card>
        <Card title={<h2 style={{ fontSize: 15, fontWeight: 600, margin: 0 }}>{t.history}</h2>}>
          <Timeline
            data-testid="claim-history"
            items={c.history.map((h) => ({
              color: h.to === 'REJECTED' ? 'red' : h.to === 'PAID' || h.to === 'APPROVED' ? 'green' : 'blue',
              children: (
                <>
                  <strong>{h.from ? `${t[h.from]} → ${t[h.to]}` : `${t.created} · ${t[h.to]}`}</strong>
                  <br />
                  <Secondary>
                    {when(h.at)} · {t.by} <span data-data>{h.byName ?? '—'}</span>
                  </Secondary>
                  {h.note && (
                    <>
                      <br />
                      <span data-data>{h.note}</span>
                    </>
                  )}
                </>
              ),
            }))}
          />
        </Card>
        <Modal
          open={answering !== null}
          title={answering ? t[answering] : ''}
          onCancel={() => setAnswering(null)}
          okButtonProps={{ danger: answering === 'reject', loading: moveClaim.isPending, htmlType: 'submit', form: 'claim-answer' }}
          okText={t.confirm}
          cancelText={t.cancel}
          destroyOnHidden
        >
          <Form<AnswerForm> id="claim-answer" form={form} layout="vertical" onFinish={answer} requiredMark={false}>
            <Form.Item
              name="on"
              label={answering === 'approve' ? t.approvedOn : answering === 'reject' ? t.rejectedOn : t.paidOn}
              rules={[{ required: true, message: t.fieldRequired }]}
            >
              <DatePicker allowClear={false} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today(), 'day')} />
            </Form.Item>
            {answering !== 'reject' && (
              <Form.Item
                name="amount"
                label={`${answering === 'approve' ? t.approvedAmount : t.paidAmount}${t.inYuan}`}
                rules={[
                  { required: true, message: t.fieldRequired },
                  {
                    validator: (_, v: string) =>
                      fenOfYuan(v ?? '') !== null && !v.trim().startsWith('-')
                        ? Promise.resolve()
                        : Promise.reject(new Error(t.amountFormat)),
                  },
                ]}
              >
                <Input inputMode="decimal" autoComplete="off" />
              </Form.Item>
            )}
            {answering === 'reject' && (
              <Form.Item name="reason" label={t.rejectReason} rules={[{ required: true, whitespace: true, message: t.fieldRequired }]}>
                <Input.TextArea maxLength={500} />
              </Form.Item>
            )}
            {answering === 'pay' && (
              <Form.Item name="reference" label={t.paymentReference}>
                <Input maxLength={100} autoComplete="off" />
              </Form.Item>
            )}
          </Form>
        </Modal>
      </Space>
    </>
  );
}

function Explanation({ line, claim }: { line: ClaimLine; claim: Claim }) {
  const { t, lang } = useI18n();
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid="explanation"
      items={[
        {
          label: t.segments,
          children:
            (line.explanation.segments ?? []).map((s) => `${s.from} – ${s.to}${t.exclusive}`).join(lang === 'zh' ? '；' : '; ') || '—',
        },
        { label: t.policy, children: <span data-data>{claim.policy.name}</span> },
        { label: t.formula, children: <span data-data>{line.explanation.formula ?? '—'}</span> },
        ...(line.reason ? [{ label: t.reason, children: <span data-data>{line.reason}</span> }] : []),
      ]}
    />
  );
}
