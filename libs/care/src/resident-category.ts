/** docs/rules.md §4, the categories a resident may belong to: 特困供养, 低保, 经济困难, 高龄, 独居/空巢, 计生特殊家庭. */
export const RESIDENT_CATEGORIES = ['TEKUN', 'DIBAO', 'LOW_INCOME', 'ADVANCED_AGE', 'LIVING_ALONE', 'FAMILY_PLANNING_SPECIAL'] as const;
export type ResidentCategory = (typeof RESIDENT_CATEGORIES)[number];
export const RESIDENT_CATEGORY_LABELS: Record<ResidentCategory, string> = {
  TEKUN: '特困供养',
  DIBAO: '低保',
  LOW_INCOME: '经济困难',
  ADVANCED_AGE: '高龄',
  LIVING_ALONE: '独居/空巢',
  FAMILY_PLANNING_SPECIAL: '计生特殊家庭',
};
