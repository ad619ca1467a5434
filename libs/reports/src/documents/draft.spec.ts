import { contentDisposition, fileNameOf, monthLabel, utcOffset, wallClock } from './draft';

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

describe('document file names (docs/api.md)', () => {
  it('say what, whose and which month, without characters a file system refuses', () => {
    expect(fileNameOf('OPERATIONS', '颐康养老院', '2026-11')).toBe('月度运营报表-颐康养老院-2026-11.pdf');
    expect(fileNameOf('CLAIM', 'A/B "院"', '2026-05', '2026-0001')).toBe('养老服务补贴申领表-A_B _院_-2026-05-2026-0001.pdf');
  });

  it('travel in a header as RFC 5987 UTF-8 with an ASCII fallback', () => {
    expect(contentDisposition('inline', '月度运营报表-颐康-2026-11.pdf', 'operations-2026-11.pdf')).toBe(
      `inline; filename="operations-2026-11.pdf"; filename*=UTF-8''%E6%9C%88%E5%BA%A6%E8%BF%90%E8%90%A5%E6%8A%A5%E8%A1%A8-%E9%A2%90%E5%BA%B7-2026-11.pdf`,
    );
    // Without a fallback given, the ASCII left of the name.
    expect(contentDisposition('attachment', '辖区汇总表-平顶山市410400-2026-05.pdf')).toMatch(
      /^attachment; filename="410400-2026-05\.pdf"; /,
    );
  });
});
