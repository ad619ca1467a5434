import { Alert, Button, Card, Form, Input, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useErrorMessage } from '../api/errors';
import { useDemoLogins } from '../api/hooks/auth';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';

export default function Login() {
  const { t, lang, setLang } = useI18n();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const describe = useErrorMessage();
  const { data: demo } = useDemoLogins();
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(v.username, v.password);
      const next = params.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (e) {
      // A wrong name or password is one 401 (no enumeration); any other refusal (a 429) says what it is.
      setError(e instanceof ApiError && e.status !== 401 ? describe(e) : t.loginFailed);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg, #1d3557 0%, #457b9d 100%)',
      }}
    >
      <Card
        style={{ width: 400 }}
        title={
          <Space>
            <span style={{ fontSize: 20, fontWeight: 700 }}>{t.appName}</span>
            <Typography.Text type="secondary">careops</Typography.Text>
          </Space>
        }
        extra={
          <Segmented
            size="small"
            value={lang}
            onChange={(v) => setLang(v as 'zh' | 'en')}
            options={[
              { label: '中文', value: 'zh' },
              { label: 'EN', value: 'en' },
            ]}
          />
        }
      >
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t.username} rules={[{ required: true, message: `${t.username}?` }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t.password} rules={[{ required: true, message: `${t.password}?` }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t.login}
          </Button>
        </Form>
        {demo && demo.length > 0 && (
          <div style={{ marginTop: 20 }}>
            <Typography.Text type="secondary">{t.demoAccounts}</Typography.Text>
            <div style={{ marginTop: 8, display: 'flex', flexWrap: 'wrap', gap: 6 }}>
              {demo.map((d) => (
                <Tag
                  key={d.username}
                  color="blue"
                  style={{ cursor: 'pointer' }}
                  onClick={() => form.setFieldsValue({ username: d.username, password: d.password })}
                >
                  {d.displayName} · {d.username}
                </Tag>
              ))}
            </div>
          </div>
        )}
      </Card>
    </div>
  );
}
