import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import { divisionCovers, divisionPrefix, divisionTotal, isDivisionCode, isMonth, monthSpan, SummaryFigures } from '@careops/care';
import type { RequestContext } from '@careops/db';
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

/**
 * `GET /api/divisions/:code/summary?month=` (docs/rules.md §8 辖区汇总表): one row per facility of the
 * division the caller may see — row-level security lists them — each computed in that facility's
 * own tenant scope, then the division total as a ratio of sums.
 */
@Injectable()
export class DivisionsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService<RequestContext>,
    private readonly metrics: MetricsService,
  ) {}

  async summary(code: string, month: string, onProgress?: (done: number, total: number) => Promise<void> | void): Promise<DivisionSummary> {
    if (!isDivisionCode(code)) throw new BadRequestException(['code must be a 6-digit division code (行政区划代码)']);
    if (!isMonth(month)) throw new BadRequestException(['month must be YYYY-MM']);
    const principal = this.cls.get('principal');
    // A regulator asks for its own division or one inside it; anything else does not exist for it.
    if (principal?.role === 'REGULATOR' && !divisionCovers(principal.divisionCode ?? '', code)) {
      throw new NotFoundException('division not found (辖区不存在)');
    }
    const sql = this.txHost.tx;
    const facilities: { id: string; name: string; type: string; division_code: string }[] = await sql.query(
      `SELECT id, name, type, division_code FROM facility WHERE starts_with(division_code, $1) ORDER BY division_code, name, id`,
      [divisionPrefix(code)],
    );
    const { from, to } = monthSpan(month);
    const rows: DivisionRow[] = [];
    const scope = this.cls.get('scope');
    try {
      for (const [i, f] of facilities.entries()) {
        // Only ids RLS has just shown this caller: each row is read in that facility's tenant scope.
        await sql.query(`SELECT set_config('app.facility_id', $1, true)`, [f.id]);
        this.cls.set('scope', { ...scope, facilityId: f.id });
        const m = await this.metrics.period(from, to, { month });
        const [doc]: { at: string | null }[] = await sql.query(`SELECT max(issued_at)::text AS at FROM document WHERE facility_id = $1`, [f.id]);
        rows.push({ facilityId: f.id, name: f.name, type: f.type, divisionCode: f.division_code, residentsTotal: m.residentsTotal, lastReportAt: doc?.at ?? null, ...summaryOf(m) });
        await onProgress?.(i + 1, facilities.length);
      }
    } finally {
      await sql.query(`SELECT set_config('app.facility_id', $1, true)`, [scope?.facilityId ?? '']);
      this.cls.set('scope', scope);
    }
    return {
      divisionCode: code, month, rows,
      total: { ...divisionTotal(rows), facilities: rows.length, residentsTotal: rows.reduce((s, r) => s + r.residentsTotal, 0) },
    };
  }
}
