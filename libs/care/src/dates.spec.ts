import { FIRST_YEAR, isIsoDate, isMonth, LAST_YEAR } from './dates';
import { monthSpan } from './subsidy';

describe('the calendar accepted from outside (0001-01 and 9999-12 broke the month arithmetic)', () => {
  it.each(['1900-01-01', '1949-10-01', '2024-02-29', '2199-12-31'])('%s is a date', (d) => expect(isIsoDate(d)).toBe(true));
  it.each(['0000-01-01', '0001-01-01', '0099-12-31', '1899-12-31', '2200-01-01', '9999-12-31', '2025-02-29', '2026-13-01'])(
    '%s is not',
    (d) => {
      expect(isIsoDate(d)).toBe(false);
    },
  );
  it.each(['0000-01', '0001-01', '1899-12', '2200-01', '9999-12', '2026-00', '2026-13'])('%s is not a month', (m) =>
    expect(isMonth(m)).toBe(false),
  );
  it('every month in the calendar has its span, December to the next January', () => {
    expect(monthSpan(`${FIRST_YEAR}-01`)).toEqual({ from: '1900-01-01', to: '1900-02-01', days: 31 });
    expect(monthSpan(`${LAST_YEAR}-12`)).toEqual({ from: '2199-12-01', to: '2200-01-01', days: 31 });
    expect(monthSpan('2028-02').days).toBe(29);
  });
});
