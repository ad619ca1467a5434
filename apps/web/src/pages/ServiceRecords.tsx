import { App, AutoComplete, Button, Card, Col, DatePicker, Form, Input, Modal, Row, Select, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useErrorMessage } from '../api/errors';
import {
  SERVICE_KINDS,
  type ServiceKind,
  type ServiceRecord,
  useDayMembers,
  useRecordService,
  useServiceRecords,
  useServiceSummary,
} from '../api/hooks/day-care';
import { useStaff } from '../api/hooks/staff';
import { Failed } from '../components/Failed';
import { PageTitle } from '../components/PageTitle';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';
import { instantOf, localTime, useTimeZone, useToday } from '../today';
import { EmptyText, ScrollRegion, Secondary, Toolbar } from './page-parts';
import { MonthPicker } from './MonthPicker';

/**
 * 六助服务记录 (docs/rules.md §4): the month's services by kind (services and different members), the
 * records of the month filtered by kind or a name, and 登记服务: member, kind, when, by whom, note.
 */
export default function ServiceRecords() {
  const { t } = useI18n();
  const { me } = useAuth();
  const today = useToday();
  const [month, setMonth] = useState<Dayjs>(() => today().startOf('month'));
  const [kind, setKind] = useState<ServiceKind | undefined>(undefined);
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const timeZone = useTimeZone();
  const from = month.format('YYYY-MM-01');
  const to = month.add(1, 'month').format('YYYY-MM-01');
  const summary = useServiceSummary(month.format('YYYY-MM'));
  const records = useServiceRecords(from, to, kind);
  const rows = useMemo(() => {
    const term = q.trim();
    return (records.data ?? []).filter((r) => !term || r.name.includes(term) || r.servedBy.includes(term)).reverse();
  }, [records.data, q]);
  const canWrite = me?.role === 'FACILITY_MANAGER';
  if (records.error) return <Failed error={records.error} retry={() => records.refetch()} />;
  if (summary.error) return <Failed error={summary.error} retry={() => summary.refetch()} />;
  return (
    <>
      <PageTitle>{t.services}</PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Toolbar>
          <MonthPicker value={month} onChange={(d) => setMonth(d.startOf('month'))} label={t.month} testId="services-month" />
          {canWrite && (
            <Button type="primary" onClick={() => setAdding(true)}>
              {t.recordService}
            </Button>
          )}
        </Toolbar>
        <h2 style={{ fontSize: 16, margin: '0 0 8px' }}>{t.monthSummary}</h2>
        <Row gutter={[8, 8]} data-testid="services-summary">
          {(summary.data?.kinds ?? []).map((k) => (
            <Col xs={12} sm={8} lg={4} key={k.kind}>
              <div data-kind={k.kind} style={{ border: '1px solid #eef0f3', borderRadius: 6, padding: '8px 12px' }}>
                <div style={{ fontWeight: 600 }}>{t[k.kind as ServiceKind]}</div>
                <div data-testid={`summary-${k.kind}`}>
                  {t.servicesCount.replace('{n}', String(k.services))} · {t.personsCount.replace('{n}', String(k.persons))}
                </div>
              </div>
            </Col>
          ))}
        </Row>
        {summary.data && (
          <p style={{ margin: '8px 0 0' }} data-testid="summary-total">
            {t.totalServices}
            {t.servicesCount.replace('{n}', String(summary.data.services))} · {t.personsCount.replace('{n}', String(summary.data.persons))}
          </p>
        )}
      </Card>
      <Card>
        <Toolbar>
          <Select<ServiceKind | 'ALL'>
            value={kind ?? 'ALL'}
            onChange={(v) => setKind(v === 'ALL' ? undefined : v)}
            aria-label={t.serviceKind}
            style={{ width: 140 }}
            options={[{ value: 'ALL', label: t.allKinds }, ...SERVICE_KINDS.map((k) => ({ value: k, label: t[k] }))]}
            data-testid="services-kind"
          />
          <Input.Search
            placeholder={t.searchMemberOrStaff}
            aria-label={t.searchMemberOrStaff}
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            style={{ width: 240 }}
          />
          <Secondary>{t.recordsCount.replace('{n}', String(rows.length))}</Secondary>
        </Toolbar>
        <ScrollRegion label={t.services}>
          <Table<ServiceRecord>
            rowKey="id"
            scroll={{ x: 'max-content' }}
            loading={records.isLoading}
            dataSource={rows}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
            columns={[
              { title: t.servedAt, dataIndex: 'servedAt', render: (v: string) => localTime(v, timeZone) },
              { title: t.member, dataIndex: 'name', render: (v: string) => <span data-data>{v}</span> },
              { title: t.serviceKind, dataIndex: 'kind', render: (k: ServiceKind) => <Tag>{t[k]}</Tag> },
              { title: t.servedBy, dataIndex: 'servedBy', render: (v: string) => <span data-data>{v}</span> },
              { title: t.notes, dataIndex: 'notes', render: (v: string | null) => (v ? <span data-data>{v}</span> : '—') },
            ]}
          />
        </ScrollRegion>
      </Card>
      {adding && <RecordServiceDialog onClose={() => setAdding(false)} />}
    </>
  );
}

interface ServiceForm {
  residentId: string;
  kind: ServiceKind;
  servedAt: Dayjs;
  servedBy: string;
  notes?: string;
}

/** 登记服务: a member of today, the kind (助餐 first), when (now by default, never ahead), who served, a note. */
function RecordServiceDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const today = useToday();
  const timeZone = useTimeZone();
  const [form] = Form.useForm<ServiceForm>();
  const [serverError, setServerError] = useState<string | null>(null);
  const members = useDayMembers(today().format('YYYY-MM-DD'));
  const staff = useStaff();
  const record = useRecordService();
  const submit = (v: ServiceForm) => {
    setServerError(null);
    // The wall-clock time picked is the facility's (its time zone), whatever the browser's.
    const servedAt = instantOf(v.servedAt, timeZone);
    record.mutate(
      { residentId: v.residentId, kind: v.kind, servedAt, servedBy: v.servedBy.trim(), notes: v.notes?.trim() || undefined },
      {
        onSuccess: () => {
          message.success(t.saved);
          onClose();
        },
        onError: (e) => setServerError(describe(e)),
      },
    );
  };
  const nowHere = dayjs(localTime(new Date().toISOString(), timeZone));
  return (
    <Modal
      open
      title={t.recordService}
      onCancel={onClose}
      okText={t.save}
      cancelText={t.cancel}
      confirmLoading={record.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'MEAL', servedAt: nowHere }} onFinish={submit} data-testid="service-form">
        <Form.Item name="residentId" label={t.member} rules={[{ required: true, message: t.memberRequired }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={members.isLoading}
            options={(members.data ?? []).map((m) => ({ value: m.residentId, label: m.name }))}
            data-testid="service-member"
          />
        </Form.Item>
        <Form.Item name="kind" label={t.serviceKind}>
          <Select options={SERVICE_KINDS.map((k) => ({ value: k, label: t[k] }))} data-testid="service-kind" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="servedAt" label={t.servedAt} rules={[{ required: true, message: t.servedAtRequired }]}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
                placement="bottomLeft"
                disabledDate={(d) => d.isAfter(today(), 'day')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="servedBy" label={t.servedBy} rules={[{ required: true, whitespace: true, message: t.servedByRequired }]}>
              <AutoComplete
                options={(staff.data ?? []).map((s) => ({ value: s.name }))}
                filterOption={(input, o) => String(o?.value ?? '').includes(input)}
                maxLength={50}
                data-testid="service-by"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t.notes}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
        {serverError && (
          <Typography.Text type="danger" role="alert" data-testid="server-error">
            {serverError}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
