import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/** docs/rules.md §6: staff, their trainings and certificates, and compliance alerts. */
export class StaffCompliance1764400000000 implements MigrationInterface {
  name = 'StaffCompliance1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staff (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL REFERENCES facility (id),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        role text NOT NULL CHECK (role IN ('CAREGIVER', 'NURSE', 'DOCTOR', 'SOCIAL_WORKER', 'MANAGER', 'OTHER')),
        employed_from date NOT NULL,
        employed_to date CHECK (employed_to IS NULL OR employed_to > employed_from),
        fte_hundredths integer NOT NULL CHECK (fte_hundredths BETWEEN 1 AND 100),
        phone text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT staff_facility_key UNIQUE (facility_id, id)
      )`);
    await q.query(`
      CREATE TABLE staff_training (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        staff_id uuid NOT NULL,
        course text NOT NULL CHECK (length(btrim(course)) > 0),
        completed_on date NOT NULL,
        passed boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT staff_training_staff_fk FOREIGN KEY (facility_id, staff_id) REFERENCES staff (facility_id, id)
      )`);
    await q.query(`
      CREATE TABLE staff_certificate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        staff_id uuid NOT NULL,
        type text NOT NULL CHECK (length(btrim(type)) > 0),
        number text NOT NULL CHECK (length(btrim(number)) > 0),
        level text,
        issued_on date NOT NULL,
        expires_on date NOT NULL CHECK (expires_on > issued_on),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT staff_certificate_staff_fk FOREIGN KEY (facility_id, staff_id) REFERENCES staff (facility_id, id),
        CONSTRAINT staff_certificate_number_key UNIQUE (facility_id, type, number)
      )`);
    await q.query(`
      CREATE TABLE compliance_alert (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL REFERENCES facility (id),
        day date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('STAFFING_PROJECTED_NONCOMPLIANT')),
        detail jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT compliance_alert_once UNIQUE (facility_id, day, kind)
      )`);
    await q.query(`CREATE INDEX staff_training_staff_idx ON staff_training (facility_id, staff_id)`);
    await q.query(`CREATE INDEX staff_certificate_staff_idx ON staff_certificate (facility_id, staff_id)`);
    for (const t of ['staff', 'staff_training', 'staff_certificate', 'compliance_alert']) {
      await enableTenantRls(q, t);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['compliance_alert', 'staff_certificate', 'staff_training', 'staff']) await q.query(`DROP TABLE ${t}`);
  }
}
