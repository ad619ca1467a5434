import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { INCIDENT_TYPES, SAFETY_DRILL_KINDS, type SafetyDrillKind, type SafetyRisk } from '@careops/care';
import { useErrorMessage } from '../api/errors';
import {
  type Incident,
  type IncidentType,
  type SafetyDrill,
  useCloseIncident,
  useIncidents,
  useLatestRisks,
  useRecordDrill,
  useReportIncident,
  useSafetyDrills,
  useSafetySummary,
} from '../api/hooks/safety';
import { useAuth } from '../auth';
import { Failed } from '../components/Failed';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n';
import { instantOf, localTime, useTimeZone, useToday } from '../today';
import { EmptyText, ScrollRegion, Secondary, Toolbar } from './page-parts';
import { MonthPicker } from './MonthPicker';

const H2 = { fontSize: 16, fontWeight: 600, margin: 0 };

/**
 * 安全管理 (docs/rules.md §10, GB 38600-2019): the month's figures (residents risk-assessed, 高 risks
 * without a measure, incidents, the last drill and inspection), the incidents (report one, close one
 * with the family notice and a review), and the fire drills and safety inspections.
 */
export default function Safety() {
  const { t } = useI18n();
  const { me } = useAuth();
  const today = useToday();
  const timeZone = useTimeZone();
  const [month, setMonth] = useState<Dayjs>(() => today().startOf('month'));
  const [type, setType] = useState<IncidentType | undefined>(undefined);
  const [state, setState] = useState<'OPEN' | 'CLOSED' | undefined>(undefined);
  const [q, setQ] = useState('');
  const [dialog, setDialog] = useState<'incident' | 'drill' | null>(null);
  const [closing, setClosing] = useState<Incident | null>(null);
  const manages = me?.role === 'FACILITY_MANAGER';
  const from = month.format('YYYY-MM-01');
  const to = month.add(1, 'month').format('YYYY-MM-01');
  const summary = useSafetySummary(month.format('YYYY-MM'));
  const incidents = useIncidents({ from, to, type, state });
  const drills = useSafetyDrills();
  const rows = useMemo(() => {
    const term = q.trim();
    return (incidents.data ?? []).filter(
      (i) => !term || i.place.includes(term) || i.description.includes(term) || i.residents.some((r) => r.name.includes(term)),
    );
  }, [incidents.data, q]);
  if (summary.error) return <Failed error={summary.error} retry={() => summary.refetch()} />;
  if (incidents.error) return <Failed error={incidents.error} retry={() => incidents.refetch()} />;
  const s = summary.data;
  const drillText = (d: SafetyDrill | null | undefined) => (d ? d.on : t.safetyNone);
  return (
    <>
      <PageTitle extra={<MonthPicker value={month} onChange={(d) => setMonth(d.startOf('month'))} label={t.month} testId="safety-month" />}>
        {t.safety}
      </PageTitle>
      <Card title={<h2 style={H2}>{t.safetySummary}</h2>} style={{ marginBottom: 16 }}>
        <Row gutter={[8, 8]} data-testid="safety-summary">
          {[
            {
              key: 'assessed',
              label: t.safetyAssessed,
              value: s ? t.safetyAssessedOf.replace('{n}', String(s.residentsAssessed)).replace('{m}', String(s.residentsInCare)) : '—',
              bad: !!s && s.residentsAssessed < s.residentsInCare,
            },
            {
              key: 'unmeasured',
              label: t.safetyUnmeasured,
              value: s ? String(s.highRisksWithoutMeasure.length) : '—',
              bad: !!s?.highRisksWithoutMeasure.length,
            },
            {
              key: 'incidents',
              label: t.safetyIncidents,
              value: s ? `${s.incidents} · ${t.incidentOPEN} ${s.openIncidents}` : '—',
              bad: !!s?.openIncidents,
            },
            { key: 'drill', label: t.safetyLastDrill, value: drillText(s?.lastFireDrill), bad: !!s && !s.lastFireDrill },
            { key: 'inspection', label: t.safetyLastInspection, value: drillText(s?.lastInspection), bad: !!s && !s.lastInspection },
          ].map((k) => (
            <Col xs={12} sm={8} lg={4} key={k.key}>
              <div style={{ border: `1px solid ${k.bad ? '#ffccc7' : '#eef0f3'}`, borderRadius: 6, padding: '8px 12px', height: '100%' }}>
                <div>
                  <Secondary>{k.label}</Secondary>
                </div>
                <div style={{ fontWeight: 600, fontSize: 16 }} data-testid={`safety-${k.key}`}>
                  {k.value}
                </div>
              </div>
            </Col>
          ))}
        </Row>
        {s && s.incidentsByType.length > 0 && (
          <p style={{ margin: '8px 0 0' }} data-testid="safety-by-type">
            <Secondary>{t.safetyByType}</Secondary>
            {s.incidentsByType.map((x) => `${t[`incident_${x.type as IncidentType}`]} ${x.count}`).join(' · ')}
          </p>
        )}
        {s && s.unassessed.length > 0 && (
          <p style={{ margin: '8px 0 0' }}>
            <Secondary>{t.safetyUnassessed}</Secondary>
            <span data-data>
              {s.unassessed
                .slice(0, 10)
                .map((u) => u.name)
                .join('、')}
            </span>
            {s.unassessed.length > 10 && ` ${t.safetyMore.replace('{n}', String(s.unassessed.length))}`}
          </p>
        )}
        {s && s.highRisksWithoutMeasure.length > 0 && (
          <Alert
            type="error"
            style={{ marginTop: 8 }}
            message={s.highRisksWithoutMeasure.map((u) => (
              <div key={`${u.residentId}-${u.risk}`}>
                <span data-data>{u.name}</span> · {t[`risk_${u.risk as SafetyRisk}`]}
              </div>
            ))}
          />
        )}
      </Card>
      <Card title={<h2 style={H2}>{t.incidents}</h2>} style={{ marginBottom: 16 }}>
        <Toolbar>
          <Select<IncidentType | 'ALL'>
            value={type ?? 'ALL'}
            onChange={(v) => setType(v === 'ALL' ? undefined : v)}
            aria-label={t.incidentType}
            style={{ width: 150 }}
            options={[{ value: 'ALL', label: t.incidentAllTypes }, ...INCIDENT_TYPES.map((k) => ({ value: k, label: t[`incident_${k}`] }))]}
            data-testid="incident-type-filter"
          />
          <Select<'OPEN' | 'CLOSED' | 'ALL'>
            value={state ?? 'ALL'}
            onChange={(v) => setState(v === 'ALL' ? undefined : v)}
            aria-label={t.incidentState}
            style={{ width: 120 }}
            options={[
              { value: 'ALL', label: t.incidentAllStates },
              { value: 'OPEN', label: t.incidentOPEN },
              { value: 'CLOSED', label: t.incidentCLOSED },
            ]}
            data-testid="incident-state-filter"
          />
          <Input.Search
            placeholder={t.incidentSearch}
            aria-label={t.incidentSearch}
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            style={{ width: 240, maxWidth: '100%' }}
          />
          {manages && (
            <Button type="primary" onClick={() => setDialog('incident')} data-testid="incident-new">
              {t.incidentNew}
            </Button>
          )}
        </Toolbar>
        <ScrollRegion label={t.incidents}>
          <Table<Incident>
            rowKey="id"
            scroll={{ x: 'max-content' }}
            loading={incidents.isLoading}
            dataSource={rows}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
            expandable={{
              expandedRowRender: (i) => <IncidentDetail incident={i} timeZone={timeZone} />,
            }}
            columns={[
              { title: t.incidentOccurredAt, dataIndex: 'occurredAt', render: (v: string) => localTime(v, timeZone) },
              { title: t.incidentType, dataIndex: 'type', render: (k: IncidentType) => <Tag>{t[`incident_${k}`]}</Tag> },
              {
                title: t.incidentState,
                dataIndex: 'state',
                render: (v: 'OPEN' | 'CLOSED', i) =>
                  v === 'OPEN' && manages ? (
                    <Button size="small" danger onClick={() => setClosing(i)} data-testid="incident-close">
                      {t.incidentClose}
                    </Button>
                  ) : (
                    <Tag color={v === 'OPEN' ? 'red' : 'green'}>{t[`incident${v}`]}</Tag>
                  ),
              },
              {
                title: t.incidentResidents,
                dataIndex: 'residents',
                render: (rs: Incident['residents']) => (rs.length ? <span data-data>{rs.map((r) => r.name).join('、')}</span> : '—'),
              },
              { title: t.incidentPlace, dataIndex: 'place', render: (v: string) => <span data-data>{v}</span> },
            ]}
          />
        </ScrollRegion>
      </Card>
      <Card
        title={<h2 style={H2}>{t.drills}</h2>}
        extra={
          manages && (
            <Button onClick={() => setDialog('drill')} data-testid="drill-new">
              {t.drillAdd}
            </Button>
          )
        }
      >
        <ScrollRegion label={t.drills}>
          <Table<SafetyDrill>
            rowKey="id"
            scroll={{ x: 'max-content' }}
            loading={drills.isLoading}
            dataSource={drills.data ?? []}
            pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
            locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
            columns={[
              { title: t.drillOn, dataIndex: 'on' },
              { title: t.drillKind, dataIndex: 'kind', render: (k: SafetyDrillKind) => <Tag>{t[`drill_${k}`]}</Tag> },
              {
                title: t.drillParticipants,
                dataIndex: 'participants',
                render: (v: string, d) => <span data-data>{d.participantCount !== null ? `${v}（${d.participantCount}）` : v}</span>,
              },
              { title: t.drillFindings, dataIndex: 'findings', render: (v: string) => <span data-data>{v}</span> },
            ]}
          />
        </ScrollRegion>
      </Card>
      {dialog === 'incident' && <IncidentDialog onClose={() => setDialog(null)} />}
      {dialog === 'drill' && <DrillDialog onClose={() => setDialog(null)} />}
      {closing && <CloseDialog incident={closing} onClose={() => setClosing(null)} />}
    </>
  );
}

function IncidentDetail({ incident: i, timeZone }: { incident: Incident; timeZone: string }) {
  const { t } = useI18n();
  const line = (label: string, value: string | null | undefined) =>
    value ? (
      <p style={{ margin: '0 0 4px' }}>
        <Secondary>{label}</Secondary> <span data-data>{value}</span>
      </p>
    ) : null;
  return (
    <div data-testid="incident-detail">
      {line(t.incidentDescription, i.description)}
      {line(t.incidentInjuries, i.injuries)}
      {line(t.incidentActions, i.actions)}
      {i.familyNotifiedAt && line(t.familyNotifiedAt, localTime(i.familyNotifiedAt, timeZone))}
      {line(t.familyNotifiedHow, i.familyNotifiedHow)}
      {line(t.familyNotifiedBy, i.familyNotifiedBy)}
      {line(t.incidentReview, i.review)}
    </div>
  );
}

interface IncidentForm {
  type: IncidentType;
  occurredAt: Dayjs;
  place: string;
  residentIds: string[];
  description: string;
  injuries?: string;
  actions?: string;
}

/** 上报事件: type, when (never ahead), where, who, what happened, injuries, actions taken. */
function IncidentDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const today = useToday();
  const timeZone = useTimeZone();
  const [form] = Form.useForm<IncidentForm>();
  const [serverError, setServerError] = useState<string | null>(null);
  const residents = useLatestRisks();
  const report = useReportIncident();
  const submit = (v: IncidentForm) => {
    setServerError(null);
    report.mutate(
      {
        type: v.type,
        occurredAt: instantOf(v.occurredAt, timeZone),
        place: v.place.trim(),
        residentIds: v.residentIds ?? [],
        description: v.description.trim(),
        ...(v.injuries?.trim() ? { injuries: v.injuries.trim() } : {}),
        ...(v.actions?.trim() ? { actions: v.actions.trim() } : {}),
      },
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
      title={t.incidentNew}
      onCancel={onClose}
      okText={t.save}
      cancelText={t.cancel}
      okButtonProps={{ htmlType: 'submit', form: 'incident-form', loading: report.isPending }}
      destroyOnHidden
    >
      <Form<IncidentForm>
        id="incident-form"
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ type: 'FALL', occurredAt: nowHere, residentIds: [] }}
        onFinish={submit}
        data-testid="incident-form"
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="type" label={t.incidentType}>
              <Select options={INCIDENT_TYPES.map((k) => ({ value: k, label: t[`incident_${k}`] }))} data-testid="incident-type" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="occurredAt" label={t.incidentOccurredAt} rules={[{ required: true, message: t.fieldRequired }]}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
                placement="bottomLeft"
                disabledDate={(d) => d.isAfter(today(), 'day')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="residentIds" label={t.incidentResidents}>
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            loading={residents.isLoading}
            options={(residents.data ?? []).map((r) => ({ value: r.residentId, label: r.name }))}
            data-testid="incident-residents"
          />
        </Form.Item>
        <Form.Item name="place" label={t.incidentPlace} rules={[{ required: true, whitespace: true, message: t.fieldRequired }]}>
          <Input maxLength={100} autoComplete="off" data-testid="incident-place" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t.incidentDescription}
          rules={[{ required: true, whitespace: true, message: t.fieldRequired }]}
        >
          <Input.TextArea maxLength={2000} rows={2} data-testid="incident-description" />
        </Form.Item>
        <Form.Item name="injuries" label={t.incidentInjuries}>
          <Input maxLength={1000} autoComplete="off" />
        </Form.Item>
        <Form.Item name="actions" label={t.incidentActions}>
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
        {serverError && <Alert type="error" showIcon message={serverError} />}
      </Form>
    </Modal>
  );
}

interface CloseForm {
  familyNotifiedAt: Dayjs;
  familyNotifiedHow: string;
  familyNotifiedBy: string;
  review: string;
}

/** 结案: only with the family notice (when, how, by whom) and the review (docs/rules.md §10); then the incident is frozen. */
function CloseDialog({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const today = useToday();
  const timeZone = useTimeZone();
  const [form] = Form.useForm<CloseForm>();
  const [serverError, setServerError] = useState<string | null>(null);
  const close = useCloseIncident(incident.id);
  const submit = (v: CloseForm) => {
    setServerError(null);
    close.mutate(
      {
        familyNotifiedAt: instantOf(v.familyNotifiedAt, timeZone),
        familyNotifiedHow: v.familyNotifiedHow.trim(),
        familyNotifiedBy: v.familyNotifiedBy.trim(),
        review: v.review.trim(),
      },
      {
        onSuccess: () => {
          message.success(t.saved);
          onClose();
        },
        onError: (e) => setServerError(describe(e)),
      },
    );
  };
  const required = [{ required: true, whitespace: true, message: t.fieldRequired }];
  return (
    <Modal
      open
      title={t.incidentCloseTitle}
      onCancel={onClose}
      okText={t.incidentClose}
      cancelText={t.cancel}
      okButtonProps={{ htmlType: 'submit', form: 'close-form', loading: close.isPending }}
      destroyOnHidden
    >
      <p style={{ marginTop: 0 }}>
        <Tag>{t[`incident_${incident.type as IncidentType}`]}</Tag>
        {localTime(incident.occurredAt, timeZone)} <span data-data>{incident.residents.map((r) => r.name).join('、')}</span>
      </p>
      <Form<CloseForm> id="close-form" form={form} layout="vertical" requiredMark={false} onFinish={submit} data-testid="close-form">
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="familyNotifiedAt" label={t.familyNotifiedAt} rules={[{ required: true, message: t.fieldRequired }]}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
                placement="bottomLeft"
                disabledDate={(d) => d.isAfter(today(), 'day')}
                data-testid="close-notified-at"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="familyNotifiedHow" label={t.familyNotifiedHow} rules={required}>
              <Input maxLength={100} autoComplete="off" data-testid="close-how" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="familyNotifiedBy" label={t.familyNotifiedBy} rules={required}>
          <Input maxLength={50} autoComplete="off" data-testid="close-by" />
        </Form.Item>
        <Form.Item name="review" label={t.incidentReview} rules={required}>
          <Input.TextArea maxLength={2000} rows={3} data-testid="close-review" />
        </Form.Item>
        {serverError && <Alert type="error" showIcon message={serverError} />}
      </Form>
    </Modal>
  );
}

interface DrillForm {
  kind: SafetyDrillKind;
  on: Dayjs;
  participants: string;
  participantCount?: number;
  findings: string;
}

/** 登记演练/检查: a fire drill or a safety inspection, its day, who took part (and how many), what was found. */
function DrillDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const today = useToday();
  const [form] = Form.useForm<DrillForm>();
  const [serverError, setServerError] = useState<string | null>(null);
  const record = useRecordDrill();
  const submit = (v: DrillForm) => {
    setServerError(null);
    record.mutate(
      {
        kind: v.kind,
        on: v.on.format('YYYY-MM-DD'),
        participants: v.participants.trim(),
        ...(v.participantCount !== undefined && v.participantCount !== null ? { participantCount: v.participantCount } : {}),
        findings: v.findings.trim(),
      },
      {
        onSuccess: () => {
          message.success(t.saved);
          onClose();
        },
        onError: (e) => setServerError(describe(e)),
      },
    );
  };
  const required = [{ required: true, whitespace: true, message: t.fieldRequired }];
  return (
    <Modal
      open
      title={t.drillAdd}
      onCancel={onClose}
      okText={t.save}
      cancelText={t.cancel}
      okButtonProps={{ htmlType: 'submit', form: 'drill-form', loading: record.isPending }}
      destroyOnHidden
    >
      <Form<DrillForm>
        id="drill-form"
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: 'FIRE_DRILL', on: today() }}
        onFinish={submit}
        data-testid="drill-form"
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label={t.drillKind}>
              <Select options={SAFETY_DRILL_KINDS.map((k) => ({ value: k, label: t[`drill_${k}`] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="on" label={t.drillOn} rules={[{ required: true, message: t.fieldRequired }]}>
              <DatePicker allowClear={false} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today(), 'day')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={16}>
            <Form.Item name="participants" label={t.drillParticipants} rules={required}>
              <Input maxLength={500} autoComplete="off" data-testid="drill-participants" />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="participantCount" label={t.drillCount}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="findings" label={t.drillFindings} rules={required}>
          <Input.TextArea maxLength={2000} rows={3} data-testid="drill-findings" />
        </Form.Item>
        {serverError && <Alert type="error" showIcon message={serverError} />}
      </Form>
    </Modal>
  );
}
