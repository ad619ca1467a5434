import fc from 'fast-check';
import { requiredCaregivers, StaffOnRecord, staffingDay } from './staffing';

const counts = (FULLY_DISABLED: number, SEMI_DISABLED: number, SELF_CARE: number) => ({ FULLY_DISABLED, SEMI_DISABLED, SELF_CARE });

describe('requiredCaregivers (docs/rules.md §6: ⌈F/1.5 + S/4 + C/10⌉)', () => {
  it('docs/rules.md example: 15 全失能 + 20 半失能 + 50 自理 → 20', () => {
    expect(requiredCaregivers(counts(15, 20, 50))).toBe(20);
  });

  it.each([
    [counts(0, 0, 0), 0],
    [counts(1, 0, 0), 1],
    [counts(3, 0, 0), 2],
    [counts(0, 4, 0), 1],
    [counts(0, 5, 0), 2],
    [counts(0, 0, 10), 1],
    [counts(0, 0, 11), 2],
    [counts(3, 4, 10), 4], // 2 + 1 + 1 exactly
    [counts(1, 1, 1), 2], // 40 + 15 + 6 = 61 sixtieths: just over one caregiver
    [counts(6, 0, 0), 4],
    [counts(0, 40, 0), 10],
  ])('%o → %i', (c, expected) => {
    expect(requiredCaregivers(c)).toBe(expected);
  });

  const level = fc.integer({ min: 0, max: 500 });
  it('is an integer ≥ the exact rational, and less than it + 1', () => {
    fc.assert(
      fc.property(level, level, level, (f, s, c) => {
        const r = requiredCaregivers(counts(f, s, c));
        const sixtieths = 40 * f + 15 * s + 6 * c;
        expect(Number.isInteger(r)).toBe(true);
        expect(r * 60).toBeGreaterThanOrEqual(sixtieths);
        expect((r - 1) * 60).toBeLessThan(sixtieths);
      }),
    );
  });

  it('adding a resident at any level never lowers the requirement', () => {
    fc.assert(
      fc.property(level, level, level, fc.constantFrom('FULLY_DISABLED', 'SEMI_DISABLED', 'SELF_CARE' as const), (f, s, c, add) => {
        const before = counts(f, s, c);
        const after = { ...before, [add]: before[add] + 1 };
        expect(requiredCaregivers(after)).toBeGreaterThanOrEqual(requiredCaregivers(before));
      }),
    );
  });
});

describe('staffingDay (docs/rules.md §6: employed, trained, certified caregivers count by FTE)', () => {
  const base: StaffOnRecord = {
    id: 's1',
    role: 'CAREGIVER',
    employedFrom: '2026-01-01',
    employedTo: null,
    fteHundredths: 100,
    trainings: [{ completedOn: '2025-12-20', passed: true }],
    certificates: [{ issuedOn: '2025-01-01', expiresOn: '2026-03-12' }],
  };

  it('a certificate expiring on the 12th counts on the 11th, not on the 12th', () => {
    expect(staffingDay(counts(1, 0, 0), [base], '2026-03-11')).toMatchObject({
      required: 1,
      countedHundredths: 100,
      compliant: true,
      excluded: [],
    });
    expect(staffingDay(counts(1, 0, 0), [base], '2026-03-12')).toMatchObject({
      required: 1,
      countedHundredths: 0,
      compliant: false,
      excluded: [{ staffId: 's1', reason: 'CERTIFICATE_EXPIRED' }],
    });
  });

  it('names why each caregiver does not count; part-time counts by FTE; other roles are not caregivers', () => {
    const staff: StaffOnRecord[] = [
      { ...base, id: 'untrained', trainings: [{ completedOn: '2025-12-20', passed: false }] },
      { ...base, id: 'nocert', certificates: [] },
      { ...base, id: 'left', employedTo: '2026-02-01' },
      { ...base, id: 'half', fteHundredths: 50 },
      { ...base, id: 'nurse', role: 'NURSE' },
    ];
    const day = staffingDay(counts(0, 2, 0), staff, '2026-02-10');
    expect(day).toMatchObject({ required: 1, countedHundredths: 50, compliant: false });
    expect(day.excluded).toEqual([
      { staffId: 'untrained', reason: 'UNTRAINED' },
      { staffId: 'nocert', reason: 'NO_VALID_CERTIFICATE' },
      { staffId: 'left', reason: 'NOT_EMPLOYED' },
    ]);
  });
  describe('boundary days (docs/rules.md §6: employment [from, to), training on or before the day, certificate [issued, expires))', () => {
    const one = counts(1, 0, 0); // ⌈1 ÷ 1.5⌉ = 1 caregiver required
    const on = (s: StaffOnRecord, date: string) => staffingDay(one, [s], date);

    it('employedFrom counts from that day; the day before, someone not yet employed is neither counted nor listed', () => {
      const joining = { ...base, employedFrom: '2026-02-10' };
      expect(on(joining, '2026-02-09')).toEqual({
        date: '2026-02-09',
        residentsByLevel: one,
        required: 1,
        countedHundredths: 0,
        compliant: false,
        excluded: [],
      });
      expect(on(joining, '2026-02-10')).toEqual({
        date: '2026-02-10',
        residentsByLevel: one,
        required: 1,
        countedHundredths: 100,
        compliant: true,
        excluded: [],
      });
    });

    it('employedTo is the first day no longer employed: the day before counts, that day is NOT_EMPLOYED', () => {
      const leaving = { ...base, employedTo: '2026-02-10' };
      expect(on(leaving, '2026-02-09')).toMatchObject({ countedHundredths: 100, compliant: true, excluded: [] });
      expect(on(leaving, '2026-02-10')).toMatchObject({
        countedHundredths: 0,
        compliant: false,
        excluded: [{ staffId: 's1', reason: 'NOT_EMPLOYED' }],
      });
      expect(on(leaving, '2026-02-11')).toMatchObject({ countedHundredths: 0, excluded: [{ staffId: 's1', reason: 'NOT_EMPLOYED' }] });
    });

    it('a training completed after the day does not count for it; completed that day it does', () => {
      const trainedLate = { ...base, trainings: [{ completedOn: '2026-02-10', passed: true }] };
      expect(on(trainedLate, '2026-02-09')).toMatchObject({
        countedHundredths: 0,
        compliant: false,
        excluded: [{ staffId: 's1', reason: 'UNTRAINED' }],
      });
      expect(on(trainedLate, '2026-02-10')).toMatchObject({ countedHundredths: 100, compliant: true, excluded: [] });
      // A failed training on or before the day and a passed one after it: still untrained that day.
      const retaken = {
        ...base,
        trainings: [
          { completedOn: '2026-01-05', passed: false },
          { completedOn: '2026-02-10', passed: true },
        ],
      };
      expect(on(retaken, '2026-02-09').excluded).toEqual([{ staffId: 's1', reason: 'UNTRAINED' }]);
    });

    it('a certificate not yet issued is NO_VALID_CERTIFICATE; from its issue day it counts', () => {
      const newCert = { ...base, certificates: [{ issuedOn: '2026-02-10', expiresOn: '2029-02-10' }] };
      expect(on(newCert, '2026-02-09')).toMatchObject({
        countedHundredths: 0,
        compliant: false,
        excluded: [{ staffId: 's1', reason: 'NO_VALID_CERTIFICATE' }],
      });
      expect(on(newCert, '2026-02-10')).toMatchObject({ countedHundredths: 100, compliant: true, excluded: [] });
    });

    it('a certificate expiring on the day no longer counts, unless a renewal is issued that same day', () => {
      const expiring = { ...base, certificates: [{ issuedOn: '2023-03-12', expiresOn: '2026-03-12' }] };
      expect(on(expiring, '2026-03-11')).toMatchObject({ countedHundredths: 100, excluded: [] });
      expect(on(expiring, '2026-03-12')).toMatchObject({
        countedHundredths: 0,
        excluded: [{ staffId: 's1', reason: 'CERTIFICATE_EXPIRED' }],
      });
      // The renewal not yet issued on the expiry day: the old one has expired, so CERTIFICATE_EXPIRED.
      const renewedLate = {
        ...base,
        certificates: [
          { issuedOn: '2023-03-12', expiresOn: '2026-03-12' },
          { issuedOn: '2026-03-13', expiresOn: '2029-03-13' },
        ],
      };
      expect(on(renewedLate, '2026-03-12').excluded).toEqual([{ staffId: 's1', reason: 'CERTIFICATE_EXPIRED' }]);
      expect(on(renewedLate, '2026-03-13')).toMatchObject({ countedHundredths: 100, excluded: [] });
      const renewedOnTime = {
        ...base,
        certificates: [
          { issuedOn: '2023-03-12', expiresOn: '2026-03-12' },
          { issuedOn: '2026-03-12', expiresOn: '2029-03-12' },
        ],
      };
      expect(on(renewedOnTime, '2026-03-12')).toMatchObject({ countedHundredths: 100, compliant: true, excluded: [] });
    });

    it('on one day: 3 caregivers whose boundaries fall on it, 1 full-time and 1 half-time who count → 150 of 200 required', () => {
      // 2 全失能 + 2 半失能 → ⌈2 ÷ 1.5 + 2 ÷ 4⌉ = ⌈1.83…⌉ = 2.
      const day = '2026-02-10';
      const staff: StaffOnRecord[] = [
        { ...base, id: 'starts', employedFrom: day },
        { ...base, id: 'half-ends-tomorrow', employedTo: '2026-02-11', fteHundredths: 50 },
        { ...base, id: 'ends', employedTo: day },
        { ...base, id: 'trained-tomorrow', trainings: [{ completedOn: '2026-02-11', passed: true }] },
        { ...base, id: 'cert-expires', certificates: [{ issuedOn: '2023-02-10', expiresOn: day }] },
      ];
      expect(staffingDay(counts(2, 2, 0), staff, day)).toEqual({
        date: day,
        residentsByLevel: counts(2, 2, 0),
        required: 2,
        countedHundredths: 150,
        compliant: false,
        excluded: [
          { staffId: 'ends', reason: 'NOT_EMPLOYED' },
          { staffId: 'trained-tomorrow', reason: 'UNTRAINED' },
          { staffId: 'cert-expires', reason: 'CERTIFICATE_EXPIRED' },
        ],
      });
    });
  });
});
