import { highRisks, highRisksWithoutMeasure, INCIDENT_TYPE_LABELS, RISK_LABELS, SAFETY_RISKS } from './safety';

describe('the nine risks 九防 (docs/rules.md §10)', () => {
  const none = Object.fromEntries(SAFETY_RISKS.map((r) => [r, 'NONE']));

  it('names the nine risks of GB 38600-2019 in Chinese, and incidents add 其他', () => {
    expect(SAFETY_RISKS.map((r) => RISK_LABELS[r]).join('、')).toBe(
      '噎食、食品药品误食、压疮、烫伤、坠床、跌倒、走失、他伤和自伤、文娱活动意外',
    );
    expect(INCIDENT_TYPE_LABELS.OTHER).toBe('其他');
  });

  it('a HIGH risk needs a measure; a blank one is none; LOW and NONE need none', () => {
    const risks = { ...none, FALL: 'HIGH', CHOKING: 'HIGH', SCALD: 'LOW' };
    expect(highRisks(risks)).toEqual(['CHOKING', 'FALL']);
    expect(highRisksWithoutMeasure(risks, {})).toEqual(['CHOKING', 'FALL']);
    expect(highRisksWithoutMeasure(risks, { FALL: '床栏、防滑鞋', CHOKING: '  ' })).toEqual(['CHOKING']);
    expect(highRisksWithoutMeasure(risks, { FALL: '床栏', CHOKING: '流食，专人看护进食' })).toEqual([]);
    expect(highRisksWithoutMeasure(none, {})).toEqual([]);
  });
});
