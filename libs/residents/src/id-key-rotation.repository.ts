import type { EntityManager } from 'typeorm';

/** A resident's ID number as stored, for re-encryption. */
export interface StoredIdNumber {
  id: string;
  cipher: Buffer;
  keyVersion: number;
}

/**
 * What key rotation reads and writes. It runs outside any request (a one-off command), so it is
 * built on the transaction its caller opened and scoped, not injected.
 */
export class IdKeyRotationRepository {
  constructor(private readonly tx: EntityManager) {}

  /** Every facility's id (the caller's transaction is in the platform scope). */
  async facilityIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.tx.query(`SELECT id FROM facility ORDER BY id`);
    return rows.map((r) => r.id);
  }

  /** The facility's numbers under another key than `version`, locked until the transaction ends. */
  async lockNumbersNotUnder(version: number): Promise<StoredIdNumber[]> {
    const rows: { id: string; id_cipher: Buffer; id_key_version: number }[] = await this.tx.query(
      `SELECT id, id_cipher, id_key_version FROM resident WHERE id_key_version <> $1 FOR UPDATE`,
      [version],
    );
    return rows.map((r) => ({ id: r.id, cipher: r.id_cipher, keyVersion: r.id_key_version }));
  }

  async storeCipher(residentId: string, cipher: Buffer, keyVersion: number): Promise<void> {
    await this.tx.query(`UPDATE resident SET id_cipher = $2, id_key_version = $3 WHERE id = $1`, [residentId, cipher, keyVersion]);
  }

  /** One audit row for the facility's rotation (there is no request, so no actor). */
  async recordRotation(facilityId: string, reEncrypted: number, toVersion: number): Promise<void> {
    await this.tx.query(
      `INSERT INTO audit_event (facility_id, action, entity_type, diff) VALUES ($1, 'resident.id_keys_rotated', 'resident', $2)`,
      [facilityId, JSON.stringify({ note: { reEncrypted, toVersion } })],
    );
  }
}
