import { Button } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { Loading } from './Loading';

/**
 * The frame of the pages anyone may open without signing in (the document verification a QR code
 * leads to): the name of the system, the language switch, and the way in.
 */
export function PublicLayout() {
  const { t } = useI18n();
  const { me } = useAuth();
  return (
    <div style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <header
        className="careops-chrome"
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          padding: '0 16px',
          height: 56,
          background: '#1d3557',
          color: '#fff',
        }}
      >
        <span style={{ flex: '1 1 auto', minWidth: 0, fontWeight: 700, fontSize: 16 }}>{t.appName}</span>
        <LanguageSwitch style={{ display: 'flex', alignItems: 'center' }} />
        <Link to={me ? '/' : '/login'}>
          <Button size="small">{me ? t.backHome : t.login}</Button>
        </Link>
      </header>
      <main id="main" style={{ maxWidth: 760, margin: '0 auto', padding: 16 }}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
