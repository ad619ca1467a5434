import type { DataSource } from 'typeorm';
import { applyTenantScope } from '@careops/db';
import type { IdNumberProtector } from './id-number.protector';

/**
 * Key rotation of the ID-number encryption: after a new key version is added to
 * ID_ENCRYPTION_KEYS, re-encrypts every resident's number still under an older key, one facility
 * per transaction (each in its own tenant scope). Then the old key can be dropped.
 */
export async function rotateIdKeys(dataSource: DataSource, ids: IdNumberProtector): Promise<{ facilities: number; reEncrypted: number }> {
  const facilities: { id: string }[] = await dataSource.transaction(async (tx) => {
    await applyTenantScope(tx, { platform: true });
    return tx.query(`SELECT id FROM facility ORDER BY id`);
  });
  let reEncrypted = 0;
  for (const { id } of facilities) {
    reEncrypted += await dataSource.transaction(async (tx) => {
      await applyTenantScope(tx, { facilityId: id });
      const rows: { id: string; id_cipher: Buffer; id_key_version: number }[] = await tx.query(
        `SELECT id, id_cipher, id_key_version FROM resident WHERE id_key_version <> $1 FOR UPDATE`,
        [ids.currentVersion],
      );
      for (const row of rows) {
        const p = ids.protect(ids.reveal(row.id_cipher, row.id_key_version));
        await tx.query(`UPDATE resident SET id_cipher = $2, id_key_version = $3 WHERE id = $1`, [row.id, p.cipher, p.keyVersion]);
      }
      if (rows.length > 0) {
        await tx.query(
          `INSERT INTO audit_event (facility_id, action, entity_type, diff) VALUES ($1, 'resident.id_keys_rotated', 'resident', $2)`,
          [id, JSON.stringify({ note: { reEncrypted: rows.length, toVersion: ids.currentVersion } })],
        );
      }
      return rows.length;
    });
  }
  return { facilities: facilities.length, reEncrypted };
}
