import { DataSource } from 'typeorm';

export const DEMO_FACILITY_NAME = '平顶山市颐康养老院';

/**
 * The small demo facility `npm start` loads (idempotent: a second start finds it and adds nothing).
 * Later issues grow it (beds, residents, staff, logins).
 */
export async function seedDemo(dataSource: DataSource): Promise<{ facilityId: string; created: boolean }> {
  return dataSource.transaction(async (tx) => {
    // One seeder at a time even when two processes start together.
    await tx.query(`SELECT pg_advisory_xact_lock(7300150002)`);
    const [found] = await tx.query(`SELECT id FROM facility WHERE name = $1`, [DEMO_FACILITY_NAME]);
    if (found) return { facilityId: found.id as string, created: false };
    const [row] = await tx.query(
      `INSERT INTO facility (name, type, division_code, address, building_area_m2, license_number, operator_kind)
       VALUES ($1, 'CARE_HOME', '410421', '河南省平顶山市宝丰县城关镇健康路18号', 6800.00, '豫民养备410421001号', 'PUBLIC_BUILT_PRIVATE_RUN')
       RETURNING id`,
      [DEMO_FACILITY_NAME],
    );
    return { facilityId: row.id as string, created: true };
  });
}
