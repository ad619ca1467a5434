import { Button, Result } from 'antd';
import { ApiError } from '../api/client';
import { useErrorMessage } from '../api/errors';
import { useI18n } from '../i18n';
import { NotFound } from './NotFound';

/** The standard error block of every screen: a 404 is the not-found page, anything else says why. */
export function Failed({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useI18n();
  const describe = useErrorMessage();
  if (error instanceof ApiError && error.status === 404) return <NotFound />;
  return <Result status="warning" title={t.error} subTitle={describe(error)} extra={retry && <Button onClick={retry}>{t.retry}</Button>} />;
}
