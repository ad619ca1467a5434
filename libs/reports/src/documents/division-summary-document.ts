import { Injectable } from '@nestjs/common';
import { calendarDate, printPct } from '@careops/care';
import { DivisionsService } from '@careops/metrics';
import { AppConfig } from '@careops/platform';
import { draft, Draft, monthLabel } from './draft';

/** 辖区汇总表: one row per facility of the division, below-target rows marked, the total as Σ ÷ Σ. */
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
      nursing: printPct(r.nursingBedRatioPct),
      occupancy: printPct(r.occupancyPct),
      staffing: printPct(r.staffingCompliancePct),
      bad: r.nursingBedTargetMet === false,
      lastReport: r.lastReportAt ? calendarDate(new Date(r.lastReportAt), zone) : '—',
    }));
    const t = s.total;
    // A division spans facilities: its times are printed in the deployment's zone.
    return draft('DIVISION_SUMMARY', zone, {
      divisionCode: code,
      subject: `行政区划 ${code}`,
      period: month,
      periodLabel: monthLabel(month),
      subtitle: `辖区 ${code} · ${month} · ${rows.length} 家机构`,
      fileName: `division-${code}-${month}.pdf`,
      data: {
        divisionCode: code,
        month,
        rows,
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
