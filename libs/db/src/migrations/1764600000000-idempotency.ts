import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/** `Idempotency-Key` on POST claims (Stripe's rules: same key + same body → same answer). */
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
    await enableTenantRls(q, 'idempotency_key');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_key`);
  }
}
