import { divisionPrefix, isDivisionCode } from '@careops/care';

/** The RLS setting for a regulator's division (docs/rules.md §1): 410400 → '4104'; 000000 (all) → '*'. */
export function divisionPrefixOf(code: string): string {
  if (!isDivisionCode(code)) return '';
  return divisionPrefix(code) || '*';
}
