import { Injectable } from '@nestjs/common';
import { addDays, CARE_LEVEL_LABELS, FACILITY_TYPE_LABELS, monthSpan, percentHalfUp, printPct } from '@careops/care';
import { StaysRepository } from '@careops/admissions';
import { BedsService } from '@careops/beds';
import { FacilitiesService } from '@careops/facilities';
import { MetricsService } from '@careops/metrics';
import { CareLevelsRepository } from '@careops/residents';
import { lineChart } from '../charts';
import { Movement, ReportsRepository } from '../reports.repository';
import { draft, Draft, fileNameOf, monthLabel } from './draft';

/** By day, then by name (code point order, as the database's "C" collation sorts). */
const byDayThenName = (a: { date: string; name: string }, b: { date: string; name: string }) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** 月度运营报表: admissions, discharges, census by level, occupancy trend. */
@Injectable()
export class OperationsDocument {
  constructor(
    private readonly facilities: FacilitiesService,
    private readonly metrics: MetricsService,
    private readonly repo: ReportsRepository,
    private readonly stays: StaysRepository,
    private readonly residents: CareLevelsRepository,
    private readonly beds: BedsService,
  ) {}

  async build(month: string): Promise<Draft> {
    const f = await this.facilities.current();
    const { from, to } = monthSpan(month);
    const m = await this.metrics.period(from, to, { month });
    const start = await this.metrics.period(from, addDays(from, 1), { date: from });
    const [admitted, discharged] = [await this.repo.admissionsIn(from, to), await this.repo.dischargesIn(from, to)];
    const leaves = (await this.stays.periodsIn('leave', { from, to }))
      .flatMap((r) => r.periods)
      .filter((p) => p.from >= from && p.from < to).length;
    const ids = [...new Set([...admitted, ...discharged].map((x) => x.residentId))];
    const nameOf = new Map((ids.length ? await this.residents.profiles(ids) : []).map((p) => [p.id, p.name]));
    const codeOf = new Map(ids.length ? (await this.beds.board(m.asOf)).map((b) => [b.id, b.code]) : []);
    const shown = (x: Movement) => ({
      name: nameOf.get(x.residentId) ?? '',
      date: x.date,
      bed: x.bedId ? (codeOf.get(x.bedId) ?? null) : null,
    });
    const admissions = admitted
      .map((a) => ({ ...shown(a), level: a.level, detail: a.level ? CARE_LEVEL_LABELS[a.level] : '未评估' }))
      .sort(byDayThenName);
    const discharges = discharged.map((d) => ({ ...shown(d), reason: d.reason, detail: d.reason ?? '' })).sort(byDayThenName);
    const census = [
      { label: `月初（${from}）`, ...start.residentsByLevel, total: start.residentsTotal },
      { label: `月末（${m.asOf}）`, ...m.residentsByLevel, total: m.residentsTotal },
    ];
    const occupancyChart = lineChart(
      m.daily.map((d) => d.date),
      [{ label: '入住率 %', colour: '#1d3557', values: m.daily.map((d) => d.occupancyPct) }],
      { max: 100, unit: '%', height: 130 },
    );
    // Headcounts: whole-number ticks only (charts.ts countTicks).
    const censusChart = lineChart(
      m.daily.map((d) => d.date),
      [
        { label: '在用床位', colour: '#9aa5b1', values: m.daily.map((d) => d.inService), step: true, dashed: true },
        { label: '在院人数（占用床位）', colour: '#1d3557', values: m.daily.map((d) => d.occupied), step: true },
      ],
      { height: 110 },
    );
    return draft('OPERATIONS', f.timezone, {
      facilityId: f.id,
      subject: f.name,
      period: month,
      periodLabel: monthLabel(month),
      subtitle: `${f.name} · ${month}`,
      fileName: fileNameOf('OPERATIONS', f.name, month),
      asciiFileName: `operations-${month}.pdf`,
      data: {
        facility: { name: f.name, typeLabel: FACILITY_TYPE_LABELS[f.type] },
        month,
        m,
        occupancyPct: printPct(m.occupancyPct),
        endOccupancy: printPct(percentHalfUp(m.occupiedBeds, m.bedsInService)),
        census,
        occupancyChart,
        censusChart,
        leaves,
        admissions,
        discharges,
        movements: admissions.length + discharges.length > 0,
      },
    });
  }
}
