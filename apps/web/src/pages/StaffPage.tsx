import { Alert, Card, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { type Staff, useStaff } from '../api/hooks/staff';
import { Failed } from '../components/Failed';
import { PageTitle } from '../components/PageTitle';
import { type Messages, useI18n } from '../i18n';
import { EmptyText, ScrollRegion } from './page-parts';

const roleLabels = (t: Messages): Record<string, string> => ({
  CAREGIVER: t.roleCaregiver,
  NURSE: t.roleNurse,
  DOCTOR: t.roleDoctor,
  SOCIAL_WORKER: t.roleSocialWorker,
  MANAGER: t.roleManager,
  OTHER: t.roleOther,
});

// Tag colours with text at ≥ 4.5:1 on their background (WCAG AA).
const EXPIRED = { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' };
const SOON = { color: '#8a5a00', background: '#fff6e5', borderColor: '#e0a030' };
const VALID = { color: '#1e7b34', background: '#f0faf3', borderColor: '#5cb176' };

/** Staff with their certificates; those running out within 30 days are flagged (docs/rules.md §6). */
export default function StaffPage() {
  const { t, lang } = useI18n();
  const roles = roleLabels(t);
  const staff = useStaff();
  if (staff.error) return <Failed error={staff.error} retry={() => staff.refetch()} />;
  const soon = dayjs().add(30, 'day');
  const latest = (s: Staff) => [...s.certificates].sort((a, b) => b.expiresOn.localeCompare(a.expiresOn))[0];
  // docs/rules.md §6: only caregivers count toward the ratio, so only theirs are flagged.
  const expiring = (staff.data ?? []).filter((s) => {
    const c = latest(s);
    return s.role === 'CAREGIVER' && c && dayjs(c.expiresOn).isBefore(soon);
  });
  return (
    <>
      <PageTitle>{t.staff}</PageTitle>
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
        <ScrollRegion label={t.staff}>
          <Table
            rowKey="id"
            size="middle"
            scroll={{ x: 'max-content' }}
            sticky
            loading={staff.isLoading}
            dataSource={staff.data}
            pagination={{ pageSize: 20 }}
            locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
            columns={[
              { title: t.name, dataIndex: 'name', render: (v: string) => <span data-data>{v}</span> },
              {
                title: t.role,
                dataIndex: 'role',
                render: (r: string) => roles[r] ?? r,
                filters: Object.entries(roles).map(([value, text]) => ({ value, text })),
                onFilter: (v, s) => s.role === v,
              },
              { title: t.fte, dataIndex: 'fte' },
              {
                title: t.certificates,
                render: (_, s) => {
                  const c = latest(s);
                  if (!c) return s.role === 'CAREGIVER' ? <Tag style={EXPIRED}>{t.noCertificate}</Tag> : '—';
                  const days = dayjs(c.expiresOn).diff(dayjs(), 'day');
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
            ]}
          />
        </ScrollRegion>
      </Card>
    </>
  );
}
