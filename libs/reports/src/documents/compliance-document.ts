import { Injectable } from '@nestjs/common';
import { EXCLUSION_REASON_LABELS, FACILITY_TYPE_LABELS, monthSpan, printPct } from '@careops/care';
import { FacilitiesService } from '@careops/facilities';
import { MetricsService } from '@careops/metrics';
import { SafetyService } from '@careops/safety';
import { lineChart } from '../charts';
import { draft, Draft, monthLabel } from './draft';

const MEDICAL: Record<string, string> = { IN_HOUSE_CLINIC: '内设医疗机构', SIGNED_AGREEMENT: '签约医疗机构', NONE: '无' };

/** 养老机构合规报告: the docs/rules.md §7 metrics against targets, daily staffing, beds by kind, standards checks. */
@Injectable()
export class ComplianceDocument {
  constructor(
    private readonly facilities: FacilitiesService,
    private readonly metrics: MetricsService,
    private readonly safety: SafetyService,
  ) {}

  async build(month: string): Promise<Draft> {
    const f = await this.facilities.current();
    const { from, to } = monthSpan(month);
    // One pass over the month's facts (a few set-based queries, none per day or bed): docs/rules.md §6–§7.
    const { metrics: m, staffing: period, staff, beds } = await this.metrics.periodWithStaffing(from, to, { month }, f);
    const names = new Map(staff.map((s) => [s.id, s.name]));
    const days = period.days.map((d) => ({
      date: d.date.slice(5),
      self: d.residentsByLevel.SELF_CARE,
      semi: d.residentsByLevel.SEMI_DISABLED,
      full: d.residentsByLevel.FULLY_DISABLED,
      required: d.required,
      counted: (d.countedHundredths / 100).toString(),
      compliant: d.compliant,
      excluded: d.excluded.map((e) => `${names.get(e.staffId) ?? '?'}（${EXCLUSION_REASON_LABELS[e.reason]}）`).join('、'),
    }));
    const verdict = (met: boolean | null) => (met === null ? '不适用' : met ? '达标' : '未达标');
    const targets = [
      {
        name: '护理型床位占比',
        definition: '在用护理型床位 ÷ 在用床位',
        value: printPct(m.nursingBedRatioPct),
        target: '≥ 55 %',
        met: m.targets.nursingBedRatio.met,
      },
      { name: '入住率', definition: '入住床日 ÷ 在用床日', value: printPct(m.occupancyPct), target: '—', met: null },
      {
        name: '护理人员配备达标',
        definition: '达标天数 ÷ 统计天数',
        value: printPct(m.staffing.compliancePct),
        target: '每天达标',
        met: m.targets.staffingCompliance.met,
      },
      {
        name: '持证上岗率',
        definition: '持有效证书护理员 ÷ 在岗护理员',
        value: printPct(m.certification.pct),
        target: '100 %',
        met: m.targets.certification.met,
      },
    ].map((t) => ({ ...t, verdict: verdict(t.met), bad: t.met === false }));
    // The minimum scale of a street center or a day center.
    const minimum = f.type === 'STREET_CENTER' ? { beds: 50, area: 1500 } : f.type === 'DAY_CENTER' ? { beds: 10, area: 200 } : null;
    const area = f.buildingAreaM2;
    const areaText = area !== null ? `${Number(area)} m²` : '未记录';
    const dated = (d: string | null) => (d ? `${d} 通过` : '未记录');
    const checks = [
      { name: '消防安全', rule: '消防验收或检查合格', value: dated(f.fireSafetyPassedOn), bad: !f.fireSafetyPassedOn },
      {
        name: '医养结合',
        rule: '内设医疗机构或签约服务',
        value: MEDICAL[f.medicalArrangement ?? 'NONE'] ?? '未记录',
        bad: !f.medicalArrangement || f.medicalArrangement === 'NONE',
      },
      { name: 'GB 38600 安全基本规范', rule: '自查合格', value: dated(f.safetyStandardCheckedOn), bad: !f.safetyStandardCheckedOn },
      { name: 'GB/T 35796 服务质量基本规范', rule: '自查合格', value: dated(f.qualityStandardCheckedOn), bad: !f.qualityStandardCheckedOn },
      ...(minimum
        ? [
            { name: '床位规模', rule: `≥ ${minimum.beds} 张`, value: `${beds.total} 张`, bad: beds.total < minimum.beds },
            { name: '建筑面积', rule: `≥ ${minimum.area} m²`, value: areaText, bad: area === null || Number(area) < minimum.area },
          ]
        : []),
    ].map((c) => ({ ...c, verdict: c.bad ? '待整改' : '符合' }));
    const staffingChart = lineChart(
      period.days.map((d) => d.date),
      [
        { label: '应配护理员', colour: '#b42318', values: period.days.map((d) => d.required), step: true },
        { label: '实配护理员(FTE)', colour: '#1d3557', values: period.days.map((d) => d.countedHundredths / 100), step: true },
      ],
      { unit: '', height: 140 },
    );
    // docs/rules.md §10: residents risk-assessed, HIGH risks without a measure, the month's incidents, the last drill.
    const sf = await this.safety.summary(month);
    const drill = (d: { on: string; participants: string; participantCount: number | null; findings: string } | null) =>
      d
        ? {
            on: d.on,
            participants: d.participantCount !== null ? `${d.participants}（${d.participantCount} 人）` : d.participants,
            findings: d.findings,
          }
        : null;
    const safety = {
      asOf: sf.asOf,
      inCare: sf.residentsInCare,
      assessed: sf.residentsAssessed,
      assessedBad: sf.residentsAssessed < sf.residentsInCare,
      // A long list names the first 12 and counts the rest (the JSON of safety/summary has them all).
      unassessed:
        sf.unassessed.length > 12
          ? `${sf.unassessed
              .slice(0, 12)
              .map((u) => u.name)
              .join('、')} 等 ${sf.unassessed.length} 人`
          : sf.unassessed.map((u) => u.name).join('、'),
      unmeasured: sf.highRisksWithoutMeasure,
      unmeasuredCount: sf.highRisksWithoutMeasure.length,
      incidents: sf.incidents,
      open: sf.openIncidents,
      byType: sf.incidentsByType,
      fireDrill: drill(sf.lastFireDrill),
      inspection: drill(sf.lastInspection),
    };
    return draft('COMPLIANCE', f.timezone, {
      facilityId: f.id,
      subject: f.name,
      period: month,
      periodLabel: monthLabel(month),
      subtitle: `${f.name} · ${month}`,
      fileName: `compliance-${month}.pdf`,
      data: {
        facility: {
          name: f.name,
          typeLabel: FACILITY_TYPE_LABELS[f.type],
          divisionCode: f.divisionCode,
          area: areaText,
          license: f.licenseNumber ?? '未记录',
        },
        m,
        nursingPct: printPct(m.nursingBedRatioPct),
        occupancyPct: printPct(m.occupancyPct),
        staffingPct: printPct(m.staffing.compliancePct),
        certPct: printPct(m.certification.pct),
        nursingBad: m.targets.nursingBedRatio.met === false,
        staffingBad: m.targets.staffingCompliance.met === false,
        certBad: m.targets.certification.met === false,
        generalBeds: m.bedsInService - m.nursingBeds,
        outOfService: beds.outOfService,
        targets,
        days,
        checks,
        staffingChart,
        safety,
      },
    });
  }
}
