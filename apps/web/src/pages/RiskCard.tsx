import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Radio, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { type RiskRating, SAFETY_RISKS, type SafetyRisk } from '@careops/care';
import { useErrorMessage } from '../api/errors';
import { type RiskAssessmentBody, useAddRiskAssessment, useRiskAssessments } from '../api/hooks/safety';
import { useAuth } from '../auth';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { useToday } from '../today';
import { Secondary } from './page-parts';

const H2 = { fontSize: 15, fontWeight: 600, margin: 0 };
const RATING_COLOR: Record<RiskRating, string> = { NONE: 'default', LOW: 'gold', HIGH: 'red' };

/**
 * 九防 (docs/rules.md §10): the resident's latest nine-risk assessment — each risk 无/低/高, the
 * measure of each 高 — and, for the manager, 录入九防评估.
 */
export function RiskCard({ residentId }: { residentId: string }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const [adding, setAdding] = useState(false);
  const history = useRiskAssessments(residentId);
  const latest = history.data?.[0];
  const manages = me?.role === 'FACILITY_MANAGER';
  return (
    <Card
      size="small"
      title={<h2 style={H2}>{t.riskCard}</h2>}
      extra={
        manages && (
          <Button size="small" onClick={() => setAdding(true)} data-testid="risk-record">
            {t.riskRecord}
          </Button>
        )
      }
      data-testid="risk-card"
    >
      {history.isLoading ? (
        <Loading />
      ) : !latest ? (
        <Secondary>{t.riskNotAssessed}</Secondary>
      ) : (
        <>
          <p style={{ margin: '0 0 8px' }}>
            <b>{latest.assessedOn}</b>{' '}
            {latest.highRisks.length ? (
              <Tag color="red">{t.riskHighCount.replace('{n}', String(latest.highRisks.length))}</Tag>
            ) : (
              <Tag color="green">{t.riskNoHigh}</Tag>
            )}
            {latest.assessor && (
              <Secondary>
                · <span data-data>{latest.assessor}</span>
              </Secondary>
            )}
          </p>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }} data-testid="risk-latest">
            {SAFETY_RISKS.map((r) => {
              const rating = latest.risks[r] as RiskRating;
              return (
                <Tag key={r} color={RATING_COLOR[rating]} data-risk={r} data-rating={rating}>
                  {t[`risk_${r}`]} {t[`risk${rating}`]}
                </Tag>
              );
            })}
          </div>
          {latest.highRisks.map((r) => (
            <p key={r} style={{ margin: '6px 0 0' }}>
              <Secondary>{t[`risk_${r as SafetyRisk}`]}</Secondary> <span data-data>{latest.measures[r]}</span>
            </p>
          ))}
        </>
      )}
      {adding && <RiskDialog residentId={residentId} onClose={() => setAdding(false)} />}
    </Card>
  );
}

interface RiskForm {
  assessedOn: Dayjs;
  assessor?: string;
  risks: Record<SafetyRisk, RiskRating>;
  measures: Partial<Record<SafetyRisk, string>>;
}

/** 录入九防评估: nine rows of 无/低/高, a measure required on each 高 (the API refuses a 高 without one too). */
export function RiskDialog({ residentId, onClose }: { residentId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const today = useToday();
  const [form] = Form.useForm<RiskForm>();
  const [serverError, setServerError] = useState<string | null>(null);
  const add = useAddRiskAssessment(residentId);
  const risks = Form.useWatch('risks', form) ?? ({} as Partial<Record<SafetyRisk, RiskRating>>);
  const submit = (v: RiskForm) => {
    setServerError(null);
    const measures = Object.fromEntries(
      SAFETY_RISKS.filter((r) => v.risks[r] === 'HIGH' && v.measures?.[r]?.trim()).map((r) => [r, (v.measures[r] as string).trim()]),
    );
    const body: RiskAssessmentBody = {
      assessedOn: v.assessedOn.format('YYYY-MM-DD'),
      risks: v.risks,
      measures,
      ...(v.assessor?.trim() ? { assessor: v.assessor.trim() } : {}),
    };
    add.mutate(body, {
      onSuccess: () => {
        message.success(t.saved);
        onClose();
      },
      onError: (e) => setServerError(describe(e)),
    });
  };
  return (
    <Modal
      open
      title={t.riskRecord}
      onCancel={onClose}
      okText={t.save}
      cancelText={t.cancel}
      okButtonProps={{ htmlType: 'submit', form: 'risk-form', loading: add.isPending }}
      destroyOnHidden
    >
      <Form<RiskForm>
        id="risk-form"
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ assessedOn: today(), risks: Object.fromEntries(SAFETY_RISKS.map((r) => [r, 'NONE'])), measures: {} }}
        onFinish={submit}
        data-testid="risk-form"
      >
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 16px' }}>
          <Form.Item
            name="assessedOn"
            label={t.riskAssessedOn}
            rules={[{ required: true, message: t.fieldRequired }]}
            style={{ flex: '1 1 160px' }}
          >
            <DatePicker allowClear={false} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today(), 'day')} />
          </Form.Item>
          <Form.Item name="assessor" label={t.riskAssessor} style={{ flex: '1 1 160px' }}>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </div>
        {SAFETY_RISKS.map((r) => (
          <div key={r} data-testid={`risk-row-${r}`} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
            <Form.Item
              name={['risks', r]}
              label={t[`risk_${r}`]}
              layout="horizontal"
              labelCol={{ flex: '7.5em' }}
              labelAlign="left"
              colon={false}
              style={{ marginBottom: 8 }}
            >
              <Radio.Group
                optionType="button"
                aria-label={t[`risk_${r}`]}
                options={(['NONE', 'LOW', 'HIGH'] as const).map((v) => ({ value: v, label: t[`risk${v}`] }))}
              />
            </Form.Item>
            {risks[r] === 'HIGH' && (
              <Form.Item
                name={['measures', r]}
                label={`${t[`risk_${r}`]} · ${t.riskMeasure}`}
                rules={[{ required: true, whitespace: true, message: t.riskMeasureRequired }]}
                style={{ marginBottom: 8 }}
              >
                <Input maxLength={500} autoComplete="off" data-testid={`risk-measure-${r}`} />
              </Form.Item>
            )}
          </div>
        ))}
        {serverError && <Alert type="error" showIcon message={serverError} />}
      </Form>
    </Modal>
  );
}
