import { monthLabel, utcOffset, wallClock } from './draft';

describe('document times', () => {
  const at = new Date('2026-01-05T16:30:00Z');

  it('prints the wall clock of the zone the document is issued in', () => {
    expect(wallClock(at, 'Asia/Shanghai')).toBe('2026-01-06 00:30:00');
    expect(wallClock(at, 'UTC')).toBe('2026-01-05 16:30:00');
  });

  it('names the zone by its offset at that instant', () => {
    expect(utcOffset(at, 'Asia/Shanghai')).toBe('UTC+8');
    expect(utcOffset(at, 'Asia/Kolkata')).toBe('UTC+5:30');
    expect(utcOffset(new Date('2026-07-01T00:00:00Z'), 'Europe/Berlin')).toBe('UTC+2');
  });

  it('labels a month in Chinese', () => {
    expect(monthLabel('2026-03')).toBe('2026年03月');
  });
});
