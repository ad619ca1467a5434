import { Injectable } from '@nestjs/common';
import { divisionCovers, divisionPrefix, divisionTotal, isDivisionCode, isProvincePrefix, monthSpan, SummaryFigures } from '@careops/care';
import { type Principal, TenantDb } from '@careops/db';
import { Facility, FacilitiesService } from '@careops/facilities';
import { NotFoundError } from '@careops/platform';
import { DivisionsRepository } from './divisions.repository';
import { MetricsService, summaryOf } from './metrics.service';

export interface DivisionRow extends SummaryFigures {
  facilityId: string;
  name: string;
  type: string;
  divisionCode: string;
  residentsTotal: number;
  /** The last document issued for this facility (any kind), for the regulator's "last report". */
  lastReportAt: string | null;
}

export interface DivisionSummary {
  divisionCode: string;
  month: string;
  rows: DivisionRow[];
  /** Ratios of sums over the rows (docs/rules.md §7), never a mean of ratios. */
  total: SummaryFigures & { facilities: number; residentsTotal: number };
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
 * division the caller may see — row-level security lists them — each computed in that facility's
 * own tenant scope, then the division total as a ratio of sums.
 */
@Injectable()
export class DivisionsService {
  constructor(
    private readonly divisions: DivisionsRepository,
    private readonly facilities: FacilitiesService,
    private readonly metrics: MetricsService,
    private readonly db: TenantDb,
  ) {}

  /** `code` a six-digit code and `month` YYYY-MM, as DivisionCodeParam and MonthQuery validate them. */
  async summary(code: string, month: string, onProgress?: (done: number, total: number) => Promise<void> | void): Promise<DivisionSummary> {
    assertDivisionVisible(this.db.principal(), code);
    const facilities = inDivision(await this.facilities.list(), divisionPrefix(code));
    const { from, to } = monthSpan(month);
    const rows: DivisionRow[] = [];
    for (const [i, f] of facilities.entries()) {
      const row = await this.divisions.inFacility(f.id, async () => {
        const m = await this.metrics.period(from, to, { month });
        const lastReportAt = await this.divisions.lastIssuedAt(f.id);
        return {
          facilityId: f.id,
          name: f.name,
          type: f.type,
          divisionCode: f.divisionCode,
          residentsTotal: m.residentsTotal,
          lastReportAt,
          ...summaryOf(m),
        };
      });
      rows.push(row);
      await onProgress?.(i + 1, facilities.length);
    }
    return {
      divisionCode: code,
      month,
      rows,
      total: { ...divisionTotal(rows), facilities: rows.length, residentsTotal: rows.reduce((s, r) => s + r.residentsTotal, 0) },
    };
  }
}

/**
 * The facilities whose code starts with `prefix`, in the order they came (by division code, then
 * name, as the database sorts them), those of the same code and name by id.
 */
function inDivision(visible: Facility[], prefix: string): Facility[] {
  const mine = visible.filter((f) => f.divisionCode.startsWith(prefix));
  const sorted: Facility[] = [];
  for (let i = 0; i < mine.length; ) {
    let j = i + 1;
    while (j < mine.length && mine[j].divisionCode === mine[i].divisionCode && mine[j].name === mine[i].name) j++;
    sorted.push(...mine.slice(i, j).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
    i = j;
  }
  return sorted;
}
