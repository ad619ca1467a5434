import { WarningOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { ApiError } from '../api/client';
import { useErrorMessage } from '../api/errors';
import { useI18n } from '../i18n';
import { NotFound } from './NotFound';

/**
 * The standard error block of every screen: a 404 is the not-found page, anything else says why,
 * in the user's language by the error's code (api/errors.ts).
 */
export function Failed({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useI18n();
  const describe = useErrorMessage();
  if (error instanceof ApiError && error.status === 404) return <NotFound />;
  return (
    <div role="alert" style={{ textAlign: 'center', padding: '48px 16px' }}>
      <WarningOutlined aria-hidden style={{ fontSize: 48, color: '#ad4e00' }} />
      <p style={{ fontSize: 18, fontWeight: 600, margin: '16px 0 8px' }}>{t.error}</p>
      <p style={{ color: 'rgba(0, 0, 0, 0.68)', margin: '0 0 24px', overflowWrap: 'anywhere' }}>{describe(error)}</p>
      {retry && <Button onClick={retry}>{t.retry}</Button>}
    </div>
  );
}
