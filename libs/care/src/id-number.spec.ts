import fc from 'fast-check';
import { idNumberBirthDate, idNumberCheckChar, idNumberGender, idNumberProblem, maskIdNumber } from './id-number';

// A valid number built from GB 11643's own example: 11010519491231002X.
const VALID = '11010519491231002X';

describe('ID numbers (docs/rules.md §4: 18 characters, ISO 7064 MOD 11-2, birth date inside)', () => {
  it.each([
    [VALID, '1949-12-31', null],
    ['110105194912310021', '1949-12-31', 'CHECKSUM'],
    ['11010519491231002x', undefined, null],
    ['1101051949123100', undefined, 'FORMAT'],
    ['11010519491231002Y', undefined, 'FORMAT'],
    ['99010519491231002X', undefined, 'REGION'],
    ['110105194902300029', undefined, 'BIRTH_DATE'],
    [VALID, '1949-12-30', 'BIRTH_DATE_MISMATCH'],
  ])('%s (born %s) → %s', (id, dob, problem) => {
    expect(idNumberProblem(id, dob)).toBe(problem);
  });

  it('accepts every number whose 18th character is the computed check character', () => {
    const digits17 = fc
      .tuple(
        fc.constantFrom('41', '37', '11'),
        fc.stringMatching(/^\d{4}$/),
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2025-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.stringMatching(/^\d{3}$/),
      )
      .map(([p, r, d, seq]) => `${p}${r}${d.toISOString().slice(0, 10).replaceAll('-', '')}${seq}`);
    fc.assert(
      fc.property(digits17, (first17) => {
        const check = idNumberCheckChar(first17);
        expect(idNumberProblem(first17 + check)).toBeNull();
        // Any other check character is refused: a single mistyped character is always caught.
        for (const other of '0123456789X'.replace(check, '')) {
          expect(idNumberProblem(first17 + other)).toBe('CHECKSUM');
        }
      }),
    );
  });

  it('masks as 410421********1234', () => {
    expect(maskIdNumber('410421195003041234')).toBe('410421********1234');
  });

  it('reads the birth date (digits 7–14) and the gender (digit 17, odd = male)', () => {
    expect(idNumberBirthDate('11010519491231002X')).toBe('1949-12-31');
    expect(idNumberGender('11010519491231002X')).toBe('F'); // 2: even
    expect(idNumberGender('410421195003041234')).toBe('M'); // 3: odd
  });
});
