import { Client } from 'pg';
import { ResidentRegister1765500000000 } from './migrations/1765500000000-resident-register';
import { runMigrations } from './migrator';
import { createTestDatabaseBefore, TestDatabase } from './testing';

/**
 * Migration 1765500000000 (docs/rules.md §4, the register) on a database that already holds
 * residents: reverted and applied again, each resident gets the pinyin initials of their name.
 */
describe('migration ResidentRegister1765500000000 over existing residents', () => {
  let db: TestDatabase;
  let owner: Client;
  beforeAll(async () => {
    db = await createTestDatabaseBefore(ResidentRegister1765500000000);
    owner = new Client({ connectionString: db.url });
    await owner.connect();
  });
  afterAll(async () => {
    await owner?.end();
    await db?.drop();
  });

  it('reverted, then applied again: residents registered before get their initials (王秀英 → wxy)', async () => {
    const [f] = (
      await owner.query<{ id: string }>(
        `INSERT INTO facility (name, type, division_code) VALUES ('迁移测试养老院', 'CARE_HOME', '410421') RETURNING id`,
      )
    ).rows;
    for (const [name, masked] of [
      ['王秀英', '110105********002X'],
      ['欧阳娜娜', '410421********0012'],
    ])
      await owner.query(
        `INSERT INTO resident (facility_id, name, gender, date_of_birth, id_cipher, id_key_version, id_hmac, id_masked)
         VALUES ($1, $2, 'F', '1949-12-31', '\\x00', 1, $3, $4)`,
        [f.id, name, Buffer.from(name), masked],
      );
    expect((await runMigrations({ url: db.url }))[0]).toBe('ResidentRegister1765500000000');
    expect((await owner.query(`SELECT name, name_initials, guardian FROM resident ORDER BY name_initials`)).rows).toEqual([
      { name: '欧阳娜娜', name_initials: 'oynn', guardian: null },
      { name: '王秀英', name_initials: 'wxy', guardian: null },
    ]);
  });
});
