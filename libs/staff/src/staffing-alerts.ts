import type { DataSource } from 'typeorm';
import { addDays, calendarDate } from '@careops/care';
import { applyTenantScope } from '@careops/db';
import { computeStaffing } from './staff.service';

/**
 * tomorrow's staffing projected from what is known today — admissions and discharges
 * already recorded for tomorrow, certificates expiring, staff leaving — for every facility; a
 * facility projected non-compliant gets an alert row (once per day, refreshed if re-run).
 */
export async function projectStaffingAlerts(dataSource: DataSource, today = calendarDate(new Date())): Promise<{ facilities: number; alerts: number }> {
  const tomorrow = addDays(today, 1);
  const facilities: { id: string }[] = await dataSource.transaction(async (tx) => {
    await applyTenantScope(tx, { platform: true });
    return tx.query(`SELECT id FROM facility WHERE type <> 'DAY_CENTER' ORDER BY id`);
  });
  let alerts = 0;
  for (const { id } of facilities) {
    alerts += await dataSource.transaction(async (tx) => {
      await applyTenantScope(tx, { facilityId: id });
      const [day] = (await computeStaffing(tx, tomorrow, addDays(tomorrow, 1))).days;
      if (day.compliant) {
        await tx.query(`DELETE FROM compliance_alert WHERE day = $1 AND kind = 'STAFFING_PROJECTED_NONCOMPLIANT'`, [tomorrow]);
        return 0;
      }
      const detail = { required: day.required, counted: day.countedHundredths / 100, residentsByLevel: day.residentsByLevel, excluded: day.excluded, projectedOn: today };
      await tx.query(
        `INSERT INTO compliance_alert (facility_id, day, kind, detail) VALUES ($1, $2, 'STAFFING_PROJECTED_NONCOMPLIANT', $3)
         ON CONFLICT (facility_id, day, kind) DO UPDATE SET detail = excluded.detail, created_at = now()`,
        [id, tomorrow, JSON.stringify(detail)],
      );
      return 1;
    });
  }
  return { facilities: facilities.length, alerts };
}
