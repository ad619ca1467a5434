import { DEFAULT_GRADE_LEVEL_MAPPING, levelMappingProblems, policyDivisions } from './level-policy';

describe('grade → level policy data (docs/rules.md §4a, default §4)', () => {
  it('the national default: 能力完好 → 自理, 轻度/中度 → 半失能, 重度/完全 → 全失能', () => {
    expect(DEFAULT_GRADE_LEVEL_MAPPING).toEqual({
      INTACT: 'SELF_CARE',
      MILD: 'SEMI_DISABLED',
      MODERATE: 'SEMI_DISABLED',
      SEVERE: 'FULLY_DISABLED',
      COMPLETE: 'FULLY_DISABLED',
    });
    expect(levelMappingProblems(DEFAULT_GRADE_LEVEL_MAPPING)).toEqual([]);
  });

  it('a division may move 中度 to 全失能', () => {
    expect(levelMappingProblems({ ...DEFAULT_GRADE_LEVEL_MAPPING, MODERATE: 'FULLY_DISABLED' })).toEqual([]);
  });

  it('names a missing or unknown grade and a level not of the three', () => {
    const { SEVERE: _, ...rest } = DEFAULT_GRADE_LEVEL_MAPPING;
    expect(levelMappingProblems({ ...rest, MILD: 'LIGHT', GOOD: 'SELF_CARE' })).toEqual([
      'mapping.MILD must be one of SELF_CARE, SEMI_DISABLED, FULLY_DISABLED',
      'mapping.SEVERE must be one of SELF_CARE, SEMI_DISABLED, FULLY_DISABLED',
      'mapping.GOOD: unknown grade (INTACT, MILD, MODERATE, SEVERE, COMPLETE)',
    ]);
  });

  it('refuses a worse grade mapped to a lighter level', () => {
    expect(levelMappingProblems({ ...DEFAULT_GRADE_LEVEL_MAPPING, COMPLETE: 'SEMI_DISABLED' })).toEqual([
      'mapping.COMPLETE: SEMI_DISABLED is lighter than SEVERE → FULLY_DISABLED',
    ]);
  });

  it('the divisions of a county, most specific first', () => {
    expect(policyDivisions('410421')).toEqual(['410421', '410400', '410000', '000000']);
    expect(policyDivisions('410400')).toEqual(['410400', '410000', '000000']);
  });
});
