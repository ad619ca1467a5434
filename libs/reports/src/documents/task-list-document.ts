import { Injectable } from '@nestjs/common';
import { type Indicator, isRatioIndicator, type TaskCell } from '@careops/care';
import { AppConfig, bureauName, divisionName } from '@careops/platform';
import { TasksService, type TaskRowResponse } from '@careops/supervision';
import { draft, Draft, fileNameOf } from './draft';

/** The indicators of the 重点任务清单 as the seed (附件1) heads its columns, counts first. */
export const INDICATOR_TITLES: Record<Indicator, string> = {
  STREET_CENTERS: '街道综合养老服务中心',
  DAY_CENTERS: '社区日间照料中心',
  HOME_CARE_BEDS: '家庭养老床位',
  CAREGIVERS_TRAINED: '护理员培训（人）',
  NURSING_BED_RATIO: '护理型床位占比',
  CERTIFICATION_RATE: '持证上岗率',
  FIRE_SAFETY_RATE: '消防达标率',
  MEDICAL_COVERAGE_RATE: '医养结合覆盖率',
};

const COUNTS: Indicator[] = ['STREET_CENTERS', 'DAY_CENTERS', 'HOME_CARE_BEDS', 'CAREGIVERS_TRAINED'];
const RATIOS: Indicator[] = ['NURSING_BED_RATIO', 'CERTIFICATION_RATE', 'FIRE_SAFETY_RATE', 'MEDICAL_COVERAGE_RATE'];

/** A count as it is; a ratio (a percentage) with two decimals; nothing set or measured: "—". */
const figure = (v: number | null, ratio: boolean) => (v === null ? '—' : ratio ? v.toFixed(2) : String(v));

/** One cell as the task API gives it: 目标数 / 完成数 / 占比 (two decimals, %) / 缺口数; short of the target marked. */
function cell(indicator: Indicator, c: TaskCell) {
  const ratio = isRatioIndicator(indicator);
  return {
    target: figure(c.target, ratio),
    done: figure(c.done, ratio),
    pct: c.pct === null ? '—' : `${c.pct.toFixed(2)}%`,
    gap: figure(c.gap, ratio),
    short: c.gap !== null && c.gap > 0,
  };
}

const line = (r: TaskRowResponse, indicators: Indicator[]) => ({
  label: `${r.divisionName ?? ''}（${r.divisionCode}）`,
  cells: indicators.map((i) => cell(i, r.indicators[i])),
});

/**
 * 重点任务清单 under the bureau's name (docs/rules.md §8, §11): the task API's figures for a year
 * — one row per child division and the total, per indicator 目标数 / 完成数 / 占比 / 缺口数 — as the
 * seed's 附件1 lays them out, in two tables (the counts, the ratios) so each fits A4, as of its date.
 */
@Injectable()
export class TaskListDocument {
  constructor(
    private readonly tasks: TasksService,
    private readonly config: AppConfig,
  ) {}

  async build(code: string, year: number): Promise<Draft> {
    const list = await this.tasks.list(code, year);
    const zone = this.config.APP_TIMEZONE;
    const name = divisionName(code);
    const bureau = bureauName(code) ?? `行政区划 ${code} 民政部门`;
    const division = name ? `${name}（${code}）` : code;
    const table = (indicators: Indicator[]) => ({
      heads: indicators.map((i) => ({ title: INDICATOR_TITLES[i], ratio: isRatioIndicator(i) })),
      rows: list.rows.map((r) => line(r, indicators)),
      total: { ...line(list.total, indicators), label: `${name ?? code}合计` },
    });
    return draft('TASK_LIST', zone, {
      divisionCode: code,
      subject: bureau,
      period: String(year),
      periodLabel: `${year}年`,
      subtitle: `${bureau} · 辖区 ${division} · ${year}年 · 截至 ${list.asOf}`,
      fileName: fileNameOf('TASK_LIST', name ? `${name}${code}` : code, String(year)),
      asciiFileName: `tasks-${code}-${year}.pdf`,
      data: {
        bureau,
        division,
        year,
        asOf: list.asOf,
        facilities: list.total.facilities,
        counts: table(COUNTS),
        ratios: table(RATIOS),
      },
    });
  }
}
