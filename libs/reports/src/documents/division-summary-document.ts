import { Injectable } from '@nestjs/common';
import { calendarDate, printPct } from '@careops/care';
import { DivisionsService } from '@careops/metrics';
import { AppConfig, bureauName, divisionName } from '@careops/platform';
import { draft, Draft, fileNameOf, monthLabel } from './draft';

/** The kinds of facility in a column narrow enough for A4. */
const TYPE_SHORT: Record<string, string> = { CARE_HOME: '养老机构', DAY_CENTER: '日间照料', STREET_CENTER: '街道中心' };

/**
 * 辖区汇总表 under the bureau's name (docs/rules.md §8, §11): one row per facility of the division by
 * name, below-target rows marked, the total as Σ ÷ Σ, and the bureau's 制表人 / 审核人 / 日期 blocks.
 */
@Injectable()
export class DivisionSummaryDocument {
  constructor(
    private readonly divisions: DivisionsService,
    private readonly config: AppConfig,
  ) {}

  async build(code: string, month: string, onProgress?: (done: number, total: number) => Promise<void> | void): Promise<Draft> {
    const s = await this.divisions.summary(code, month, onProgress);
    const zone = this.config.APP_TIMEZONE;
    const rows = s.rows.map((r, i) => ({
      ...r,
      n: i + 1,
      typeLabel: TYPE_SHORT[r.type] ?? r.type,
      divisionName: divisionName(r.divisionCode) ?? '',
      nursing: printPct(r.nursingBedRatioPct),
      occupancy: printPct(r.occupancyPct),
      staffing: printPct(r.staffingCompliancePct),
      bad: r.nursingBedTargetMet === false,
      lastReport: r.lastReportAt ? calendarDate(new Date(r.lastReportAt), zone) : '—',
    }));
    // City → county → facility, each subtotal (Σ ÷ Σ) above the rows it sums.
    const byId = new Map(rows.map((r) => [r.facilityId, r]));
    const placed = new Set<string>();
    const lines: object[] = [];
    for (const g of s.groups) {
      lines.push({
        group: true,
        level: g.level === 'CITY' ? 'city' : 'county',
        label: `${g.divisionName ?? ''}（${g.divisionCode}）${g.level === 'CITY' ? '合计' : '小计'}`,
        facilities: g.figures.facilities,
        bedsInService: g.figures.bedsInService,
        nursingBeds: g.figures.nursingBeds,
        nursing: printPct(g.figures.nursingBedRatioPct),
        occupancy: printPct(g.figures.occupancyPct),
        staffing: printPct(g.figures.staffingCompliancePct),
        bad: g.figures.nursingBedTargetMet === false,
      });
      // A city's own facilities (a city-level code) under the city line; a county's under its own.
      const own = g.level === 'COUNTY' ? g.facilityIds : g.facilityIds.filter((id) => byId.get(id)?.divisionCode === g.divisionCode);
      for (const id of own) {
        const row = byId.get(id);
        if (row && !placed.has(id)) {
          placed.add(id);
          lines.push(row);
        }
      }
    }
    for (const r of rows) if (!placed.has(r.facilityId)) lines.push(r);
    const t = s.total;
    const name = divisionName(code);
    const bureau = bureauName(code) ?? `行政区划 ${code} 民政部门`;
    const division = name ? `${name}（${code}）` : code;
    // A division spans facilities: its times are printed in the deployment's zone.
    return draft('DIVISION_SUMMARY', zone, {
      divisionCode: code,
      subject: bureau,
      period: month,
      periodLabel: monthLabel(month),
      subtitle: `${bureau} · 辖区 ${division} · ${month} · ${rows.length} 家机构`,
      fileName: fileNameOf('DIVISION_SUMMARY', name ? `${name}${code}` : code, month),
      asciiFileName: `division-${code}-${month}.pdf`,
      data: {
        divisionCode: code,
        division,
        bureau,
        month,
        rows,
        lines,
        groups: s.groups.length,
        totalNursingBad: t.nursingBedTargetMet === false,
        total: {
          ...t,
          nursing: printPct(t.nursingBedRatioPct),
          occupancy: printPct(t.occupancyPct),
          staffing: printPct(t.staffingCompliancePct),
        },
      },
    });
  }
}
