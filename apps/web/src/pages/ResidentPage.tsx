import { App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Modal, Row, Select, Space, Table, Tag, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { RESIDENT_CATEGORY_LABELS } from '@careops/care';
import { useErrorMessage } from '../api/errors';
import { useBedsToChoose } from '../api/hooks/beds';
import { type Admission, type Resident, useAdmissions, useAssessments, useResident, useStayChange } from '../api/hooks/residents';
import { Failed } from '../components/Failed';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { useToday } from '../today';

type Action = 'transfer' | 'leave' | 'discharge';

/** A resident: stays, leaves, the assessment timeline (level history); transfer, leave, discharge. */
export default function ResidentPage() {
  const { residentId = '' } = useParams();
  const { t, lang } = useI18n();
  const resident = useResident(residentId);
  const assessments = useAssessments(residentId);
  const admissions = useAdmissions(residentId);
  const [action, setAction] = useState<Action | null>(null);
  if (resident.isLoading) return <Loading />;
  if (resident.error) return <Failed error={resident.error} retry={() => resident.refetch()} />;
  const r = resident.data as Resident;
  const current = admissions.data?.find((a) => a.dischargedOn === null);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={r.name}
        extra={
          current && (
            <Space>
              <Button onClick={() => setAction('transfer')}>{t.transfer}</Button>
              <Button onClick={() => setAction('leave')}>{t.leave}</Button>
              <Button danger onClick={() => setAction('discharge')}>
                {t.discharge}
              </Button>
            </Space>
          )
        }
      >
        <Descriptions
          size="small"
          column={3}
          items={[
            { label: t.gender, children: r.gender === 'F' ? t.female : t.male },
            { label: t.dateOfBirth, children: r.dateOfBirth },
            { label: t.idNumber, children: r.idNumber },
            { label: t.careLevel, children: r.careLevel ? <Tag color="blue">{t[r.careLevel]}</Tag> : t.unassessed },
            {
              label: t.category,
              children: r.categories.map((c) => <Tag key={c}>{lang === 'zh' ? (RESIDENT_CATEGORY_LABELS[c] ?? c) : c}</Tag>),
            },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col span={14}>
          <Card title={t.stays} size="small">
            <Table
              rowKey={(s) => `${s.bedId}${s.from}`}
              size="small"
              pagination={false}
              loading={admissions.isLoading}
              locale={{ emptyText: t.empty }}
              dataSource={admissions.data?.flatMap((a) => a.stays) ?? []}
              columns={[
                { title: t.bed, dataIndex: 'bedCode' },
                { title: t.from, dataIndex: 'from' },
                { title: t.to, dataIndex: 'to', render: (v) => v ?? '—' },
              ]}
            />
          </Card>
          <Card title={t.leaves} size="small" style={{ marginTop: 16 }}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              locale={{ emptyText: t.empty }}
              dataSource={admissions.data?.flatMap((a) => a.leaves) ?? []}
              columns={[
                { title: t.kind, dataIndex: 'kind', render: (k: 'LEAVE' | 'HOSPITAL') => t[k] },
                { title: t.from, dataIndex: 'from' },
                { title: t.to, dataIndex: 'to' },
                { title: t.reason, dataIndex: 'reason' },
              ]}
            />
          </Card>
        </Col>
        <Col span={10}>
          <Card title={`${t.assessments} · ${t.levelHistory}`} size="small">
            {assessments.isLoading ? (
              <Loading />
            ) : (
              <Timeline
                items={[...(assessments.data ?? [])]
                  .sort((a, b) => b.effectiveOn.localeCompare(a.effectiveOn))
                  .map((a) => ({
                    color: a.careLevel === 'FULLY_DISABLED' ? 'red' : a.careLevel === 'SEMI_DISABLED' ? 'orange' : 'green',
                    children: (
                      <span>
                        <b>{a.effectiveOn}</b> {t[a.careLevel]} <span style={{ color: '#7b8794' }}>· {a.assessor}</span>
                      </span>
                    ),
                  }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      {action && current && <StayAction action={action} admission={current} residentId={residentId} onClose={() => setAction(null)} />}
    </Space>
  );
}

type StayForm = { bedId: string; on: Dayjs; range: [Dayjs, Dayjs]; reason: string; kind: 'LEAVE' | 'HOSPITAL' };

function StayAction({
  action,
  admission,
  residentId,
  onClose,
}: {
  action: Action;
  admission: Admission;
  residentId: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const today = useToday();
  const [form] = Form.useForm<StayForm>();
  const [error, setError] = useState<string | null>(null);
  const freeBeds = useBedsToChoose(today().format('YYYY-MM-DD'), action === 'transfer');
  const save = useStayChange(admission.id, residentId);
  const day = (d: Dayjs) => d.format('YYYY-MM-DD');
  const submit = (v: StayForm) => {
    setError(null);
    save.mutate(
      action === 'transfer'
        ? { action, bedId: v.bedId, on: day(v.on) }
        : action === 'leave'
          ? { action, kind: v.kind, from: day(v.range[0]), to: day(v.range[1]), reason: v.reason }
          : { action, on: day(v.on), reason: v.reason },
      {
        onSuccess: () => {
          message.success(t.saved);
          onClose();
        },
        onError: (e) => setError(describe(e)),
      },
    );
  };
  return (
    <Modal
      open
      title={t[action]}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.save}
      cancelText={t.cancel}
      confirmLoading={save.isPending}
    >
      <Form form={form} layout="vertical" initialValues={{ on: today(), kind: 'LEAVE' }} onFinish={submit}>
        {action === 'transfer' && (
          <Form.Item name="bedId" label={t.bed} rules={[{ required: true }]}>
            <Select
              loading={freeBeds.isLoading}
              options={(freeBeds.data ?? [])
                .filter((b) => b.status === 'FREE')
                .map((b) => ({ value: b.id, label: `${b.code}${b.kind === 'NURSING' ? `（${t.nursing}）` : ''}` }))}
            />
          </Form.Item>
        )}
        {action !== 'leave' && (
          <Form.Item name="on" label={t.on} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        )}
        {action === 'leave' && (
          <>
            <Form.Item name="kind" label={t.kind}>
              <Select
                options={[
                  { value: 'LEAVE', label: t.LEAVE },
                  { value: 'HOSPITAL', label: t.HOSPITAL },
                ]}
              />
            </Form.Item>
            <Form.Item name="range" label={`${t.from} – ${t.to}`} rules={[{ required: true }]}>
              <DatePicker.RangePicker />
            </Form.Item>
          </>
        )}
        {action !== 'transfer' && (
          <Form.Item name="reason" label={t.reason} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        {error && <div style={{ color: '#b42318' }}>{error}</div>}
      </Form>
    </Modal>
  );
}
