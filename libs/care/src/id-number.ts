/**
 * Mainland resident ID numbers 身份证号 (GB 11643), docs/rules.md §4: 18 characters, digits 1–6 the
 * region, 7–14 the birth date, the 18th a check character by ISO 7064 MOD 11-2.
 */
export type IdNumberProblem =
  | 'FORMAT' // not 17 digits + digit/X
  | 'REGION' // region prefix not a plausible division code
  | 'BIRTH_DATE' // digits 7–14 are not a real calendar date
  | 'CHECKSUM' // the 18th character does not match
  | 'BIRTH_DATE_MISMATCH'; // digits 7–14 differ from the given date of birth

export const ID_NUMBER_PROBLEM_MESSAGES: Record<IdNumberProblem, string> = {
  FORMAT: '身份证号应为18位：前17位为数字，最后一位为数字或X',
  REGION: '身份证号前6位不是有效的行政区划代码（省级代码不存在）',
  BIRTH_DATE: '身份证号第7–14位不是有效的出生日期',
  CHECKSUM: '身份证号校验位错误（ISO 7064 MOD 11-2），请核对是否输错',
  BIRTH_DATE_MISMATCH: '身份证号中的出生日期与填写的出生日期不一致',
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** GB/T 2260 province-level prefixes: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82. */
export function isProvincePrefix(two: string): boolean {
  const n = Number(two);
  return (
    (n >= 11 && n <= 15) ||
    (n >= 21 && n <= 23) ||
    (n >= 31 && n <= 37) ||
    (n >= 41 && n <= 46) ||
    (n >= 50 && n <= 54) ||
    (n >= 61 && n <= 65) ||
    n === 71 ||
    n === 81 ||
    n === 82
  );
}

function isCalendarDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1880 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

/** The problem with an ID number, or null when it is valid. `dateOfBirth` is `YYYY-MM-DD`. */
export function idNumberProblem(idNumber: string, dateOfBirth?: string): IdNumberProblem | null {
  const id = idNumber.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'FORMAT';
  if (!isProvincePrefix(id.slice(0, 2))) return 'REGION';
  const birth = id.slice(6, 14);
  if (!isCalendarDate(birth)) return 'BIRTH_DATE';
  if (idNumberCheckChar(id) !== id[17]) return 'CHECKSUM';
  if (dateOfBirth !== undefined && dateOfBirth.replaceAll('-', '') !== birth) return 'BIRTH_DATE_MISMATCH';
  return null;
}

/** docs/rules.md §4: shown masked as `410421********1234`. */
export function maskIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`;
}

/** The birth date `YYYY-MM-DD` written in digits 7–14 of a valid ID number (docs/rules.md §4). */
export function idNumberBirthDate(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

/** The gender written in digit 17 of a valid ID number: odd is male (docs/rules.md §4). */
export function idNumberGender(idNumber: string): 'M' | 'F' {
  return Number(idNumber[16]) % 2 === 1 ? 'M' : 'F';
}
