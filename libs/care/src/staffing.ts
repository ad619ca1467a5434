import { CareLevel } from './care-level';
import { dayNumber, IsoDate } from './dates';

export type CountsByLevel = Record<CareLevel, number>;

/**
 * docs/rules.md §6: required caregivers = ⌈ FULLY/1.5 + SEMI/4 + SELF/10 ⌉, computed as
 * ⌈(40·F + 15·S + 6·C) / 60⌉ in integers so that no boundary can round the wrong way.
 * Example: 15 全失能 + 20 半失能 + 50 自理 → (600 + 300 + 300) / 60 = 20.
 */
export function requiredCaregivers(counts: CountsByLevel): number {
  const sixtieths = 40 * counts.FULLY_DISABLED + 15 * counts.SEMI_DISABLED + 6 * counts.SELF_CARE;
  return Math.floor((sixtieths + 59) / 60);
}

export const STAFF_ROLES = ['CAREGIVER', 'NURSE', 'DOCTOR', 'SOCIAL_WORKER', 'MANAGER', 'OTHER'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffOnRecord {
  id: string;
  role: StaffRole;
  employedFrom: IsoDate;
  /** First day no longer employed; null while employed. */
  employedTo: IsoDate | null;
  /** Full-time = 100; a half-time caregiver counts 50 (docs/rules.md §6: part-time by FTE fraction). */
  fteHundredths: number;
  trainings: { completedOn: IsoDate; passed: boolean }[];
  /** Valid on [issuedOn, expiresOn): on its expiry date it no longer counts (docs/rules.md §6). */
  certificates: { issuedOn: IsoDate; expiresOn: IsoDate }[];
}

export type ExclusionReason = 'NOT_EMPLOYED' | 'UNTRAINED' | 'NO_VALID_CERTIFICATE' | 'CERTIFICATE_EXPIRED';

export const EXCLUSION_REASON_LABELS: Record<ExclusionReason, string> = {
  NOT_EMPLOYED: '当日未在职',
  UNTRAINED: '未经岗前培训',
  NO_VALID_CERTIFICATE: '无有效职业技能等级证书',
  CERTIFICATE_EXPIRED: '证书已于当日或之前到期',
};

/** Why a caregiver does not count on `day` (a day number), or null when it counts. */
export function caregiverExclusion(s: StaffOnRecord, day: number): ExclusionReason | null {
  if (day < dayNumber(s.employedFrom) || (s.employedTo !== null && day >= dayNumber(s.employedTo))) return 'NOT_EMPLOYED';
  if (!s.trainings.some((t) => t.passed && dayNumber(t.completedOn) <= day)) return 'UNTRAINED';
  const issued = s.certificates.filter((c) => dayNumber(c.issuedOn) <= day);
  if (issued.some((c) => day < dayNumber(c.expiresOn))) return null;
  return issued.length > 0 ? 'CERTIFICATE_EXPIRED' : 'NO_VALID_CERTIFICATE';
}

export interface StaffingDay {
  date: IsoDate;
  residentsByLevel: CountsByLevel;
  required: number;
  /** Counted caregiver FTE, in hundredths (150 = 1.5 caregivers). */
  countedHundredths: number;
  compliant: boolean;
  excluded: { staffId: string; reason: ExclusionReason }[];
}

/** docs/rules.md §6: compliant when counted caregiver FTE ≥ required; only caregivers are considered. */
export function staffingDay(residentsByLevel: CountsByLevel, staff: readonly StaffOnRecord[], date: IsoDate): StaffingDay {
  const day = dayNumber(date);
  const required = requiredCaregivers(residentsByLevel);
  let countedHundredths = 0;
  const excluded: StaffingDay['excluded'] = [];
  for (const s of staff) {
    if (s.role !== 'CAREGIVER') continue;
    const reason = caregiverExclusion(s, day);
    if (reason === null) countedHundredths += s.fteHundredths;
    else if (reason !== 'NOT_EMPLOYED' || dayNumber(s.employedFrom) <= day) excluded.push({ staffId: s.id, reason });
  }
  return { date, residentsByLevel, required, countedHundredths, compliant: countedHundredths >= required * 100, excluded };
}
