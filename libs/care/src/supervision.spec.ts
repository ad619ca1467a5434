import { countCell, monthlyReportDeadline, monthlyReportState, percentToHundredths, ratioCell } from './supervision';

describe('the task list 重点任务清单 (docs/rules.md §11)', () => {
  it('a count: 占比 = done ÷ target, half-up to two decimals; 缺口 = max(0, target − done)', () => {
    // The 平顶山 city row of 街道综合养老中心: 55 targeted, 7 done.
    expect(countCell(55, 7)).toEqual({ target: 55, done: 7, pct: 12.73, gap: 48 });
    // 郏县: 3 targeted, 2 done.
    expect(countCell(3, 2)).toEqual({ target: 3, done: 2, pct: 66.67, gap: 1 });
    // Done beyond the target: no negative gap.
    expect(countCell(1, 2)).toEqual({ target: 1, done: 2, pct: 200, gap: 0 });
    expect(countCell(0, 0)).toEqual({ target: 0, done: 0, pct: null, gap: 0 });
    expect(countCell(null, 4)).toEqual({ target: null, done: 4, pct: null, gap: null });
  });

  it('a ratio: done is the achieved percentage, 占比 = done ÷ target, 缺口 in percentage points', () => {
    // 护理型床位占比: 3,264 nursing of 7,885 beds = 41.40 % against 55 %: 75.27 % of the target, 13.6 points short.
    expect(ratioCell(5500, 3264, 7885)).toEqual({ target: 55, done: 41.4, pct: 75.27, gap: 13.6 });
    expect(ratioCell(10000, 3, 3)).toEqual({ target: 100, done: 100, pct: 100, gap: 0 });
    expect(ratioCell(null, 1, 3)).toEqual({ target: null, done: 33.33, pct: null, gap: null });
    expect(ratioCell(5500, 0, 0)).toEqual({ target: 55, done: null, pct: null, gap: null });
  });

  it('ratio targets are stored in integer hundredths of a percent', () => {
    expect([55, 41.4, 12.73, 0.07, 100].map(percentToHundredths)).toEqual([5500, 4140, 1273, 7, 10000]);
  });
});

describe('monthly reports 月报 (docs/rules.md §11)', () => {
  it('are due the 25th of the next month', () => {
    expect(monthlyReportDeadline('2026-11')).toBe('2026-12-25');
    expect(monthlyReportDeadline('2026-12')).toBe('2027-01-25');
  });

  it('by the day of the first submission: 25th on time, 26th late; none: missing after the deadline, due before', () => {
    expect(monthlyReportState('2026-09', '2026-10-25', '2026-12-07')).toBe('ON_TIME');
    expect(monthlyReportState('2026-09', '2026-10-26', '2026-12-07')).toBe('LATE');
    expect(monthlyReportState('2026-09', null, '2026-10-26')).toBe('MISSING');
    expect(monthlyReportState('2026-09', null, '2026-10-25')).toBe('DUE');
  });
});
