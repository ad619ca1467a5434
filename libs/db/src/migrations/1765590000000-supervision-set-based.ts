import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * docs/rules.md §11 at division scale: the task list reads home-care beds for a whole division in
 * one query under the read-only division read (migration 1765550000000), as the summary reads beds
 * and staff; covering indexes for the division figures; a monthly report keeps the number of the 养老机构合规报告 issued with it (docs/rules.md §8).
 */
export class SupervisionSetBased1765590000000 implements MigrationInterface {
  name = 'SupervisionSetBased1765590000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE POLICY home_care_bed_division_read ON home_care_bed FOR SELECT
      USING ((SELECT careops_division_read()) AND facility_id IN (SELECT f.id FROM facility f))`);
    await q.query(`ALTER TABLE monthly_report ADD COLUMN document_number text`);
    // The division figures read these columns only: index-only scans, the assessments already in the
    // order the level ranges need (no sort), the residents with a category alone.
    await q.query(`CREATE INDEX bed_facility_kind_idx ON bed (facility_id, kind)`);
    await q.query(`DROP INDEX stay_entry_facility_idx`);
    await q.query(
      `CREATE INDEX stay_entry_facility_idx ON stay_entry (facility_id) INCLUDE (resident_id, bed_id, period) WHERE voided_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX assessment_figures_idx ON assessment_entry (facility_id, resident_id, effective_on, seq) INCLUDE (care_level) WHERE voided_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX resident_categories_idx ON resident (facility_id) INCLUDE (id, categories) WHERE cardinality(categories) > 0`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX resident_categories_idx`);
    await q.query(`DROP INDEX assessment_figures_idx`);
    await q.query(`DROP INDEX stay_entry_facility_idx`);
    await q.query(`CREATE INDEX stay_entry_facility_idx ON stay_entry (facility_id) WHERE voided_at IS NULL`);
    await q.query(`DROP INDEX bed_facility_kind_idx`);
    await q.query(`ALTER TABLE monthly_report DROP COLUMN document_number`);
    await q.query(`DROP POLICY home_care_bed_division_read ON home_care_bed`);
  }
}
