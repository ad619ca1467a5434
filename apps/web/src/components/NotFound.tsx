import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n';

/** A page that does not exist, or is not the caller's (the two look the same). */
export function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t.notFound}
      extra={
        <Link to="/">
          <Button type="primary">{t.backHome}</Button>
        </Link>
      }
      data-testid="not-found"
    />
  );
}
