import type { DataSource, EntityManager } from 'typeorm';
import { StaysRepository } from '@careops/admissions';
import { addDays, calendarDate, type IsoDate, type StaffingPeriod } from '@careops/care';
import { applyTenantScope } from '@careops/db';
import { CareLevelsRepository } from '@careops/residents';
import { ComplianceAlertsRepository } from './compliance-alerts.repository';
import { StaffRepository, type StaffView } from './staff.repository';
import { StaffingService } from './staffing.service';
import { TransactionTenantDb } from './transaction-tenant-db';

/** The staffing computation over a transaction already scoped to one facility (jobs, scripts). */
function staffingIn(tx: EntityManager): StaffingService {
  const db = new TransactionTenantDb(tx, null);
  return new StaffingService(new StaffRepository(db), new StaysRepository(db), new CareLevelsRepository(db));
}

/** The facility's staff with trainings and certificates, in the tenant scope of `tx`. */
export function loadStaff(tx: EntityManager, id?: string): Promise<StaffView[]> {
  return new StaffRepository(new TransactionTenantDb(tx, null)).list(id);
}

/** docs/rules.md §6 over [from, to) in the tenant scope of `tx` (see StaffingService in a request). */
export function computeStaffing(tx: EntityManager, from: IsoDate, to: IsoDate): Promise<StaffingPeriod> {
  return staffingIn(tx).compute(from, to);
}

/**
 * tomorrow's staffing projected from what is known today — admissions and discharges
 * already recorded for tomorrow, certificates expiring, staff leaving — for every facility; a
 * facility projected non-compliant gets an alert row (once per day, refreshed if re-run).
 */
export async function projectStaffingAlerts(
  dataSource: DataSource,
  today = calendarDate(new Date()),
): Promise<{ facilities: number; alerts: number }> {
  const tomorrow = addDays(today, 1);
  const facilities = await dataSource.transaction(async (tx) => {
    await applyTenantScope(tx, { platform: true });
    return new ComplianceAlertsRepository(new TransactionTenantDb(tx, null)).facilitiesWithBeds();
  });
  let alerts = 0;
  for (const id of facilities) {
    alerts += await dataSource.transaction(async (tx) => {
      await applyTenantScope(tx, { facilityId: id });
      const repo = new ComplianceAlertsRepository(new TransactionTenantDb(tx, id));
      const [day] = (await staffingIn(tx).compute(tomorrow, addDays(tomorrow, 1))).days;
      if (day.compliant) {
        await repo.clearStaffing(tomorrow);
        return 0;
      }
      await repo.upsertStaffing(tomorrow, {
        required: day.required,
        counted: day.countedHundredths / 100,
        residentsByLevel: day.residentsByLevel,
        excluded: day.excluded,
        projectedOn: today,
      });
      return 1;
    });
  }
  return { facilities: facilities.length, alerts };
}
