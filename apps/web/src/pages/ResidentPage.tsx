import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Checkbox,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { RESIDENT_CATEGORIES, type ResidentCategory } from '@careops/care';
import { download } from '../api/client';
import { useErrorMessage } from '../api/errors';
import { useBedsToChoose } from '../api/hooks/beds';
import {
  type Admission,
  type Resident,
  type ResidentChange,
  useAdmissions,
  useAssessments,
  useResident,
  useStayChange,
  useUpdateResident,
} from '../api/hooks/residents';
import { useAuth } from '../auth';
import { ReadmitDialog } from './AdmitDialog';
import { Failed } from '../components/Failed';
import { PageTitle } from '../components/PageTitle';
import { Loading } from '../components/Loading';
import { type Messages, useI18n } from '../i18n';
import { EmptyText, ScrollRegion } from './page-parts';
import { useToday } from '../today';
import { CorrectionsCard, entryText, VoidDialog, type VoidTarget } from './VoidDialog';
import { RiskCard } from './RiskCard';
import { AccountCard } from './AccountCard';

type Action = StayActionKind | 'readmit' | 'edit';
type StayActionKind = 'transfer' | 'leave' | 'discharge';

/** A mainland mobile or a landline with its area code, as the API checks it (docs/api.md). */
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

const STATUS_COLOR: Record<Resident['status'], string> = {
  IN_CARE: 'green',
  ON_LEAVE: 'orange',
  DISCHARGED: 'default',
  REGISTERED: 'blue',
};

/** A resident: stays, leaves, the assessment timeline (level history); transfer, leave, discharge. */
export default function ResidentPage() {
  const { residentId = '', facilityId = '' } = useParams();
  const { t } = useI18n();
  const resident = useResident(residentId);
  const assessments = useAssessments(residentId);
  const admissions = useAdmissions(residentId);
  const [action, setAction] = useState<Action | null>(null);
  const [voiding, setVoiding] = useState<VoidTarget | null>(null);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const { me } = useAuth();
  const manages = me?.role === 'FACILITY_MANAGER';
  if (resident.isLoading) return <Loading />;
  if (resident.error) return <Failed error={resident.error} retry={() => resident.refetch()} />;
  const r = resident.data as Resident;
  const current = admissions.data?.find((a) => a.dischargedOn === null);
  // The latest admission (newest first): its discharge day and reason are shown with the status.
  const latest = admissions.data?.[0];
  const contact = (c: { name: string; relation: string; phone: string }) => (
    <span data-data>{`${c.name}${t.regParenOpen}${c.relation}${t.regParenClose} ${c.phone}`}</span>
  );
  return (
    <>
      <PageTitle
        extra={
          <>
            {manages && (
              <Button onClick={() => setAction('edit')} data-testid="edit-resident">
                {t.regEdit}
              </Button>
            )}
            {manages && (
              <Button onClick={() => navigate('assess')} data-testid="assess">
                {t.assessAdd}
              </Button>
            )}
            {manages && r.status === 'DISCHARGED' && latest?.dischargedOn && (
              <Button
                onClick={() =>
                  setVoiding({
                    kind: 'DISCHARGE',
                    id: latest.id,
                    what: entryText(t, 'DISCHARGE', { dischargedOn: latest.dischargedOn }),
                  })
                }
                data-testid="void-discharge"
              >
                {t.voidDischarge}
              </Button>
            )}
            {manages && !current && admissions.data && (
              <Button type="primary" onClick={() => setAction('readmit')} data-testid="readmit">
                {latest ? t.regReadmit : t.admit}
              </Button>
            )}
            {manages && current && (
              <>
                <Button onClick={() => setAction('transfer')}>{t.transfer}</Button>
                <Button onClick={() => setAction('leave')}>{t.leave}</Button>
                <Button danger onClick={() => setAction('discharge')}>
                  {t.discharge}
                </Button>
              </>
            )}
          </>
        }
      >
        <span data-data>{r.name}</span>{' '}
        <Tag color={STATUS_COLOR[r.status]} style={{ verticalAlign: 'middle' }} data-testid="resident-status">
          {t[`regStatus${r.status}`]}
        </Tag>
      </PageTitle>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {/* The accountant comes for the account (docs/rules.md §9): first for them, after the care records for the others. */}
        {me?.role === 'ACCOUNTANT' && <AccountCard residentId={residentId} discharged={r.status === 'DISCHARGED'} />}
        <Card>
          {/* One item a row on a phone, label above its value: a date or an ID never wraps a character a line. */}
          <Descriptions
            size="small"
            title={
              <Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>
                {t.residentDetails}
              </Typography.Title>
            }
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              { label: t.gender, children: r.gender === 'F' ? t.female : t.male },
              {
                label: t.dateOfBirth,
                children: (
                  <span data-data style={{ whiteSpace: 'nowrap' }}>
                    {r.dateOfBirth}
                  </span>
                ),
              },
              {
                label: t.idNumber,
                children: (
                  <span data-data style={{ whiteSpace: 'nowrap' }}>
                    {r.idNumber}
                  </span>
                ),
              },
              { label: t.careLevel, children: r.careLevel ? <Tag color="blue">{t[r.careLevel]}</Tag> : t.unassessed },
              ...(r.status === 'DISCHARGED' && latest?.dischargedOn
                ? [
                    { label: t.regDischargedOn, children: <span style={{ whiteSpace: 'nowrap' }}>{latest.dischargedOn}</span> },
                    { label: t.regDischargeReason, children: <span data-data>{latest.dischargeReason ?? '—'}</span> },
                  ]
                : []),
              { label: t.regHukou, children: r.hukou ? <span data-data>{r.hukou}</span> : t.regNone },
              { label: t.regPhone, children: r.phone ? <span data-data>{r.phone}</span> : t.regNone },
              { label: t.regGuardian, children: r.guardian ? contact(r.guardian) : t.regNone },
              {
                label: t.regEmergencyContacts,
                children: r.emergencyContacts.length ? (
                  <span style={{ display: 'flex', flexDirection: 'column' }}>
                    {r.emergencyContacts.map((c, i) => (
                      <span key={i}>{contact(c)}</span>
                    ))}
                  </span>
                ) : (
                  t.regNone
                ),
              },
              {
                label: t.category,
                children: !r.categories.length ? (
                  t.regNone
                ) : (
                  // Several tags wrap on a phone rather than run out of the card.
                  <span style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
                    {r.categories.map((c) => (
                      <Tag key={c} style={{ marginInlineEnd: 0 }}>
                        {categoryLabels(t)[c] ?? c}
                      </Tag>
                    ))}
                  </span>
                ),
              },
            ]}
          />
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card title={<h2 style={H2}>{t.stays}</h2>} size="small">
              <ScrollRegion label={t.stays}>
                <Table
                  scroll={{ x: 'max-content' }}
                  rowKey="id"
                  size="small"
                  pagination={false}
                  loading={admissions.isLoading}
                  locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
                  // docs/rules.md §12: an admission's first stay voids the admission, its latest later stay the transfer.
                  dataSource={
                    admissions.data?.flatMap((a) =>
                      a.stays.map((s, i) => ({
                        ...s,
                        target:
                          i === 0
                            ? {
                                kind: 'ADMISSION' as const,
                                id: a.id,
                                what: entryText(t, 'ADMISSION', { admittedOn: a.admittedOn, beds: a.stays.map((x) => x.bedCode) }),
                              }
                            : i === a.stays.length - 1
                              ? {
                                  kind: 'TRANSFER' as const,
                                  id: s.id,
                                  what: entryText(t, 'TRANSFER', { on: s.from, fromBed: a.stays[i - 1].bedCode, toBed: s.bedCode }),
                                }
                              : null,
                      })),
                    ) ?? []
                  }
                  columns={[
                    { title: t.bed, dataIndex: 'bedCode', render: (v: string) => <span data-data>{v}</span> },
                    { title: t.from, dataIndex: 'from' },
                    { title: t.to, dataIndex: 'to', render: (v) => v ?? '—' },
                    ...(manages
                      ? [
                          {
                            title: t.actions,
                            key: 'void',
                            render: (_: unknown, row: { target: VoidTarget | null }) =>
                              row.target && (
                                <Button
                                  size="small"
                                  type="link"
                                  danger
                                  onClick={() => setVoiding(row.target)}
                                  data-testid={`void-${row.target.kind}`}
                                >
                                  {row.target.kind === 'ADMISSION' ? t.voidAdmission : t.voidTransfer}
                                </Button>
                              ),
                          },
                        ]
                      : []),
                  ]}
                />
              </ScrollRegion>
            </Card>
            <Card title={<h2 style={H2}>{t.leaves}</h2>} size="small" style={{ marginTop: 16 }}>
              <ScrollRegion label={t.leaves}>
                <Table
                  scroll={{ x: 'max-content' }}
                  rowKey="id"
                  size="small"
                  pagination={false}
                  locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
                  dataSource={admissions.data?.flatMap((a) => a.leaves) ?? []}
                  columns={[
                    { title: t.kind, dataIndex: 'kind', render: (k: 'LEAVE' | 'HOSPITAL') => t[k] },
                    { title: t.from, dataIndex: 'from' },
                    { title: t.to, dataIndex: 'to' },
                    { title: t.reason, dataIndex: 'reason', render: (v: string) => <span data-data>{v}</span> },
                    ...(manages
                      ? [
                          {
                            title: t.actions,
                            key: 'void',
                            render: (_: unknown, l: { id: string; kind: 'LEAVE' | 'HOSPITAL'; from: string; to: string }) => (
                              <Button
                                size="small"
                                type="link"
                                danger
                                onClick={() => setVoiding({ kind: 'LEAVE', id: l.id, what: entryText(t, 'LEAVE', l) })}
                                data-testid="void-LEAVE"
                              >
                                {t.voidShort}
                              </Button>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              </ScrollRegion>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card title={<h2 style={H2}>{`${t.assessments} · ${t.levelHistory}`}</h2>} size="small">
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
                          <b>{a.effectiveOn}</b> {t[a.careLevel]}{' '}
                          {a.scored ? (
                            <>
                              <span data-testid="history-score">
                                · {t.assessScore.replace('{n}', String(a.totalScore))}
                                {a.grade ? ` · ${t[`grade_${a.grade}`]}` : ''}
                              </span>{' '}
                              <Button
                                size="small"
                                type="link"
                                aria-label={`${t.assessReport} ${a.effectiveOn}`}
                                data-testid="assessment-report"
                                onClick={() =>
                                  download(
                                    `/api/facilities/${facilityId}/reports/assessment/${a.id}.pdf`,
                                    `assessment-${a.effectiveOn}.pdf`,
                                  ).catch((e) => message.error(describe(e)))
                                }
                              >
                                {t.assessReport}
                              </Button>
                            </>
                          ) : (
                            <Tag data-testid="history-unscored">{t.assessUnscored}</Tag>
                          )}
                          <Typography.Text type="secondary">
                            · <span data-data>{assessorsOf(a)}</span>
                          </Typography.Text>
                          {manages && (
                            <Button
                              size="small"
                              type="link"
                              danger
                              aria-label={`${t.voidAssessment} ${a.effectiveOn}`}
                              onClick={() =>
                                setVoiding({
                                  kind: 'ASSESSMENT',
                                  id: a.id,
                                  what: entryText(t, 'ASSESSMENT', { effectiveOn: a.effectiveOn, careLevel: a.careLevel }),
                                })
                              }
                              data-testid="void-ASSESSMENT"
                            >
                              {t.voidShort}
                            </Button>
                          )}
                        </span>
                      ),
                    }))}
                />
              )}
            </Card>
          </Col>
        </Row>
        <RiskCard residentId={residentId} />
        {me?.role !== 'ACCOUNTANT' && <AccountCard residentId={residentId} discharged={r.status === 'DISCHARGED'} />}
        <CorrectionsCard residentId={residentId} />
        {(action === 'transfer' || action === 'leave' || action === 'discharge') && current && (
          <StayAction action={action} admission={current} residentId={residentId} onClose={() => setAction(null)} />
        )}
        {action === 'readmit' && <ReadmitDialog resident={r} onClose={() => setAction(null)} />}
        {action === 'edit' && <EditRecord resident={r} onClose={() => setAction(null)} />}
        {voiding && <VoidDialog target={voiding} residentId={residentId} onClose={() => setVoiding(null)} />}
      </Space>
    </>
  );
}

/** The assessors of a scored assessment, or the one named with a level. */
const assessorsOf = (a: { assessor: string; assessors: string[] | null }): string =>
  a.assessors?.length ? a.assessors.join('、') : a.assessor;

/** The resident categories in the user's language (the Chinese names are the API's, docs/rules.md §4). */
export const categoryLabels = (t: Messages): Record<ResidentCategory, string> => ({
  TEKUN: t.categoryTekun,
  DIBAO: t.categoryDibao,
  LOW_INCOME: t.categoryLowIncome,
  ADVANCED_AGE: t.categoryAdvancedAge,
  LIVING_ALONE: t.categoryLivingAlone,
  FAMILY_PLANNING_SPECIAL: t.categoryFamilyPlanning,
});

const H2 = { fontSize: 15, fontWeight: 600, margin: 0 };

type RecordForm = Required<Pick<ResidentChange, 'categories' | 'hukou' | 'phone' | 'emergencyContacts'>> & {
  guardian: { name?: string; relation?: string; phone?: string };
};

/** 编辑档案: categories, 户籍, phone, guardian and emergency contacts (validated here and by the API, audited there). */
function EditRecord({ resident, onClose }: { resident: Resident; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const [form] = Form.useForm<RecordForm>();
  const [error, setError] = useState<string | null>(null);
  const save = useUpdateResident(resident.id);
  const labels = categoryLabels(t);
  const phoneRule = { pattern: PHONE, message: t.regPhoneInvalid };
  const submit = (v: RecordForm) => {
    setError(null);
    const g = v.guardian;
    const guardian = g?.name?.trim() ? { name: g.name.trim(), relation: (g.relation ?? '').trim(), phone: (g.phone ?? '').trim() } : null;
    save.mutate(
      {
        categories: v.categories,
        // An emptied field clears what was recorded.
        hukou: v.hukou?.trim() || null,
        phone: v.phone?.trim() || null,
        guardian,
        emergencyContacts: (v.emergencyContacts ?? []).map((c) => ({
          name: c.name.trim(),
          relation: c.relation.trim(),
          phone: c.phone.trim(),
        })),
      },
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
      title={t.regEdit}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.save}
      cancelText={t.cancel}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="record-form"
        initialValues={{
          categories: resident.categories,
          hukou: resident.hukou ?? '',
          phone: resident.phone ?? '',
          guardian: resident.guardian ?? {},
          emergencyContacts: resident.emergencyContacts,
        }}
      >
        <Form.Item name="categories" label={t.category}>
          <Checkbox.Group options={RESIDENT_CATEGORIES.map((c) => ({ value: c, label: labels[c] }))} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="hukou" label={t.regHukou}>
              <Input maxLength={100} data-testid="record-hukou" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t.regPhone} rules={[phoneRule]}>
              <Input maxLength={20} inputMode="tel" data-testid="record-phone" />
            </Form.Item>
          </Col>
        </Row>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 8 }}>{t.regGuardian}</legend>
          <Row gutter={8}>
            <Col xs={24} sm={8}>
              <Form.Item name={['guardian', 'name']} label={t.name}>
                <Input maxLength={50} data-testid="guardian-name" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item
                name={['guardian', 'relation']}
                label={t.regRelation}
                dependencies={[['guardian', 'name']]}
                rules={[({ getFieldValue }) => ({ required: !!getFieldValue(['guardian', 'name']), message: t.fieldRequired })]}
              >
                <Input maxLength={20} data-testid="guardian-relation" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={10}>
              <Form.Item
                name={['guardian', 'phone']}
                label={t.regPhone}
                dependencies={[['guardian', 'name']]}
                rules={[({ getFieldValue }) => ({ required: !!getFieldValue(['guardian', 'name']), message: t.fieldRequired }), phoneRule]}
              >
                <Input maxLength={20} inputMode="tel" data-testid="guardian-phone" />
              </Form.Item>
            </Col>
          </Row>
        </fieldset>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 8 }}>{t.regEmergencyContacts}</legend>
          <Form.List name="emergencyContacts">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row gutter={8} key={f.key} align="bottom">
                    <Col xs={24} sm={7}>
                      <Form.Item
                        name={[f.name, 'name']}
                        label={t.name}
                        rules={[{ required: true, whitespace: true, message: t.fieldRequired }]}
                      >
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={5}>
                      <Form.Item
                        name={[f.name, 'relation']}
                        label={t.regRelation}
                        rules={[{ required: true, whitespace: true, message: t.fieldRequired }]}
                      >
                        <Input maxLength={20} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={8}>
                      <Form.Item
                        name={[f.name, 'phone']}
                        label={t.regPhone}
                        rules={[{ required: true, message: t.fieldRequired }, phoneRule]}
                      >
                        <Input maxLength={20} inputMode="tel" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={4}>
                      <Form.Item>
                        <Button onClick={() => remove(f.name)}>{t.regRemove}</Button>
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                {fields.length < 5 && (
                  <Button onClick={() => add({ name: '', relation: '', phone: '' })} data-testid="add-contact">
                    {t.regAddContact}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </fieldset>
        {error && (
          <Typography.Text type="danger" role="alert" style={{ display: 'block', marginTop: 12 }}>
            {error}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}

type StayForm = { bedId: string; on: Dayjs; from: Dayjs; to: Dayjs; reason: string; kind: 'LEAVE' | 'HOSPITAL' };

function StayAction({
  action,
  admission,
  residentId,
  onClose,
}: {
  action: StayActionKind;
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
          ? { action, kind: v.kind, from: day(v.from), to: day(v.to), reason: v.reason }
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
          <Form.Item name="bedId" label={t.bed} rules={[{ required: true, message: t.fieldRequired }]}>
            <Select
              loading={freeBeds.isLoading}
              options={(freeBeds.data ?? [])
                .filter((b) => b.status === 'FREE')
                .map((b) => ({ value: b.id, label: `${b.code}${b.kind === 'NURSING' ? t.nursingSuffix : ''}` }))}
            />
          </Form.Item>
        )}
        {action !== 'leave' && (
          <Form.Item name="on" label={t.on} rules={[{ required: true, message: t.fieldRequired }]}>
            <DatePicker placement="bottomLeft" />
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
            {/* Two single-date pickers: each panel fits a phone, where a range picker's two months run off the screen. */}
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item name="from" label={t.from} rules={[{ required: true, message: t.fieldRequired }]}>
                  <DatePicker placement="bottomLeft" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="to"
                  label={t.to}
                  dependencies={['from']}
                  rules={[
                    { required: true, message: t.fieldRequired },
                    ({ getFieldValue }) => ({
                      validator: (_, value: Dayjs | undefined) => {
                        const from = getFieldValue('from') as Dayjs | undefined;
                        return value && from && value.isBefore(from, 'day') ? Promise.reject(new Error(t.toBeforeFrom)) : Promise.resolve();
                      },
                    }),
                  ]}
                >
                  <DatePicker placement="bottomLeft" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
        {action !== 'transfer' && (
          <Form.Item name="reason" label={t.reason} rules={[{ required: true, whitespace: true, message: t.fieldRequired }]}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        {error && (
          <Typography.Text type="danger" role="alert">
            {error}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
