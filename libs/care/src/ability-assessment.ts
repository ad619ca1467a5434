import { ASSESSMENT_GRADES, AssessmentGrade } from './care-level';

/** docs/rules.md §4a: the national instrument this table encodes. */
export const ABILITY_INSTRUMENT = 'GB/T 42195-2022' as const;
export type AbilityInstrument = typeof ABILITY_INSTRUMENT;

/** docs/rules.md §4a: why an assessment was made (首次 / 常规 / 即时 / 复评). */
export const ASSESSMENT_REASONS = ['FIRST', 'ROUTINE', 'IMMEDIATE', 'DISPUTE'] as const;
export type AssessmentReason = (typeof ASSESSMENT_REASONS)[number];
export const ASSESSMENT_REASON_LABELS: Record<AssessmentReason, { zh: string; en: string }> = {
  FIRST: { zh: '首次评估', en: 'First assessment' },
  ROUTINE: { zh: '常规评估', en: 'Routine assessment' },
  IMMEDIATE: { zh: '即时评估', en: 'Immediate assessment' },
  DISPUTE: { zh: '复评', en: 'Reassessment on dispute' },
};

export interface AbilityOption {
  score: number;
  zh: string;
  en: string;
}

export type AbilityGroupCode = 'B.1' | 'B.2' | 'B.3' | 'B.4';

export interface AbilityItem {
  /** B1.1 … B4.5, in the order of the standard. */
  code: string;
  group: AbilityGroupCode;
  zh: string;
  en: string;
  max: number;
  /** Every score the item allows, best (highest) first; the lowest is 0. */
  options: readonly AbilityOption[];
}

export interface AbilityGroup {
  code: AbilityGroupCode;
  zh: string;
  en: string;
  max: number;
  items: readonly AbilityItem[];
}

/** docs/rules.md §4a: the common 0–4 scale of most items. */
const COMMON_SCALE: readonly AbilityOption[] = [
  { score: 4, zh: '独立完成', en: 'Does it independently' },
  { score: 3, zh: '在他人指导或提示下完成', en: 'Does it with guidance or prompting' },
  { score: 2, zh: '需要他人协助，但以自身完成为主', en: 'Needs help, but does most of it' },
  { score: 1, zh: '主要依靠他人协助，自身能给予配合', en: 'Relies mainly on help, and cooperates' },
  { score: 0, zh: '完全依赖他人协助，且不能给予配合', en: 'Fully dependent, cannot cooperate' },
];

const STAIRS: readonly AbilityOption[] = [
  { score: 3, zh: '可独立上下楼梯（连续上下10～15个台阶），不需要协助', en: 'Climbs 10–15 stairs independently, no help needed' },
  { score: 2, zh: '在他人指导或提示下完成', en: 'Climbs with guidance or prompting' },
  { score: 1, zh: '需要他人协助，但以自身完成为主', en: 'Needs help, but climbs mostly alone' },
  { score: 0, zh: '主要依靠他人协助或完全依赖他人', en: 'Relies mainly or fully on others' },
];

const AGGRESSION: readonly AbilityOption[] = [
  { score: 1, zh: '近一个月内未出现攻击行为', en: 'No aggressive behaviour in the last month' },
  { score: 0, zh: '近一个月内出现过攻击行为（身体攻击或语言攻击）', en: 'Physical or verbal aggression in the last month' },
];

const DEPRESSION: readonly AbilityOption[] = [
  { score: 1, zh: '近一个月内未出现负性情绪', en: 'No depressive symptoms in the last month' },
  {
    score: 0,
    zh: '近一个月内出现过负性情绪（情绪低落、不爱说话、不爱活动，甚至有自杀念头或行为）',
    en: 'Low mood, withdrawal or suicidal thoughts in the last month',
  },
];

const CONSCIOUSNESS: readonly AbilityOption[] = [
  { score: 2, zh: '神志清醒，对周围环境能做出正确反应', en: 'Alert, responds correctly to surroundings' },
  { score: 1, zh: '嗜睡或意识模糊', en: 'Drowsy or confused' },
  { score: 0, zh: '昏睡或昏迷', en: 'Stuporous or comatose' },
];

const VISION: readonly AbilityOption[] = [
  { score: 2, zh: '视力正常，能看清书报上的标准字体', en: 'Normal vision, reads standard print' },
  { score: 1, zh: '视力有限，看不清书报上的标准字体，但能辨认物体', en: 'Limited vision, cannot read print but recognises objects' },
  { score: 0, zh: '只能看到光、颜色和形状，或完全失明', en: 'Sees only light, colour and shapes, or blind' },
];

const HEARING: readonly AbilityOption[] = [
  { score: 2, zh: '听力正常，能听清正常说话', en: 'Normal hearing' },
  { score: 1, zh: '正常交流有困难，需在安静环境或大声说话才能听到', en: 'Hears only in a quiet room or when spoken to loudly' },
  { score: 0, zh: '讲话者大声说话才能部分听见，或完全失聪', en: 'Hears only part of loud speech, or deaf' },
];

const TRANSPORT: readonly AbilityOption[] = [
  { score: 3, zh: '能自己骑车或搭乘公共交通工具外出', en: 'Cycles or takes public transport alone' },
  { score: 2, zh: '能自己搭乘出租车，但不会搭乘其他公共交通工具', en: 'Takes a taxi alone, but no other public transport' },
  { score: 1, zh: '有人协助或陪伴时，可搭乘公共交通工具外出', en: 'Takes public transport with help or company' },
  { score: 0, zh: '只能在他人协助下乘车外出，或完全不能出门', en: 'Goes out only driven with help, or not at all' },
];

type ItemSpec = readonly [code: string, zh: string, en: string, options?: readonly AbilityOption[]];

function group(code: AbilityGroupCode, zh: string, en: string, specs: readonly ItemSpec[]): AbilityGroup {
  const items = specs.map(([itemCode, itemZh, itemEn, options = COMMON_SCALE]) => ({
    code: itemCode,
    group: code,
    zh: itemZh,
    en: itemEn,
    max: options[0].score,
    options,
  }));
  return { code, zh, en, max: items.reduce((sum, item) => sum + item.max, 0), items };
}

/** docs/rules.md §4a: Part B, 26 items in four groups, 90 points. */
export const ABILITY_GROUPS: readonly AbilityGroup[] = [
  /* @__PURE__ */ group('B.1', '自理能力', 'Self-care', [
    ['B1.1', '进食', 'Eating'],
    ['B1.2', '修饰', 'Grooming'],
    ['B1.3', '洗澡', 'Bathing'],
    ['B1.4', '穿/脱上衣', 'Dressing the upper body'],
    ['B1.5', '穿/脱裤子和鞋袜', 'Dressing trousers, shoes and socks'],
    ['B1.6', '小便控制', 'Bladder control'],
    ['B1.7', '大便控制', 'Bowel control'],
    ['B1.8', '如厕', 'Toileting'],
  ]),
  /* @__PURE__ */ group('B.2', '基础运动能力', 'Basic mobility', [
    ['B2.1', '床上体位转移', 'Turning in bed'],
    ['B2.2', '床椅转移', 'Bed–chair transfer'],
    ['B2.3', '平地行走', 'Walking on level ground'],
    ['B2.4', '上下楼梯', 'Stairs', STAIRS],
  ]),
  /* @__PURE__ */ group('B.3', '精神状态', 'Mental state', [
    ['B3.1', '时间定向', 'Orientation to time'],
    ['B3.2', '空间定向', 'Orientation to place'],
    ['B3.3', '人物定向', 'Orientation to people'],
    ['B3.4', '记忆', 'Memory'],
    ['B3.5', '理解能力', 'Understanding'],
    ['B3.6', '表达能力', 'Expression'],
    ['B3.7', '攻击行为', 'Aggressive behaviour', AGGRESSION],
    ['B3.8', '抑郁症状', 'Depressive symptoms', DEPRESSION],
    ['B3.9', '意识水平', 'Level of consciousness', CONSCIOUSNESS],
  ]),
  /* @__PURE__ */ group('B.4', '感知觉与社会参与', 'Perception and social participation', [
    ['B4.1', '视力', 'Vision', VISION],
    ['B4.2', '听力', 'Hearing', HEARING],
    ['B4.3', '执行日常事务', 'Daily tasks'],
    ['B4.4', '使用交通工具外出', 'Going out by transport', TRANSPORT],
    ['B4.5', '社会交往能力', 'Social interaction'],
  ]),
];

/** The 26 items in the standard's order. */
// Computed tables are marked pure: the web app's first bundle imports from this library and leaves them out
// unless a screen uses them.
export const ABILITY_ITEMS: readonly AbilityItem[] = /* @__PURE__ */ ABILITY_GROUPS.flatMap((g) => g.items);
export const ABILITY_ITEM_CODES: readonly string[] = /* @__PURE__ */ ABILITY_ITEMS.map((item) => item.code);
export const ABILITY_MAX_TOTAL = /* @__PURE__ */ ABILITY_ITEMS.reduce((sum, item) => sum + item.max, 0);

const ITEM_BY_CODE = /* @__PURE__ */ new Map(/* @__PURE__ */ ABILITY_ITEMS.map((item) => [item.code, item]));
export function abilityItem(code: string): AbilityItem | undefined {
  return ITEM_BY_CODE.get(code);
}

export type AbilityScores = Record<string, number>;

export interface AbilityItemProblem {
  /** `items.B1.3` — the field the problem is in. */
  field: string;
  kind: 'MISSING' | 'UNKNOWN' | 'OUT_OF_RANGE';
  item?: AbilityItem;
  score?: unknown;
  /** `items.B1.3: score 5 is out of 0–4 (洗澡)` */
  message: string;
}

/** Every item missing, unknown or scored outside its range; empty when the 26 scores are complete. */
export function abilityItemProblems(items: Record<string, unknown>): AbilityItemProblem[] {
  const problems: AbilityItemProblem[] = [];
  for (const item of ABILITY_ITEMS) {
    const field = `items.${item.code}`;
    const score = items[item.code];
    if (score === undefined || score === null) {
      problems.push({ field, kind: 'MISSING', item, message: `${field}: missing (${item.zh}, 0–${item.max})` });
    } else if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > item.max) {
      problems.push({
        field,
        kind: 'OUT_OF_RANGE',
        item,
        score,
        message: `${field}: score ${JSON.stringify(score)} is out of 0–${item.max} (${item.zh})`,
      });
    }
  }
  for (const code of Object.keys(items)) {
    if (!ITEM_BY_CODE.has(code)) {
      problems.push({ field: `items.${code}`, kind: 'UNKNOWN', message: `items.${code}: unknown item code (B1.1–B4.5)` });
    }
  }
  return problems;
}

/** docs/rules.md §4a: 90 能力完好; 66–89 轻度; 46–65 中度; 30–45 重度; 0–29 完全失能. */
export function gradeOfTotal(total: number): AssessmentGrade {
  if (total >= 90) return 'INTACT';
  if (total >= 66) return 'MILD';
  if (total >= 46) return 'MODERATE';
  if (total >= 30) return 'SEVERE';
  return 'COMPLETE';
}

/** 0 for 能力完好 … 4 for 完全失能: a larger rank is a worse grade. */
export function gradeRank(grade: AssessmentGrade): number {
  return ASSESSMENT_GRADES.indexOf(grade);
}

function oneWorse(grade: AssessmentGrade): AssessmentGrade {
  return ASSESSMENT_GRADES[Math.min(gradeRank(grade) + 1, ASSESSMENT_GRADES.length - 1)];
}

/** docs/rules.md §4a Part A: care risk events of the last 30 days (跌倒, 走失, 噎食, 自杀/自伤, 其他). */
export const RISK_EVENT_KINDS = ['FALL', 'WANDER', 'CHOKE', 'SELF_HARM', 'OTHER'] as const;
export type RiskEventKind = (typeof RISK_EVENT_KINDS)[number];
export const RISK_EVENT_LABELS: Record<RiskEventKind, { zh: string; en: string }> = {
  FALL: { zh: '跌倒', en: 'Fall' },
  WANDER: { zh: '走失', en: 'Wandering off' },
  CHOKE: { zh: '噎食', en: 'Choking' },
  SELF_HARM: { zh: '自杀/自伤', en: 'Suicide or self-harm' },
  OTHER: { zh: '其他', en: 'Other' },
};
export type RiskEventCounts = Partial<Record<RiskEventKind, number>>;

/** An ICD-10 code as written on a diagnosis: a letter, two digits, optionally a dot and one or two more (F01, F01.1, G30.9). */
export function isIcd10Code(code: string): boolean {
  return /^[A-Z]\d{2}(\.\d{1,2})?$/.test(code);
}

/** Whether an ICD-10 code's category (letter and two digits) falls in [from, to], e.g. F01.1 in F00–F03. */
export function icd10InRange(code: string, from: string, to: string): boolean {
  if (!isIcd10Code(code)) return false;
  const category = code.slice(0, 3);
  return category >= from && category <= to;
}

/** docs/rules.md §4a: 痴呆 F00–F03 and 其他精神和行为障碍 F04–F99. */
export const DEMENTIA_RANGE = ['F00', 'F03'] as const;
export const MENTAL_DISORDER_RANGE = ['F04', 'F99'] as const;

export type AdjustmentKind = 'COMA' | 'DEMENTIA' | 'MENTAL_DISORDER' | 'RISK_EVENTS';
export interface GradeAdjustment {
  kind: AdjustmentKind;
  from: AssessmentGrade;
  to: AssessmentGrade;
  reason: string;
}

export interface AbilityAssessmentInput {
  items: AbilityScores;
  diagnoses?: readonly string[];
  riskEvents30d?: RiskEventCounts;
  coma?: boolean;
}

export interface AbilityAssessmentResult {
  totalScore: number;
  baseGrade: AssessmentGrade;
  grade: AssessmentGrade;
  /** Only the adjustments that changed the grade, in the order applied. */
  adjustments: GradeAdjustment[];
}

/**
 * docs/rules.md §4a: the total of Part B, its grade, then the adjustments — 昏迷 → 完全失能 directly;
 * a diagnosis F00–F99 → one grade worse; ≥ 2 risk events in 30 days → one grade worse; each at most
 * once, never past 完全失能. Throws on incomplete or out-of-range items (check abilityItemProblems first).
 */
export function scoreAssessment(input: AbilityAssessmentInput): AbilityAssessmentResult {
  const problems = abilityItemProblems(input.items);
  if (problems.length) throw new RangeError(problems.map((p) => p.message).join('; '));
  const totalScore = ABILITY_ITEMS.reduce((sum, item) => sum + input.items[item.code], 0);
  const baseGrade = gradeOfTotal(totalScore);
  const adjustments: GradeAdjustment[] = [];
  let grade = baseGrade;
  const apply = (kind: AdjustmentKind, to: AssessmentGrade, reason: string) => {
    if (to !== grade) adjustments.push({ kind, from: grade, to, reason });
    grade = to;
  };
  if (input.coma) apply('COMA', 'COMPLETE', '昏迷：直接评定为完全失能');
  const diagnoses = input.diagnoses ?? [];
  const dementia = diagnoses.find((d) => icd10InRange(d, ...DEMENTIA_RANGE));
  const mental = diagnoses.find((d) => icd10InRange(d, ...MENTAL_DISORDER_RANGE));
  if (dementia) apply('DEMENTIA', oneWorse(grade), `诊断 ${dementia}（痴呆 F00–F03）：提高一个等级`);
  else if (mental) apply('MENTAL_DISORDER', oneWorse(grade), `诊断 ${mental}（精神和行为障碍 F04–F99）：提高一个等级`);
  const events = riskEventTotal(input.riskEvents30d);
  if (events >= 2) apply('RISK_EVENTS', oneWorse(grade), `近30天照护风险事件 ${events} 次（≥ 2）：提高一个等级`);
  return { totalScore, baseGrade, grade, adjustments };
}

export function riskEventTotal(counts: RiskEventCounts | undefined): number {
  return RISK_EVENT_KINDS.reduce((sum, kind) => sum + (counts?.[kind] ?? 0), 0);
}
