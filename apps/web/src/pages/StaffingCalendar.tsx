import { Badge, Calendar, Card, Descriptions, Drawer, List, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { type StaffingDay, useStaff, useStaffing } from '../api/hooks/staff';
import { Failed } from '../components/Failed';
import { useI18n } from '../i18n';
import { useToday } from '../today';

/** Month view of staffing compliance (docs/rules.md §6): non-compliant days red; a day opens its detail. */
export default function StaffingCalendar() {
  const { t } = useI18n();
  const today = useToday();
  const [month, setMonth] = useState<Dayjs>(() => today().startOf('month'));
  const [open, setOpen] = useState<StaffingDay | null>(null);
  const from = month.startOf('month').subtract(7, 'day').format('YYYY-MM-DD');
  const to = month.endOf('month').add(8, 'day').format('YYYY-MM-DD');
  const staffing = useStaffing(from, to);
  const staff = useStaff();
  const names = useMemo(() => new Map((staff.data ?? []).map((s) => [s.id, s.name])), [staff.data]);
  const byDate = useMemo(() => new Map((staffing.data?.days ?? []).map((d) => [d.date, d])), [staffing.data]);
  if (staffing.error) return <Failed error={staffing.error} retry={() => staffing.refetch()} />;
  return (
    <Card title={t.staffing} loading={staffing.isLoading}>
      <Calendar
        value={month}
        onPanelChange={(d) => setMonth(d.startOf('month'))}
        onSelect={(d, info) => {
          if (info.source === 'date') setOpen(byDate.get(d.format('YYYY-MM-DD')) ?? null);
        }}
        cellRender={(d, info) => {
          if (info.type !== 'date') return info.originNode;
          const day = byDate.get(d.format('YYYY-MM-DD'));
          if (!day) return null;
          return (
            <div
              data-testid={`day-${day.date}`}
              data-compliant={day.compliant}
              style={{ background: day.compliant ? '#f0faf3' : '#fdecea', borderRadius: 4, padding: '2px 6px', fontSize: 12 }}
            >
              <Badge status={day.compliant ? 'success' : 'error'} text={day.compliant ? t.compliant : t.nonCompliant} />
              <div>
                {t.required} {day.required} · {t.counted} {day.counted}
              </div>
            </div>
          );
        }}
      />
      <Drawer open={!!open} onClose={() => setOpen(null)} title={open?.date} width={420}>
        {open && (
          <>
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  label: t.compliant,
                  children: open.compliant ? <Tag color="green">{t.compliant}</Tag> : <Tag color="red">{t.nonCompliant}</Tag>,
                },
                { label: t.FULLY_DISABLED, children: open.residentsByLevel.FULLY_DISABLED },
                { label: t.SEMI_DISABLED, children: open.residentsByLevel.SEMI_DISABLED },
                { label: t.SELF_CARE, children: open.residentsByLevel.SELF_CARE },
                {
                  label: t.required,
                  children: `⌈ ${open.residentsByLevel.FULLY_DISABLED}/1.5 + ${open.residentsByLevel.SEMI_DISABLED}/4 + ${open.residentsByLevel.SELF_CARE}/10 ⌉ = ${open.required}`,
                },
                { label: t.counted, children: open.counted },
              ]}
            />
            <List
              header={t.excluded}
              size="small"
              dataSource={open.excluded}
              locale={{ emptyText: '—' }}
              renderItem={(e) => (
                <List.Item>
                  {names.get(e.staffId) ?? e.staffId.slice(0, 8)} · {e.reasonLabel}
                </List.Item>
              )}
            />
          </>
        )}
      </Drawer>
    </Card>
  );
}
