import {
  ABILITY_ITEMS,
  abilityItemProblems,
  AbilityScores,
  AssessmentReason,
  ASSESSMENT_REASONS,
  isIcd10Code,
  RISK_EVENT_KINDS,
  RiskEventCounts,
} from '@careops/care';
import { validationFailed } from '@careops/platform';
import type { Assessment } from './assessment.entity';
import type { CreateAssessmentDto } from './dto/assessment.dto';

/** An assessment as the API shows it: every column, and whether it was scored (docs/rules.md §4a). */
export type AssessmentView = Assessment & { scored: boolean };

export const assessmentView = (a: Assessment): AssessmentView => ({ ...a, scored: a.instrument !== null });

export interface ScoredInput {
  reason: AssessmentReason;
  assessedOn: string;
  assessors: string[];
  items: AbilityScores;
  diagnoses: string[];
  riskEvents30d: RiskEventCounts;
  coma: boolean;
}

/**
 * docs/rules.md §4a: what a scored assessment must hold — a reason, the day assessed (not after today, not
 * after the effective date), two named assessors, the 26 item scores each in its range, ICD-10 diagnoses.
 * Every problem is named in one 400 (VALIDATION_FAILED), e.g. `items.B1.3: score 5 is out of 0–4 (洗澡)`.
 */
export function scoredInput(dto: CreateAssessmentDto, today: string): ScoredInput {
  const problems: string[] = [];
  for (const k of ['careLevel', 'grade', 'assessor'] as const) {
    if (dto[k] !== undefined)
      problems.push(
        `${k}: not with a scored assessment (${k === 'assessor' ? 'name both in assessors' : 'the level comes from the score'})`,
      );
  }
  if (!dto.reason) problems.push(`reason: required (${ASSESSMENT_REASONS.join(', ')})`);
  if (!dto.assessedOn) problems.push('assessedOn: required (the day assessed)');
  else {
    if (dto.assessedOn > today) problems.push(`assessedOn: ${dto.assessedOn} is in the future (today is ${today})`);
    if (dto.effectiveOn < dto.assessedOn) problems.push(`effectiveOn: ${dto.effectiveOn} is before assessedOn ${dto.assessedOn}`);
  }
  const assessors = (dto.assessors ?? []).map((name) => name.trim()).filter((name) => name.length > 0);
  const distinct = new Set(assessors);
  if (distinct.size < 2) problems.push(`assessors: at least two named assessors (评估员) are required, got ${distinct.size}`);
  if (!dto.items) problems.push('items: the 26 item scores are required (B1.1–B4.5)');
  else problems.push(...abilityItemProblems(dto.items).map((p) => p.message));
  const diagnoses = (dto.diagnoses ?? []).map((d) => d.trim().toUpperCase());
  diagnoses.forEach((code, i) => {
    if (!isIcd10Code(code)) problems.push(`diagnoses[${i}]: ${JSON.stringify(dto.diagnoses?.[i])} is not an ICD-10 code (e.g. F01, F03.9)`);
  });
  if (problems.length) throw validationFailed(problems);
  const riskEvents30d: RiskEventCounts = {};
  for (const kind of RISK_EVENT_KINDS) if (dto.riskEvents30d?.[kind]) riskEvents30d[kind] = dto.riskEvents30d[kind];
  return {
    reason: dto.reason as AssessmentReason,
    assessedOn: dto.assessedOn as string,
    assessors: [...distinct],
    // In the standard's order, whatever order the body had.
    items: Object.fromEntries(ABILITY_ITEMS.map((item) => [item.code, dto.items?.[item.code] as number])),
    diagnoses: [...new Set(diagnoses)],
    riskEvents30d,
    coma: dto.coma ?? false,
  };
}
