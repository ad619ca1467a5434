import { Badge, Calendar, Card, DatePicker, Descriptions, Drawer, Grid, List, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useFacility, useRouteFacilityId } from '../api/hooks/facilities';
import { type StaffingDay, useStaff, useStaffing } from '../api/hooks/staff';
import { useAuth } from '../auth';
import { Failed } from '../components/Failed';
import { PageTitle } from '../components/PageTitle';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { useToday } from '../today';
import { Toolbar, VisuallyHidden } from './page-parts';

/** Month view of staffing compliance (docs/rules.md §6): non-compliant days red; a day opens its detail. */
export default function StaffingCalendar() {
  const { t } = useI18n();
  const today = useToday();
  // The 工作台 links here with ?month=YYYY-MM (the month of the first short day).
  const [params] = useSearchParams();
  const asked = params.get('month');
  const [month, setMonth] = useState<Dayjs>(() => (asked && /^\d{4}-\d{2}$/.test(asked) ? dayjs(`${asked}-01`) : today().startOf('month')));
  const [open, setOpen] = useState<StaffingDay | null>(null);
  const from = month.startOf('month').subtract(7, 'day').format('YYYY-MM-DD');
  const to = month.endOf('month').add(8, 'day').format('YYYY-MM-DD');
  const staffing = useStaffing(from, to);
  const staff = useStaff();
  const names = useMemo(() => new Map((staff.data ?? []).map((s) => [s.id, s.name])), [staff.data]);
  const byDate = useMemo(() => new Map((staffing.data?.days ?? []).map((d) => [d.date, d])), [staffing.data]);
  const phone = !Grid.useBreakpoint().md;
  // A day center has no ratio to meet: its rule is ≥ 3 management/service staff (docs/rules.md §2).
  const facilityId = useRouteFacilityId();
  const { facility: own } = useAuth();
  const { data: visited } = useFacility(facilityId && facilityId !== own?.id ? facilityId : undefined);
  const dayCenter = (facilityId === own?.id ? own?.type : visited?.type) === 'DAY_CENTER';
  const met = (day: StaffingDay) => (dayCenter ? day.dayCenterMinimumMet === true : day.compliant);
  const figures = (day: StaffingDay) =>
    dayCenter ? t.dayCenterStaff.replace('{n}', String(day.staffOnRoster)) : `${t.required} ${day.required} · ${t.counted} ${day.counted}`;
  if (staffing.error) return <Failed error={staffing.error} retry={() => staffing.refetch()} />;
  const ofMonth = (staffing.data?.days ?? []).filter((d) => d.date.startsWith(month.format('YYYY-MM')));
  return (
    <>
      <PageTitle>{t.staffing}</PageTitle>
      <Card>
        <Toolbar>
          <DatePicker
            picker="month"
            value={month}
            onChange={(d) => d && setMonth(d.startOf('month'))}
            allowClear={false}
            aria-label={t.month}
            data-testid="staffing-month"
          />
        </Toolbar>
        {staffing.isLoading ? (
          <Loading />
        ) : phone ? (
          // A phone reads the month as a list of days: status in words, numbers, a day opens its detail.
          <ul aria-label={t.staffingByDay} style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 6 }}>
            {ofMonth.map((day) => (
              <li key={day.date}>
                <button
                  type="button"
                  data-testid={`day-${day.date}`}
                  data-compliant={met(day)}
                  onClick={() => setOpen(day)}
                  style={{
                    width: '100%',
                    display: 'flex',
                    flexWrap: 'wrap',
                    justifyContent: 'space-between',
                    gap: 4,
                    textAlign: 'left',
                    font: 'inherit',
                    cursor: 'pointer',
                    border: `1px solid ${met(day) ? '#b7dfc2' : '#f2b8b5'}`,
                    background: met(day) ? '#f0faf3' : '#fdecea',
                    borderRadius: 6,
                    padding: '4px 10px',
                  }}
                >
                  <b style={{ minWidth: 84 }}>{dayjs(day.date).format(t.dayFormat)}</b>
                  <span>{figures(day)}</span>
                  <Badge status={met(day) ? 'success' : 'error'} text={met(day) ? t.compliant : t.nonCompliant} />
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <Calendar
            value={month}
            headerRender={() => null}
            onPanelChange={(d) => setMonth(d.startOf('month'))}
            onSelect={(d, info) => {
              if (info.source === 'date') setOpen(byDate.get(d.format('YYYY-MM-DD')) ?? null);
            }}
            // The whole cell is ours: day numbers of the adjacent months in readable grey (≥ 4.5:1), today underlined.
            fullCellRender={(d, info) => {
              if (info.type !== 'date') return info.originNode;
              const day = byDate.get(d.format('YYYY-MM-DD'));
              const isToday = d.isSame(today(), 'day');
              return (
                <div
                  style={{
                    margin: '0 4px',
                    padding: '4px 4px 0',
                    borderTop: `2px solid ${isToday ? '#1d3557' : '#f0f0f0'}`,
                    height: 92,
                    color: 'rgba(0, 0, 0, 0.88)', // not antd's pale grey of the adjacent months' cells
                  }}
                >
                  <div style={{ textAlign: 'right' }}>
                    <Typography.Text type={d.isSame(month, 'month') ? undefined : 'secondary'} strong={isToday}>
                      {d.format('DD')}
                    </Typography.Text>
                  </div>
                  {day && (
                    <div
                      data-testid={`day-${day.date}`}
                      data-compliant={met(day)}
                      // a keyboard opens the day too: Tab to it, Enter or Space
                      role="button"
                      tabIndex={0}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          setOpen(day);
                        }
                      }}
                      style={{
                        background: met(day) ? '#f0faf3' : '#fdecea',
                        borderRadius: 4,
                        padding: '2px 6px',
                        fontSize: 12,
                        textAlign: 'left',
                      }}
                    >
                      <VisuallyHidden>{day.date}</VisuallyHidden>
                      <Badge status={met(day) ? 'success' : 'error'} text={met(day) ? t.compliant : t.nonCompliant} />
                      <div>{figures(day)}</div>
                    </div>
                  )}
                </div>
              );
            }}
          />
        )}
        <Drawer open={!!open} onClose={() => setOpen(null)} title={open?.date} width={phone ? '100%' : 420}>
          {open && dayCenter && (
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  label: t.compliant,
                  children: met(open) ? <Tag color="green">{t.compliant}</Tag> : <Tag color="red">{t.nonCompliant}</Tag>,
                },
                { label: t.staffOnRoster, children: t.personsCount.replace('{n}', String(open.staffOnRoster)) },
                { label: t.staffingRule, children: t.dayCenterRule },
              ]}
            />
          )}
          {open && !dayCenter && (
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
                    <span data-data>{names.get(e.staffId) ?? e.staffId.slice(0, 8)}</span> · <span data-data>{e.reasonLabel}</span>
                  </List.Item>
                )}
              />
            </>
          )}
        </Drawer>
      </Card>
    </>
  );
}
