import { DataSource } from 'typeorm';
import { hashPassword } from '@careops/auth';
import { applyTenantScope } from '@careops/db';
import type { IdNumberProtector } from '@careops/residents';
import { seedCareHome, seedDayCenter } from './demo-data';

export const DEMO_FACILITY_NAME = '平顶山市颐康养老院';
export const DEMO_OTHER_FACILITY_NAME = '济南市历下区康宁护理院';
export const DEMO_DAY_CENTER_NAME = '宝丰县城关镇日间照料中心';

/** The demo logins `npm start` prints. Demo only: change or disable them (DEMO_SEED=false) in real use. */
export const DEMO_LOGINS = [
  {
    username: 'admin',
    password: 'Demo-Platform-2026',
    role: 'PLATFORM_ADMIN',
    facility: null,
    divisionCode: null,
    displayName: '平台管理员',
  },
  {
    username: 'manager',
    password: 'Demo-Yikang-Manager',
    role: 'FACILITY_MANAGER',
    facility: DEMO_FACILITY_NAME,
    divisionCode: null,
    displayName: '王院长',
  },
  {
    username: 'accountant',
    password: 'Demo-Yikang-Ledger',
    role: 'ACCOUNTANT',
    facility: DEMO_FACILITY_NAME,
    divisionCode: null,
    displayName: '李会计',
  },
  {
    username: 'regulator',
    password: 'Demo-Pingdingshan-MZJ',
    role: 'REGULATOR',
    facility: null,
    divisionCode: '410400',
    displayName: '平顶山市民政局',
  },
  {
    username: 'daycenter',
    password: 'Demo-Chengguan-Day',
    role: 'FACILITY_MANAGER',
    facility: DEMO_DAY_CENTER_NAME,
    divisionCode: null,
    displayName: '赵主任',
  },
] as const;

/**
 * The demo `npm start` loads (idempotent: a second start finds it and adds nothing): a care home
 * and a day center in 宝丰县 (410421, under the demo regulator's 平顶山市 410400) with residents,
 * beds and history, a facility in another province the regulator must not see, one login per role.
 */
export async function seedDemo(dataSource: DataSource, ids: IdNumberProtector): Promise<{ facilityId: string; created: boolean }> {
  const hashes = await Promise.all(DEMO_LOGINS.map((l) => hashPassword(l.password)));
  return dataSource.transaction(async (tx) => {
    // One seeder at a time even when two processes start together.
    await tx.query(`SELECT pg_advisory_xact_lock(7300150002)`);
    await applyTenantScope(tx, { platform: true });
    const [found] = await tx.query(`SELECT id FROM facility WHERE name = $1`, [DEMO_FACILITY_NAME]);
    if (found) return { facilityId: found.id as string, created: false };
    const [facility] = await tx.query(
      `INSERT INTO facility (name, type, division_code, address, building_area_m2, license_number, operator_kind,
                             fire_safety_passed_on, medical_arrangement, safety_standard_checked_on, quality_standard_checked_on)
       VALUES ($1, 'CARE_HOME', '410421', '河南省平顶山市宝丰县城关镇健康路18号', 6800.00, '豫民养备410421001号',
               'PUBLIC_BUILT_PRIVATE_RUN', '2026-03-01', 'IN_HOUSE_CLINIC', '2026-04-15', '2026-04-15')
       RETURNING id`,
      [DEMO_FACILITY_NAME],
    );
    await tx.query(
      `INSERT INTO facility (name, type, division_code, address, building_area_m2, operator_kind)
       VALUES ($1, 'STREET_CENTER', '370102', '山东省济南市历下区和平路9号', 2100.00, 'PUBLIC')`,
      [DEMO_OTHER_FACILITY_NAME],
    );
    const [dayCenter] = await tx.query(
      `INSERT INTO facility (name, type, division_code, address, building_area_m2, operator_kind, medical_arrangement)
       VALUES ($1, 'DAY_CENTER', '410421', '河南省平顶山市宝丰县城关镇文化路6号', 420.00, 'PUBLIC_BUILT_PRIVATE_RUN', 'SIGNED_AGREEMENT')
       RETURNING id`,
      [DEMO_DAY_CENTER_NAME],
    );
    const facilityOf: Record<string, string> = { [DEMO_FACILITY_NAME]: facility.id, [DEMO_DAY_CENTER_NAME]: dayCenter.id };
    for (const [i, login] of DEMO_LOGINS.entries()) {
      await tx.query(
        `INSERT INTO app_user (username, password_hash, role, facility_id, division_code, display_name)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [login.username, hashes[i], login.role, login.facility ? facilityOf[login.facility] : null, login.divisionCode, login.displayName],
      );
    }
    await seedCareHome(tx, ids, facility.id);
    await seedDayCenter(tx, ids, dayCenter.id);
    await applyTenantScope(tx, { platform: true });
    await tx.query(
      `INSERT INTO audit_event (facility_id, action, entity_type, entity_id, diff) VALUES ($1::uuid, 'demo.seed', 'facility', $1::text, '{}')`,
      [facility.id],
    );
    return { facilityId: facility.id as string, created: true };
  });
}
