import { Injectable } from '@nestjs/common';
import {
  ABILITY_GROUPS,
  ABILITY_INSTRUMENT,
  ABILITY_MAX_TOTAL,
  ASSESSMENT_GRADE_LABELS,
  ASSESSMENT_GRADES,
  DEFAULT_GRADE_LEVEL_MAPPING,
  ASSESSMENT_REASON_LABELS,
  CARE_LEVEL_LABELS,
  RISK_EVENT_KINDS,
  RISK_EVENT_LABELS,
  riskEventTotal,
} from '@careops/care';
import { FacilitiesService } from '@careops/facilities';
import { divisionName, NotFoundError, RuleViolation } from '@careops/platform';
import { ageOn, ResidentsService } from '@careops/residents';
import { type AssessmentFacts, ReportsRepository } from '../reports.repository';
import { draft, Draft, fileNameOf } from './draft';

/** An assessment recorded as a level only (not scored) has no report: nothing was assessed item by item. */
export class AssessmentNotScoredError extends RuleViolation {
  constructor(effectiveOn: string) {
    super('ASSESSMENT_NOT_SCORED', { effectiveOn });
  }
}

const GENDER_LABELS: Record<string, string> = { M: '男', F: '女' };

/** Printed where nothing is recorded: a blank to fill in by hand is not a fact. */
const NONE = '无';

/** The grade → level policy as printed: its name, where and since when, and what it maps (docs/rules.md §4a). */
function policyText(p: AssessmentFacts['levelPolicy']): string {
  const mapping = p?.mapping ?? DEFAULT_GRADE_LEVEL_MAPPING;
  const pairs = ASSESSMENT_GRADES.map((g) => `${ASSESSMENT_GRADE_LABELS[g]}→${CARE_LEVEL_LABELS[mapping[g]]}`).join('，');
  if (!p) return `默认对应：${pairs}`;
  const where = p.divisionCode === '000000' ? '全国' : `${p.divisionCode} ${divisionName(p.divisionCode) ?? ''}`.trim();
  return `「${p.name}」（${where}，自 ${p.effectiveFrom} 起）：${pairs}`;
}

/**
 * 老年人能力评估报告 (docs/rules.md §4a, §8): whom, why and when; the result up front — the total,
 * the grade of the total, each adjustment with its reason, the grade and the care level it sets;
 * Part A (diagnoses, risk events, coma); the 26 items of Part B by group with the score and the
 * option text chosen; and the signature blocks of both assessors, the elder and the guardian.
 */
@Injectable()
export class AssessmentDocument {
  constructor(
    private readonly facilities: FacilitiesService,
    private readonly repo: ReportsRepository,
    private readonly residents: ResidentsService,
  ) {}

  async build(assessmentId: string): Promise<Draft> {
    const a = await this.repo.assessment(assessmentId);
    if (!a) throw new NotFoundError('ASSESSMENT_NOT_FOUND');
    if (a.totalScore === null || a.items === null || a.baseGrade === null || a.grade === null) {
      throw new AssessmentNotScoredError(a.effectiveOn);
    }
    const items = a.items;
    const f = await this.facilities.current();
    const r = await this.residents.get(a.residentId);
    const assessedOn = a.assessedOn ?? a.effectiveOn;
    const bed = await this.repo.bedOn(a.residentId, assessedOn);
    const groups = ABILITY_GROUPS.map((g) => {
      const rows = g.items.map((item) => {
        const score = items[item.code];
        return {
          code: item.code,
          name: item.zh,
          score,
          max: item.max,
          option: item.options.find((o) => o.score === score)?.zh ?? '',
        };
      });
      return { code: g.code, name: g.zh, max: g.max, subtotal: rows.reduce((sum, row) => sum + row.score, 0), items: rows };
    });
    const assessors = a.assessors?.length ? a.assessors : [a.assessor];
    const riskEvents = RISK_EVENT_KINDS.map((k) => ({ label: RISK_EVENT_LABELS[k].zh, count: a.riskEvents30d?.[k] ?? 0 }));
    const reason = a.reason ? ASSESSMENT_REASON_LABELS[a.reason].zh : '';
    return {
      ...draft('ASSESSMENT', f.timezone, {
        facilityId: f.id,
        subject: f.name,
        period: assessedOn,
        periodLabel: `评估日期 ${assessedOn}`,
        subtitle: `${r.name} · ${reason} · ${assessedOn}`,
        fileName: fileNameOf('ASSESSMENT', f.name, assessedOn, r.name),
        asciiFileName: `assessment-${assessedOn}-${a.id.slice(0, 8)}.pdf`,
        data: {
          facility: f.name,
          resident: {
            name: r.name,
            gender: GENDER_LABELS[r.gender] ?? r.gender,
            dateOfBirth: r.dateOfBirth,
            age: ageOn(r.dateOfBirth, assessedOn),
            idMasked: r.idNumber,
            bed: bed ?? NONE,
          },
          guardian: r.guardian ? `${r.guardian.name}（${r.guardian.relation}）` : '',
          instrument: a.instrument ?? ABILITY_INSTRUMENT,
          reason,
          assessedOn,
          effectiveOn: a.effectiveOn,
          assessors,
          total: a.totalScore,
          max: ABILITY_MAX_TOTAL,
          baseGrade: ASSESSMENT_GRADE_LABELS[a.baseGrade],
          grade: ASSESSMENT_GRADE_LABELS[a.grade],
          adjustments: a.adjustments.map((adj) => adj.reason),
          careLevel: CARE_LEVEL_LABELS[a.careLevel],
          policy: policyText(a.levelPolicy),
          groups,
          diagnoses: a.diagnoses,
          riskEvents,
          riskTotal: riskEventTotal(a.riskEvents30d),
          coma: a.coma ? '是' : '否',
          notes: a.notes,
        },
      }),
      assessmentId: a.id,
    };
  }
}
