import { Alert, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useErrorMessage } from '../api/errors';
import { useDemoLogins } from '../api/hooks/auth';
import { useAuth } from '../auth';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n';

export default function Login() {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<{ failure: unknown; until?: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  // A 429's wait counts down each second (Retry-After from the API's sign-in throttle).
  useEffect(() => {
    if (!error?.until) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [error]);
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
      const wait = e instanceof ApiError && e.status === 429 ? e.retryAfterSeconds : undefined;
      setNow(Date.now());
      setError({ failure: e, until: wait ? Date.now() + wait * 1000 : undefined });
    } finally {
      setBusy(false);
    }
  };
  const waitSeconds = error?.until ? Math.ceil((error.until - now) / 1000) : 0;
  // A wrong name or password is one 401 whether the name is locked or not (no enumeration): the
  // message says what a lock is and when to try again. A 429 says how long to wait.
  const wrong = error?.failure instanceof ApiError && error.failure.status === 401;
  const message = !error
    ? null
    : wrong
      ? describe(error.failure) || t.loginFailed
      : waitSeconds > 0
        ? t.tooManyAttemptsIn.replace('{n}', String(waitSeconds))
        : error.until
          ? null
          : describe(error.failure);
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 12,
        background: 'linear-gradient(135deg, #1d3557 0%, #457b9d 100%)',
      }}
    >
      <Card
        style={{ width: 400, maxWidth: '100%' }}
        title={
          <Space>
            <h1 style={{ fontSize: 20, fontWeight: 700, margin: 0 }}>{t.appName}</h1>
            <Typography.Text type="secondary">careops</Typography.Text>
          </Space>
        }
        extra={<LanguageSwitch />}
      >
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t.username} rules={[{ required: true, message: `${t.username}?` }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t.password} rules={[{ required: true, message: `${t.password}?` }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {message && (
            <Alert
              type="error"
              showIcon
              role="alert"
              message={message}
              description={wrong ? t.lockoutHint : undefined}
              style={{ marginBottom: 16 }}
            />
          )}
          <Button type="primary" htmlType="submit" block loading={busy} disabled={waitSeconds > 0}>
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
                  <span data-data>
                    {d.displayName} · {d.username}
                  </span>
                </Tag>
              ))}
            </div>
          </div>
        )}
      </Card>
    </div>
  );
}
