import { Checkbox, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { type MonthlyReportState, printPct as pct } from '@careops/care';
import type { components } from '../api/schema';
import type { DivisionRow } from '../api/hooks/divisions';
import type { DivisionReportRow } from '../api/hooks/supervision';
import { useI18n } from '../i18n';
import { REPORT_STATE_COLOR } from './MonthlyReportCard';
import { EmptyText, ScrollRegion, Secondary } from './page-parts';

type Group = components['schemas']['DivisionGroupResponse'];
type Figures = components['schemas']['DivisionFiguresResponse'];

/** A line of the grouped table: a city or county subtotal (from the summary's groups), or a facility. */
interface Line {
  key: string;
  level: 'CITY' | 'COUNTY' | 'FACILITY';
  name: string;
  divisionCode: string;
  type: string | null;
  facilities: number;
  bedsInService: number;
  nursingBeds: number;
  nursingBedRatioPct: number | null;
  nursingBedTargetMet: boolean | null;
  occupancyPct: number | null;
  staffingCompliancePct: number | null;
  certificationPct: number | null;
  report: MonthlyReportState | null;
  lastReportAt: string | null;
  facilityId: string | null;
  children?: Line[];
}

/**
 * Below target (docs/rules.md §11 dashboard): any of nursing-type beds under 55 %, staffing not met
 * every day of the month, certification under 100 %.
 */
export function belowTarget(r: Pick<Line, 'nursingBedTargetMet' | 'staffingCompliancePct' | 'certificationPct'>): boolean {
  return (
    r.nursingBedTargetMet === false ||
    (r.staffingCompliancePct !== null && r.staffingCompliancePct < 100) ||
    (r.certificationPct !== null && r.certificationPct < 100)
  );
}

const groupLine = (g: Group, name: string): Line => ({
  key: `g-${g.divisionCode}`,
  level: g.level,
  name,
  divisionCode: g.divisionCode,
  type: null,
  ...figuresOf(g.figures),
  report: null,
  lastReportAt: null,
  facilityId: null,
});

const figuresOf = (f: Figures) => ({
  facilities: f.facilities,
  bedsInService: f.bedsInService,
  nursingBeds: f.nursingBeds,
  nursingBedRatioPct: f.nursingBedRatioPct,
  nursingBedTargetMet: f.nursingBedTargetMet,
  occupancyPct: f.occupancyPct,
  staffingCompliancePct: f.staffingCompliancePct,
  certificationPct: f.certification.pct,
});

const num = (a: number | null) => a ?? -1;

/**
 * The division's facilities grouped city → county → facility with the subtotals of the summary's
 * groups, names beside codes; filters (below target, type, county, late or missing 月报) and a sort
 * on every column. Kept light (no button per row: the compliance PDF is on the drill-down) so that
 * 150 facilities render within the dashboard's 1 s.
 */
export function DivisionTable({
  rows,
  groups,
  reports,
  month,
  loading,
}: {
  rows: DivisionRow[] | undefined;
  groups: Group[] | undefined;
  reports: DivisionReportRow[] | undefined;
  month: string;
  loading: boolean;
}) {
  const { t } = useI18n();
  const [below, setBelow] = useState(false);
  const [lateOrMissing, setLateOrMissing] = useState(false);
  const [type, setType] = useState<string | undefined>();
  const [county, setCounty] = useState<string | undefined>();
  const [collapsed, setCollapsed] = useState<string[]>([]);

  const { tree, shown, groupKeys } = useMemo(() => {
    const stateOf = new Map((reports ?? []).map((r) => [r.facilityId, r.state as MonthlyReportState]));
    const byId = new Map((rows ?? []).map((r) => [r.facilityId, r]));
    const facilityLine = (r: DivisionRow): Line => ({
      key: r.facilityId,
      level: 'FACILITY',
      name: r.name,
      divisionCode: r.divisionCode,
      type: r.type,
      facilities: 1,
      bedsInService: r.bedsInService,
      nursingBeds: r.nursingBeds,
      nursingBedRatioPct: r.nursingBedRatioPct,
      nursingBedTargetMet: r.nursingBedTargetMet,
      occupancyPct: r.occupancyPct,
      staffingCompliancePct: r.staffingCompliancePct,
      certificationPct: r.certification.pct,
      report: stateOf.get(r.facilityId) ?? null,
      lastReportAt: r.lastReportAt,
      facilityId: r.facilityId,
    });
    const keep = (l: Line) =>
      (!below || belowTarget(l)) &&
      (!type || l.type === type) &&
      (!county || l.divisionCode === county || (county.endsWith('00') && l.divisionCode.startsWith(county.slice(0, 4)))) &&
      (!lateOrMissing || l.report === 'LATE' || l.report === 'MISSING');
    const facilitiesOf = (ids: string[], only?: (r: DivisionRow) => boolean) =>
      ids
        .map((id) => byId.get(id))
        .filter((r): r is DivisionRow => !!r && (!only || only(r)))
        .map(facilityLine)
        .filter(keep);
    let shown = 0;
    const keys: string[] = [];
    const tree: Line[] = [];
    const list = groups ?? [];
    for (const city of list.filter((g) => g.level === 'CITY')) {
      const children: Line[] = [];
      for (const c of list.filter((g) => g.level === 'COUNTY' && g.parentCode === city.divisionCode)) {
        const facilities = facilitiesOf(c.facilityIds);
        if (facilities.length === 0) continue;
        shown += facilities.length;
        keys.push(`g-${c.divisionCode}`);
        children.push({ ...groupLine(c, c.divisionName ?? c.divisionCode), children: facilities });
      }
      const direct = facilitiesOf(city.facilityIds, (r) => r.divisionCode === city.divisionCode);
      shown += direct.length;
      children.push(...direct);
      if (children.length === 0) continue;
      keys.push(`g-${city.divisionCode}`);
      tree.push({ ...groupLine(city, city.divisionName ?? city.divisionCode), children });
    }
    return { tree, shown, groupKeys: keys };
  }, [rows, groups, reports, below, type, county, lateOrMissing]);

  const counties = (groups ?? []).map((g) => ({
    value: g.divisionCode,
    label: `${g.level === 'COUNTY' ? '\u3000' : ''}${g.divisionName ?? g.divisionCode} ${g.divisionCode}`,
  }));
  const sortNum = (pick: (l: Line) => number | null) => (a: Line, b: Line) => num(pick(a)) - num(pick(b));
  const columns: ColumnsType<Line> = [
    {
      title: t.facility,
      dataIndex: 'name',
      fixed: 'left',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (_: string, l) =>
        l.level === 'FACILITY' ? (
          <Link to={`/division/facility/${l.facilityId}?month=${month}`} data-testid={`facility-${l.facilityId}`}>
            <span data-data>{l.name}</span>
          </Link>
        ) : (
          <span style={{ fontWeight: 600 }}>
            <span data-data>{l.name}</span> <Tag>{t.dashSubtotal}</Tag>
          </span>
        ),
    },
    {
      title: t.divisionCode,
      dataIndex: 'divisionCode',
      sorter: (a, b) => (a.divisionCode < b.divisionCode ? -1 : a.divisionCode > b.divisionCode ? 1 : 0),
      render: (v: string) => (
        <Secondary>
          <span data-data>{v}</span>
        </Secondary>
      ),
    },
    {
      title: t.facilityType,
      dataIndex: 'type',
      sorter: (a, b) => (a.type ?? '').localeCompare(b.type ?? ''),
      render: (v: string | null, l) => (v ? t[`type_${v}` as 'type_CARE_HOME'] : <Secondary>{l.facilities}</Secondary>),
    },
    { title: t.bedsInService, dataIndex: 'bedsInService', align: 'right', sorter: sortNum((l) => l.bedsInService) },
    { title: t.nursingBeds, dataIndex: 'nursingBeds', align: 'right', sorter: sortNum((l) => l.nursingBeds) },
    {
      title: t.nursingRatio,
      dataIndex: 'nursingBedRatioPct',
      align: 'right',
      sorter: sortNum((l) => l.nursingBedRatioPct),
      render: (v: number | null, l) => (
        <span style={{ whiteSpace: 'nowrap', color: l.nursingBedTargetMet === false ? '#b42318' : undefined }}>{pct(v)}</span>
      ),
    },
    { title: t.occupancy, dataIndex: 'occupancyPct', align: 'right', sorter: sortNum((l) => l.occupancyPct), render: pct },
    {
      title: t.staffingCompliance,
      dataIndex: 'staffingCompliancePct',
      align: 'right',
      sorter: sortNum((l) => l.staffingCompliancePct),
      render: (v: number | null) => <span style={{ color: v !== null && v < 100 ? '#b42318' : undefined }}>{pct(v)}</span>,
    },
    {
      title: t.dashCertification,
      dataIndex: 'certificationPct',
      align: 'right',
      sorter: sortNum((l) => l.certificationPct),
      render: (v: number | null) => <span style={{ color: v !== null && v < 100 ? '#b42318' : undefined }}>{pct(v)}</span>,
    },
    {
      title: t.dashReportState,
      dataIndex: 'report',
      sorter: (a, b) => (a.report ?? '').localeCompare(b.report ?? ''),
      render: (v: MonthlyReportState | null) => (v ? <Tag color={REPORT_STATE_COLOR[v]}>{t[`reportState${v}`]}</Tag> : null),
    },
    {
      title: t.lastReport,
      dataIndex: 'lastReportAt',
      sorter: (a, b) => (a.lastReportAt ?? '').localeCompare(b.lastReportAt ?? ''),
      render: (v: string | null, l) => (l.level === 'FACILITY' ? <span data-data>{v?.slice(0, 10) ?? '—'}</span> : null),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap size={[12, 8]} data-testid="division-filters">
        <Tooltip title={t.dashFilterBelowHint}>
          <Checkbox checked={below} onChange={(e) => setBelow(e.target.checked)} data-testid="filter-below">
            {t.dashFilterBelow}
          </Checkbox>
        </Tooltip>
        <Checkbox checked={lateOrMissing} onChange={(e) => setLateOrMissing(e.target.checked)} data-testid="filter-report">
          {t.dashFilterReport}
        </Checkbox>
        <Select
          allowClear
          placeholder={t.dashFilterType}
          aria-label={t.dashFilterType}
          style={{ minWidth: 180 }}
          value={type}
          onChange={setType}
          data-testid="filter-type"
          options={(['CARE_HOME', 'DAY_CENTER', 'STREET_CENTER'] as const).map((v) => ({ value: v, label: t[`type_${v}`] }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t.dashFilterCounty}
          aria-label={t.dashFilterCounty}
          style={{ minWidth: 180 }}
          value={county}
          onChange={setCounty}
          data-testid="filter-county"
          options={counties}
        />
        <Secondary>
          <span data-testid="division-shown">{t.dashShown.replace('{n}', String(shown))}</span>
        </Secondary>
      </Space>
      {/* docs/rules.md §7–§8: the facilities' table scrolls sideways in its own box, never the page. */}
      <ScrollRegion label={t.facility}>
        <Table<Line>
          rowKey="key"
          size="small"
          scroll={{ x: 'max-content' }}
          dataSource={tree}
          loading={loading}
          pagination={false}
          locale={{ emptyText: <EmptyText>{t.empty}</EmptyText> }}
          expandable={{
            expandedRowKeys: groupKeys.filter((k) => !collapsed.includes(k)),
            onExpand: (open, l) => setCollapsed((c) => (open ? c.filter((k) => k !== l.key) : [...c, l.key])),
          }}
          onRow={(l) =>
            ({
              style: l.level !== 'FACILITY' ? { background: '#f5f7fa' } : belowTarget(l) ? { background: '#fdecea' } : undefined,
              'data-testid': l.level === 'FACILITY' ? `row-${l.divisionCode}` : `group-${l.divisionCode}`,
              'data-level': l.level,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={columns}
        />
      </ScrollRegion>
    </Space>
  );
}
