import { Card, DatePicker, List, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type AuditEntry, type AuditKind, useAuditActors, useAuditTrail } from '../api/hooks/audit';
import { Failed } from '../components/Failed';
import { PageTitle } from '../components/PageTitle';
import { type Messages, useI18n } from '../i18n';
import { EmptyText, Secondary, Toolbar } from './page-parts';

const PAGE_SIZE = 20;

/** The kinds a reader filters by, in the order of a facility's day. */
const kindLabels = (t: Messages): Record<AuditKind, string> => ({
  ADMISSION: t.auditKindAdmission,
  TRANSFER: t.auditKindTransfer,
  DISCHARGE: t.auditKindDischarge,
  LEAVE: t.auditKindLeave,
  ASSESSMENT: t.auditKindAssessment,
  RESIDENT: t.auditKindResident,
  STAFF: t.auditKindStaff,
  CLAIM: t.auditKindClaim,
  DOCUMENT: t.auditKindDocument,
  LOGIN: t.auditKindLogin,
  USER: t.auditKindUser,
  BED: t.auditKindBed,
  DAY_CARE: t.auditKindDayCare,
  FACILITY: t.auditKindFacility,
  CORRECTION: t.auditKindCorrection,
  SAFETY: t.auditKindSafety,
  BILLING: t.auditKindBilling,
  OTHER: t.auditKindOther,
});

/** A sentence of the trail: names, codes and numbers are data (marked), the rest the product's words. */
function Sentence({ entry, lang }: { entry: AuditEntry; lang: 'zh' | 'en' }) {
  const parts = lang === 'zh' ? entry.sentence.zhParts : entry.sentence.enParts;
  return (
    <span data-testid="audit-sentence">
      {parts.map((p, i) =>
        p.data ? (
          <strong key={i} data-data>
            {p.text}
          </strong>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}

/**
 * 操作记录 (docs/rules.md §1: every action audited, the manager reads the trail): who did what and
 * when, newest first, one sentence per entry; filtered by dates, person and kind, paged on the server.
 */
export default function AuditTrail() {
  const { t, lang } = useI18n();
  const kinds = kindLabels(t);
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [actorId, setActorId] = useState<string | undefined>();
  const [kind, setKind] = useState<AuditKind | undefined>();
  const [page, setPage] = useState(1);
  const trail = useAuditTrail({
    from: range?.[0].format('YYYY-MM-DD'),
    // The API's `to` is exclusive; the picker's last day is included.
    to: range?.[1].add(1, 'day').format('YYYY-MM-DD'),
    actorId,
    kind,
    page,
    pageSize: PAGE_SIZE,
  });
  const actors = useAuditActors();
  if (trail.error) return <Failed error={trail.error} retry={() => trail.refetch()} />;
  const narrow =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <>
      <PageTitle>{t.auditTrail}</PageTitle>
      <Card>
        <Toolbar>
          <DatePicker.RangePicker
            value={range}
            onChange={narrow((v: [Dayjs | null, Dayjs | null] | null) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null))}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            placeholder={[t.auditFrom, t.auditTo]}
            aria-label={t.auditDates}
            style={{ maxWidth: 280 }}
            data-testid="audit-dates"
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            value={actorId}
            onChange={narrow(setActorId)}
            placeholder={t.auditAllPeople}
            aria-label={t.auditPerson}
            style={{ width: 180 }}
            loading={actors.isLoading}
            options={(actors.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
            optionRender={(o) => <span data-data>{o.label}</span>}
            labelRender={(o) => <span data-data>{o.label}</span>}
            data-testid="audit-person"
          />
          <Select
            allowClear
            value={kind}
            onChange={narrow(setKind)}
            placeholder={t.auditAllKinds}
            aria-label={t.auditKind}
            style={{ width: 150 }}
            options={Object.entries(kinds).map(([value, label]) => ({ value, label }))}
            data-testid="audit-kind"
          />
        </Toolbar>
        <List
          loading={trail.isFetching}
          dataSource={trail.data?.items ?? []}
          rowKey="id"
          locale={{ emptyText: <EmptyText>{t.auditEmpty}</EmptyText> }}
          pagination={
            (trail.data?.total ?? 0) > PAGE_SIZE && {
              current: page,
              pageSize: PAGE_SIZE,
              total: trail.data?.total,
              onChange: setPage,
              showSizeChanger: false,
              size: 'small',
              showTotal: (total) => t.auditTotal.replace('{n}', String(total)),
            }
          }
          renderItem={(entry) => (
            <List.Item data-testid="audit-entry" data-action={entry.action}>
              <div style={{ display: 'flex', flexDirection: 'column', gap: 4, minWidth: 0 }}>
                <div style={{ overflowWrap: 'anywhere' }}>
                  <Sentence entry={entry} lang={lang} />
                </div>
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
                  <Tag>{kinds[entry.kind] ?? kinds.OTHER}</Tag>
                  <Secondary>
                    <time dateTime={String(entry.at)} data-data>
                      {dayjs(entry.at).format('YYYY-MM-DD HH:mm')}
                    </time>
                  </Secondary>
                </div>
              </div>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
