import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 6: `Idempotency-Key` on POST claims (Stripe's rules: same key + same body → same answer). */
export class Idempotency1764600000000 implements MigrationInterface {
  name = 'Idempotency1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_key (
        facility_id uuid NOT NULL REFERENCES facility (id),
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
        route text NOT NULL,
        request_hash bytea NOT NULL,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (facility_id, key)
      )`);
    await q.query(`ALTER TABLE idempotency_key ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE idempotency_key FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY idempotency_key_tenant ON idempotency_key USING (facility_id = careops_tenant()) WITH CHECK (facility_id = careops_tenant())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_key`);
  }
}
