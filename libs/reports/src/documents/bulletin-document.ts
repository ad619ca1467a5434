import { Injectable } from '@nestjs/common';
import { addMonths, NURSING_BED_TARGET_PCT, printPct } from '@careops/care';
import { type DivisionRow, DivisionsService } from '@careops/metrics';
import { AppConfig, bureauName, divisionName } from '@careops/platform';
import { MonthlyReportsService } from '@careops/supervision';
import { lineChart } from '../charts';
import { draft, Draft, fileNameOf, monthLabel, wallClock } from './draft';

/** The monthly report states as the bureau prints them. */
const STATE_LABELS: Record<string, string> = { ON_TIME: '按时报送', LATE: '逾期报送', MISSING: '未报送', DUE: '未到期' };

/** The targets a facility is ranked by (docs/rules.md §11 通报), each met, missed, or not applicable (null). */
export interface BulletinTargets {
  /** 护理型床位占比 ≥ 55 % (docs/rules.md §7). */
  nursing: boolean | null;
  /** 护理人员配备: compliant every day of the month (100 %). */
  staffing: boolean | null;
  /** 持证上岗率 100 %. */
  certification: boolean | null;
  /** 月报 submitted by the 25th. */
  report: boolean | null;
}

/**
 * A facility's score in the bulletin (docs/rules.md §11): the number of its targets met — nursing-bed
 * ratio ≥ 55 %, staffing compliant every day, every caregiver certified, monthly report on time; a
 * target that does not apply (no beds, no caregivers, a report not yet due) is not met.
 */
export const scoreOf = (t: BulletinTargets) => Object.values(t).filter((v) => v === true).length;

/**
 * The bulletin's order: score high to low, then nursing-bed ratio high to low (none last), then
 * name (code point order).
 */
export function rankFacilities<T extends { score: number; nursingBedRatioPct: number | null; name: string }>(rows: T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      b.score - a.score || (b.nursingBedRatioPct ?? -1) - (a.nursingBedRatioPct ?? -1) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

/** The twelve months ending with `month`, oldest first. */
export const trailingMonths = (month: string) => Array.from({ length: 12 }, (_, k) => addMonths(`${month}-01`, k - 11).slice(0, 7));

const targetsOf = (r: DivisionRow, state: string | undefined): BulletinTargets => ({
  nursing: r.nursingBedTargetMet,
  staffing: r.staffingCompliancePct === null ? null : r.staffingCompliancePct >= 100,
  certification: r.certification.pct === null ? null : r.certification.pct >= 100,
  report: state === undefined || state === 'DUE' ? null : state === 'ON_TIME',
});

/**
 * 通报 of a division and month under the bureau's name (docs/rules.md §8, §11): facilities ranked by
 * `scoreOf`, those below a target with the figure, those late or missing with their monthly report,
 * the division's totals (ratios of sums) and the 12-month trend of the ratios.
 */
@Injectable()
export class BulletinDocument {
  constructor(
    private readonly divisions: DivisionsService,
    private readonly reports: MonthlyReportsService,
    private readonly config: AppConfig,
  ) {}

  async build(code: string, month: string): Promise<Draft> {
    const zone = this.config.APP_TIMEZONE;
    const s = await this.divisions.summary(code, month);
    const monthly = await this.reports.ofDivision(code, month);
    const stateOf = new Map(monthly.rows.map((r) => [r.facilityId, r]));
    const ranked = rankFacilities(
      s.rows.map((r) => {
        const report = stateOf.get(r.facilityId);
        const targets = targetsOf(r, report?.state);
        return { ...r, targets, score: scoreOf(targets), report };
      }),
    ).map((r, i) => ({
      rank: i + 1,
      name: r.name,
      division: `${r.divisionCode} ${r.divisionName ?? ''}`.trim(),
      score: r.score,
      nursingBedRatioPct: r.nursingBedRatioPct,
      nursing: printPct(r.nursingBedRatioPct),
      nursingBad: r.targets.nursing === false,
      staffing: printPct(r.staffingCompliancePct),
      certification: printPct(r.certification.pct),
      report: r.report ? STATE_LABELS[r.report.state] : '—',
      targets: r.targets,
      row: r,
      submittedAt: r.report?.submittedAt ?? null,
      state: r.report?.state,
    }));
    const below = ranked.flatMap((r) => {
      const missed: { name: string; division: string; target: string; figure: string }[] = [];
      const add = (target: string, figure: string) => missed.push({ name: r.name, division: r.division, target, figure });
      if (r.targets.nursing === false)
        add(`护理型床位占比 ≥ ${NURSING_BED_TARGET_PCT} %`, `${r.nursing}（${r.row.nursingBeds} / ${r.row.bedsInService} 张）`);
      if (r.targets.staffing === false) add('护理人员配备每日达标', `${r.staffing}（${r.row.compliantDays} / ${r.row.staffingDays} 天）`);
      if (r.targets.certification === false)
        add('持证上岗率 100 %', `${r.certification}（${r.row.certification.certified} / ${r.row.certification.caregivers} 人）`);
      return missed;
    });
    const late = ranked
      .filter((r) => r.state === 'LATE' || r.state === 'MISSING')
      .map((r) => ({
        name: r.name,
        division: r.division,
        state: r.report,
        missing: r.state === 'MISSING',
        submittedAt: r.submittedAt ? wallClock(new Date(r.submittedAt), zone) : '—',
      }));
    // The trend: the division's ratios (of sums) in each of the twelve months to this one.
    const months = trailingMonths(month);
    const totals = [];
    for (const m of months) totals.push(m === month ? s.total : (await this.divisions.summary(code, m)).total);
    const trendChart = lineChart(
      months,
      [
        { label: '护理型床位占比 %', colour: '#1d3557', values: totals.map((t) => t.nursingBedRatioPct) },
        { label: '入住率 %', colour: '#2a9d8f', values: totals.map((t) => t.occupancyPct) },
        { label: '护理人员配备达标率 %', colour: '#9aa5b1', values: totals.map((t) => t.staffingCompliancePct), dashed: true },
      ],
      {
        max: 100,
        unit: '%',
        height: 170,
        target: { value: NURSING_BED_TARGET_PCT, label: `护理型床位占比目标 ${NURSING_BED_TARGET_PCT}%` },
      },
    );
    const name = divisionName(code);
    const bureau = bureauName(code) ?? `行政区划 ${code} 民政部门`;
    const division = name ? `${name}（${code}）` : code;
    const t = s.total;
    return draft('BULLETIN', zone, {
      divisionCode: code,
      subject: bureau,
      period: month,
      periodLabel: monthLabel(month),
      subtitle: `${bureau} · 辖区 ${division} · ${month} · ${ranked.length} 家机构`,
      fileName: fileNameOf('BULLETIN', name ? `${name}${code}` : code, month),
      asciiFileName: `bulletin-${code}-${month}.pdf`,
      data: {
        bureau,
        division,
        month,
        monthLabel: monthLabel(month),
        deadline: monthly.deadline,
        ranked,
        below,
        late,
        counts: monthly.counts,
        onTimeRate: printPct(monthly.onTimeRate),
        trendChart,
        total: {
          ...t,
          nursing: printPct(t.nursingBedRatioPct),
          occupancy: printPct(t.occupancyPct),
          staffing: printPct(t.staffingCompliancePct),
          certification: printPct(t.certification.pct),
          nursingBad: t.nursingBedTargetMet === false,
        },
      },
    });
  }
}
