/** The nine risks 九防 of GB 38600-2019 (docs/rules.md §10), in the standard's order. */
export const SAFETY_RISKS = [
  'CHOKING',
  'WRONG_INTAKE',
  'PRESSURE_INJURY',
  'SCALD',
  'FALL_FROM_BED',
  'FALL',
  'WANDERING',
  'HARM',
  'RECREATION',
] as const;
export type SafetyRisk = (typeof SAFETY_RISKS)[number];

export const RISK_LABELS: Record<SafetyRisk, string> = {
  CHOKING: '噎食',
  WRONG_INTAKE: '食品药品误食',
  PRESSURE_INJURY: '压疮',
  SCALD: '烫伤',
  FALL_FROM_BED: '坠床',
  FALL: '跌倒',
  WANDERING: '走失',
  HARM: '他伤和自伤',
  RECREATION: '文娱活动意外',
};

export const RISK_RATINGS = ['NONE', 'LOW', 'HIGH'] as const;
export type RiskRating = (typeof RISK_RATINGS)[number];
export const RISK_RATING_LABELS: Record<RiskRating, string> = { NONE: '无', LOW: '低', HIGH: '高' };

/** An incident is one of the nine risks come true, or something else 其他. */
export const INCIDENT_TYPES = [...SAFETY_RISKS, 'OTHER'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];
export const INCIDENT_TYPE_LABELS: Record<IncidentType, string> = { ...RISK_LABELS, OTHER: '其他' };

export const SAFETY_DRILL_KINDS = ['FIRE_DRILL', 'SAFETY_INSPECTION'] as const;
export type SafetyDrillKind = (typeof SAFETY_DRILL_KINDS)[number];
export const SAFETY_DRILL_LABELS: Record<SafetyDrillKind, string> = { FIRE_DRILL: '消防演练', SAFETY_INSPECTION: '安全检查' };

export const isSafetyRisk = (key: string): key is SafetyRisk => (SAFETY_RISKS as readonly string[]).includes(key);

/** docs/rules.md §10: the HIGH risks with no (or a blank) protective measure, in the standard's order. */
export function highRisksWithoutMeasure(risks: Partial<Record<string, string>>, measures: Partial<Record<string, string>>): SafetyRisk[] {
  return SAFETY_RISKS.filter((r) => risks[r] === 'HIGH' && !(measures[r] ?? '').trim());
}

/** The risks rated HIGH, in the standard's order. */
export function highRisks(risks: Partial<Record<string, string>>): SafetyRisk[] {
  return SAFETY_RISKS.filter((r) => risks[r] === 'HIGH');
}
