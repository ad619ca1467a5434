import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Policies by whole months (docs/rules.md §5, 平阴): whether days are pro-rated or whole months
 * count, whether a level pays from the month of its assessment or the next, and who the subsidy is
 * paid to. The defaults are what every existing version meant.
 */
export class PolicyMonths1765410000000 implements MigrationInterface {
  name = 'PolicyMonths1765410000000';

  async up(q: QueryRunner): Promise<void> {
    // Adding columns with constant defaults rewrites no row, so the append-only trigger is untouched.
    await q.query(`
      ALTER TABLE subsidy_policy
        ADD COLUMN granularity text NOT NULL DEFAULT 'DAY' CONSTRAINT subsidy_policy_granularity_known CHECK (granularity IN ('DAY', 'MONTH')),
        ADD COLUMN eligibility_start text NOT NULL DEFAULT 'SAME_MONTH'
          CONSTRAINT subsidy_policy_eligibility_start_known CHECK (eligibility_start IN ('SAME_MONTH', 'NEXT_MONTH')),
        ADD COLUMN beneficiary text NOT NULL DEFAULT 'FACILITY'
          CONSTRAINT subsidy_policy_beneficiary_known CHECK (beneficiary IN ('FACILITY', 'RESIDENT'))`);
    // The operating subsidy is the center's yearly amount: none of the per-resident options applies.
    await q.query(`ALTER TABLE subsidy_policy ADD CONSTRAINT subsidy_policy_operation_per_center
      CHECK (programme <> 'DAY_CENTER_OPERATION' OR (granularity = 'DAY' AND eligibility_start = 'SAME_MONTH' AND beneficiary = 'FACILITY'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE subsidy_policy DROP CONSTRAINT subsidy_policy_operation_per_center,
      DROP COLUMN beneficiary, DROP COLUMN eligibility_start, DROP COLUMN granularity`);
  }
}
