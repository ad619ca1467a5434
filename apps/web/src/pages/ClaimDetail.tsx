import { App, Button, Card, Descriptions, Input, Modal, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { yuan } from '@careops/care';
import { download } from '../api/client';
import { useErrorMessage } from '../api/errors';
import { type Claim, type ClaimLine, useClaim, useMoveClaim } from '../api/hooks/claims';
import { useAuth } from '../auth';
import { Failed } from '../components/Failed';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { programmeLabel, STATE_COLOURS } from './claim-labels';

type Move = 'submit' | 'approve' | 'reject' | 'pay';
const NEXT: Record<Claim['state'], Move[]> = {
  DRAFT: ['submit'],
  SUBMITTED: ['approve', 'reject'],
  APPROVED: ['pay'],
  REJECTED: [],
  PAID: [],
};

/** A claim's lines, each explained (segments, policy version, formula); its lifecycle and exports. */
export default function ClaimDetail() {
  const { facilityId = '', claimId = '' } = useParams();
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const claim = useClaim(claimId);
  const moveClaim = useMoveClaim(claimId);
  const move = (m: Move) =>
    moveClaim.mutate(m === 'reject' ? { move: m, reason } : { move: m }, {
      onSuccess: () => {
        setRejecting(false);
        message.success(t.saved);
      },
      onError: (e) => message.error(describe(e)),
    });
  const fetchFile = (suffix: string, name: string) =>
    download(`/api/facilities/${facilityId}/${suffix}`, name).catch((e) => message.error(describe(e)));
  if (claim.isLoading) return <Loading />;
  if (claim.error) return <Failed error={claim.error} retry={() => claim.refetch()} />;
  const c = claim.data as Claim;
  const canWrite = me?.role === 'ACCOUNTANT' || me?.role === 'PLATFORM_ADMIN';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            {c.number}
            <Tag color={STATE_COLOURS[c.state]} data-testid="claim-state">
              {t[c.state]}
            </Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {canWrite &&
              NEXT[c.state].map((m) => (
                <Button
                  key={m}
                  type={m === 'submit' ? 'primary' : 'default'}
                  danger={m === 'reject'}
                  loading={moveClaim.isPending && moveClaim.variables?.move === m}
                  data-testid={`move-${m}`}
                  onClick={() => (m === 'reject' ? setRejecting(true) : move(m))}
                >
                  {t[m]}
                </Button>
              ))}
            <Button data-testid="download-pdf" onClick={() => fetchFile(`reports/claim/${c.id}.pdf`, `claim-${c.number}.pdf`)}>
              {t.downloadPdf}
            </Button>
            <Button onClick={() => fetchFile(`claims/${c.id}/export.csv`, `claim-${c.number}.csv`)}>{t.downloadCsv}</Button>
            <Button onClick={() => fetchFile(`claims/${c.id}/export.xlsx`, `claim-${c.number}.xlsx`)}>{t.downloadXlsx}</Button>
          </Space>
        }
      >
        <Space size={48} wrap>
          <Statistic title={`${t.total}（元）`} value={yuan(c.totalFen)} />
          {(['SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED'] as const).map((l) => (
            <Statistic key={l} title={t[l]} value={yuan(c.totalsByLevel[l])} />
          ))}
        </Space>
        <Descriptions
          size="small"
          style={{ marginTop: 12 }}
          items={[
            { label: t.month, children: c.month },
            { label: lang === 'zh' ? '补贴项目' : 'Programme', children: programmeLabel(c.programme, lang) },
            { label: t.policy, children: `${c.policy.divisionCode} · ${c.policy.effectiveFrom}` },
            ...(c.rejectionReason ? [{ label: t.rejectReason, children: c.rejectionReason }] : []),
          ]}
        />
      </Card>
      <Card title={t.lines}>
        <Table<ClaimLine>
          rowKey={(l, i) => `${l.residentId}${l.careLevel}${l.kind}${i}`}
          size="small"
          dataSource={c.lines}
          pagination={{ pageSize: 50 }}
          locale={{ emptyText: t.empty }}
          rowClassName={(l) => (l.kind === 'ADJUSTMENT' ? 'adjustment-row' : '')}
          expandable={{ expandRowByClick: true, expandedRowRender: (l) => <Explanation line={l} claim={c} /> }}
          columns={[
            { title: t.name, dataIndex: 'residentName' },
            { title: t.careLevel, dataIndex: 'careLevel', render: (v: ClaimLine['careLevel']) => (v ? t[v] : '—') },
            { title: t.days, dataIndex: 'days', align: 'right' },
            { title: `${t.rate}（元）`, dataIndex: 'rateFen', align: 'right', render: (f: number) => yuan(f) },
            { title: `${t.amount}（元）`, dataIndex: 'amountFen', align: 'right', render: (f: number) => yuan(f) },
            {
              title: t.kind,
              dataIndex: 'kind',
              render: (k: string, l) =>
                k === 'ADJUSTMENT' ? <Tag color="orange">{l.amountFen >= 0 ? '补差' : '追回'}</Tag> : <Tag>{t.regular}</Tag>,
            },
          ]}
        />
      </Card>
      <Modal
        open={rejecting}
        title={t.reject}
        onCancel={() => setRejecting(false)}
        okButtonProps={{ disabled: !reason.trim(), danger: true }}
        onOk={() => move('reject')}
        okText={t.confirm}
        cancelText={t.cancel}
      >
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t.rejectReason} maxLength={500} />
      </Modal>
    </Space>
  );
}

function Explanation({ line, claim }: { line: ClaimLine; claim: Claim }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid="explanation"
      items={[
        { label: t.segments, children: (line.explanation.segments ?? []).map((s) => `${s.from} – ${s.to}（不含）`).join('；') || '—' },
        { label: t.policy, children: `${claim.policy.divisionCode} 自 ${claim.policy.effectiveFrom}` },
        { label: t.formula, children: line.explanation.formula ?? '—' },
        ...(line.reason ? [{ label: t.reason, children: line.reason }] : []),
      ]}
    />
  );
}
