import { addMonths } from './reassessment';
import { certificateStanding, monthlyDeadline, previousMonth } from './reminders';

describe('the reminders of the manager’s home (docs/rules.md §4a, §6, §11)', () => {
  it.each([
    ['2025-11-07', 12, '2026-11-07'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-01-10', -1, '2025-12-10'],
    ['2025-12-31', 2, '2026-02-28'],
  ])('%s + %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('the previous month and the deadline of the 25th', () => {
    expect(previousMonth('2026-01-10')).toBe('2025-12');
    expect(previousMonth('2026-12-07')).toBe('2026-11');
    expect(monthlyDeadline('2026-12-07')).toBe('2026-12-25');
  });

  it('a certificate is expired on its expiry day, expiring within 30 days', () => {
    expect(certificateStanding('2026-12-07', '2026-12-07')).toBe('EXPIRED');
    expect(certificateStanding('2026-12-01', '2026-12-07')).toBe('EXPIRED');
    expect(certificateStanding('2026-12-17', '2026-12-07')).toBe('EXPIRING');
    expect(certificateStanding('2027-01-06', '2026-12-07')).toBe('EXPIRING');
    expect(certificateStanding('2027-01-07', '2026-12-07')).toBeNull();
  });
});
