import { MigrationInterface, QueryRunner } from 'typeorm';

/** adjustment lines 补差/追回 reference the frozen claim (and its line) they correct. */
export class ClaimAdjustments1764700000000 implements MigrationInterface {
  name = 'ClaimAdjustments1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE claim_line
        ADD COLUMN adjusts_claim_id uuid,
        ADD COLUMN adjusts_line_id uuid,
        ADD COLUMN reason text,
        ADD CONSTRAINT claim_line_adjusts_claim_fk FOREIGN KEY (facility_id, adjusts_claim_id) REFERENCES claim (facility_id, id),
        ADD CONSTRAINT claim_line_adjustment_refers CHECK ((kind = 'ADJUSTMENT') = (adjusts_claim_id IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claim_line DROP CONSTRAINT claim_line_adjustment_refers, DROP CONSTRAINT claim_line_adjusts_claim_fk,
      DROP COLUMN reason, DROP COLUMN adjusts_line_id, DROP COLUMN adjusts_claim_id`);
  }
}
