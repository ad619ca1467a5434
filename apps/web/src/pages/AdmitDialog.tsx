import { App, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { type CareLevel, idNumberProblem, type IdNumberProblem } from '@careops/care';
import { useErrorMessage } from '../api/errors';
import type { BedOnDate } from '../api/hooks/beds';
import { useAdmit } from '../api/hooks/residents';
import { type Messages, useI18n } from '../i18n';

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
  const admit = useAdmit(bed.id);
  const submit = (v: AdmitForm) => {
    setServerError(null);
    admit.mutate(
      {
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
        onError: (e) => setServerError(describe(e)),
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
        onFinish={submit}
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
