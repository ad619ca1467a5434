import fc from 'fast-check';
import {
  ABILITY_GROUPS,
  ABILITY_ITEM_CODES,
  ABILITY_ITEMS,
  ABILITY_MAX_TOTAL,
  abilityItem,
  abilityItemProblems,
  AbilityScores,
  gradeOfTotal,
  gradeRank,
  icd10InRange,
  isIcd10Code,
  scoreAssessment,
} from './ability-assessment';
import { careLevelOfGrade } from './care-level';

const allMax = (): AbilityScores => Object.fromEntries(ABILITY_ITEMS.map((item) => [item.code, item.max]));
/** docs/rules.md §4a example: all at maximum except 洗澡 2, 上下楼梯 1, 记忆 2. */
const example = (): AbilityScores => ({ ...allMax(), 'B1.3': 2, 'B2.4': 1, 'B3.4': 2 });

/** Scores adding up to `total`, filling items from the first. */
function scoresTotalling(total: number): AbilityScores {
  let left = total;
  return Object.fromEntries(
    ABILITY_ITEMS.map((item) => {
      const score = Math.min(item.max, left);
      left -= score;
      return [item.code, score];
    }),
  );
}

describe('the GB/T 42195-2022 item table (docs/rules.md §4a)', () => {
  it('has 26 items B1.1–B1.8, B2.1–B2.4, B3.1–B3.9, B4.1–B4.5 in groups of 32, 15, 28 and 15 points: 90', () => {
    expect(ABILITY_ITEM_CODES).toEqual([
      ...['B1.1', 'B1.2', 'B1.3', 'B1.4', 'B1.5', 'B1.6', 'B1.7', 'B1.8'],
      ...['B2.1', 'B2.2', 'B2.3', 'B2.4'],
      ...['B3.1', 'B3.2', 'B3.3', 'B3.4', 'B3.5', 'B3.6', 'B3.7', 'B3.8', 'B3.9'],
      ...['B4.1', 'B4.2', 'B4.3', 'B4.4', 'B4.5'],
    ]);
    expect(ABILITY_GROUPS.map((g) => [g.code, g.zh, g.max])).toEqual([
      ['B.1', '自理能力', 32],
      ['B.2', '基础运动能力', 15],
      ['B.3', '精神状态', 28],
      ['B.4', '感知觉与社会参与', 15],
    ]);
    expect(ABILITY_MAX_TOTAL).toBe(90);
  });

  it('gives the special items their own ranges: 上下楼梯 0–3, 攻击行为 and 抑郁症状 0–1, 意识水平 0–2, 视力 and 听力 0–2, 使用交通工具外出 0–3', () => {
    const maxByName = Object.fromEntries(ABILITY_ITEMS.map((item) => [item.zh, item.max]));
    expect(maxByName).toMatchObject({ 上下楼梯: 3, 攻击行为: 1, 抑郁症状: 1, 意识水平: 2, 视力: 2, 听力: 2, 使用交通工具外出: 3, 洗澡: 4 });
    expect(Object.values(maxByName).filter((max) => max === 4)).toHaveLength(19);
  });

  it('has one option text per score, best first, down to 0', () => {
    for (const item of ABILITY_ITEMS) {
      expect(item.options.map((o) => o.score)).toEqual(Array.from({ length: item.max + 1 }, (_, i) => item.max - i));
      for (const option of item.options) expect(option.zh.length * option.en.length).toBeGreaterThan(0);
    }
    expect(ABILITY_ITEMS[0].options[4].zh).toBe('完全依赖他人协助，且不能给予配合');
    expect(abilityItem('B3.9')?.options.map((o) => o.zh)).toEqual(['神志清醒，对周围环境能做出正确反应', '嗜睡或意识模糊', '昏睡或昏迷']);
  });
});

describe('abilityItemProblems names the item', () => {
  it('accepts the 26 scores', () => {
    expect(abilityItemProblems(example())).toEqual([]);
  });

  it('a score out of range: items.B1.3: score 5 is out of 0–4 (洗澡)', () => {
    expect(abilityItemProblems({ ...example(), 'B1.3': 5 }).map((p) => p.message)).toEqual(['items.B1.3: score 5 is out of 0–4 (洗澡)']);
    expect(abilityItemProblems({ ...example(), 'B2.4': 4 }).map((p) => p.message)).toEqual([
      'items.B2.4: score 4 is out of 0–3 (上下楼梯)',
    ]);
    expect(abilityItemProblems({ ...example(), 'B3.7': -1 })[0].field).toBe('items.B3.7');
    expect(abilityItemProblems({ ...example(), 'B4.1': 1.5 })[0].kind).toBe('OUT_OF_RANGE');
  });

  it('an item missing and an unknown code', () => {
    const items = example();
    delete items['B4.5'];
    expect(abilityItemProblems({ ...items, 'B5.1': 2 }).map((p) => [p.kind, p.message])).toEqual([
      ['MISSING', 'items.B4.5: missing (社会交往能力, 0–4)'],
      ['UNKNOWN', 'items.B5.1: unknown item code (B1.1–B4.5)'],
    ]);
  });

  it('scoreAssessment refuses incomplete items', () => {
    expect(() => scoreAssessment({ items: { 'B1.1': 4 } })).toThrow(/items.B1.2: missing/);
  });
});

describe('the grade from the total (docs/rules.md §4a thresholds)', () => {
  it.each([
    [90, 'INTACT'],
    [89, 'MILD'],
    [66, 'MILD'],
    [65, 'MODERATE'],
    [46, 'MODERATE'],
    [45, 'SEVERE'],
    [30, 'SEVERE'],
    [29, 'COMPLETE'],
    [0, 'COMPLETE'],
  ] as const)('%i → %s', (total, grade) => {
    expect(gradeOfTotal(total)).toBe(grade);
    const result = scoreAssessment({ items: scoresTotalling(total) });
    expect(result).toEqual({ totalScore: total, baseGrade: grade, grade, adjustments: [] });
  });
});

describe('docs/rules.md §4a example', () => {
  it('90 − 2 − 2 − 2 = 84 → 轻度失能 → SEMI_DISABLED', () => {
    const result = scoreAssessment({ items: example() });
    expect(result).toEqual({ totalScore: 84, baseGrade: 'MILD', grade: 'MILD', adjustments: [] });
    expect(careLevelOfGrade(result.grade)).toBe('SEMI_DISABLED');
  });

  it('with a diagnosis F01 → 中度失能 → SEMI_DISABLED', () => {
    const result = scoreAssessment({ items: example(), diagnoses: ['F01'] });
    expect(result.grade).toBe('MODERATE');
    expect(result.adjustments).toEqual([{ kind: 'DEMENTIA', from: 'MILD', to: 'MODERATE', reason: expect.stringContaining('F01') }]);
    expect(careLevelOfGrade(result.grade)).toBe('SEMI_DISABLED');
  });

  it('the same with 昏迷 → 完全失能 → FULLY_DISABLED', () => {
    const result = scoreAssessment({ items: example(), diagnoses: ['F01'], coma: true });
    expect(result).toMatchObject({ totalScore: 84, baseGrade: 'MILD', grade: 'COMPLETE' });
    expect(result.adjustments.map((a) => [a.kind, a.from, a.to])).toEqual([['COMA', 'MILD', 'COMPLETE']]);
    expect(careLevelOfGrade(result.grade)).toBe('FULLY_DISABLED');
  });
});

describe('each adjustment alone and combined (at most once, never past 完全失能)', () => {
  const kinds = (input: Parameters<typeof scoreAssessment>[0]) => {
    const r = scoreAssessment(input);
    return [r.grade, r.adjustments.map((a) => `${a.kind}:${a.from}>${a.to}`)];
  };

  it('昏迷 alone: 能力完好 → 完全失能 directly', () => {
    expect(kinds({ items: allMax(), coma: true })).toEqual(['COMPLETE', ['COMA:INTACT>COMPLETE']]);
  });

  it('a dementia diagnosis F00–F03 alone, with a subcode', () => {
    expect(kinds({ items: allMax(), diagnoses: ['F03.9'] })).toEqual(['MILD', ['DEMENTIA:INTACT>MILD']]);
  });

  it('another mental disorder F04–F99 alone', () => {
    expect(kinds({ items: allMax(), diagnoses: ['I10', 'F32'] })).toEqual(['MILD', ['MENTAL_DISORDER:INTACT>MILD']]);
  });

  it('a diagnosis outside F00–F99 changes nothing', () => {
    expect(kinds({ items: allMax(), diagnoses: ['G30.9', 'I10'] })).toEqual(['INTACT', []]);
  });

  it('dementia and another mental disorder together: one grade, once', () => {
    expect(kinds({ items: allMax(), diagnoses: ['F20', 'F01', 'F02'] })).toEqual(['MILD', ['DEMENTIA:INTACT>MILD']]);
  });

  it('two or more risk events in 30 days alone; one is not enough', () => {
    expect(kinds({ items: allMax(), riskEvents30d: { FALL: 1 } })).toEqual(['INTACT', []]);
    expect(kinds({ items: allMax(), riskEvents30d: { FALL: 1, CHOKE: 1 } })).toEqual(['MILD', ['RISK_EVENTS:INTACT>MILD']]);
    expect(kinds({ items: allMax(), riskEvents30d: { WANDER: 5 } })).toEqual(['MILD', ['RISK_EVENTS:INTACT>MILD']]);
  });

  it('diagnosis and risk events combined: two grades', () => {
    expect(kinds({ items: example(), diagnoses: ['F01'], riskEvents30d: { FALL: 2 } })).toEqual([
      'SEVERE',
      ['DEMENTIA:MILD>MODERATE', 'RISK_EVENTS:MODERATE>SEVERE'],
    ]);
  });

  it('never past 完全失能', () => {
    expect(kinds({ items: scoresTotalling(35), diagnoses: ['F01'], riskEvents30d: { OTHER: 3 } })).toEqual([
      'COMPLETE',
      ['DEMENTIA:SEVERE>COMPLETE'],
    ]);
    expect(kinds({ items: scoresTotalling(10), diagnoses: ['F01'], riskEvents30d: { OTHER: 3 }, coma: true })).toEqual(['COMPLETE', []]);
  });
});

describe('ICD-10 helpers', () => {
  it.each(['F01', 'F01.1', 'G30.9', 'I10', 'Z99.11'])('%s is ICD-10-like', (code) => expect(isIcd10Code(code)).toBe(true));
  it.each(['f01', 'F1', '痴呆', 'F01.', 'F011', 'F01.123', ''])('%s is not', (code) => expect(isIcd10Code(code)).toBe(false));
  it('ranges compare the category', () => {
    expect(icd10InRange('F03.9', 'F00', 'F03')).toBe(true);
    expect(icd10InRange('F04', 'F00', 'F03')).toBe(false);
    expect(icd10InRange('F99', 'F04', 'F99')).toBe(true);
    expect(icd10InRange('G00', 'F04', 'F99')).toBe(false);
  });
});

describe('properties', () => {
  const scores = fc.tuple(...ABILITY_ITEMS.map((item) => fc.integer({ min: 0, max: item.max })));
  const toItems = (values: number[]): AbilityScores => Object.fromEntries(ABILITY_ITEMS.map((item, i) => [item.code, values[i]]));
  const diagnoses = fc.array(fc.constantFrom('F01', 'F02.1', 'F20', 'F32.9', 'I10', 'G30'), { maxLength: 3 });
  const events = fc.record({ FALL: fc.integer({ min: 0, max: 3 }), OTHER: fc.integer({ min: 0, max: 3 }) });

  it('the total is the sum of the items, 0–90', () => {
    fc.assert(
      fc.property(scores, (values) => {
        const { totalScore } = scoreAssessment({ items: toItems(values) });
        expect(totalScore).toBe(values.reduce((a, b) => a + b, 0));
        expect(totalScore).toBeGreaterThanOrEqual(0);
        expect(totalScore).toBeLessThanOrEqual(90);
      }),
    );
  });

  it('lowering an item never gives a better grade', () => {
    fc.assert(
      fc.property(scores, fc.nat(25), diagnoses, events, fc.boolean(), (values, index, dx, ev, coma) => {
        const lowered = [...values];
        lowered[index] = Math.max(0, lowered[index] - 1);
        const before = scoreAssessment({ items: toItems(values), diagnoses: dx, riskEvents30d: ev, coma });
        const after = scoreAssessment({ items: toItems(lowered), diagnoses: dx, riskEvents30d: ev, coma });
        expect(gradeRank(after.baseGrade)).toBeGreaterThanOrEqual(gradeRank(before.baseGrade));
        expect(gradeRank(after.grade)).toBeGreaterThanOrEqual(gradeRank(before.grade));
      }),
    );
  });

  it('adjustments never improve a grade, each kind at most once, each one step unless 昏迷', () => {
    fc.assert(
      fc.property(scores, diagnoses, events, fc.boolean(), (values, dx, ev, coma) => {
        const result = scoreAssessment({ items: toItems(values), diagnoses: dx, riskEvents30d: ev, coma });
        expect(gradeRank(result.grade)).toBeGreaterThanOrEqual(gradeRank(result.baseGrade));
        const seen = new Set<string>();
        for (const a of result.adjustments) {
          expect(gradeRank(a.to)).toBeGreaterThan(gradeRank(a.from));
          if (a.kind !== 'COMA') expect(gradeRank(a.to) - gradeRank(a.from)).toBe(1);
          const family = a.kind === 'MENTAL_DISORDER' ? 'DEMENTIA' : a.kind;
          expect(seen.has(family)).toBe(false);
          seen.add(family);
        }
        if (coma) expect(result.grade).toBe('COMPLETE');
      }),
    );
  });
});
