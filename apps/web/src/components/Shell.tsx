import {
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  FileProtectOutlined,
  LogoutOutlined,
  ScheduleOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Segmented, Space, Typography } from 'antd';
import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useFacility } from '../api/hooks/facilities';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';
import { Loading } from './Loading';

/** The frame of every signed-in screen: the menu of the user's role, the facility's name, language and sign-out. */
export function Shell() {
  const { me, signOut } = useAuth();
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const facilityId = /^\/f\/([^/]+)/.exec(location.pathname)?.[1] ?? me?.facilityId;
  const { data: facility } = useFacility(facilityId);
  if (!me) return null;
  const f = (p: string) => `/f/${me.facilityId}/${p}`;
  const items = [
    ...(me.role === 'FACILITY_MANAGER'
      ? [
          { key: f('beds'), icon: <AppstoreOutlined />, label: t.beds },
          { key: f('staff'), icon: <TeamOutlined />, label: t.staff },
          { key: f('staffing'), icon: <CalendarOutlined />, label: t.staffing },
          ...(facility && facility.type !== 'CARE_HOME' ? [{ key: f('attendance'), icon: <ScheduleOutlined />, label: t.attendance }] : []),
        ]
      : []),
    ...(me.role === 'FACILITY_MANAGER' || me.role === 'ACCOUNTANT' ? [{ key: f('claims'), icon: <AuditOutlined />, label: t.claims }] : []),
    ...(me.role === 'REGULATOR' || me.role === 'PLATFORM_ADMIN' ? [{ key: '/division', icon: <BankOutlined />, label: t.division }] : []),
    { key: '/verify', icon: <FileProtectOutlined />, label: t.verify },
  ];
  const selected = items
    .map((i) => i.key)
    .filter((k) => location.pathname.startsWith(k))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} theme="dark" breakpoint="lg" collapsedWidth={0}>
        <div style={{ color: '#fff', fontSize: 18, fontWeight: 700, padding: '18px 20px', letterSpacing: 2 }}>{t.appName}</div>
        <Menu theme="dark" mode="inline" selectedKeys={selected ? [selected] : []} items={items} onClick={(e) => navigate(e.key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            borderBottom: '1px solid #eef0f3',
          }}
        >
          <Typography.Text strong>{facility?.name ?? (me.divisionCode ? `${t.division} ${me.divisionCode}` : '')}</Typography.Text>
          <Space>
            <Segmented
              size="small"
              value={lang}
              onChange={(v) => setLang(v as 'zh' | 'en')}
              options={[
                { label: '中文', value: 'zh' },
                { label: 'EN', value: 'en' },
              ]}
            />
            <Typography.Text type="secondary">{me.username}</Typography.Text>
            <Button
              icon={<LogoutOutlined />}
              onClick={async () => {
                await signOut();
                navigate('/login');
              }}
            >
              {t.logout}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 20 }}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
