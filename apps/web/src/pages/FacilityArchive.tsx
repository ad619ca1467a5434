import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm } from 'antd';
import { useState } from 'react';
import { useErrorMessage } from '../api/errors';
import { useArchiveFacility } from '../api/hooks/facilities';
import { useI18n } from '../i18n';
import { Toolbar } from './page-parts';

/**
 * 归档 (docs/rules.md §11), the platform's only: a closed facility or a test tenant leaves every
 * division figure and list, its accounts cannot sign in; with a reason, after a confirmation.
 * Brought back the same way (恢复).
 */
export function FacilityArchive({
  facility,
}: {
  facility: { id: string; name: string; archivedAt: string | null; archiveReason: string | null };
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const change = useArchiveFacility(facility.id);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const done = (text: string) => () => {
    setOpen(false);
    form.resetFields();
    message.success(text);
  };
  const fail = (e: unknown) => message.error(describe(e));
  return (
    <Card style={{ marginTop: 16 }} data-testid="facility-archive-card">
      <h2 style={{ fontSize: 15, fontWeight: 600 }}>{t.archiveTitle}</h2>
      {facility.archivedAt ? (
        <>
          <Alert
            type="warning"
            showIcon
            data-testid="facility-archived"
            message={
              <>
                {t.archivedSince} <span data-data>{new Date(facility.archivedAt).toLocaleString('zh-CN', { hour12: false })}</span>
              </>
            }
            description={
              <>
                {t.archiveReason}: <span data-data>{facility.archiveReason}</span>
              </>
            }
            style={{ marginBottom: 12 }}
          />
          <Toolbar end>
            <Popconfirm
              title={t.unarchiveConfirm}
              okText={t.unarchive}
              cancelText={t.cancel}
              onConfirm={() => change.mutate({ archive: false }, { onSuccess: done(t.unarchived), onError: fail })}
            >
              <Button loading={change.isPending} data-testid="facility-unarchive">
                {t.unarchive}
              </Button>
            </Popconfirm>
          </Toolbar>
        </>
      ) : (
        <>
          <p style={{ color: 'rgba(0,0,0,0.65)' }}>{t.archiveHint}</p>
          <Toolbar end>
            <Button danger onClick={() => setOpen(true)} data-testid="facility-archive">
              {t.archive}
            </Button>
          </Toolbar>
        </>
      )}
      <Modal
        open={open}
        title={t.archiveConfirm}
        okText={t.archive}
        okButtonProps={{ danger: true, loading: change.isPending, ...{ 'data-testid': 'facility-archive-ok' } }}
        cancelText={t.cancel}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <p>
          <span data-data>{facility.name}</span>
          {t.archiveEffect}
        </p>
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => change.mutate({ archive: true, reason: v.reason.trim() }, { onSuccess: done(t.archived), onError: fail })}
        >
          <Form.Item name="reason" label={t.archiveReason} rules={[{ required: true, whitespace: true, message: t.archiveReasonRequired }]}>
            <Input.TextArea rows={2} maxLength={200} data-testid="facility-archive-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
