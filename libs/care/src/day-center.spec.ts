import { countByDay, dayCenterMonth } from './day-center';

describe('the day center month (docs/rules.md §2, §4)', () => {
  it('counts an interval [from, to) on its first day and not on its end day', () => {
    expect(countByDay([{ from: '2026-11-02', to: '2026-11-04' }], '2026-11-01', '2026-11-05').map((d) => d.count)).toEqual([0, 1, 1, 0]);
  });

  it('checks ≥ 3 staff each day and rates attendance as attended ÷ member-days', () => {
    // 4 days; members: A all along, B from the 3rd; staff: 3 until the 3rd (one leaves on the 3rd), then 2.
    const m = dayCenterMonth(
      '2026-11-01',
      '2026-11-05',
      [
        { from: '2026-10-01', to: null },
        { from: '2026-11-03', to: null },
      ],
      [
        { from: '2026-01-01', to: null },
        { from: '2026-01-01', to: null },
        { from: '2026-01-01', to: '2026-11-03' },
      ],
      new Map([
        ['2026-11-01', 1],
        ['2026-11-03', 2],
        ['2026-11-04', 1],
      ]),
    );
    expect(m.days.map((d) => [d.members, d.attended, d.staff, d.staffOk])).toEqual([
      [1, 1, 3, true],
      [1, 0, 3, true],
      [2, 2, 2, false],
      [2, 1, 2, false],
    ]);
    // member-days 1 + 1 + 2 + 2 = 6, attended 4 → 66.67 %.
    expect([m.memberDays, m.attendedDays, m.attendancePct, m.staffOkDays, m.minStaff]).toEqual([6, 4, 66.67, 2, 2]);
  });
});
