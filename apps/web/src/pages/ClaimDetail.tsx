import { App, Button, Card, Descriptions, Input, Modal, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { yuan } from '@careops/care';
import { download } from '../api/client';
import { useErrorMessage } from '../api/errors';
import { type Claim, type ClaimLine, useClaim, useMoveClaim } from '../api/hooks/claims';
import { useAuth } from '../auth';
import { Failed } from '../components/Failed';
import { PageTitle } from '../components/PageTitle';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { programmeLabel, STATE_COLOURS } from './claim-labels';
import { EmptyText, ScrollRegion, Toolbar } from './page-parts';

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
    <>
      <PageTitle>
        {t.claims} <span data-data>{c.number}</span>{' '}
        <Tag color={STATE_COLOURS[c.state]} data-testid="claim-state" style={{ verticalAlign: 'middle' }}>
          {t[c.state]}
        </Tag>
      </PageTitle>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          <Toolbar>
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
          </Toolbar>
          <Space size={[32, 12]} wrap>
            <Statistic title={`${t.total}${t.inYuan}`} value={yuan(c.totalFen)} />
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
              { label: t.policy, children: <span data-data>{`${c.policy.divisionCode} · ${c.policy.effectiveFrom}`}</span> },
              ...(c.rejectionReason ? [{ label: t.rejectReason, children: <span data-data>{c.rejectionReason}</span> }] : []),
            ]}
          />
        </Card>
        <Card title={<h2 style={{ fontSize: 15, fontWeight: 600, margin: 0 }}>{t.lines}</h2>}>
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
        <Modal
          open={rejecting}
          title={t.reject}
          onCancel={() => setRejecting(false)}
          okButtonProps={{ disabled: !reason.trim(), danger: true }}
          onOk={() => move('reject')}
          okText={t.confirm}
          cancelText={t.cancel}
        >
          <Input.TextArea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t.rejectReason}
            aria-label={t.rejectReason}
            maxLength={500}
          />
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
        { label: t.policy, children: `${claim.policy.divisionCode} ${t.from} ${claim.policy.effectiveFrom}` },
        { label: t.formula, children: <span data-data>{line.explanation.formula ?? '—'}</span> },
        ...(line.reason ? [{ label: t.reason, children: <span data-data>{line.reason}</span> }] : []),
      ]}
    />
  );
}
