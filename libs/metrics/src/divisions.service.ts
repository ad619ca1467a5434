import { Injectable } from '@nestjs/common';
import {
  divisionCovers,
  divisionPrefix,
  divisionTotal,
  isDivisionCode,
  isProvincePrefix,
  monthSpan,
  percentHalfUp,
  summaryFigures,
  SummaryFigures,
} from '@careops/care';
import { type Principal, TenantDb } from '@careops/db';
import { divisionName, NotFoundError } from '@careops/platform';
import { DivisionsRepository, type FacilityFigureRow } from './divisions.repository';

type Levels = FacilityFigureRow['residentsByLevel'];

/** 持证上岗率 (docs/rules.md §6) on the last day of the month: certified caregivers ÷ caregivers employed then. */
export interface Certification {
  certified: number;
  caregivers: number;
  pct: number | null;
}

export interface DivisionRow extends SummaryFigures {
  facilityId: string;
  name: string;
  type: string;
  divisionCode: string;
  /** GB/T 2260 name of the facility's division (docs/rules.md §11), null for a code not in the data. */
  divisionName: string | null;
  residentsTotal: number;
  residentsByLevel: Levels;
  residentsByCategory: Record<string, number>;
  certification: Certification;
  /** The last document issued for this facility (any kind), for the regulator's "last report". */
  lastReportAt: string | null;
}

/** The figures of a set of facilities: counts summed, ratios of the sums (docs/rules.md §7). */
export type DivisionFigures = SummaryFigures & {
  facilities: number;
  residentsTotal: number;
  residentsByLevel: Levels;
  certification: Certification;
};

/** A subtotal of the summary: a city, or a county within it, with the rows it sums (in `rows`' order). */
export interface DivisionGroup {
  divisionCode: string;
  divisionName: string | null;
  level: 'CITY' | 'COUNTY';
  /** The city a county belongs to; null for a city. */
  parentCode: string | null;
  figures: DivisionFigures;
  facilityIds: string[];
}

/** One month of the trend: the division's (or the facility's) ratios of sums (docs/rules.md §7). */
export interface TrendMonth {
  month: string;
  facilities: number;
  nursingBedRatioPct: number | null;
  occupancyPct: number | null;
  staffingCompliancePct: number | null;
  certificationPct: number | null;
}

export interface Trend {
  divisionCode: string;
  divisionName: string | null;
  facilityId: string | null;
  months: TrendMonth[];
}

export interface DivisionSummary {
  divisionCode: string;
  divisionName: string | null;
  month: string;
  rows: DivisionRow[];
  /** Ratios of sums over the rows (docs/rules.md §7), never a mean of ratios. */
  total: DivisionFigures & { divisionName: string | null };
  /** City → county subtotals, each city followed by its counties, in the order of the rows (by division code). */
  groups: DivisionGroup[];
}

/** The whole country: the platform's view (docs/rules.md §1). */
const NATION = '000000';

/** A division no regulator of the caller's may read, or in no province. */
export class DivisionNotFoundError extends NotFoundError {
  constructor(code: string) {
    super('DIVISION_NOT_FOUND', { code });
  }
}

/**
 * The one check of everything that names a division (the summary, its PDF, its job): a code in no
 * province does not exist, and a regulator sees its own division or one inside it — anything else
 * is the same 404 (docs/rules.md §1).
 */
export function assertDivisionVisible(principal: Principal, code: string): void {
  if (!isDivisionCode(code) || (code !== NATION && !isProvincePrefix(code.slice(0, 2)))) throw new DivisionNotFoundError(code);
  if (principal.role === 'REGULATOR' && !divisionCovers(principal.divisionCode ?? '', code)) throw new DivisionNotFoundError(code);
}

/**
 * `GET /api/divisions/:code/summary?month=` (docs/rules.md §8 辖区汇总表): one row per facility of the
 * division the caller may see — row-level security lists them — all computed together by set-based
 * queries (`DivisionsRepository.figures`), then the subtotals per city and county and the division
 * total, each a ratio of sums.
 */
@Injectable()
export class DivisionsService {
  constructor(
    private readonly divisions: DivisionsRepository,
    private readonly db: TenantDb,
  ) {}

  /** `code` a six-digit code and `month` YYYY-MM, as DivisionCodeParam and MonthQuery validate them. */
  async summary(code: string, month: string, onProgress?: (done: number, total: number) => Promise<void> | void): Promise<DivisionSummary> {
    assertDivisionVisible(this.db.principal(), code);
    const { from, to } = monthSpan(month);
    const rows = rowsOf(await this.divisions.figures(divisionPrefix(code), from, to));
    await onProgress?.(rows.length, rows.length);
    return {
      divisionCode: code,
      divisionName: divisionName(code),
      month,
      rows,
      total: { ...figuresOf(rows), divisionName: divisionName(code) },
      groups: groupsOf(rows),
    };
  }

  /**
   * `GET /api/divisions/:code/trend?months=&to=[&facilityId=]`: the division's ratios month by month
   * (docs/rules.md §11 dashboard), the set-based figures of the summary for all the months in one query — ratios of sums
   * over the facilities counted that month, archived ones never. With `facilityId`, that facility
   * alone (the drill-down); one the caller may not see in this division is a 404.
   */
  async trend(code: string, to: string, months: number, facilityId?: string): Promise<Trend> {
    assertDivisionVisible(this.db.principal(), code);
    const list = monthsEnding(to, months);
    const perMonth = await this.divisions.figuresOfPeriods(
      divisionPrefix(code),
      list.map((m) => monthSpan(m)),
      facilityId,
    );
    const out: TrendMonth[] = list.map((month, i) => {
      const rows = rowsOf(perMonth[i]);
      if (facilityId && rows.length === 0) throw new NotFoundError('FACILITY_NOT_FOUND');
      const t = figuresOf(rows);
      return {
        month,
        facilities: rows.length,
        nursingBedRatioPct: t.nursingBedRatioPct,
        occupancyPct: t.occupancyPct,
        staffingCompliancePct: t.staffingCompliancePct,
        certificationPct: t.certification.pct,
      };
    });
    return { divisionCode: code, divisionName: divisionName(code), facilityId: facilityId ?? null, months: out };
  }
}

/** The summary's rows from the repository's counts: each facility's ratios (docs/rules.md §6–§7). */
function rowsOf(figures: readonly FacilityFigureRow[]): DivisionRow[] {
  return figures.map((f) => ({
    facilityId: f.facilityId,
    name: f.name,
    type: f.type,
    divisionCode: f.divisionCode,
    divisionName: divisionName(f.divisionCode),
    residentsTotal: f.residentsTotal,
    residentsByLevel: f.residentsByLevel,
    residentsByCategory: f.residentsByCategory,
    certification: { certified: f.certified, caregivers: f.caregivers, pct: percentHalfUp(f.certified, f.caregivers) },
    lastReportAt: f.lastReportAt,
    ...summaryFigures({
      bedsInService: f.bedsInService,
      nursingBeds: f.nursingBeds,
      occupiedBedDays: f.occupiedBedDays,
      inServiceBedDays: f.inServiceBedDays,
      staffingDays: f.staffingDays,
      compliantDays: f.compliantDays,
    }),
  }));
}

/** `count` months ending with `to` (YYYY-MM), oldest first. */
export function monthsEnding(to: string, count: number): string[] {
  const [y, m] = to.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const n = y * 12 + (m - 1) - (count - 1 - i);
    return `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
}

/** Σ of the rows' counts and the ratios of those sums. */
export function figuresOf(rows: readonly DivisionRow[]): DivisionFigures {
  const sum = (pick: (r: DivisionRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const certified = sum((r) => r.certification.certified);
  const caregivers = sum((r) => r.certification.caregivers);
  return {
    ...divisionTotal(rows),
    facilities: rows.length,
    residentsTotal: sum((r) => r.residentsTotal),
    residentsByLevel: {
      SELF_CARE: sum((r) => r.residentsByLevel.SELF_CARE),
      SEMI_DISABLED: sum((r) => r.residentsByLevel.SEMI_DISABLED),
      FULLY_DISABLED: sum((r) => r.residentsByLevel.FULLY_DISABLED),
      UNASSESSED: sum((r) => r.residentsByLevel.UNASSESSED),
    },
    certification: { certified, caregivers, pct: percentHalfUp(certified, caregivers) },
  };
}

/**
 * City → county subtotals: the rows by their city (the first four digits) and, for a county-level
 * code, by their county; each city first, then its counties, in code order.
 */
export function groupsOf(rows: readonly DivisionRow[]): DivisionGroup[] {
  const cities = new Map<string, { rows: DivisionRow[]; counties: Map<string, DivisionRow[]> }>();
  for (const r of rows) {
    const cityCode = `${r.divisionCode.slice(0, 4)}00`;
    const city = cities.get(cityCode) ?? { rows: [], counties: new Map<string, DivisionRow[]>() };
    cities.set(cityCode, city);
    city.rows.push(r);
    if (r.divisionCode !== cityCode) city.counties.set(r.divisionCode, [...(city.counties.get(r.divisionCode) ?? []), r]);
  }
  const group = (divisionCode: string, level: DivisionGroup['level'], parentCode: string | null, of: DivisionRow[]): DivisionGroup => ({
    divisionCode,
    divisionName: divisionName(divisionCode),
    level,
    parentCode,
    figures: figuresOf(of),
    facilityIds: of.map((r) => r.facilityId),
  });
  const groups: DivisionGroup[] = [];
  const byCode = <T>(m: Map<string, T>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [cityCode, city] of byCode(cities)) {
    groups.push(group(cityCode, 'CITY', null, city.rows));
    for (const [countyCode, ofCounty] of byCode(city.counties)) groups.push(group(countyCode, 'COUNTY', cityCode, ofCounty));
  }
  return groups;
}
