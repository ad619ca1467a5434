/** Response bodies the screens read (the OpenAPI document types routes and request bodies). */
export type Role = 'PLATFORM_ADMIN' | 'FACILITY_MANAGER' | 'ACCOUNTANT' | 'REGULATOR';
export type CareLevel = 'SELF_CARE' | 'SEMI_DISABLED' | 'FULLY_DISABLED';
export interface Me { id: string; username: string; role: Role; facilityId?: string; divisionCode?: string }
export interface Facility { id: string; name: string; type: 'CARE_HOME' | 'DAY_CENTER' | 'STREET_CENTER'; divisionCode: string; timezone: string }
export interface BedOnDate {
  id: string; code: string; kind: 'NURSING' | 'GENERAL'; room: { id: string; building: string; floor: number; number: string };
  inService: boolean; outOfService: { from: string; to: string | null; reason: string } | null;
  occupant: { residentId: string; name: string; admissionId: string; careLevel: CareLevel | null; since: string; onLeave: { kind: 'LEAVE' | 'HOSPITAL'; from: string; to: string } | null } | null;
  status: 'FREE' | 'OCCUPIED' | 'ON_LEAVE' | 'OUT_OF_SERVICE';
}
export interface Resident { id: string; name: string; gender: 'M' | 'F'; dateOfBirth: string; idNumber: string; categories: string[]; careLevel: CareLevel | null; phone?: string | null; hukou?: string | null }
export interface Assessment { id: string; careLevel: CareLevel; grade: string | null; effectiveOn: string; assessor: string; recordedAt?: string }
export interface Admission {
  id: string; residentId: string; admittedOn: string; dischargedOn: string | null; dischargeReason: string | null;
  stays: { bedId: string; bedCode: string; from: string; to: string | null }[];
  leaves: { id: string; kind: 'LEAVE' | 'HOSPITAL'; from: string; to: string; reason: string }[];
}
export interface Staff {
  id: string; name: string; role: string; employedFrom: string; employedTo: string | null; fte: number;
  certificates: { id: string; type: string; number: string; issuedOn: string; expiresOn: string }[];
  trainings: { id: string; course: string; completedOn: string; passed: boolean }[];
}
export interface StaffingDay {
  date: string; residentsByLevel: Record<CareLevel, number>; required: number; counted: number; compliant: boolean;
  excluded: { staffId: string; reason: string; reasonLabel: string }[];
}
export interface ClaimSummary { id: string; number: string; month: string; programme: string; state: string; totalFen: number }
export interface ClaimLine {
  residentId: string | null; residentName: string; careLevel: CareLevel | null; days: number; rateFen: number; amountFen: number;
  kind: 'REGULAR' | 'ADJUSTMENT'; explanation: { segments?: { from: string; to: string }[]; formula?: string; originalClaim?: string }; reason: string | null;
}
export interface Claim extends ClaimSummary {
  totalsByLevel: Record<CareLevel, number>; rejectionReason: string | null;
  policy: { divisionCode: string; effectiveFrom: string; rates: Record<string, number> }; lines: ClaimLine[];
}
export interface DivisionRow {
  facilityId: string; name: string; divisionCode: string; bedsInService: number; nursingBeds: number; nursingBedRatioPct: number | null;
  nursingBedTargetMet: boolean | null; occupancyPct: number | null; staffingCompliancePct: number | null; lastReportAt: string | null; residentsTotal: number;
}
export interface DivisionSummary { divisionCode: string; month: string; rows: DivisionRow[]; total: Omit<DivisionRow, 'facilityId' | 'name' | 'divisionCode' | 'lastReportAt'> & { facilities: number } }
export interface Job { id: string; state: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED'; percent: number; error: string | null; resultUrl: string | null }

/** Money and percentages print as the documents print them (docs/rules.md §5, §7). */
export { printPct as pct, yuan } from '@careops/care';
