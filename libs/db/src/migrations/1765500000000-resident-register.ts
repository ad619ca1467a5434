import { pinyin } from 'pinyin-pro';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Pinyin initials of a name, lower case (王秀英 → wxy); kept in step with the name by the residents service. */
function initials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * The resident register 老人档案 (docs/rules.md §4): the guardian 监护人 and the pinyin initials of the
 * name (searched as typed: 王秀英 → wxy), and indexes for the register's search — by initials and by the
 * last digits of the ID number, which the masked form already shows (`410421********1234`).
 */
export class ResidentRegister1765500000000 implements MigrationInterface {
  name = 'ResidentRegister1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE resident ADD COLUMN name_initials text NOT NULL DEFAULT '' CHECK (name_initials ~ '^[a-z0-9]*$')`);
    await q.query(`
      ALTER TABLE resident ADD COLUMN guardian jsonb
        CHECK (guardian IS NULL OR (jsonb_typeof(guardian) = 'object' AND guardian ? 'name' AND guardian ? 'relation' AND guardian ? 'phone'))`);
    await q.query(`ALTER TABLE resident ADD CONSTRAINT resident_contacts_list CHECK (jsonb_typeof(emergency_contacts) = 'array')`);
    await q.query(`CREATE INDEX resident_initials_idx ON resident (facility_id, name_initials text_pattern_ops)`);
    await q.query(`CREATE INDEX resident_id_last4_idx ON resident (facility_id, right(id_masked, 4))`);
    // Residents registered before: their initials, facility by facility (the tenant policies are forced on the owner too).
    await q.query(`SELECT set_config('app.platform', 'on', true)`);
    const facilities: { id: string }[] = await q.query(`SELECT id FROM facility`);
    await q.query(`SELECT set_config('app.platform', '', true)`);
    for (const f of facilities) {
      await q.query(`SELECT set_config('app.facility_id', $1, true)`, [f.id]);
      const rows: { id: string; name: string }[] = await q.query(`SELECT id, name FROM resident`);
      for (const r of rows) await q.query(`UPDATE resident SET name_initials = $2 WHERE id = $1`, [r.id, initials(r.name)]);
    }
    await q.query(`SELECT set_config('app.facility_id', '', true)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX resident_id_last4_idx`);
    await q.query(`DROP INDEX resident_initials_idx`);
    await q.query(`ALTER TABLE resident DROP CONSTRAINT resident_contacts_list`);
    await q.query(`ALTER TABLE resident DROP COLUMN guardian`);
    await q.query(`ALTER TABLE resident DROP COLUMN name_initials`);
  }
}
