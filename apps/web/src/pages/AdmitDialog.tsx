import { Alert, App, Button, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { type CareLevel, idNumberBirthDate, idNumberGender, idNumberProblem, type IdNumberProblem } from '@careops/care';
import { useErrorMessage } from '../api/errors';
import { type BedOnDate, useBedsToChoose } from '../api/hooks/beds';
import { type KnownResident, knownResident, useAdmit, useReadmit } from '../api/hooks/residents';
import { type Messages, useI18n } from '../i18n';
import { useToday } from '../today';

interface AdmitForm {
  name: string;
  gender: 'M' | 'F';
  dateOfBirth: Dayjs;
  idNumber: string;
  careLevel: CareLevel;
  admittedOn: Dayjs;
}

/** 办理入住 from a free bed: registers the resident, then admits (the ID number checked as it is typed). */
export default function AdmitDialog({ bed, day, onClose }: { bed: BedOnDate; day: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const [form] = Form.useForm<AdmitForm>();
  const [serverError, setServerError] = useState<string | null>(null);
  // A typed ID number already registered: the person the API's 409 names, offered for re-admission.
  const [known, setKnown] = useState<KnownResident | null>(null);
  const admit = useAdmit(bed.id);
  const submit = (v: AdmitForm, existing?: string) => {
    setServerError(null);
    setKnown(null);
    admit.mutate(
      {
        existing,
        name: v.name.trim(),
        gender: v.gender,
        dateOfBirth: v.dateOfBirth.format('YYYY-MM-DD'),
        idNumber: v.idNumber.trim().toUpperCase(),
        careLevel: v.careLevel,
        admittedOn: v.admittedOn.format('YYYY-MM-DD'),
      },
      {
        onSuccess: () => {
          message.success(t.saved);
          onClose();
        },
        // The form keeps what was typed; the server's reason is shown above the buttons.
        onError: (e) => {
          const who = existing ? null : knownResident(e);
          if (who) setKnown(who);
          else setServerError(describe(e));
        },
      },
    );
  };
  return (
    <Modal
      open
      title={`${t.admitTo} ${bed.code}${bed.kind === 'NURSING' ? t.nursingSuffix : ''}`}
      onCancel={onClose}
      okText={t.save}
      cancelText={t.cancel}
      confirmLoading={admit.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ gender: 'F', careLevel: 'SEMI_DISABLED', admittedOn: dayjs(day) }}
        onFinish={(v) => submit(v)}
        // docs/rules.md §4: the birth date and gender are written in the ID number — filled from it once it is valid.
        onValuesChange={(changed: Partial<AdmitForm>) => {
          const id = changed.idNumber?.trim().toUpperCase();
          if (id && idNumberProblem(id) === null) {
            form.setFieldsValue({ gender: idNumberGender(id), dateOfBirth: dayjs(idNumberBirthDate(id)) });
            void form.validateFields(['idNumber']);
          }
          if (changed.idNumber !== undefined) setKnown(null);
        }}
        data-testid="admit-form"
      >
        <Form.Item name="name" label={t.name} rules={[{ required: true, whitespace: true, message: t.nameRequired }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="gender" label={t.gender}>
              <Radio.Group
                options={[
                  { label: t.female, value: 'F' },
                  { label: t.male, value: 'M' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="dateOfBirth" label={t.dateOfBirth} rules={[{ required: true, message: t.dateOfBirthRequired }]}>
              <DatePicker style={{ width: '100%' }} placement="bottomLeft" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="idNumber"
          label={t.idNumber}
          dependencies={['dateOfBirth']}
          validateTrigger={['onChange', 'onBlur']}
          hasFeedback
          rules={[
            { required: true, message: t.idNumberRequired },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) => {
                if (!value) return Promise.resolve();
                const dob = getFieldValue('dateOfBirth') as Dayjs | undefined;
                const problem = idNumberProblem(value.trim(), dob ? dob.format('YYYY-MM-DD') : undefined);
                return problem ? Promise.reject(new Error(idProblemText(t, problem))) : Promise.resolve();
              },
            }),
          ]}
        >
          <Input maxLength={18} placeholder="410421194805121234" data-testid="id-number" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="careLevel" label={t.careLevel}>
              <Select options={(['SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED'] as const).map((l) => ({ value: l, label: t[l] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="admittedOn" label={t.admittedOn} rules={[{ required: true, message: t.fieldRequired }]}>
              <DatePicker style={{ width: '100%' }} placement="bottomLeft" />
            </Form.Item>
          </Col>
        </Row>
        {known && (
          <Alert
            type={known.status === 'IN_CARE' || known.status === 'ON_LEAVE' ? 'error' : 'warning'}
            showIcon
            role="alert"
            data-testid="known-resident"
            message={
              <>
                {t.regRegisteredAs} <span data-data>{known.name}</span>
                {t.regParenOpen}
                {t[`regStatus${known.status}`]}
                {t.regParenClose}
                {known.status === 'IN_CARE' || known.status === 'ON_LEAVE' ? t.regStillInCare : t.regReadmitAsk}
              </>
            }
            action={
              known.status === 'IN_CARE' || known.status === 'ON_LEAVE' ? undefined : (
                <Button
                  size="small"
                  type="primary"
                  loading={admit.isPending}
                  onClick={() => submit(form.getFieldsValue(), known.residentId)}
                >
                  {t.regReadmit}
                </Button>
              )
            }
          />
        )}
        {serverError && (
          <Typography.Text type="danger" role="alert" data-testid="server-error">
            {serverError}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}

/** The ID number's problem in the user's language (the Chinese is the catalogue's, docs/rules.md §4). */
function idProblemText(t: Messages, problem: IdNumberProblem): string {
  const text: Record<IdNumberProblem, string> = {
    FORMAT: t.idFormat,
    REGION: t.idRegion,
    BIRTH_DATE: t.idBirthDate,
    CHECKSUM: t.idChecksum,
    BIRTH_DATE_MISMATCH: t.idBirthDateMismatch,
  };
  return text[problem];
}

interface ReadmitForm {
  bedId: string;
  admittedOn: Dayjs;
  careLevel: CareLevel;
}

/**
 * 再次入住: a resident already registered (discharged, or never admitted) is admitted again — the
 * same resident record, a new admission; choose the bed, the day and the level.
 */
export function ReadmitDialog({ resident, onClose }: { resident: { id: string; name: string }; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const today = useToday();
  const [form] = Form.useForm<ReadmitForm>();
  const [serverError, setServerError] = useState<string | null>(null);
  const day = today().format('YYYY-MM-DD');
  const beds = useBedsToChoose(day, true);
  const readmit = useReadmit(resident.id);
  const submit = (v: ReadmitForm) => {
    setServerError(null);
    readmit.mutate(
      { bedId: v.bedId, admittedOn: v.admittedOn.format('YYYY-MM-DD'), careLevel: v.careLevel },
      {
        onSuccess: () => {
          message.success(t.saved);
          onClose();
        },
        onError: (e) => setServerError(describe(e)),
      },
    );
  };
  return (
    <Modal
      open
      title={
        <>
          {t.regReadmit} · <span data-data>{resident.name}</span>
        </>
      }
      onCancel={onClose}
      okText={t.save}
      cancelText={t.cancel}
      confirmLoading={readmit.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ careLevel: 'SEMI_DISABLED', admittedOn: today() }}
        onFinish={submit}
        data-testid="readmit-form"
      >
        <Form.Item name="bedId" label={t.bed} rules={[{ required: true, message: t.fieldRequired }]}>
          <Select
            loading={beds.isLoading}
            data-testid="readmit-bed"
            options={(beds.data ?? [])
              .filter((b) => b.status === 'FREE')
              .map((b) => ({ value: b.id, label: `${b.code}${b.kind === 'NURSING' ? t.nursingSuffix : ''}` }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="admittedOn" label={t.admittedOn} rules={[{ required: true, message: t.fieldRequired }]}>
              <DatePicker style={{ width: '100%' }} placement="bottomLeft" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="careLevel" label={t.careLevel}>
              <Select options={(['SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED'] as const).map((l) => ({ value: l, label: t[l] }))} />
            </Form.Item>
          </Col>
        </Row>
        {serverError && (
          <Typography.Text type="danger" role="alert" data-testid="server-error">
            {serverError}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
