/**
 * The kinds of entry a reader filters the trail by (docs/rules.md §1: every action audited, the
 * manager reads the trail), each a set of actions (`%`: any suffix). An action in no kind is OTHER.
 */
export const AUDIT_KINDS = {
  ADMISSION: ['admission.create'],
  TRANSFER: ['admission.transfer'],
  DISCHARGE: ['admission.discharge'],
  LEAVE: ['admission.leave'],
  ASSESSMENT: ['assessment.create'],
  RESIDENT: ['resident.%'],
  STAFF: ['staff.%'],
  CLAIM: ['claim.%', 'subsidy_policy.%'],
  DOCUMENT: ['report_job.%', 'document.%'],
  LOGIN: ['auth.%'],
  USER: ['user.%'],
  BED: ['room.%', 'bed.%', 'home_care_bed.%'],
  DAY_CARE: ['day_member.%', 'attendance.%', 'service_record.%'],
  FACILITY: ['facility.%'],
  // docs/rules.md §12: voids 撤销 of admissions, transfers, leaves, discharges and assessments.
  CORRECTION: ['admission.void', 'transfer.void', 'leave.void', 'discharge.void', 'assessment.void'],
  // docs/rules.md §10: nine-risk assessments, incidents, drills and inspections.
  SAFETY: ['risk_assessment.%', 'incident.%', 'safety_drill.%'],
  // docs/rules.md §9: fee items, bill runs and issues, payments, deposits, refunds, reminders, settlements.
  BILLING: ['billing.%'],
} as const satisfies Record<string, readonly string[]>;

export type AuditKind = keyof typeof AUDIT_KINDS | 'OTHER';
export const AUDIT_KIND_NAMES = [...(Object.keys(AUDIT_KINDS) as (keyof typeof AUDIT_KINDS)[]), 'OTHER'] as AuditKind[];

const matches = (pattern: string, action: string) => (pattern.endsWith('%') ? action.startsWith(pattern.slice(0, -1)) : action === pattern);

/** The kind an action belongs to (the first that lists it). */
export function auditKindOf(action: string): AuditKind {
  for (const kind of Object.keys(AUDIT_KINDS) as (keyof typeof AUDIT_KINDS)[]) {
    if (AUDIT_KINDS[kind].some((p) => matches(p, action))) return kind;
  }
  return 'OTHER';
}

/** The LIKE patterns of a kind; OTHER is every action outside all of them (`negate`). */
export function auditKindPatterns(kind: AuditKind): { patterns: string[]; negate: boolean } {
  if (kind === 'OTHER') return { patterns: Object.values(AUDIT_KINDS).flat(), negate: true };
  return { patterns: [...AUDIT_KINDS[kind]], negate: false };
}
