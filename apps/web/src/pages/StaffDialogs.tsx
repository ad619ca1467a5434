import { App, AutoComplete, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useErrorMessage } from '../api/errors';
import { type Staff, useAddStaff, useSaveCertificate, useSaveTraining, useUpdateStaff } from '../api/hooks/staff';
import { type Messages, useI18n } from '../i18n';
import { useToday } from '../today';

const ISO = 'YYYY-MM-DD';
type Role = Staff['role'];
type Certificate = Staff['certificates'][number];
type Training = Staff['trainings'][number];

export const roleLabels = (t: Messages): Record<Role, string> => ({
  CAREGIVER: t.roleCaregiver,
  NURSE: t.roleNurse,
  DOCTOR: t.roleDoctor,
  SOCIAL_WORKER: t.roleSocialWorker,
  MANAGER: t.roleManager,
  OTHER: t.roleOther,
});

/** The certificates a care home records most (docs/rules.md §6); any other type may be typed in. */
const CERTIFICATE_TYPES = ['养老护理员职业技能等级证书', '护士执业证书', '老年人能力评估员证书', '医师执业证书', '社会工作者职业水平证书'];
const CERTIFICATE_LEVELS = ['五级/初级工', '四级/中级工', '三级/高级工', '二级/技师', '一级/高级技师'];

/** A dialog's frame: the form keeps what was typed when the server refuses, and its reason shows above the buttons. */
function FormDialog({
  title,
  pending,
  serverError,
  onOk,
  onClose,
  testId,
  children,
}: {
  title: string;
  pending: boolean;
  serverError: string | null;
  onOk: () => void;
  onClose: () => void;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal open title={title} onCancel={onClose} okText={t.save} cancelText={t.cancel} confirmLoading={pending} onOk={onOk} destroyOnHidden>
      <div data-testid={testId}>
        {children}
        {serverError && (
          <Typography.Text type="danger" role="alert" data-testid="server-error">
            {serverError}
          </Typography.Text>
        )}
      </div>
    </Modal>
  );
}

/** Runs a save; on success a toast and the dialog closes, on refusal the server's reason stays in the dialog. */
function useSave() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const [serverError, setServerError] = useState<string | null>(null);
  const run = <T,>(
    mutate: (opts: { onSuccess: (v: T) => void; onError: (e: unknown) => void }) => void,
    onClose: () => void,
    onDone?: (v: T) => void,
  ) => {
    setServerError(null);
    mutate({
      onSuccess: (v) => {
        message.success(t.saved);
        onClose();
        onDone?.(v);
      },
      onError: (e) => setServerError(describe(e)),
    });
  };
  return { serverError, run };
}

interface StaffForm {
  name: string;
  role: Role;
  employedFrom: Dayjs;
  fte: number;
  phone?: string;
}

/** 新增员工 (no `staff`; `onAdded` gets the new member) or 编辑 one: name, role, employed from, FTE, phone. */
export function StaffFormDialog({ staff, onClose, onAdded }: { staff?: Staff; onClose: () => void; onAdded?: (s: Staff) => void }) {
  const { t } = useI18n();
  const today = useToday();
  const [form] = Form.useForm<StaffForm>();
  const add = useAddStaff();
  const update = useUpdateStaff(staff?.id ?? '');
  const { serverError, run } = useSave();
  const roles = roleLabels(t);
  const submit = (v: StaffForm) => {
    const body = {
      name: v.name.trim(),
      role: v.role,
      employedFrom: v.employedFrom.format(ISO),
      fte: v.fte,
      // Editing, an emptied phone clears it; adding, it is left out.
      ...(v.phone?.trim() ? { phone: v.phone.trim() } : staff?.phone ? { phone: null } : {}),
    };
    if (staff) run((o) => update.mutate(body, o), onClose);
    else run<Staff>((o) => add.mutate(body, o), onClose, onAdded);
  };
  return (
    <FormDialog
      title={staff ? `${t.staffEdit} · ${staff.name}` : t.staffAdd}
      pending={add.isPending || update.isPending}
      serverError={serverError}
      onOk={() => form.submit()}
      onClose={onClose}
      testId="staff-form"
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          staff
            ? {
                name: staff.name,
                role: staff.role,
                employedFrom: dayjs(staff.employedFrom),
                fte: staff.fte,
                phone: staff.phone ?? undefined,
              }
            : { role: 'CAREGIVER', employedFrom: today(), fte: 1 }
        }
      >
        <Form.Item name="name" label={t.name} rules={[{ required: true, whitespace: true, message: t.nameRequired }]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="role" label={t.role} rules={[{ required: true, message: t.staffRoleRequired }]}>
              <Select options={Object.entries(roles).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="employedFrom" label={t.staffEmployedFrom} rules={[{ required: true, message: t.staffEmployedFromRequired }]}>
              <DatePicker style={{ width: '100%' }} placement="bottomLeft" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="fte"
              label={t.fte}
              extra={t.staffFteHelp}
              rules={[
                { required: true, message: t.staffFteRequired },
                { type: 'number', min: 0.01, max: 1, message: t.staffFteRange },
              ]}
            >
              <InputNumber min={0.01} max={1} step={0.1} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t.staffPhone} rules={[{ pattern: /^[0-9+\-() ]{5,20}$/, message: t.staffPhoneInvalid }]}>
              <Input inputMode="tel" maxLength={20} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDialog>
  );
}

/** 办理离职: the first day no longer employed, after the day employed from (docs/rules.md §6). */
export function LeaveDialog({ staff, onClose }: { staff: Staff; onClose: () => void }) {
  const { t } = useI18n();
  const today = useToday();
  const [form] = Form.useForm<{ employedTo: Dayjs }>();
  const update = useUpdateStaff(staff.id);
  const { serverError, run } = useSave();
  const from = dayjs(staff.employedFrom);
  return (
    <FormDialog
      title={`${t.staffLeave} · ${staff.name}`}
      pending={update.isPending}
      serverError={serverError}
      onOk={() => form.submit()}
      onClose={onClose}
      testId="leave-form"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ employedTo: staff.employedTo ? dayjs(staff.employedTo) : today() }}
        onFinish={(v) => run((o) => update.mutate({ employedTo: v.employedTo.format(ISO) }, o), onClose)}
      >
        <Form.Item
          name="employedTo"
          label={t.staffEmployedTo}
          extra={`${t.staffEmployedToHelp} ${t.staffEmployedFrom}: ${staff.employedFrom}`}
          rules={[
            { required: true, message: t.staffEmployedToRequired },
            {
              validator: (_, v: Dayjs | undefined) =>
                v && !v.isAfter(from, 'day') ? Promise.reject(new Error(t.staffEmployedToAfterFrom)) : Promise.resolve(),
            },
          ]}
        >
          <DatePicker style={{ width: '100%' }} placement="bottomLeft" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

interface CertificateForm {
  type: string;
  number: string;
  level?: string;
  issuedOn: Dayjs;
  expiresOn: Dayjs;
}

/** 添加证书 or 更正 one: type, number, level, issued on, expires on (valid on [issuedOn, expiresOn)). */
export function CertificateDialog({ staff, certificate, onClose }: { staff: Staff; certificate?: Certificate; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CertificateForm>();
  const save = useSaveCertificate(staff.id);
  const { serverError, run } = useSave();
  const submit = (v: CertificateForm) =>
    run(
      (o) =>
        save.mutate(
          {
            id: certificate?.id,
            body: {
              type: v.type.trim(),
              number: v.number.trim(),
              ...(v.level?.trim() ? { level: v.level.trim() } : {}),
              issuedOn: v.issuedOn.format(ISO),
              expiresOn: v.expiresOn.format(ISO),
            },
          },
          o,
        ),
      onClose,
    );
  return (
    <FormDialog
      title={`${certificate ? t.staffCorrectCertificate : t.staffAddCertificate} · ${staff.name}`}
      pending={save.isPending}
      serverError={serverError}
      onOk={() => form.submit()}
      onClose={onClose}
      testId="certificate-form"
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          certificate
            ? {
                type: certificate.type,
                number: certificate.number,
                level: certificate.level ?? undefined,
                issuedOn: dayjs(certificate.issuedOn),
                expiresOn: dayjs(certificate.expiresOn),
              }
            : { type: staff.role === 'NURSE' ? CERTIFICATE_TYPES[1] : CERTIFICATE_TYPES[0] }
        }
      >
        <Form.Item
          name="type"
          label={t.staffCertificateType}
          rules={[{ required: true, whitespace: true, message: t.staffCertificateTypeRequired }]}
        >
          <AutoComplete options={CERTIFICATE_TYPES.map((value) => ({ value }))} maxLength={100} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={14}>
            <Form.Item
              name="number"
              label={t.staffCertificateNumber}
              rules={[{ required: true, whitespace: true, message: t.staffCertificateNumberRequired }]}
            >
              <Input maxLength={60} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="level" label={t.staffCertificateLevel}>
              <AutoComplete options={CERTIFICATE_LEVELS.map((value) => ({ value }))} maxLength={30} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="issuedOn" label={t.staffIssuedOn} rules={[{ required: true, message: t.staffIssuedOnRequired }]}>
              <DatePicker style={{ width: '100%' }} placement="bottomLeft" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="expiresOn"
              label={t.expiresOn}
              dependencies={['issuedOn']}
              rules={[
                { required: true, message: t.staffExpiresOnRequired },
                ({ getFieldValue }) => ({
                  validator: (_, v: Dayjs | undefined) => {
                    const issued = getFieldValue('issuedOn') as Dayjs | undefined;
                    return v && issued && !v.isAfter(issued, 'day')
                      ? Promise.reject(new Error(t.staffExpiresAfterIssued))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} placement="bottomLeft" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDialog>
  );
}

interface TrainingForm {
  course: string;
  completedOn: Dayjs;
  passed: boolean;
}

/** 添加培训 or 更正 one: course, completed on, passed (先培训后上岗). */
export function TrainingDialog({ staff, training, onClose }: { staff: Staff; training?: Training; onClose: () => void }) {
  const { t } = useI18n();
  const today = useToday();
  const [form] = Form.useForm<TrainingForm>();
  const save = useSaveTraining(staff.id);
  const { serverError, run } = useSave();
  const submit = (v: TrainingForm) =>
    run(
      (o) =>
        save.mutate({ id: training?.id, body: { course: v.course.trim(), completedOn: v.completedOn.format(ISO), passed: v.passed } }, o),
      onClose,
    );
  return (
    <FormDialog
      title={`${training ? t.staffCorrectTraining : t.staffAddTraining} · ${staff.name}`}
      pending={save.isPending}
      serverError={serverError}
      onOk={() => form.submit()}
      onClose={onClose}
      testId="training-form"
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          training
            ? { course: training.course, completedOn: dayjs(training.completedOn), passed: training.passed }
            : { course: '养老护理员岗前培训', completedOn: today(), passed: true }
        }
      >
        <Form.Item name="course" label={t.staffCourse} rules={[{ required: true, whitespace: true, message: t.staffCourseRequired }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="completedOn" label={t.staffCompletedOn} rules={[{ required: true, message: t.staffCompletedOnRequired }]}>
              <DatePicker style={{ width: '100%' }} placement="bottomLeft" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="passed" label={t.staffPassed}>
              <Radio.Group
                options={[
                  { label: t.staffPassedYes, value: true },
                  { label: t.staffPassedNo, value: false },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDialog>
  );
}
