import { AuditOutlined, BankOutlined, CalendarOutlined, FileProtectOutlined, LogoutOutlined, ScheduleOutlined, TeamOutlined, AppstoreOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Segmented, Space, Typography } from 'antd';
import { lazy, ReactNode, Suspense } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { useFacility } from './api/hooks/facilities';
import type { Me } from './api/types';
import { useAuth } from './auth';
import { Failed } from './components/Failed';
import { Loading } from './components/Loading';
import { NotFound } from './components/NotFound';
import { useI18n } from './i18n';

// Code-split by route (the first load stays small).
const Login = lazy(() => import('./pages/Login'));
const BedBoard = lazy(() => import('./pages/BedBoard'));
const ResidentPage = lazy(() => import('./pages/ResidentPage'));
const StaffPage = lazy(() => import('./pages/StaffPage'));
const StaffingCalendar = lazy(() => import('./pages/StaffingCalendar'));
const Attendance = lazy(() => import('./pages/Attendance'));
const Claims = lazy(() => import('./pages/Claims'));
const ClaimDetail = lazy(() => import('./pages/ClaimDetail'));
const Division = lazy(() => import('./pages/Division'));
const Verify = lazy(() => import('./pages/Verify'));

function home(me: Me): string {
  if (me.role === 'FACILITY_MANAGER') return `/f/${me.facilityId}/beds`;
  if (me.role === 'ACCOUNTANT') return `/f/${me.facilityId}/claims`;
  return '/division';
}

function RequireSignIn({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) return <Loading />;
  if (me === null) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}

function Shell() {
  const { me, signOut } = useAuth();
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const facilityId = /^\/f\/([^/]+)/.exec(location.pathname)?.[1] ?? me?.facilityId;
  const { data: facility } = useFacility(facilityId);
  if (!me) return null;
  const f = (p: string) => `/f/${me.facilityId}/${p}`;
  const items = [
    ...(me.role === 'FACILITY_MANAGER' ? [
      { key: f('beds'), icon: <AppstoreOutlined />, label: t.beds },
      { key: f('staff'), icon: <TeamOutlined />, label: t.staff },
      { key: f('staffing'), icon: <CalendarOutlined />, label: t.staffing },
      ...(facility && facility.type !== 'CARE_HOME' ? [{ key: f('attendance'), icon: <ScheduleOutlined />, label: t.attendance }] : []),
    ] : []),
    ...(me.role === 'FACILITY_MANAGER' || me.role === 'ACCOUNTANT' ? [{ key: f('claims'), icon: <AuditOutlined />, label: t.claims }] : []),
    ...(me.role === 'REGULATOR' || me.role === 'PLATFORM_ADMIN' ? [{ key: '/division', icon: <BankOutlined />, label: t.division }] : []),
    { key: '/verify', icon: <FileProtectOutlined />, label: t.verify },
  ];
  const selected = items.map((i) => i.key).filter((k) => location.pathname.startsWith(k)).sort((a, b) => b.length - a.length)[0];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} theme="dark" breakpoint="lg" collapsedWidth={0}>
        <div style={{ color: '#fff', fontSize: 18, fontWeight: 700, padding: '18px 20px', letterSpacing: 2 }}>{t.appName}</div>
        <Menu theme="dark" mode="inline" selectedKeys={selected ? [selected] : []} items={items} onClick={(e) => navigate(e.key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'space-between', alignItems: 'center', borderBottom: '1px solid #eef0f3' }}>
          <Typography.Text strong>{facility?.name ?? (me.divisionCode ? `${t.division} ${me.divisionCode}` : '')}</Typography.Text>
          <Space>
            <Segmented size="small" value={lang} onChange={(v) => setLang(v as 'zh' | 'en')} options={[{ label: '中文', value: 'zh' }, { label: 'EN', value: 'en' }]} />
            <Typography.Text type="secondary">{me.username}</Typography.Text>
            <Button icon={<LogoutOutlined />} onClick={async () => { await signOut(); navigate('/login'); }}>{t.logout}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 20 }}>
          <Suspense fallback={<Loading />}><Outlet /></Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function Home() {
  const { me } = useAuth();
  // A day center's manager starts on the day's attendance sheet, a care home's on the bed board.
  const { data: facility, isLoading } = useFacility(me?.role === 'FACILITY_MANAGER' ? me.facilityId : undefined);
  if (!me || (me.role === 'FACILITY_MANAGER' && isLoading)) return <Loading />;
  return <Navigate to={me.role === 'FACILITY_MANAGER' && facility?.type === 'DAY_CENTER' ? `/f/${me.facilityId}/attendance` : home(me)} replace />;
}

/** A facility page answers only for the caller's facility (or a regulator's); anything else is "not found". */
function FacilityRoute() {
  const { facilityId } = useParams();
  const { isLoading, error } = useFacility(facilityId);
  if (isLoading) return <Loading />;
  if (error) return <Failed error={error} />;
  return <Outlet />;
}

export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<Login />} />
        <Route element={<RequireSignIn><Shell /></RequireSignIn>}>
          <Route index element={<Home />} />
          <Route path="/f/:facilityId" element={<FacilityRoute />}>
            <Route path="beds" element={<BedBoard />} />
            <Route path="residents/:residentId" element={<ResidentPage />} />
            <Route path="staff" element={<StaffPage />} />
            <Route path="staffing" element={<StaffingCalendar />} />
            <Route path="attendance" element={<Attendance />} />
            <Route path="claims" element={<Claims />} />
            <Route path="claims/:claimId" element={<ClaimDetail />} />
            <Route path="*" element={<NotFound />} />
          </Route>
          <Route path="/division" element={<Division />} />
          <Route path="/verify" element={<Verify />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
