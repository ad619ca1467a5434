import { ASSESSMENT_GRADES, careLevelOfGrade } from './care-level';

describe('GB/T 42195 grades map to care levels (docs/rules.md §4)', () => {
  it('能力完好 → 自理, 轻度/中度 → 半失能, 重度/完全 → 全失能', () => {
    expect(ASSESSMENT_GRADES.map(careLevelOfGrade)).toEqual([
      'SELF_CARE',
      'SEMI_DISABLED',
      'SEMI_DISABLED',
      'FULLY_DISABLED',
      'FULLY_DISABLED',
    ]);
  });
});
