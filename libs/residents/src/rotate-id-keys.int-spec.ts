import { applyTenantScope, createDataSource } from '@careops/db';
import { createTestDatabase, TestDatabase } from '@careops/db/testing';
import { DataSource } from 'typeorm';
import { IdNumberProtector } from './id-number.protector';
import { rotateIdKeys } from './rotate-id-keys';

const key = (n: number) => Buffer.alloc(32, n).toString('base64');
const hmacKey = Buffer.alloc(32, 9).toString('base64');

describe('ID-number key rotation (key from configuration, rotation possible)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await createDataSource({ url: db.url, poolSize: 2 }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('re-encrypts every number under an old key with the newest, keeping the number and its HMAC', async () => {
    const v1 = new IdNumberProtector({ encryptionKeys: `1:${key(1)}`, hmacKey });
    const id = '11010519491231002X';
    const [facility] = await dataSource.transaction(async (tx) => {
      await applyTenantScope(tx, { platform: true });
      return tx.query(`INSERT INTO facility (name, type, division_code) VALUES ('a', 'CARE_HOME', '410421') RETURNING id`);
    });
    const p = v1.protect(id);
    await dataSource.transaction(async (tx) => {
      await applyTenantScope(tx, { facilityId: facility.id });
      await tx.query(
        `INSERT INTO resident (facility_id, name, gender, date_of_birth, id_cipher, id_key_version, id_hmac, id_masked) VALUES ($1, '王秀英', 'F', '1949-12-31', $2, $3, $4, $5)`,
        [facility.id, p.cipher, p.keyVersion, p.hmac, p.masked],
      );
    });
    const v2 = new IdNumberProtector({ encryptionKeys: `1:${key(1)},2:${key(2)}`, hmacKey });
    expect(await rotateIdKeys(dataSource, v2)).toEqual({ facilities: 1, reEncrypted: 1 });
    const [row] = await dataSource.query(`SELECT id_cipher, id_key_version, id_hmac FROM resident`);
    expect(row.id_key_version).toBe(2);
    expect(Buffer.compare(row.id_hmac, p.hmac)).toBe(0);
    // Only the new key is needed from now on.
    expect(new IdNumberProtector({ encryptionKeys: `2:${key(2)}`, hmacKey }).reveal(row.id_cipher, 2)).toBe(id);
    expect(await rotateIdKeys(dataSource, v2)).toEqual({ facilities: 1, reEncrypted: 0 });
  });
});
