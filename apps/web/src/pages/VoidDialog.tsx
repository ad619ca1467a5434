import { Alert, App, Card, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useErrorMessage } from '../api/errors';
import { type Correction, type CorrectionKind, useCorrections, useVoid } from '../api/hooks/residents';
import { type Messages, useI18n } from '../i18n';

/** What is being voided: the kind, the entry's id and a line saying which entry it is. */
export interface VoidTarget {
  kind: CorrectionKind;
  id: string;
  what: string;
}

export const voidLabel = (t: Messages, kind: CorrectionKind): string =>
  ({
    ADMISSION: t.voidAdmission,
    TRANSFER: t.voidTransfer,
    LEAVE: t.voidLeave,
    DISCHARGE: t.voidDischarge,
    ASSESSMENT: t.voidAssessment,
  })[kind];

/**
 * 撤销: an entry made in error is voided with a reason (docs/rules.md §12). The dialog says what
 * voiding does — the entry is kept, marked, and stops counting; a submitted claim is corrected in
 * the next — and names the entry, so the manager voids the one they mean.
 */
export function VoidDialog({ target, residentId, onClose }: { target: VoidTarget; residentId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const save = useVoid(residentId);
  const submit = ({ reason }: { reason: string }) => {
    setError(null);
    save.mutate(
      { kind: target.kind, id: target.id, reason: reason.trim() },
      {
        onSuccess: () => {
          message.success(t.voidDone);
          onClose();
        },
        onError: (e) => setError(describe(e)),
      },
    );
  };
  return (
    <Modal
      open
      title={voidLabel(t, target.kind)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.voidConfirm}
      okButtonProps={{ danger: true, id: 'void-confirm' }}
      cancelText={t.cancel}
      confirmLoading={save.isPending}
    >
      <Typography.Paragraph>
        <span data-data data-testid="void-what">
          {target.what}
        </span>
      </Typography.Paragraph>
      <Alert type="warning" showIcon message={t.voidWarning} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t.voidReason} rules={[{ required: true, whitespace: true, message: t.fieldRequired }]}>
          <Input.TextArea maxLength={500} rows={2} data-testid="void-reason" />
        </Form.Item>
        {error && (
          <Typography.Text type="danger" role="alert">
            {error}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}

/** One void as a sentence of what the entry said (docs/rules.md §12). */
export const correctionText = (t: Messages, c: Correction): string => entryText(t, c.kind, c.detail);

/** An entry as a short sentence, from what a void keeps of it (`detail`, docs/api.md). */
export function entryText(t: Messages, kind: CorrectionKind, detail: Record<string, unknown>): string {
  const d = detail as Record<string, string | string[] | null | boolean | undefined>;
  const fill = (template: string, values: Record<string, unknown>) =>
    Object.entries(values).reduce((text, [k, v]) => text.replace(`{${k}}`, String(v ?? '—')), template);
  switch (kind) {
    case 'ADMISSION':
      return fill(t.correctionAdmission, { on: d.admittedOn, beds: Array.isArray(d.beds) ? d.beds.join(t.listSeparator) : '' });
    case 'TRANSFER':
      return fill(t.correctionTransfer, { on: d.on, from: d.fromBed, to: d.toBed });
    case 'LEAVE':
      return fill(d.kind === 'HOSPITAL' ? t.correctionHospital : t.correctionLeave, { from: d.from, to: d.to });
    case 'DISCHARGE':
      return fill(t.correctionDischarge, { on: d.dischargedOn });
    case 'ASSESSMENT':
      return fill(t.correctionAssessment, { on: d.effectiveOn, level: t[d.careLevel as 'SELF_CARE'] ?? d.careLevel });
  }
}

/** The resident's voids 撤销记录, newest first: what it was (struck through), why, who and when. Nothing shown when none. */
export function CorrectionsCard({ residentId }: { residentId: string }) {
  const { t } = useI18n();
  const corrections = useCorrections(residentId);
  if (!corrections.data?.length) return null;
  return (
    <Card title={<h2 style={{ fontSize: 15, margin: 0 }}>{t.corrections}</h2>} size="small" data-testid="corrections">
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8 }}>
        {corrections.data.map((c) => (
          <li key={c.id} data-testid="correction">
            <Typography.Text delete data-data>
              {correctionText(t, c)}
            </Typography.Text>{' '}
            <Typography.Text type="secondary">
              · {t.voidReasonShort}
              <span data-data>{c.reason}</span> · <span data-data>{c.voidedByName ?? '—'}</span>{' '}
              <span data-data>{new Date(c.voidedAt).toLocaleString('zh-CN', { hour12: false })}</span>
            </Typography.Text>
          </li>
        ))}
      </ul>
    </Card>
  );
}
