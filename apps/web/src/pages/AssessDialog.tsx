import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ASSESSMENT_GRADES, type AssessmentGrade, CARE_LEVELS, type CareLevel } from '@careops/care';
import { useErrorMessage } from '../api/errors';
import { useAddAssessment } from '../api/hooks/residents';
import { useI18n } from '../i18n';
import { useToday } from '../today';

interface AssessForm {
  by: 'level' | 'grade';
  careLevel?: CareLevel;
  grade?: AssessmentGrade;
  effectiveOn: Dayjs;
  assessor: string;
  notes?: string;
}

/**
 * 录入评估 (docs/rules.md §4): the care level — or the ability grade, which sets it — from a day on.
 * Claims, staffing and metrics read the level from its effective day; a back-dated one after a claim
 * was submitted becomes that claim's 补差/追回 in the next (docs/rules.md §5).
 */
export function AssessDialog({ residentId, onClose }: { residentId: string; onClose: (saved?: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const today = useToday();
  const [form] = Form.useForm<AssessForm>();
  const [serverError, setServerError] = useState<string | null>(null);
  const add = useAddAssessment(residentId);
  const by = Form.useWatch('by', form) ?? 'level';
  const submit = (v: AssessForm) => {
    setServerError(null);
    add.mutate(
      {
        ...(v.by === 'grade' ? { grade: v.grade } : { careLevel: v.careLevel }),
        effectiveOn: v.effectiveOn.format('YYYY-MM-DD'),
        assessor: v.assessor.trim(),
        ...(v.notes?.trim() ? { notes: v.notes.trim() } : {}),
      },
      {
        onSuccess: () => {
          message.success(t.saved);
          onClose(true);
        },
        onError: (e) => setServerError(describe(e)),
      },
    );
  };
  return (
    <Modal
      open
      title={t.assessQuick}
      onCancel={() => onClose()}
      okText={t.save}
      cancelText={t.cancel}
      okButtonProps={{ htmlType: 'submit', form: 'assess-form', loading: add.isPending }}
      destroyOnHidden
    >
      <Form<AssessForm>
        id="assess-form"
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ by: 'level', effectiveOn: today() }}
        onFinish={submit}
      >
        <Form.Item name="by" label={t.assessBy}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'level', label: t.careLevel },
              { value: 'grade', label: t.assessGrade },
            ]}
          />
        </Form.Item>
        {by === 'level' ? (
          <Form.Item name="careLevel" label={t.careLevel} rules={[{ required: true, message: t.fieldRequired }]}>
            <Select data-testid="assess-level" options={CARE_LEVELS.map((l) => ({ value: l, label: t[l] }))} />
          </Form.Item>
        ) : (
          <Form.Item name="grade" label={t.assessGrade} extra={t.assessGradeHint} rules={[{ required: true, message: t.fieldRequired }]}>
            <Select data-testid="assess-grade" options={ASSESSMENT_GRADES.map((g) => ({ value: g, label: t[`grade_${g}`] }))} />
          </Form.Item>
        )}
        <Form.Item name="effectiveOn" label={t.assessEffectiveOn} rules={[{ required: true, message: t.fieldRequired }]}>
          <DatePicker allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="assessor" label={t.assessor} rules={[{ required: true, whitespace: true, message: t.fieldRequired }]}>
          <Input maxLength={50} autoComplete="off" data-testid="assess-assessor" />
        </Form.Item>
        <Form.Item name="notes" label={t.assessNotes}>
          <Input.TextArea maxLength={500} />
        </Form.Item>
        {serverError && <Alert type="error" showIcon message={serverError} />}
      </Form>
    </Modal>
  );
}
