import { DocumentIssuer } from './document-issuer';
import { Draft } from './documents/draft';

/** The issuer's pure parts (docs/rules.md §8): what counts as a draft, what identifies a document's facts. */
describe('DocumentIssuer: drafts, subjects and facts', () => {
  const issuer = new DocumentIssuer(null as never, null as never, null as never, null as never, null as never);
  const compliance = (period: string, at: string, timeZone = 'Asia/Shanghai', data: object = { rows: [1, 2] }): Draft => ({
    kind: 'COMPLIANCE',
    at: new Date(at),
    timeZone,
    d: {
      facilityId: '00000000-0000-4000-8000-000000000001',
      subject: '颐康综合养老服务中心',
      period,
      periodLabel: `${period.slice(0, 4)}年${period.slice(5)}月`,
      subtitle: `颐康综合养老服务中心 · ${period}`,
      fileName: `compliance-${period}.pdf`,
      data,
    },
  });

  it('a report is a 预估 draft until its month is over on the wall clock of its time zone', () => {
    // 2026-12-31 23:59:59 in UTC+8: December is not over.
    expect(issuer.provisionalOf(compliance('2026-12', '2026-12-31T15:59:59Z'))).toBe('ESTIMATE');
    // 2027-01-01 00:00:00 in UTC+8 (still 2026-12-31 16:00 UTC): it is.
    expect(issuer.provisionalOf(compliance('2026-12', '2026-12-31T16:00:00Z'))).toBeNull();
    // The same instant in UTC: still December 31.
    expect(issuer.provisionalOf(compliance('2026-12', '2026-12-31T16:00:00Z', 'UTC'))).toBe('ESTIMATE');
    // A month not begun is no more final than the current one.
    expect(issuer.provisionalOf(compliance('2027-03', '2027-01-15T00:00:00Z'))).toBe('ESTIMATE');
    expect(issuer.provisionalOf(compliance('2026-01', '2027-01-15T00:00:00Z'))).toBeNull();
  });

  it("a claim is a draft by the builder's word (草稿 in DRAFT, 预估 an estimate), whatever the month", () => {
    const claim = (provisional?: 'DRAFT' | 'ESTIMATE'): Draft => ({
      ...compliance('2026-01', '2026-12-07T00:00:00Z'),
      kind: 'CLAIM',
      claimId: '00000000-0000-4000-8000-0000000000c1',
      ...(provisional && { provisional }),
    });
    expect(issuer.provisionalOf(claim('DRAFT'))).toBe('DRAFT');
    expect(issuer.provisionalOf(claim('ESTIMATE'))).toBe('ESTIMATE');
    expect(issuer.provisionalOf(claim())).toBeNull();
  });

  it('an assessment report is of a record, not of a month: final the day it is assessed; each assessment its own subject', () => {
    const report = (assessmentId: string, day: string, at: string): Draft => ({
      ...compliance(day, at),
      kind: 'ASSESSMENT',
      assessmentId,
    });
    // Assessed today (2026-12-07 in UTC+8): registered at once, never 预估.
    expect(issuer.provisionalOf(report('a', '2026-12-07', '2026-12-07T02:00:00Z'))).toBeNull();
    // Two assessments of one day are two documents; the same one printed later is the same subject.
    expect(issuer.subjectOf(report('a', '2026-12-07', '2026-12-07T02:00:00Z'))).not.toBe(
      issuer.subjectOf(report('b', '2026-12-07', '2026-12-07T02:00:00Z')),
    );
    expect(issuer.subjectOf(report('a', '2026-12-07', '2026-12-07T02:00:00Z'))).toBe(
      issuer.subjectOf(report('a', '2026-12-07', '2026-12-09T02:00:00Z')),
    );
  });

  it('the facts leave out when the document was generated; a change in what it says is other facts', () => {
    const morning = compliance('2026-01', '2026-02-01T01:00:00Z');
    const evening = compliance('2026-01', '2026-02-01T13:00:00Z');
    expect(issuer.factsOf(morning)).toBe(issuer.factsOf(evening));
    expect(issuer.subjectOf(morning)).toBe(issuer.subjectOf(evening));
    const changed = compliance('2026-01', '2026-02-01T01:00:00Z', 'Asia/Shanghai', { rows: [1, 3] });
    expect(issuer.factsOf(changed)).not.toBe(issuer.factsOf(morning));
    expect(issuer.subjectOf(changed)).toBe(issuer.subjectOf(morning));
    // Another month, another claim: another subject.
    expect(issuer.subjectOf(compliance('2026-02', '2026-03-01T01:00:00Z'))).not.toBe(issuer.subjectOf(morning));
    const claimOf = (id: string): Draft => ({ ...morning, kind: 'CLAIM', claimId: id });
    expect(issuer.subjectOf(claimOf('a'))).not.toBe(issuer.subjectOf(claimOf('b')));
  });
});
