import { ASSESSMENT_GRADES, AssessmentGrade, CARE_LEVELS, CareLevel, careLevelOfGrade } from './care-level';

/** docs/rules.md §4a: which care level each grade gives, per division (policy data, versioned by date). */
export type GradeLevelMapping = Record<AssessmentGrade, CareLevel>;

/** docs/rules.md §4: 能力完好 → 自理, 轻度/中度 → 半失能, 重度/完全 → 全失能 (the national default). */
export const DEFAULT_GRADE_LEVEL_MAPPING: GradeLevelMapping = Object.fromEntries(
  ASSESSMENT_GRADES.map((grade) => [grade, careLevelOfGrade(grade)]),
) as GradeLevelMapping;

/**
 * What is wrong with a mapping, one message per problem: every grade maps to a care level, and a
 * worse grade never to a lighter level (a policy may only move grades up, never reward a decline).
 */
export function levelMappingProblems(mapping: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const grade of ASSESSMENT_GRADES) {
    const level = mapping[grade];
    if (!(CARE_LEVELS as readonly unknown[]).includes(level)) problems.push(`mapping.${grade} must be one of ${CARE_LEVELS.join(', ')}`);
  }
  for (const key of Object.keys(mapping)) {
    if (!(ASSESSMENT_GRADES as readonly string[]).includes(key))
      problems.push(`mapping.${key}: unknown grade (${ASSESSMENT_GRADES.join(', ')})`);
  }
  if (problems.length) return problems;
  const rank = (grade: AssessmentGrade) => CARE_LEVELS.indexOf(mapping[grade] as CareLevel);
  ASSESSMENT_GRADES.slice(1).forEach((grade, i) => {
    const better = ASSESSMENT_GRADES[i];
    if (rank(grade) < rank(better)) problems.push(`mapping.${grade}: ${mapping[grade]} is lighter than ${better} → ${mapping[better]}`);
  });
  return problems;
}

/** The divisions whose policy may apply to a facility's, most specific first: county, city, province, national. */
export function policyDivisions(divisionCode: string): string[] {
  const all = [divisionCode, `${divisionCode.slice(0, 4)}00`, `${divisionCode.slice(0, 2)}0000`, '000000'];
  return all.filter((code, i) => all.indexOf(code) === i);
}
