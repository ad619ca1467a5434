import { MigrationInterface, QueryRunner } from 'typeorm';

/** The schema's first stone: extensions, facilities (docs/rules.md §2) and the data-health reports. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    // Needed by the bed/resident exclusion constraints (docs/rules.md §3).
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`
      CREATE TABLE facility (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        type text NOT NULL CHECK (type IN ('CARE_HOME', 'DAY_CENTER', 'STREET_CENTER')),
        division_code char(6) NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
        address text,
        building_area_m2 numeric(10, 2) CHECK (building_area_m2 >= 0),
        license_number text,
        operator_kind text CHECK (operator_kind IN ('PUBLIC', 'PRIVATE', 'PUBLIC_BUILT_PRIVATE_RUN')),
        timezone text NOT NULL DEFAULT 'Asia/Shanghai',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX facility_division_code_idx ON facility (division_code)`);

    await q.query(`
      CREATE TABLE data_health_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ran_at timestamptz NOT NULL DEFAULT now(),
        ok boolean NOT NULL,
        checks jsonb NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('SCHEDULE', 'MANUAL')),
        job_id text
      )`);
    await q.query(`CREATE INDEX data_health_report_ran_at_idx ON data_health_report (ran_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE data_health_report`);
    await q.query(`DROP TABLE facility`);
  }
}
