import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useParams } from 'react-router';
import { useErrorMessage } from '../api/errors';
import { type FacilityChanges, useFacility, useUpdateFacility } from '../api/hooks/facilities';
import { useAuth } from '../auth';
import { Loading } from '../components/Loading';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n';
import { FacilityArchive } from './FacilityArchive';
import { Toolbar } from './page-parts';

const TEXT_FIELDS = [
  'address',
  'licenseNumber',
  'bankName',
  'bankAccountName',
  'bankAccountNumber',
  'contactPerson',
  'contactPhone',
  'operator',
] as const;
const DATE_FIELDS = ['fireSafetyPassedOn', 'safetyStandardCheckedOn', 'qualityStandardCheckedOn', 'inOperationSince'] as const;

type InfoForm = Partial<Record<(typeof TEXT_FIELDS)[number], string>> &
  Partial<Record<(typeof DATE_FIELDS)[number], Dayjs | null>> & {
    operatorKind?: FacilityChanges['operatorKind'];
    medicalArrangement?: FacilityChanges['medicalArrangement'];
    tekunSupport?: boolean;
  };

/**
 * 机构信息 (docs/rules.md §2, §8): what the claim form prints about the facility — its 收款账户,
 * 经办人 and 联系电话 — and its checks. The manager edits; everyone else of the facility reads.
 */
export default function FacilityInfo() {
  const { facilityId = '' } = useParams();
  const { t } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const facility = useFacility(facilityId);
  const save = useUpdateFacility(facilityId);
  const [form] = Form.useForm<InfoForm>();
  const f = facility.data;
  useEffect(() => {
    if (!f) return;
    const values: InfoForm = {
      operatorKind: f.operatorKind ?? undefined,
      medicalArrangement: f.medicalArrangement ?? undefined,
      tekunSupport: f.tekunSupport,
    };
    for (const k of TEXT_FIELDS) values[k] = (f as Record<string, unknown>)[k] as string | undefined;
    for (const k of DATE_FIELDS) {
      const v = (f as Record<string, unknown>)[k] as string | null | undefined;
      values[k] = v ? dayjs(v) : null;
    }
    form.setFieldsValue(values);
  }, [f, form]);
  if (facility.isLoading || !f) return <Loading />;
  const canEdit = me?.role === 'FACILITY_MANAGER' || me?.role === 'PLATFORM_ADMIN';
  const accountMissing = !f.bankName || !f.bankAccountName || !f.bankAccountNumber;
  const submit = (v: InfoForm) => {
    // Only what has a value is sent: an empty box leaves the saved value as it is.
    const body: FacilityChanges = {};
    for (const k of TEXT_FIELDS) if (v[k]?.trim()) body[k] = v[k]?.trim();
    for (const k of DATE_FIELDS) if (v[k]) body[k] = v[k]?.format('YYYY-MM-DD');
    if (v.operatorKind) body.operatorKind = v.operatorKind;
    if (v.medicalArrangement) body.medicalArrangement = v.medicalArrangement;
    if (v.tekunSupport !== undefined && v.tekunSupport !== f.tekunSupport) body.tekunSupport = v.tekunSupport;
    save.mutate(body, { onSuccess: () => message.success(t.saved), onError: (e) => message.error(describe(e)) });
  };
  const text = (
    name: (typeof TEXT_FIELDS)[number],
    label: string,
    extra?: { pattern?: RegExp; hint?: string; mode?: 'numeric' | 'tel' },
  ) => (
    <Col xs={24} md={12}>
      <Form.Item
        name={name}
        label={label}
        extra={extra?.hint}
        rules={extra?.pattern ? [{ pattern: extra.pattern, message: extra.hint }] : []}
      >
        <Input disabled={!canEdit} inputMode={extra?.mode} autoComplete="off" data-testid={`facility-${name}`} />
      </Form.Item>
    </Col>
  );
  const date = (name: (typeof DATE_FIELDS)[number], label: string) => (
    <Col xs={24} md={8}>
      <Form.Item name={name} label={label}>
        <DatePicker disabled={!canEdit} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <>
      <PageTitle>{t.facilityInfo}</PageTitle>
      <Card>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          style={{ marginBottom: 16 }}
          items={[
            { label: t.facility, children: <span data-data>{f.name}</span> },
            { label: t.facilityType, children: t[`type_${f.type}`] },
            { label: t.divisionCode, children: <span data-data>{f.divisionCode}</span> },
          ]}
        />
        {accountMissing && (
          <Alert type="warning" showIcon message={t.accountMissing} style={{ marginBottom: 16 }} data-testid="account-missing" />
        )}
        <Form<InfoForm> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <h2 style={{ fontSize: 15, fontWeight: 600 }}>{t.claimAccount}</h2>
          <Row gutter={16}>
            {text('bankName', t.bankName)}
            {text('bankAccountName', t.bankAccountName)}
            {text('bankAccountNumber', t.bankAccountNumber, { pattern: /^\d{8,32}$/, hint: t.bankAccountNumberHint, mode: 'numeric' })}
            {text('contactPerson', t.contactPerson)}
            {text('contactPhone', t.contactPhone, { pattern: /^[-0-9+ ]{7,20}$/, hint: t.contactPhoneHint, mode: 'tel' })}
          </Row>
          <h2 style={{ fontSize: 15, fontWeight: 600 }}>{t.facilityRecord}</h2>
          <Row gutter={16}>
            {text('address', t.address)}
            {text('licenseNumber', t.licenseNumber)}
            <Col xs={24} md={12}>
              <Form.Item name="operatorKind" label={t.operatorKind}>
                <Select
                  disabled={!canEdit}
                  allowClear
                  options={(['PUBLIC', 'PRIVATE', 'PUBLIC_BUILT_PRIVATE_RUN'] as const).map((value) => ({
                    value,
                    label: t[`operator_${value}`],
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="medicalArrangement" label={t.medicalArrangement}>
                <Select
                  disabled={!canEdit}
                  allowClear
                  options={(['IN_HOUSE_CLINIC', 'SIGNED_AGREEMENT', 'NONE'] as const).map((value) => ({
                    value,
                    label: t[`medical_${value}`],
                  }))}
                />
              </Form.Item>
            </Col>
            {date('fireSafetyPassedOn', t.fireSafetyPassedOn)}
            {date('safetyStandardCheckedOn', t.safetyStandardCheckedOn)}
            {date('qualityStandardCheckedOn', t.qualityStandardCheckedOn)}
            {/* docs/rules.md §11: what the bureau's task list counts. */}
            {text('operator', t.operator)}
            {date('inOperationSince', t.inOperationSince)}
            <Col xs={24} md={8}>
              <Form.Item name="tekunSupport" label={t.tekunSupport} valuePropName="checked">
                <Switch disabled={!canEdit} />
              </Form.Item>
            </Col>
          </Row>
          {canEdit && (
            <Toolbar end>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="facility-save">
                {t.save}
              </Button>
            </Toolbar>
          )}
        </Form>
      </Card>
      {me?.role === 'PLATFORM_ADMIN' && <FacilityArchive facility={f} />}
    </>
  );
}
