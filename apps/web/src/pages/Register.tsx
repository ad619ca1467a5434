import { Button, Card, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type CareLevel, RESIDENT_CATEGORIES, type ResidentCategory } from '@careops/care';
import { useRouteFacilityId } from '../api/hooks/facilities';
import { type RegisterItem, type RegisterQuery, type RegisterStatus, useRegister } from '../api/hooks/residents';
import { useAuth } from '../auth';
import { Failed } from '../components/Failed';
import { PageTitle } from '../components/PageTitle';
import { type Messages, useI18n } from '../i18n';
import { ReadmitDialog } from './AdmitDialog';
import { EmptyText, ScrollRegion, Toolbar } from './page-parts';
import { categoryLabels } from './ResidentPage';

const STATUS_COLOR: Record<RegisterItem['status'], string> = {
  IN_CARE: 'green',
  ON_LEAVE: 'orange',
  DISCHARGED: 'default',
  REGISTERED: 'blue',
};

/** The register 老人档案: every resident, searched by name, pinyin initials, bed or ID digits; filtered and paged by the API. */
export default function Register() {
  const { t } = useI18n();
  const { me } = useAuth();
  const facilityId = useRouteFacilityId();
  const canAdmit = me?.role === 'FACILITY_MANAGER';
  const [query, setQuery] = useState<RegisterQuery>({ status: 'ALL', page: 1, pageSize: 20 });
  const [readmit, setReadmit] = useState<RegisterItem | null>(null);
  const register = useRegister(query);
  const change = (c: Partial<RegisterQuery>) => setQuery((q) => ({ ...q, page: 1, ...c }));
  const labels = categoryLabels(t);
  if (register.error) return <Failed error={register.error} retry={() => register.refetch()} />;
  return (
    <>
      <PageTitle>{t.regTitle}</PageTitle>
      <Card>
        <Toolbar>
          <Input.Search
            allowClear
            placeholder={t.regSearch}
            aria-label={t.regSearch}
            style={{ width: 280, maxWidth: '100%' }}
            onSearch={(q) => change({ q })}
            data-testid="register-search"
          />
          <Select<RegisterStatus>
            aria-label={t.regStatus}
            value={query.status}
            style={{ width: 120 }}
            onChange={(status) => change({ status })}
            options={(['ALL', 'IN_CARE', 'ON_LEAVE', 'DISCHARGED'] as const).map((s) => ({ value: s, label: statusLabel(t, s) }))}
            data-testid="register-status"
          />
          <Select<CareLevel>
            allowClear
            aria-label={t.careLevel}
            placeholder={t.careLevel}
            style={{ width: 120 }}
            value={query.level}
            onChange={(level) => change({ level })}
            options={(['SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED'] as const).map((l) => ({ value: l, label: t[l] }))}
          />
          <Select<ResidentCategory>
            allowClear
            aria-label={t.category}
            placeholder={t.category}
            style={{ width: 150 }}
            value={query.category}
            onChange={(category) => change({ category })}
            options={RESIDENT_CATEGORIES.map((c) => ({ value: c, label: labels[c] }))}
          />
        </Toolbar>
        <ScrollRegion label={t.regTitle}>
          <Table<RegisterItem>
            rowKey="id"
            size="middle"
            scroll={{ x: 'max-content' }}
            loading={register.isFetching}
            dataSource={register.data?.items}
            locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: register.data?.total ?? 0,
              showSizeChanger: false,
              size: 'small',
              onChange: (page) => setQuery((q) => ({ ...q, page })),
            }}
            columns={[
              {
                title: t.name,
                dataIndex: 'name',
                fixed: 'left',
                render: (v: string, r) => (
                  <Link to={`/f/${facilityId}/residents/${r.id}`} data-data data-testid={`register-row-${r.name}`}>
                    {v}
                  </Link>
                ),
              },
              { title: t.gender, dataIndex: 'gender', render: (g: 'M' | 'F') => (g === 'F' ? t.female : t.male) },
              { title: t.regAge, dataIndex: 'age', render: (v: number) => <span data-data>{v}</span> },
              { title: t.bed, dataIndex: 'bed', render: (v: string | null) => <span data-data>{v ?? '—'}</span> },
              { title: t.careLevel, dataIndex: 'careLevel', render: (l: CareLevel | null) => (l ? t[l] : t.unassessed) },
              {
                title: t.regStatus,
                dataIndex: 'status',
                render: (s: RegisterItem['status']) => (
                  <Tag color={STATUS_COLOR[s]} style={{ marginInlineEnd: 0 }}>
                    {t[`regStatus${s}`]}
                  </Tag>
                ),
              },
              { title: t.admittedOn, dataIndex: 'admittedOn', render: (v: string | null) => <span style={NOWRAP}>{v ?? '—'}</span> },
              {
                title: t.regDischargedOn,
                dataIndex: 'dischargedOn',
                render: (v: string | null, r) =>
                  v ? (
                    <span style={NOWRAP}>
                      {v} <span data-data>{r.dischargeReason}</span>
                    </span>
                  ) : (
                    '—'
                  ),
              },
              {
                title: t.category,
                dataIndex: 'categories',
                render: (cs: RegisterItem['categories']) => cs.map((c) => labels[c as ResidentCategory] ?? c).join(t.regListSeparator),
              },
              {
                title: t.idNumber,
                dataIndex: 'idNumber',
                render: (v: string) => (
                  <span data-data style={NOWRAP}>
                    {v}
                  </span>
                ),
              },
              ...(canAdmit
                ? [
                    {
                      title: t.actions,
                      key: 'actions',
                      render: (_: unknown, r: RegisterItem) =>
                        r.status === 'DISCHARGED' || r.status === 'REGISTERED' ? (
                          <Button size="small" onClick={() => setReadmit(r)} data-testid={`readmit-${r.name}`}>
                            {r.status === 'DISCHARGED' ? t.regReadmit : t.admit}
                          </Button>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
        </ScrollRegion>
      </Card>
      {readmit && <ReadmitDialog resident={readmit} onClose={() => setReadmit(null)} />}
    </>
  );
}

const NOWRAP = { whiteSpace: 'nowrap' } as const;

function statusLabel(t: Messages, s: RegisterStatus): string {
  return s === 'ALL' ? t.regStatusALL : t[`regStatus${s}`];
}
