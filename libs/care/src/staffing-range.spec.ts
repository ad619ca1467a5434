import { StaffOnRecord } from './staffing';
import { ResidentInCare, staffingPeriod } from './staffing-range';

const caregiver = (id: string, expiresOn = '2027-01-01'): StaffOnRecord => ({
  id,
  role: 'CAREGIVER',
  employedFrom: '2025-01-01',
  employedTo: null,
  fteHundredths: 100,
  trainings: [{ completedOn: '2025-01-01', passed: true }],
  certificates: [{ issuedOn: '2025-01-01', expiresOn }],
});
const resident = (
  level: 'SELF_CARE' | 'SEMI_DISABLED' | 'FULLY_DISABLED',
  from = '2026-01-01',
  changes: [string, typeof level][] = [],
): ResidentInCare => ({
  stays: [{ from, to: null }],
  assessments: [
    { effectiveOn: from, careLevel: level, recordedSeq: 0 },
    ...changes.map(([effectiveOn, careLevel], i) => ({ effectiveOn, careLevel, recordedSeq: i + 1 })),
  ],
});

describe('staffingPeriod: a month', () => {
  // 2 全失能 + 1 半失能 + 1 自理 = (80 + 15 + 6) / 60 → 2 required; the 自理 resident becomes
  // 全失能 on the 20th: (80 + 15 + 40) / 60 → 3. Two caregivers; 王's certificate expires on the 12th.
  const residents = [
    resident('FULLY_DISABLED'),
    resident('FULLY_DISABLED'),
    resident('SEMI_DISABLED'),
    resident('SELF_CARE', '2026-01-01', [['2026-03-20', 'FULLY_DISABLED']]),
  ];
  const staff = [caregiver('li'), caregiver('wang', '2026-03-12')];
  const march = staffingPeriod(residents, staff, '2026-03-01', '2026-04-01');
  const on = (date: string) => march.days.find((d) => d.date === date);

  it('a certificate expiring on the 12th makes the facility non-compliant from the 12th exactly, naming who and why', () => {
    expect(on('2026-03-11')).toMatchObject({ required: 2, countedHundredths: 200, compliant: true, excluded: [] });
    expect(on('2026-03-12')).toMatchObject({
      required: 2,
      countedHundredths: 100,
      compliant: false,
      excluded: [{ staffId: 'wang', reason: 'CERTIFICATE_EXPIRED' }],
    });
    expect(march.days.filter((d) => !d.compliant)[0].date).toBe('2026-03-12');
  });

  it('a level change on the 20th changes the requirement from the 20th', () => {
    expect(on('2026-03-19')).toMatchObject({ required: 2, residentsByLevel: { SELF_CARE: 1, SEMI_DISABLED: 1, FULLY_DISABLED: 2 } });
    expect(on('2026-03-20')).toMatchObject({ required: 3, residentsByLevel: { SELF_CARE: 0, SEMI_DISABLED: 1, FULLY_DISABLED: 3 } });
  });

  it('summary: days compliant ÷ days, the worst day, the certification rate', () => {
    expect(march.summary).toEqual({
      days: 31,
      compliantDays: 11,
      compliancePct: 35.48, // 11 ÷ 31
      worstDay: { date: '2026-03-20', required: 3, countedHundredths: 100 },
      certification: { date: '2026-03-31', certified: 1, caregivers: 2, pct: 50 },
    });
  });
});
