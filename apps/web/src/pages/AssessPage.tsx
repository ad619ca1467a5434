import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  ABILITY_GROUPS,
  ABILITY_INSTRUMENT,
  ABILITY_ITEMS,
  ABILITY_MAX_TOTAL,
  type AbilityAssessmentResult,
  ASSESSMENT_REASONS,
  type AssessmentGrade,
  type AssessmentReason,
  type CareLevel,
  careLevelOfGrade,
  DEMENTIA_RANGE,
  icd10InRange,
  isIcd10Code,
  MENTAL_DISORDER_RANGE,
  RISK_EVENT_KINDS,
  RISK_EVENT_LABELS,
  type RiskEventKind,
  riskEventTotal,
  scoreAssessment,
} from '@careops/care';
import { ApiError, download } from '../api/client';
import { useErrorMessage } from '../api/errors';
import { type Assessment, type NewAssessment, useAddAssessment, useLevelPolicy, useResident } from '../api/hooks/residents';
import { useStaff } from '../api/hooks/staff';
import { Failed } from '../components/Failed';
import { Loading } from '../components/Loading';
import { PageTitle } from '../components/PageTitle';
import { type Messages, useI18n } from '../i18n';
import { useToday } from '../today';
import { AssessDialog } from './AssessDialog';

interface ScoredForm {
  reason: AssessmentReason;
  assessedOn: Dayjs;
  effectiveOn: Dayjs;
  assessor1: string;
  assessor2: string;
  items: Record<string, number | undefined>;
  diagnoses: string[];
  riskEvents30d: Partial<Record<RiskEventKind, number | null>>;
  coma: boolean;
  notes?: string;
}

/** What the API answered for a scored assessment: its word on the result is final (docs/rules.md §4a). */
type Saved = Assessment;

/** The diagnoses offered in the tag input: 痴呆 F00–F03 first (they raise the grade), then common others. */
const COMMON_DIAGNOSES = ['F00', 'F01', 'F02', 'F03', 'F05', 'F20', 'F32', 'G20', 'I63', 'I69'] as const;

const LEVEL_COLOR: Record<CareLevel, string> = { SELF_CARE: 'green', SEMI_DISABLED: 'orange', FULLY_DISABLED: 'red' };

/** The adjustments of a grade in the user's words (the instrument's own reasons are Chinese). */
function adjustmentText(t: Messages, lang: 'zh' | 'en', a: AbilityAssessmentResult['adjustments'][number], input: ScoredForm): string {
  if (lang === 'zh') return a.reason;
  const to = t[`grade_${a.to}`];
  if (a.kind === 'COMA') return t.assessAdjComa.replace('{to}', to);
  if (a.kind === 'RISK_EVENTS')
    return t.assessAdjRisk.replace('{n}', String(riskEventTotal(counts(input.riskEvents30d)))).replace('{to}', to);
  const range = a.kind === 'DEMENTIA' ? DEMENTIA_RANGE : MENTAL_DISORDER_RANGE;
  const code = input.diagnoses.find((d) => icd10InRange(d, range[0], range[1])) ?? '';
  return (a.kind === 'DEMENTIA' ? t.assessAdjDementia : t.assessAdjMental).replace('{code}', code).replace('{to}', to);
}

/** The risk-event counts as sent: only kinds with a count above 0. */
function counts(events: ScoredForm['riskEvents30d'] | undefined): Partial<Record<RiskEventKind, number>> {
  const out: Partial<Record<RiskEventKind, number>> = {};
  for (const k of RISK_EVENT_KINDS) if (events?.[k]) out[k] = events[k] as number;
  return out;
}

/** The item an API message names (`items.B1.3: …`), for the message and the field it belongs to. */
const namedItem = (message: string) => ABILITY_ITEMS.find((i) => message.includes(`items.${i.code}`));

/**
 * 录入评估 (docs/rules.md §4a): the GB/T 42195-2022 ability assessment — reason, dates, two
 * assessors, Part A (diagnoses, risk events, coma) and the 26 items of Part B grouped B.1–B.4 —
 * with the running total, the grade before and after its adjustments and the care level it sets,
 * computed by the instrument the API uses; the API's answer is the record.
 */
export default function AssessPage() {
  const { residentId = '', facilityId = '' } = useParams();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const today = useToday();
  const navigate = useNavigate();
  const resident = useResident(residentId);
  const staff = useStaff();
  const add = useAddAssessment(residentId);
  const [form] = Form.useForm<ScoredForm>();
  const [serverError, setServerError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [quick, setQuick] = useState(false);
  const values = Form.useWatch([], form) as Partial<ScoredForm> | undefined;
  const back = `/f/${facilityId}/residents/${residentId}`;

  const items = useMemo(() => values?.items ?? {}, [values?.items]);
  const answered = ABILITY_ITEMS.filter((i) => typeof items[i.code] === 'number');
  const running = answered.reduce((sum, i) => sum + (items[i.code] as number), 0);
  const input: ScoredForm = {
    ...(values as ScoredForm),
    diagnoses: (values?.diagnoses ?? []).filter(isIcd10Code),
    riskEvents30d: values?.riskEvents30d ?? {},
  };
  // The level by the policy in force on the effective day (the API's); the national default until it is read.
  const policy = useLevelPolicy(values?.effectiveOn?.format('YYYY-MM-DD') ?? today().format('YYYY-MM-DD'));
  const levelOf = (grade: AssessmentGrade): CareLevel => policy.data?.mapping[grade] ?? careLevelOfGrade(grade);
  const result =
    answered.length === ABILITY_ITEMS.length
      ? scoreAssessment({
          items: items as Record<string, number>,
          diagnoses: input.diagnoses,
          riskEvents30d: counts(input.riskEvents30d),
          coma: values?.coma === true,
        })
      : null;
  // Staff employed on the day assessed who hold a 评估员 certificate valid that day are offered (the API's check
  // when the facility requires certified assessors); without any, every member of staff; anyone may be typed.
  const day = values?.assessedOn?.format('YYYY-MM-DD') ?? today().format('YYYY-MM-DD');
  const assessorOptions = useMemo(() => {
    const all = (staff.data ?? []).filter((s) => s.employedFrom <= day && (!s.employedTo || s.employedTo > day));
    const certified = all.filter((s) => s.certificates.some((c) => c.type.includes('评估员') && c.issuedOn <= day && c.expiresOn > day));
    return (certified.length ? certified : all).map((s) => ({ value: s.name, label: <span data-data>{s.name}</span> }));
  }, [staff.data, day]);

  if (resident.isLoading) return <Loading />;
  if (resident.error) return <Failed error={resident.error} retry={() => resident.refetch()} />;
  const r = resident.data as { name: string };

  const submit = (v: ScoredForm) => {
    setServerError(null);
    const body: NewAssessment = {
      instrument: ABILITY_INSTRUMENT,
      reason: v.reason,
      assessedOn: v.assessedOn.format('YYYY-MM-DD'),
      effectiveOn: v.effectiveOn.format('YYYY-MM-DD'),
      assessors: [v.assessor1.trim(), v.assessor2.trim()],
      items: v.items as Record<string, number>,
      diagnoses: (v.diagnoses ?? []).map((d) => d.trim().toUpperCase()),
      riskEvents30d: counts(v.riskEvents30d),
      coma: v.coma === true,
      ...(v.notes?.trim() ? { notes: v.notes.trim() } : {}),
    };
    add.mutate(body, {
      onSuccess: (a) => {
        message.success(t.saved);
        setSaved(a);
        window.scrollTo({ top: 0 });
      },
      onError: (e) => {
        const text = describe(e);
        const item = e instanceof ApiError ? namedItem(text) : undefined;
        if (item) {
          const label = `${item.code} ${lang === 'zh' ? item.zh : item.en}`;
          setServerError(`${label}: ${text}`);
          form.setFields([{ name: ['items', item.code], errors: [text] }]);
          form.scrollToField(['items', item.code]);
        } else {
          setServerError(text);
        }
      },
    });
  };

  if (saved) {
    return (
      <>
        <PageTitle>
          {t.assessScoredTitle} · <span data-data>{r.name}</span>
        </PageTitle>
        <Result
          status="success"
          title={t.assessSavedTitle}
          subTitle={
            <span data-testid="assess-saved">
              {saved.totalScore != null && `${t.assessTotal} ${saved.totalScore} / ${ABILITY_MAX_TOTAL} · `}
              {saved.grade && `${t[`grade_${saved.grade}`]} · `}
              {t.careLevel} {t[saved.careLevel]}
            </span>
          }
          extra={[
            <Button
              key="pdf"
              type="primary"
              data-testid="assess-report"
              onClick={() =>
                download(`/api/facilities/${facilityId}/reports/assessment/${saved.id}.pdf`, `assessment-${saved.id}.pdf`).catch((e) =>
                  message.error(describe(e)),
                )
              }
            >
              {t.assessReport}
            </Button>,
            <Button key="back" onClick={() => navigate(back)} data-testid="assess-back">
              {t.assessBackToResident}
            </Button>,
          ]}
        />
      </>
    );
  }

  const groupTotal = (code: string) =>
    ABILITY_GROUPS.find((g) => g.code === code)?.items.reduce(
      (sum, i) => sum + (typeof items[i.code] === 'number' ? (items[i.code] as number) : 0),
      0,
    ) ?? 0;

  return (
    <>
      <PageTitle
        extra={
          <>
            <Button onClick={() => setQuick(true)} data-testid="assess-quick">
              {t.assessQuick}
            </Button>
            <Link to={back}>{t.assessBackToResident}</Link>
          </>
        }
      >
        {t.assessScoredTitle} · <span data-data>{r.name}</span>
      </PageTitle>
      <Form<ScoredForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          reason: 'FIRST',
          assessedOn: today(),
          effectiveOn: today(),
          diagnoses: [],
          riskEvents30d: {},
          coma: false,
          items: {},
        }}
        onFinish={submit}
        onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name)}
        scrollToFirstError={false}
      >
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Card size="small" title={<h2 style={H2}>{t.assessBasics}</h2>}>
            <Form.Item name="reason" label={t.assessReason} rules={[{ required: true, message: t.fieldRequired }]}>
              <Radio.Group
                optionType="button"
                data-testid="assess-reason"
                options={ASSESSMENT_REASONS.map((k) => ({ value: k, label: t[`assessReason_${k}`] }))}
              />
            </Form.Item>
            <div style={ROW}>
              <Form.Item name="assessedOn" label={t.assessAssessedOn} rules={[{ required: true, message: t.fieldRequired }]} style={CELL}>
                <DatePicker allowClear={false} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name="effectiveOn"
                label={t.assessEffectiveOn}
                dependencies={['assessedOn']}
                style={CELL}
                rules={[
                  { required: true, message: t.fieldRequired },
                  ({ getFieldValue }) => ({
                    validator: (_, v: Dayjs | undefined) =>
                      v && getFieldValue('assessedOn') && v.isBefore(getFieldValue('assessedOn'), 'day')
                        ? Promise.reject(new Error(t.assessEffectiveBeforeAssessed))
                        : Promise.resolve(),
                  }),
                ]}
              >
                <DatePicker allowClear={false} style={{ width: '100%' }} />
              </Form.Item>
            </div>
            <div style={ROW}>
              {(['assessor1', 'assessor2'] as const).map((name, i) => (
                <Form.Item
                  key={name}
                  name={name}
                  label={`${t.assessor} ${i + 1}`}
                  style={CELL}
                  dependencies={i === 1 ? ['assessor1'] : []}
                  rules={[
                    { required: true, whitespace: true, message: t.fieldRequired },
                    ...(i === 1
                      ? [
                          ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
                            validator: (_: unknown, v: string | undefined) =>
                              v && v.trim() === String(getFieldValue('assessor1') ?? '').trim()
                                ? Promise.reject(new Error(t.assessAssessorsDiffer))
                                : Promise.resolve(),
                          }),
                        ]
                      : []),
                  ]}
                >
                  <AutoComplete
                    options={assessorOptions}
                    filterOption={(q, o) => String(o?.value ?? '').includes(q)}
                    data-testid={`assess-${name}`}
                    maxLength={50}
                  />
                </Form.Item>
              ))}
            </div>
          </Card>

          <Card size="small" title={<h2 style={H2}>{t.assessPartA}</h2>}>
            <Form.Item
              name="diagnoses"
              label={t.assessDiagnoses}
              extra={t.assessDiagnosesHint}
              normalize={(v: string[]) => [...new Set((v ?? []).map((d) => d.trim().toUpperCase()).filter(Boolean))]}
              rules={[
                {
                  validator: (_, v: string[] | undefined) => {
                    const bad = (v ?? []).filter((d) => !isIcd10Code(d));
                    return bad.length ? Promise.reject(new Error(`${t.assessDiagnosisInvalid} ${bad.join(', ')}`)) : Promise.resolve();
                  },
                },
              ]}
            >
              <Select
                mode="tags"
                data-testid="assess-diagnoses"
                tokenSeparators={[',', '，', ' ']}
                options={COMMON_DIAGNOSES.map((code) => ({ value: code, label: `${code} ${t[`icd_${code}`]}` }))}
                tagRender={({ value, closable, onClose }) => (
                  <Tag closable={closable} onClose={onClose} style={{ marginInlineEnd: 4 }} data-data>
                    {String(value)}
                  </Tag>
                )}
              />
            </Form.Item>
            <fieldset style={FIELDSET}>
              <legend style={LEGEND}>{t.assessRiskEvents}</legend>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 12px' }}>
                {RISK_EVENT_KINDS.map((k) => (
                  <Form.Item key={k} name={['riskEvents30d', k]} label={lang === 'zh' ? RISK_EVENT_LABELS[k].zh : RISK_EVENT_LABELS[k].en}>
                    <InputNumber min={0} max={99} precision={0} style={{ width: 96 }} data-testid={`assess-risk-${k}`} />
                  </Form.Item>
                ))}
              </div>
            </fieldset>
            <Form.Item name="coma" valuePropName="checked" style={{ marginBottom: 0 }}>
              <Checkbox data-testid="assess-coma">{t.assessComa}</Checkbox>
            </Form.Item>
          </Card>

          {ABILITY_GROUPS.map((g) => (
            <Card
              key={g.code}
              size="small"
              data-testid={`assess-group-${g.code}`}
              title={<h2 style={H2}>{`${g.code} ${lang === 'zh' ? g.zh : g.en}`}</h2>}
              extra={
                <Typography.Text strong data-testid={`assess-subtotal-${g.code}`}>
                  {groupTotal(g.code)} / {g.max}
                </Typography.Text>
              }
            >
              <div style={ITEMS_GRID}>
                {g.items.map((item) => (
                  <Form.Item
                    key={item.code}
                    name={['items', item.code]}
                    label={`${item.code} ${lang === 'zh' ? item.zh : item.en}`}
                    rules={[{ required: true, message: t.assessItemRequired }]}
                    style={{ marginBottom: 12 }}
                  >
                    <Radio.Group
                      name={item.code}
                      data-testid={`item-${item.code}`}
                      style={{ display: 'flex', flexDirection: 'column', gap: 2 }}
                    >
                      {item.options.map((o) => (
                        <Radio key={o.score} value={o.score} style={{ whiteSpace: 'normal' }}>
                          <b>{o.score}</b> {lang === 'zh' ? o.zh : o.en}
                        </Radio>
                      ))}
                    </Radio.Group>
                  </Form.Item>
                ))}
              </div>
            </Card>
          ))}

          <Form.Item name="notes" label={t.assessNotes}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Space>

        <div style={SUMMARY} data-testid="assess-summary" aria-live="polite">
          <div style={{ flex: '1 1 220px', minWidth: 0 }}>
            <div>
              {t.assessTotal}{' '}
              <b data-testid="assess-total" style={{ fontSize: 18 }}>
                {running}
              </b>{' '}
              / {ABILITY_MAX_TOTAL}
              <Typography.Text type="secondary">
                {' '}
                · {t.assessAnswered.replace('{n}', String(answered.length)).replace('{of}', String(ABILITY_ITEMS.length))}
              </Typography.Text>
            </div>
            {result ? (
              <div data-testid="assess-result">
                {t.assessBaseGrade} {t[`grade_${result.baseGrade}`]}
                {result.grade !== result.baseGrade && (
                  <>
                    {' → '}
                    {t.assessFinalGrade} <b>{t[`grade_${result.grade}`]}</b>
                  </>
                )}{' '}
                · {t.careLevel}{' '}
                <Tag color={LEVEL_COLOR[levelOf(result.grade)]} data-testid="assess-level-result">
                  {t[levelOf(result.grade)]}
                </Tag>
                {result.adjustments.map((a) => (
                  <div key={a.kind}>
                    <Typography.Text type="secondary">{adjustmentText(t, lang, a, input)}</Typography.Text>
                  </div>
                ))}
              </div>
            ) : (
              <Typography.Text type="secondary">{t.assessIncomplete}</Typography.Text>
            )}
          </div>
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="assess-save">
            {t.save}
          </Button>
        </div>
        {serverError && <Alert type="error" showIcon message={serverError} data-testid="assess-error" style={{ marginTop: 8 }} />}
      </Form>
      {quick && (
        <AssessDialog
          residentId={residentId}
          onClose={(done) => {
            setQuick(false);
            if (done) navigate(back);
          }}
        />
      )}
    </>
  );
}

const H2 = { fontSize: 16, margin: 0 };
const ROW = { display: 'flex', flexWrap: 'wrap' as const, gap: '0 16px' };
const CELL = { flex: '1 1 200px', minWidth: 0 };
/** The items of a group side by side where the screen is wide, one under another on a phone. */
const ITEMS_GRID = { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 360px), 1fr))', gap: '0 24px' };
const FIELDSET = { border: 0, padding: 0, margin: '0 0 8px' };
const LEGEND = { fontSize: 14, marginBottom: 8, border: 0 };
const SUMMARY = {
  position: 'sticky' as const,
  bottom: 0,
  zIndex: 10,
  marginTop: 12,
  display: 'flex',
  flexWrap: 'wrap' as const,
  alignItems: 'center',
  gap: 12,
  padding: '10px 12px',
  background: '#fff',
  border: '1px solid #d9d9d9',
  borderRadius: 4,
  boxShadow: '0 -2px 8px rgba(0, 0, 0, 0.08)',
};
