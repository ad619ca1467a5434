import {
  AccountBookOutlined,
  AppstoreOutlined,
  AuditOutlined,
  IdcardOutlined,
  BankOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FilePdfOutlined,
  FileProtectOutlined,
  HistoryOutlined,
  ImportOutlined,
  LogoutOutlined,
  SafetyOutlined,
  MenuOutlined,
  ScheduleOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useHasBeds } from '../api/hooks/day-care';
import { useFacility } from '../api/hooks/facilities';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';
import { today } from '../today';
import { LanguageSwitch } from './LanguageSwitch';
import { Loading } from './Loading';

const SIDER = '#001529';

/**
 * The frame of every signed-in screen: the menu of the user's role, the facility's name, language
 * and sign-out. Landmarks (header, nav, main) and a skip link; the page's own `PageTitle` is its
 * one h1. Below 768 px the menu is a drawer over the page (it never narrows the page) and closes
 * on navigation. Printing leaves the chrome out (the stylesheet in index.html).
 */
export function Shell() {
  const { me, facility: own, signOut } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const small = !Grid.useBreakpoint().md;
  const [open, setOpen] = useState(false);
  const routeFacilityId = /^\/f\/([^/]+)/.exec(location.pathname)?.[1];
  // The user's own facility is known from the start; another's (a regulator's visit) is asked for.
  const { data: visited } = useFacility(routeFacilityId && routeFacilityId !== own?.id ? routeFacilityId : undefined);
  const facility = routeFacilityId && routeFacilityId !== own?.id ? visited : own;
  useEffect(() => setOpen(false), [location.pathname]);
  // A day center may have no beds: its menu then has no bed board (docs/rules.md §2).
  const dayCenter = me?.role === 'FACILITY_MANAGER' && own?.type === 'DAY_CENTER';
  const { data: hasBeds } = useHasBeds(dayCenter ? own?.id : undefined, today(own?.timezone).format('YYYY-MM-DD'));
  if (!me) return null;
  const f = (p: string) => `/f/${me.facilityId}/${p}`;
  const items = [
    ...(me.role === 'FACILITY_MANAGER' || me.role === 'ACCOUNTANT' ? [{ key: f('home'), icon: <DashboardOutlined />, label: t.home }] : []),
    ...(me.role === 'FACILITY_MANAGER'
      ? [
          ...(dayCenter && hasBeds !== true ? [] : [{ key: f('beds'), icon: <AppstoreOutlined />, label: t.beds }]),
          { key: f('residents'), icon: <IdcardOutlined />, label: t.regTitle },
          ...(own && own.type !== 'CARE_HOME'
            ? [
                { key: f('attendance'), icon: <ScheduleOutlined />, label: t.attendance },
                { key: f('services'), icon: <SolutionOutlined />, label: t.services },
              ]
            : []),
          { key: f('staff'), icon: <TeamOutlined />, label: t.staff },
          { key: f('staffing'), icon: <CalendarOutlined />, label: t.staffing },
          { key: f('safety'), icon: <SafetyOutlined />, label: t.safety },
          { key: f('import'), icon: <ImportOutlined />, label: t.importTitle },
        ]
      : []),
    ...(me.role === 'FACILITY_MANAGER' || me.role === 'ACCOUNTANT'
      ? [
          ...(me.role === 'ACCOUNTANT' ? [{ key: f('residents'), icon: <IdcardOutlined />, label: t.regTitle }] : []),
          { key: f('billing'), icon: <AccountBookOutlined />, label: t.billing },
          { key: f('claims'), icon: <AuditOutlined />, label: t.claims },
          { key: f('reports'), icon: <FilePdfOutlined />, label: t.reports },
          { key: f('info'), icon: <ShopOutlined />, label: t.facilityInfo },
        ]
      : []),
    ...(me.role === 'FACILITY_MANAGER' ? [{ key: f('audit'), icon: <HistoryOutlined />, label: t.auditTrail }] : []),
    ...(me.role === 'REGULATOR' || me.role === 'PLATFORM_ADMIN' ? [{ key: '/division', icon: <BankOutlined />, label: t.division }] : []),
    { key: '/verify', icon: <FileProtectOutlined />, label: t.verify },
  ];
  const selected = items
    .map((i) => i.key)
    .filter((k) => location.pathname.startsWith(k))
    .sort((a, b) => b.length - a.length)[0];
  const brand = <div style={{ color: '#fff', fontSize: 18, fontWeight: 700, padding: '18px 20px', letterSpacing: 2 }}>{t.appName}</div>;
  const menu = (
    <nav aria-label={t.mainMenu}>
      <Menu
        theme="dark"
        mode="inline"
        selectedKeys={selected ? [selected] : []}
        items={items}
        onClick={(e) => {
          setOpen(false);
          navigate(e.key);
        }}
      />
    </nav>
  );
  const where = facility?.name ?? (me.divisionCode ? `${t.division} ${me.divisionCode}` : '');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="careops-skip" href="#main">
        {t.skipToContent}
      </a>
      {small ? (
        <Drawer
          className="careops-drawer careops-chrome"
          placement="left"
          open={open}
          onClose={() => setOpen(false)}
          size={240}
          closable={false}
          styles={{ body: { padding: 0, background: SIDER }, header: { display: 'none' } }}
          title={t.mainMenu}
        >
          {brand}
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider className="careops-sider careops-chrome" width={208} theme="dark">
          {brand}
          {menu}
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          className="careops-chrome"
          style={{
            background: '#fff',
            padding: small ? '0 8px' : '0 24px',
            display: 'flex',
            gap: 8,
            alignItems: 'center',
            borderBottom: '1px solid #eef0f3',
            height: 56,
            lineHeight: '56px',
          }}
        >
          {small && (
            <Button type="text" icon={<MenuOutlined />} aria-label={t.openMenu} aria-expanded={open} onClick={() => setOpen(true)} />
          )}
          <span
            data-data
            title={where}
            style={{ flex: '1 1 auto', minWidth: 0, fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
          >
            {where}
          </span>
          <LanguageSwitch style={{ display: 'flex', alignItems: 'center' }} />
          {!small && (
            <span style={{ color: 'rgba(0, 0, 0, 0.68)', whiteSpace: 'nowrap' }}>
              <span className="careops-visually-hidden">{t.signedInAs} </span>
              <span data-data>{me.username}</span>
            </span>
          )}
          <Button
            icon={<LogoutOutlined />}
            aria-label={small ? t.logout : undefined}
            onClick={async () => {
              await signOut();
              navigate('/login');
            }}
          >
            {small ? null : t.logout}
          </Button>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} className="careops-main" style={{ margin: small ? 12 : 20, minWidth: 0, outline: 'none' }}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
