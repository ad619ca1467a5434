import { createDataSource } from '@careops/db';
import { createTestDatabase, TestDatabase } from '@careops/db/testing';
import { DataSource } from 'typeorm';
import { DEMO_FACILITY_NAME, DEMO_LOGINS, DEMO_OTHER_FACILITY_NAME, seedDemo } from './demo-seed';

describe('demo seed of npm start', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('loads one demo facility however many starts race, and a restart adds nothing', async () => {
    const results = await Promise.all([seedDemo(dataSource), seedDemo(dataSource), seedDemo(dataSource)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.facilityId)).size).toBe(1);
    expect((await seedDemo(dataSource)).created).toBe(false);
    const rows = await dataSource.query('SELECT name, type, division_code FROM facility ORDER BY division_code');
    expect(rows).toEqual([
      { name: DEMO_OTHER_FACILITY_NAME, type: 'STREET_CENTER', division_code: '370102' },
      { name: DEMO_FACILITY_NAME, type: 'CARE_HOME', division_code: '410421' },
    ]);
    const users = await dataSource.query('SELECT username, role FROM app_user ORDER BY username');
    expect(users).toEqual(DEMO_LOGINS.map((l) => ({ username: l.username, role: l.role })).sort((a, b) => a.username.localeCompare(b.username)));
  });
});
