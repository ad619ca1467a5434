import type { DataSource } from 'typeorm';
import { applyTenantScope } from '@careops/db';
import { IdKeyRotationRepository } from './id-key-rotation.repository';
import type { IdNumberProtector } from './id-number.protector';

/**
 * Key rotation of the ID-number encryption: after a new key version is added to
 * ID_ENCRYPTION_KEYS, re-encrypts every resident's number still under an older key, one facility
 * per transaction (each in its own tenant scope). Then the old key can be dropped.
 */
export async function rotateIdKeys(dataSource: DataSource, ids: IdNumberProtector): Promise<{ facilities: number; reEncrypted: number }> {
  const facilities = await dataSource.transaction(async (tx) => {
    await applyTenantScope(tx, { platform: true });
    return new IdKeyRotationRepository(tx).facilityIds();
  });
  let reEncrypted = 0;
  for (const facilityId of facilities) {
    reEncrypted += await dataSource.transaction(async (tx) => {
      await applyTenantScope(tx, { facilityId });
      const rotation = new IdKeyRotationRepository(tx);
      const stale = await rotation.lockNumbersNotUnder(ids.currentVersion);
      for (const row of stale) {
        const p = ids.protect(ids.reveal(row.cipher, row.keyVersion));
        await rotation.storeCipher(row.id, p.cipher, p.keyVersion);
      }
      if (stale.length > 0) await rotation.recordRotation(facilityId, stale.length, ids.currentVersion);
      return stale.length;
    });
  }
  return { facilities: facilities.length, reEncrypted };
}
