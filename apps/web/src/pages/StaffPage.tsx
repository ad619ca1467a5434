import { Alert, Button, Card, Input, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { type Staff, useStaff } from '../api/hooks/staff';
import { useAuth } from '../auth';
import { Failed } from '../components/Failed';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n';
import { useToday } from '../today';
import { roleLabels, StaffFormDialog } from './StaffDialogs';
import StaffDrawer from './StaffDrawer';
import { EmptyText, ScrollRegion, Toolbar, VisuallyHidden } from './page-parts';

// Tag colours with text at ≥ 4.5:1 on their background (WCAG AA).
const EXPIRED = { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' };
const SOON = { color: '#8a5a00', background: '#fff6e5', borderColor: '#e0a030' };
const VALID = { color: '#1e7b34', background: '#f0faf3', borderColor: '#5cb176' };

type CertificateFilter = 'ALL' | 'EXPIRING' | 'EXPIRED';

/**
 * Staff with their certificates, searchable by name and filtered by role and by certificates running
 * out within 30 days (docs/rules.md §6); a row opens the member's trainings and certificates.
 */
export default function StaffPage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const today = useToday();
  const roles = roleLabels(t);
  const staff = useStaff();
  const [query, setQuery] = useState('');
  const [role, setRole] = useState<Staff['role'] | 'ALL'>('ALL');
  // The 工作台 links here with ?certificates=EXPIRING or EXPIRED.
  const [params] = useSearchParams();
  const [certificates, setCertificates] = useState<CertificateFilter>(() =>
    params.get('certificates') === 'EXPIRING' || params.get('certificates') === 'EXPIRED'
      ? (params.get('certificates') as CertificateFilter)
      : 'ALL',
  );
  const [openId, setOpenId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const canEdit = me?.role === 'FACILITY_MANAGER' || me?.role === 'PLATFORM_ADMIN';
  if (staff.error) return <Failed error={staff.error} retry={() => staff.refetch()} />;
  const now = today().startOf('day');
  const soon = now.add(30, 'day');
  const latest = (s: Staff) => [...s.certificates].sort((a, b) => b.expiresOn.localeCompare(a.expiresOn))[0];
  const daysLeft = (s: Staff) => {
    const c = latest(s);
    return c ? dayjs(c.expiresOn).diff(now, 'day') : null;
  };
  const employed = (s: Staff) => s.employedTo === null || dayjs(s.employedTo).isAfter(now, 'day');
  // docs/rules.md §6: only caregivers count toward the ratio, so only theirs are flagged.
  const expiring = (staff.data ?? []).filter((s) => {
    const c = latest(s);
    return s.role === 'CAREGIVER' && employed(s) && c && dayjs(c.expiresOn).isBefore(soon);
  });
  const needle = query.trim().toLowerCase();
  const shown = (staff.data ?? []).filter((s) => {
    if (needle && !s.name.toLowerCase().includes(needle)) return false;
    if (role !== 'ALL' && s.role !== role) return false;
    const days = daysLeft(s);
    if (certificates === 'EXPIRING') return days !== null && days >= 0 && days < 30;
    if (certificates === 'EXPIRED') return days === null ? s.role === 'CAREGIVER' : days < 0;
    return true;
  });
  const open = (staff.data ?? []).find((s) => s.id === openId);
  return (
    <>
      <PageTitle
        extra={
          canEdit && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="staff-add">
              {t.staffAdd}
            </Button>
          )
        }
      >
        {t.staff}
      </PageTitle>
      <Card>
        {expiring.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="expiring"
            message={
              <>
                {t.expiringSoon}:{' '}
                <span data-data>
                  {expiring
                    .map((s) => (lang === 'zh' ? `${s.name}（${latest(s).expiresOn}）` : `${s.name} (${latest(s).expiresOn})`))
                    .join(lang === 'zh' ? '、' : ', ')}
                </span>
              </>
            }
          />
        )}
        <Toolbar>
          <Input.Search
            allowClear
            placeholder={t.staffSearch}
            aria-label={t.staffSearch}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            style={{ width: 220, maxWidth: '100%' }}
            data-testid="staff-search"
          />
          <Select
            aria-label={t.role}
            value={role}
            onChange={setRole}
            style={{ width: 140 }}
            options={[{ value: 'ALL', label: t.staffAllRoles }, ...Object.entries(roles).map(([value, label]) => ({ value, label }))]}
            data-testid="staff-role-filter"
          />
          <Select
            aria-label={t.certificates}
            value={certificates}
            onChange={setCertificates}
            style={{ width: 200, maxWidth: '100%' }}
            options={[
              { value: 'ALL', label: t.staffAnyCertificate },
              { value: 'EXPIRING', label: t.staffCertificateExpiring },
              { value: 'EXPIRED', label: t.staffCertificateExpiredOrMissing },
            ]}
            data-testid="staff-certificate-filter"
          />
        </Toolbar>
        <ScrollRegion label={t.staff}>
          <Table
            rowKey="id"
            size="middle"
            scroll={{ x: 'max-content' }}
            sticky
            loading={staff.isLoading}
            dataSource={shown}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
            data-testid="staff-table"
            columns={[
              {
                title: t.name,
                dataIndex: 'name',
                render: (v: string, s) => (
                  <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => setOpenId(s.id)}>
                    <span data-data>{v}</span>
                  </Button>
                ),
              },
              { title: t.role, dataIndex: 'role', render: (r: Staff['role']) => roles[r] ?? r },
              {
                title: t.staffEmployment,
                render: (_, s) =>
                  employed(s) ? (
                    <Tag color="green">{t.staffOnDuty}</Tag>
                  ) : (
                    <Tag>
                      {t.staffLeft} <span data-data>{s.employedTo}</span>
                    </Tag>
                  ),
              },
              { title: t.fte, dataIndex: 'fte' },
              {
                title: t.certificates,
                render: (_, s) => {
                  const c = latest(s);
                  if (!c) return s.role === 'CAREGIVER' ? <Tag style={EXPIRED}>{t.noCertificate}</Tag> : '—';
                  const days = dayjs(c.expiresOn).diff(now, 'day');
                  return (
                    <span>
                      <span data-data>{c.type}</span> {/* The state is written, not only coloured: expired, within 30 days, or its date. */}
                      <Tag style={days < 0 ? EXPIRED : days < 30 ? SOON : VALID}>
                        {days < 0 ? `${t.expired} · ` : days < 30 ? `${t.expiringSoon} · ` : ''}
                        {t.expiresOn} {c.expiresOn}
                      </Tag>
                    </span>
                  );
                },
              },
              {
                title: t.actions,
                render: (_, s) => (
                  <Button size="small" onClick={() => setOpenId(s.id)}>
                    {t.details}
                    <VisuallyHidden>
                      {' '}
                      <span data-data>{s.name}</span>
                    </VisuallyHidden>
                  </Button>
                ),
              },
            ]}
          />
        </ScrollRegion>
      </Card>
      {open && <StaffDrawer staff={open} canEdit={canEdit} onClose={() => setOpenId(null)} />}
      {adding && <StaffFormDialog onClose={() => setAdding(false)} onAdded={(s) => setOpenId(s.id)} />}
    </>
  );
}
