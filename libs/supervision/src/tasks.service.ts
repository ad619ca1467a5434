import { Injectable } from '@nestjs/common';
import {
  calendarDate,
  countCell,
  divisionPrefix,
  type Indicator,
  INDICATORS,
  isRatioIndicator,
  ratioCell,
  type TaskCell,
} from '@careops/care';
import { TenantDb } from '@careops/db';
import { assertDivisionVisible } from '@careops/metrics';
import { divisionName } from '@careops/platform';
import { childDivisions } from './child-divisions';
import type { TaskCellResponse, TaskListResponse, TaskRowResponse } from './dto/supervision.response';
import { type StoredTarget, TargetsRepository } from './targets.repository';
import { type FacilityTaskFigures, type TaskFacility, TasksRepository } from './tasks.repository';

/** The sums a row is computed from: counts, and each ratio's numerator and denominator. */
interface Sums {
  facilities: number;
  STREET_CENTERS: number;
  DAY_CENTERS: number;
  HOME_CARE_BEDS: number;
  CAREGIVERS_TRAINED: number;
  nursingBeds: number;
  beds: number;
  certified: number;
  caregivers: number;
  fireSafe: number;
  medical: number;
}

const ZERO: Sums = {
  facilities: 0,
  STREET_CENTERS: 0,
  DAY_CENTERS: 0,
  HOME_CARE_BEDS: 0,
  CAREGIVERS_TRAINED: 0,
  nursingBeds: 0,
  beds: 0,
  certified: 0,
  caregivers: 0,
  fireSafe: 0,
  medical: 0,
};

/**
 * The task list 重点任务清单 (docs/rules.md §11): per child division and in total, each indicator's
 * target, what the facilities' data show done, 占比 and 缺口. Done figures are never typed in.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly targets: TargetsRepository,
    private readonly db: TenantDb,
  ) {}

  async list(code: string, year: number, today = calendarDate(new Date())): Promise<TaskListResponse> {
    assertDivisionVisible(this.db.principal(), code);
    const yearEnd = `${year}-12-31`;
    const asOf = today < yearEnd ? today : yearEnd;
    const children = childDivisions(code);
    const facilities = await this.tasks.facilitiesIn(divisionPrefix(code));
    const figures = await this.tasks.figuresOf(
      facilities.map((f) => f.id),
      asOf,
      `${year}-01-01`,
      `${year + 1}-01-01`,
    );
    const stored = await this.targets.ofDivisions([code, ...children.filter((c) => c !== code)], year);
    const targetsOf = (c: string) => new Map(stored.filter((t) => t.divisionCode === c).map((t) => [t.indicator, t.target]));

    const rows: TaskRowResponse[] = children.map((child) => {
      const mine = facilities.filter((f) => f.divisionCode.startsWith(divisionPrefix(child)));
      return this.row(child, sum(mine, figures, asOf), targetsOf(child));
    });
    return {
      divisionCode: code,
      divisionName: divisionName(code),
      year,
      asOf,
      rows,
      total: this.row(code, sum(facilities, figures, asOf), totalTargets(code, children, stored)),
    };
  }

  private row(code: string, s: Sums, targets: Map<Indicator, number>): TaskRowResponse {
    const t = (i: Indicator) => targets.get(i) ?? null;
    const ratio = (i: Indicator, n: number, d: number): TaskCellResponse => ({ ...ratioCell(t(i), n, d), numerator: n, denominator: d });
    const indicators: Record<Indicator, TaskCell | TaskCellResponse> = {
      STREET_CENTERS: countCell(t('STREET_CENTERS'), s.STREET_CENTERS),
      DAY_CENTERS: countCell(t('DAY_CENTERS'), s.DAY_CENTERS),
      HOME_CARE_BEDS: countCell(t('HOME_CARE_BEDS'), s.HOME_CARE_BEDS),
      CAREGIVERS_TRAINED: countCell(t('CAREGIVERS_TRAINED'), s.CAREGIVERS_TRAINED),
      NURSING_BED_RATIO: ratio('NURSING_BED_RATIO', s.nursingBeds, s.beds),
      CERTIFICATION_RATE: ratio('CERTIFICATION_RATE', s.certified, s.caregivers),
      FIRE_SAFETY_RATE: ratio('FIRE_SAFETY_RATE', s.fireSafe, s.facilities),
      MEDICAL_COVERAGE_RATE: ratio('MEDICAL_COVERAGE_RATE', s.medical, s.facilities),
    };
    return { divisionCode: code, divisionName: divisionName(code), facilities: s.facilities, indicators };
  }
}

/** Sums over facilities (ratios of sums, docs/rules.md §7): centers of each type in operation on `asOf`, and the rest. */
function sum(facilities: TaskFacility[], figures: Map<string, FacilityTaskFigures>, asOf: string): Sums {
  const s = { ...ZERO };
  for (const f of facilities) {
    const x = figures.get(f.id)!;
    const operating = f.inOperationSince !== null && f.inOperationSince <= asOf;
    s.facilities++;
    if (operating && f.type === 'STREET_CENTER') s.STREET_CENTERS++;
    if (operating && f.type === 'DAY_CENTER') s.DAY_CENTERS++;
    s.HOME_CARE_BEDS += x.homeCareBeds;
    s.CAREGIVERS_TRAINED += x.caregiversTrained;
    s.nursingBeds += x.nursingBeds;
    s.beds += x.beds;
    s.certified += x.certified;
    s.caregivers += x.caregivers;
    if (f.fireSafetyPassedOn !== null && f.fireSafetyPassedOn <= asOf) s.fireSafe++;
    if (f.medicalArrangement !== null && f.medicalArrangement !== 'NONE') s.medical++;
  }
  return s;
}

/**
 * The total's targets: a count's is the sum of the child divisions' targets (the division's own
 * when no child has one); a ratio's is the division's own.
 */
function totalTargets(code: string, children: string[], stored: StoredTarget[]): Map<Indicator, number> {
  const out = new Map<Indicator, number>();
  for (const i of INDICATORS) {
    const own = stored.find((t) => t.divisionCode === code && t.indicator === i);
    const ofChildren = stored.filter((t) => t.indicator === i && t.divisionCode !== code && children.includes(t.divisionCode));
    if (!isRatioIndicator(i) && ofChildren.length > 0)
      out.set(
        i,
        ofChildren.reduce((n, t) => n + t.target, 0),
      );
    else if (own) out.set(i, own.target);
  }
  return out;
}
