/**
 * Administrative division codes (GB/T 2260), docs/rules.md §1: six digits; a city code (xxxx00)
 * covers every county with the same first four digits, a province code (xx0000) the first two.
 */
const DIVISION_CODE = /^\d{6}$/;

/** `000000` stands for the whole country (national default policies, docs/rules.md §5). */
export function isDivisionCode(code: string): boolean {
  return DIVISION_CODE.test(code);
}

/** The prefix a regulator's code stands for: 410000 → "41", 410400 → "4104", 410421 → "410421". */
export function divisionPrefix(code: string): string {
  if (!DIVISION_CODE.test(code)) throw new RangeError(`not a 6-digit division code: ${code}`);
  if (code === '000000') return '';
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Whether a regulator bound to `regulatorCode` oversees a facility registered in `facilityCode`. */
export function divisionCovers(regulatorCode: string, facilityCode: string): boolean {
  return DIVISION_CODE.test(facilityCode) && facilityCode.startsWith(divisionPrefix(regulatorCode));
}
