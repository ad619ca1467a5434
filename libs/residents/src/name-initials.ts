import { pinyin } from 'pinyin-pro';

/** Pinyin initials of a name, lower case (王秀英 → wxy): the register finds a resident by them (docs/rules.md §4). */
export function nameInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
