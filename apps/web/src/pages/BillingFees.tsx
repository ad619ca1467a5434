import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Radio, Select, Space, Switch, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { fenOfYuan, yuan } from '@careops/care';
import { FEE_CATEGORIES, type FeeCategory, type FeeItem, type FeeKind, type NewFeeItem } from '../api/billing';
import { ApiError } from '../api/client';
import { useErrorMessage } from '../api/errors';
import { useAddFeeItem, useFeeItems } from '../api/hooks/billing';
import { Failed } from '../components/Failed';
import { PageTitle } from '../components/PageTitle';
import { useBillingI18n } from '../i18n/billing';
import { useToday } from '../today';
import { BillingNav, fillText, H2, Money } from './billing-parts';
import { EmptyText, ScrollRegion } from './page-parts';

/** The minimum leave for "not charged" (docs/rules.md §9: the setting BILLING_MIN_LEAVE_DAYS, default 3). */
const MIN_LEAVE_DAYS = 3;

/** What the form holds: the amount as yuan text, read to fen without floats. */
interface FeeForm {
  code: string;
  name: string;
  kind: FeeKind;
  category: FeeCategory;
  amount: string;
  careLevel?: NewFeeItem['careLevel'];
  bedKind?: NewFeeItem['bedKind'];
  unit?: string;
  chargedOnLeave: boolean;
  effectiveFrom: Dayjs;
}

/** The defaults of docs/rules.md §9: the bed and the care are charged on leave days, meals not. */
const chargedOnLeaveByDefault = (c: FeeCategory) => c === 'BED' || c === 'CARE';

/**
 * The fee items (docs/rules.md §9), grouped by category, each code with its versions newest first
 * and the one in force today marked; a new item or a new version of one (a version a bill has used
 * is never edited: the next one gets a later effective date).
 */
export default function BillingFees() {
  const { t } = useBillingI18n();
  const today = useToday();
  const items = useFeeItems();
  const [editing, setEditing] = useState<Partial<FeeForm> | null>(null);
  if (items.error) return <Failed error={items.error} retry={() => items.refetch()} />;
  const now = today().format('YYYY-MM-DD');
  // The version in force today of each code: the latest effective on or before today.
  // An item is its code and variant (a care level, a bed kind): each has its own versions.
  const inForce = new Set<string>();
  const byCode = new Map<string, FeeItem[]>();
  for (const i of items.data ?? []) byCode.set(variantOf(i), [...(byCode.get(variantOf(i)) ?? []), i]);
  for (const versions of byCode.values()) {
    versions.sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
    const current = versions.find((v) => v.effectiveFrom <= now);
    if (current) inForce.add(current.id);
  }
  const newVersion = (i: FeeItem) =>
    setEditing({
      code: i.code,
      name: i.name,
      kind: i.kind,
      category: i.category,
      amount: yuan(i.amountFen),
      careLevel: i.careLevel ?? undefined,
      bedKind: i.bedKind ?? undefined,
      unit: i.unit ?? undefined,
      chargedOnLeave: i.chargedOnLeave,
    });
  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" onClick={() => setEditing({})} data-testid="fee-add">
            {t.billFeeAdd}
          </Button>
        }
      >
        {t.billFees}
      </PageTitle>
      <BillingNav />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {FEE_CATEGORIES.map((category) => {
          const rows = [...byCode.values()].filter((v) => v[0].category === category).flat();
          return (
            <Card
              key={category}
              size="small"
              title={<h2 style={H2}>{t[`billCategory${category}`]}</h2>}
              data-testid={`fee-category-${category}`}
              loading={items.isLoading}
            >
              <ScrollRegion label={t[`billCategory${category}`]}>
                <Table<FeeItem>
                  rowKey="id"
                  size="small"
                  scroll={{ x: 'max-content' }}
                  pagination={false}
                  dataSource={rows}
                  locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
                  columns={[
                    {
                      title: t.billFeeName,
                      dataIndex: 'name',
                      render: (v: string, i) => (
                        <span data-data data-testid={`fee-${i.code}-${i.effectiveFrom}`}>
                          {v}
                        </span>
                      ),
                    },
                    { title: t.billFeeCode, dataIndex: 'code', render: (v: string) => <span data-data>{v}</span> },
                    { title: t.kind, dataIndex: 'kind', render: (k: FeeKind) => t[`billFeeKind${k}`] },
                    {
                      title: `${t.billFeeAmount}${t.inYuan}`,
                      dataIndex: 'amountFen',
                      align: 'right',
                      render: (f: number, i) => (
                        <span style={{ whiteSpace: 'nowrap' }}>
                          <Money fen={f} />
                          {i.kind === 'PER_USE' && i.unit ? (
                            <span data-data>{` / ${i.unit}`}</span>
                          ) : i.kind === 'MONTHLY' ? (
                            ` ${t.billPerMonth}`
                          ) : null}
                        </span>
                      ),
                    },
                    {
                      title: category === 'CARE' ? t.careLevel : t.billFeeBedKind,
                      key: 'scope',
                      render: (_: unknown, i) =>
                        i.careLevel
                          ? (t[i.careLevel as 'SELF_CARE'] ?? i.careLevel)
                          : i.bedKind
                            ? i.bedKind === 'NURSING'
                              ? t.nursing
                              : t.general
                            : category === 'CARE'
                              ? t.billFeeAnyLevel
                              : '—',
                    },
                    { title: t.billFeeChargedOnLeave, dataIndex: 'chargedOnLeave', render: (v: boolean) => (v ? t.billYes : t.billNo) },
                    {
                      title: t.billFeeEffectiveFrom,
                      dataIndex: 'effectiveFrom',
                      render: (v: string, i) => (
                        <span style={{ whiteSpace: 'nowrap' }}>
                          {v} {inForce.has(i.id) && <Tag color="green">{t.billFeeInForce}</Tag>}
                          {i.usedByBills && (
                            <Tag title={t.billFeeUsedHint} data-testid="fee-used">
                              {t.billFeeUsed}
                            </Tag>
                          )}
                        </span>
                      ),
                    },
                    {
                      title: t.actions,
                      key: 'actions',
                      render: (_: unknown, i) =>
                        byCode.get(variantOf(i))?.[0].id === i.id && (
                          <Button size="small" onClick={() => newVersion(i)} data-testid={`fee-version-${variantOf(i)}`}>
                            {t.billFeeNewVersion}
                          </Button>
                        ),
                    },
                  ]}
                />
              </ScrollRegion>
            </Card>
          );
        })}
      </Space>
      {editing && <FeeDialog initial={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

/** The item a version belongs to: `BED-GENERAL`, `CARE-SEMI_DISABLED`, `MEALS`. */
const variantOf = (i: FeeItem) => [i.code, i.careLevel, i.bedKind].filter(Boolean).join('-');

const FORM_FIELDS = new Set([
  'code',
  'name',
  'kind',
  'category',
  'amount',
  'amountFen',
  'careLevel',
  'bedKind',
  'unit',
  'chargedOnLeave',
  'effectiveFrom',
]);

/** The form field an API refusal names: its `field` param, the field a validation message starts with, */
function fieldOf(e: ApiError): string {
  if (typeof e.params?.field === 'string') return e.params.field;
  const first = /^(\w+) /.exec(e.message)?.[1] ?? '';
  return e.code === 'VALIDATION_FAILED' && FORM_FIELDS.has(first) ? first : '';
}

/** The form of a fee item or of its new version (the code then fixed); the API's refusal is shown on the field it names. */
function FeeDialog({ initial, onClose }: { initial: Partial<FeeForm>; onClose: () => void }) {
  const { t } = useBillingI18n();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const today = useToday();
  const add = useAddFeeItem();
  const [form] = Form.useForm<FeeForm>();
  const [error, setError] = useState<string | null>(null);
  const version = !!initial.code;
  const kind = Form.useWatch('kind', form) ?? initial.kind ?? 'MONTHLY';
  const category = Form.useWatch('category', form) ?? initial.category ?? 'BED';
  const submit = (v: FeeForm) => {
    setError(null);
    add.mutate(
      {
        code: v.code.trim(),
        name: v.name.trim(),
        kind: v.kind,
        category: v.category,
        amountFen: fenOfYuan(v.amount) ?? 0,
        // A level only for a care fee, a bed kind only for a bed fee (a value left from another category is not sent).
        careLevel: v.category === 'CARE' ? v.careLevel || undefined : undefined,
        bedKind: v.category === 'BED' ? v.bedKind || undefined : undefined,
        unit: v.kind === 'PER_USE' ? v.unit?.trim() || undefined : undefined,
        chargedOnLeave: v.chargedOnLeave,
        effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
      },
      {
        onSuccess: () => {
          message.success(t.saved);
          onClose();
        },
        onError: (e) => {
          const text = describe(e);
          // A refusal naming one of the form's fields is shown under that field; anything else above the form.
          const field = e instanceof ApiError ? fieldOf(e) : '';
          if (FORM_FIELDS.has(field))
            form.setFields([{ name: field === 'amountFen' ? 'amount' : (field as keyof FeeForm), errors: [text] }]);
          else setError(text);
        },
      },
    );
  };
  return (
    <Modal
      open
      title={version ? `${t.billFeeNewVersion} · ${initial.name ?? ''}` : t.billFeeAdd}
      onCancel={onClose}
      okText={t.save}
      cancelText={t.cancel}
      okButtonProps={{ htmlType: 'submit', form: 'fee-form', loading: add.isPending, 'data-testid': 'fee-save' }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="fee-error" />}
      <Form<FeeForm>
        id="fee-form"
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={{
          kind: 'MONTHLY',
          category: 'BED',
          chargedOnLeave: chargedOnLeaveByDefault(initial.category ?? 'BED'),
          ...initial,
          effectiveFrom: dayjs(today().format('YYYY-MM-01')),
        }}
        onValuesChange={(changed: Partial<FeeForm>) => {
          if (changed.category && !version) form.setFieldValue('chargedOnLeave', chargedOnLeaveByDefault(changed.category));
        }}
      >
        <Space wrap size={[12, 0]} style={{ width: '100%' }}>
          <Form.Item
            name="code"
            label={t.billFeeCode}
            rules={[
              { required: true, whitespace: true, message: t.fieldRequired },
              { pattern: /^[A-Za-z0-9_-]{1,32}$/, message: t.billFeeCodeFormat },
            ]}
          >
            <Input disabled={version} autoComplete="off" style={{ width: 150 }} data-testid="fee-code" />
          </Form.Item>
          <Form.Item name="name" label={t.billFeeName} rules={[{ required: true, whitespace: true, message: t.fieldRequired }]}>
            <Input maxLength={40} autoComplete="off" style={{ width: 200 }} data-testid="fee-name" />
          </Form.Item>
        </Space>
        <Form.Item name="kind" label={t.kind}>
          <Radio.Group
            disabled={version}
            options={(['MONTHLY', 'PER_USE'] as const).map((k) => ({ value: k, label: t[`billFeeKind${k}`] }))}
            data-testid="fee-kind"
          />
        </Form.Item>
        <Space wrap size={[12, 0]} style={{ width: '100%' }}>
          <Form.Item name="category" label={t.category}>
            <Select
              disabled={version}
              style={{ width: 150 }}
              options={FEE_CATEGORIES.map((c) => ({ value: c, label: t[`billCategory${c}`] }))}
              data-testid="fee-category"
            />
          </Form.Item>
          <Form.Item
            name="amount"
            label={`${t.billFeeAmount}${t.inYuan}`}
            rules={[
              { required: true, message: t.fieldRequired },
              {
                validator: (_, v: string) =>
                  !v || (fenOfYuan(v) !== null && (fenOfYuan(v) as number) > 0)
                    ? Promise.resolve()
                    : Promise.reject(new Error(fenOfYuan(v ?? '') === null ? t.amountFormat : t.billAmountPositive)),
              },
            ]}
          >
            <Input inputMode="decimal" autoComplete="off" style={{ width: 150 }} data-testid="fee-amount" />
          </Form.Item>
        </Space>
        <Space wrap size={[12, 0]} style={{ width: '100%' }}>
          {category === 'CARE' && (
            <Form.Item name="careLevel" label={t.careLevel}>
              <Select
                allowClear
                disabled={version}
                placeholder={t.billFeeAnyLevel}
                style={{ width: 150 }}
                options={(['SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED'] as const).map((l) => ({ value: l, label: t[l] }))}
                data-testid="fee-care-level"
              />
            </Form.Item>
          )}
          {category === 'BED' && (
            <Form.Item name="bedKind" label={t.billFeeBedKind}>
              <Select
                allowClear
                disabled={version}
                placeholder={t.billFeeAnyBed}
                style={{ width: 150 }}
                options={[
                  { value: 'NURSING', label: t.nursing },
                  { value: 'GENERAL', label: t.general },
                ]}
              />
            </Form.Item>
          )}
          {kind === 'PER_USE' && (
            <Form.Item name="unit" label={t.billFeeUnit} rules={[{ required: true, whitespace: true, message: t.fieldRequired }]}>
              <Input maxLength={10} style={{ width: 100 }} data-testid="fee-unit" />
            </Form.Item>
          )}
        </Space>
        <Space wrap size={[12, 0]} style={{ width: '100%' }}>
          <Form.Item
            name="effectiveFrom"
            label={t.billFeeEffectiveFrom}
            rules={[{ required: true, message: t.fieldRequired }]}
            extra={version ? t.billFeeUsedHint : undefined}
          >
            <DatePicker allowClear={false} style={{ width: 160 }} data-testid="fee-effective" />
          </Form.Item>
          <Form.Item
            name="chargedOnLeave"
            label={t.billFeeChargedOnLeave}
            valuePropName="checked"
            extra={fillText(t.billFeeChargedOnLeaveHint, { n: MIN_LEAVE_DAYS })}
          >
            <Switch data-testid="fee-on-leave" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
