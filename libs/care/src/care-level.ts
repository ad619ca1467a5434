/** docs/rules.md §4: the three care levels that drive money and staffing. */
export const CARE_LEVELS = ['SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED'] as const;
export type CareLevel = (typeof CARE_LEVELS)[number];

export const CARE_LEVEL_LABELS: Record<CareLevel, string> = {
  SELF_CARE: '自理',
  SEMI_DISABLED: '半失能',
  FULLY_DISABLED: '全失能',
};

/** GB/T 42195-2022 ability grades, as recorded by the assessor (docs/rules.md §4). */
export const ASSESSMENT_GRADES = ['INTACT', 'MILD', 'MODERATE', 'SEVERE', 'COMPLETE'] as const;
export type AssessmentGrade = (typeof ASSESSMENT_GRADES)[number];

export const ASSESSMENT_GRADE_LABELS: Record<AssessmentGrade, string> = {
  INTACT: '能力完好',
  MILD: '轻度失能',
  MODERATE: '中度失能',
  SEVERE: '重度失能',
  COMPLETE: '完全失能',
};

/** docs/rules.md §4: 能力完好 → 自理, 轻度/中度 → 半失能, 重度/完全 → 全失能. */
export function careLevelOfGrade(grade: AssessmentGrade): CareLevel {
  switch (grade) {
    case 'INTACT':
      return 'SELF_CARE';
    case 'MILD':
    case 'MODERATE':
      return 'SEMI_DISABLED';
    case 'SEVERE':
    case 'COMPLETE':
      return 'FULLY_DISABLED';
  }
}

export function isCareLevel(value: unknown): value is CareLevel {
  return typeof value === 'string' && (CARE_LEVELS as readonly string[]).includes(value);
}
