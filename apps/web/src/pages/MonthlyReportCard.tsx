import { App, Button, Card, Form, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { monthlyReportDeadline, monthlyReportState, type MonthlyReportState } from '@careops/care';
import { useErrorMessage } from '../api/errors';
import { useMonthlyReports, useSubmitMonthlyReport } from '../api/hooks/supervision';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';
import { useToday } from '../today';
import { Secondary } from './page-parts';

export const REPORT_STATE_COLOR: Record<MonthlyReportState, string> = { ON_TIME: 'green', LATE: 'orange', MISSING: 'red', DUE: 'blue' };

/**
 * 月报 of the chosen month (docs/rules.md §11): its state by the 25th of the next month, and for the
 * manager 报送月报 once the month is over, then 重新报送 with a reason (the first is kept).
 */
export function MonthlyReportCard({ month }: { month: string }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const today = useToday()().format('YYYY-MM-DD');
  const reports = useMonthlyReports();
  const submit = useSubmitMonthlyReport();
  const [resubmitting, setResubmitting] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const mine = (reports.data?.rows ?? []).filter((r) => r.month === month).sort((a, b) => a.seq - b.seq);
  const first = mine[0];
  const state = monthlyReportState(month, first?.submittedOn ?? null, today);
  const over = month < today.slice(0, 7);
  const manages = me?.role === 'FACILITY_MANAGER' || me?.role === 'PLATFORM_ADMIN';
  const send = (reason?: string) =>
    submit
      .mutateAsync({ month, ...(reason ? { reason } : {}) })
      .then(() => {
        message.success(t.monthlyReportDone);
        setResubmitting(false);
        form.resetFields();
      })
      .catch((e) => message.error(describe(e)));
  return (
    <Card
      loading={reports.isLoading}
      title={<h2 style={{ fontSize: 15, fontWeight: 600, margin: 0 }}>{t.monthlyReport}</h2>}
      style={{ marginTop: 16 }}
      data-testid="monthly-report"
    >
      <Space direction="vertical" size="small" style={{ width: '100%' }}>
        <Space wrap>
          <span data-data>{month}</span>
          <Tag color={REPORT_STATE_COLOR[state]} data-testid="monthly-report-state">
            {t[`reportState${state}`]}
          </Tag>
          <Secondary>{t.monthlyReportDeadline.replace('{date}', monthlyReportDeadline(month))}</Secondary>
        </Space>
        {first && (
          <Secondary>
            {t.monthlyReportSubmittedAt} <span data-data>{new Date(first.submittedAt).toLocaleString('zh-CN', { hour12: false })}</span>
            {mine.length > 1 && ` · ${t.resubmissions} ${mine.length - 1}`}
          </Secondary>
        )}
        {/* The month's 合规报告 issued with the latest submission (docs/rules.md §11): its number, checkable on 文件核验. */}
        {mine.at(-1)?.documentNumber && (
          <Secondary>
            {t.monthlyReportDocument}{' '}
            <Link to={`/verify?code=${mine.at(-1)?.documentNumber}`} data-testid="monthly-report-document">
              <span data-data>{mine.at(-1)?.documentNumber}</span>
            </Link>
          </Secondary>
        )}
        {manages && !over && <Secondary>{t.monthlyReportNotOver}</Secondary>}
        {manages && over && !first && (
          <Button type="primary" loading={submit.isPending} onClick={() => send()} data-testid="monthly-report-submit">
            {t.monthlyReportSubmit}
          </Button>
        )}
        {manages && first && (
          <Button onClick={() => setResubmitting(true)} data-testid="monthly-report-resubmit">
            {t.monthlyReportResubmit}
          </Button>
        )}
      </Space>
      <Modal
        open={resubmitting}
        title={t.monthlyReportResubmit}
        okText={t.submit}
        cancelText={t.cancel}
        confirmLoading={submit.isPending}
        onCancel={() => setResubmitting(false)}
        onOk={() => form.validateFields().then((v) => send(v.reason))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t.monthlyReportReason}
            rules={[{ required: true, whitespace: true, message: t.monthlyReportReason }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
