import { Button } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n';

/**
 * A page that does not exist, or is not the caller's (the two look the same). Plain markup, not
 * antd's Result: its illustrations would weigh on every first load.
 */
export function NotFound() {
  const { t } = useI18n();
  return (
    <div data-testid="not-found" style={{ textAlign: 'center', padding: '48px 16px' }}>
      <div aria-hidden="true" style={{ fontSize: 64, fontWeight: 700, color: '#1d3557', lineHeight: 1.2 }}>
        404
      </div>
      <h1 style={{ fontSize: 20, fontWeight: 600, margin: '12px 0 24px' }}>{t.notFound}</h1>
      <Link to="/">
        <Button type="primary">{t.backHome}</Button>
      </Link>
    </div>
  );
}
