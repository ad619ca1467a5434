import { claimTiming, facilityToday } from './claim-timing';

/** docs/rules.md §5 "When a claim may be made": the facility's calendar decides, not the server's. */
describe('claim timing', () => {
  it("the facility's today comes from its time zone: 2026-11-30T16:30Z is already 2026-12-01 in Asia/Shanghai", () => {
    const instant = new Date('2026-11-30T16:30:00Z');
    expect(facilityToday(instant, 'Asia/Shanghai')).toBe('2026-12-01');
    expect(facilityToday(instant, 'UTC')).toBe('2026-11-30');
    expect(facilityToday(new Date('2026-11-30T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-30');
  });

  it('at 2026-11-30T16:30Z in Shanghai: December has begun (an estimate), November has ended, January has not begun', () => {
    const today = facilityToday(new Date('2026-11-30T16:30:00Z'), 'Asia/Shanghai');
    expect(claimTiming('2026-12', today)).toEqual({
      phase: 'RUNNING',
      today: '2026-12-01',
      startsOn: '2026-12-01',
      endsOn: '2027-01-01',
      lastDay: '2026-12-31',
    });
    expect(claimTiming('2026-11', today).phase).toBe('ENDED');
    expect(claimTiming('2027-01', today).phase).toBe('NOT_STARTED');
  });

  it('the same instant in UTC: November is still running, December has not begun', () => {
    const today = facilityToday(new Date('2026-11-30T16:30:00Z'), 'UTC');
    expect(claimTiming('2026-11', today)).toMatchObject({ phase: 'RUNNING', endsOn: '2026-12-01' });
    expect(claimTiming('2026-12', today).phase).toBe('NOT_STARTED');
  });

  it("a month's first day is RUNNING, its last day too, the next month's first day ENDED; February of a leap year", () => {
    expect(claimTiming('2028-02', '2028-02-01').phase).toBe('RUNNING');
    expect(claimTiming('2028-02', '2028-02-29')).toMatchObject({ phase: 'RUNNING', lastDay: '2028-02-29', endsOn: '2028-03-01' });
    expect(claimTiming('2028-02', '2028-03-01').phase).toBe('ENDED');
    expect(claimTiming('2028-02', '2028-01-31').phase).toBe('NOT_STARTED');
  });
});
