import { addMonths, reassessmentDue, ResidentAssessmentState } from './reassessment';

const settings = { intervalMonths: 12, hospitalDays: 7, leadDays: 30 };
const state = (over: Partial<ResidentAssessmentState> = {}): ResidentAssessmentState => ({
  admittedOn: '2025-01-10',
  last: { assessedOn: '2025-01-08', effectiveOn: '2025-01-10' },
  hospitalLeaves: [],
  ...over,
});

describe('addMonths', () => {
  it.each([
    ['2025-01-10', 12, '2026-01-10'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-11-15', 3, '2026-02-15'],
  ])('%s + %i months → %s', (date, months, expected) => expect(addMonths(date, months)).toBe(expected));
});

describe('reassessment due (docs/rules.md §4a)', () => {
  it('no assessment: MISSING, due on admission', () => {
    expect(reassessmentDue(state({ last: null }), '2025-03-01', settings)).toEqual({ reason: 'MISSING', dueOn: '2025-01-10' });
  });

  it('routine: 12 months after the latest effective date, listed from 30 days ahead', () => {
    expect(reassessmentDue(state(), '2025-12-10', settings)).toBeNull();
    expect(reassessmentDue(state(), '2025-12-11', settings)).toEqual({ reason: 'ROUTINE', dueOn: '2026-01-10' });
    expect(reassessmentDue(state(), '2026-06-01', settings)).toEqual({ reason: 'ROUTINE', dueOn: '2026-01-10' });
  });

  it('after a hospital leave of ≥ 7 days ended after the latest assessment, due the day it ended', () => {
    const leaves = [{ from: '2025-03-01', to: '2025-03-08' }];
    expect(reassessmentDue(state({ hospitalLeaves: leaves }), '2025-03-20', settings)).toEqual({
      reason: 'AFTER_HOSPITAL',
      dueOn: '2025-03-08',
    });
    // 6 days is not enough; one not yet ended does not count; one before the assessment neither.
    expect(reassessmentDue(state({ hospitalLeaves: [{ from: '2025-03-01', to: '2025-03-07' }] }), '2025-03-20', settings)).toBeNull();
    expect(reassessmentDue(state({ hospitalLeaves: leaves }), '2025-03-07', settings)).toBeNull();
    const later = { assessedOn: '2025-03-09', effectiveOn: '2025-03-09' };
    expect(reassessmentDue(state({ hospitalLeaves: leaves, last: later }), '2025-03-20', settings)).toBeNull();
  });

  it('extra triggers (incidents) take part, the earliest due first', () => {
    const incident = { reason: 'AFTER_INCIDENT' as const, on: '2025-02-01', dueOn: '2025-02-02' };
    const leaves = [{ from: '2025-03-01', to: '2025-03-08' }];
    expect(reassessmentDue(state({ hospitalLeaves: leaves }), '2025-03-20', settings, [incident])).toEqual({
      reason: 'AFTER_INCIDENT',
      dueOn: '2025-02-02',
    });
  });
});
