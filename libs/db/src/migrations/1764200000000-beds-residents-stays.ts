import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

const CATEGORIES = ['TEKUN', 'DIBAO', 'LOW_INCOME', 'ADVANCED_AGE', 'LIVING_ALONE', 'FAMILY_PLANNING_SPECIAL'];
const SIX_HELPS = ['MEAL', 'BATH', 'CLEANING', 'MOBILITY', 'MEDICAL', 'EMERGENCY'];

/**
 * docs/rules.md §3–§4: rooms and beds, out-of-service periods, residents with a protected
 * ID number, append-only assessments, admissions with their bed stays and leaves, and the day
 * center's members, attendance and six-helps service records. The database keeps one occupant
 * per bed per day and one bed per resident per day (exclusion constraints, btree_gist).
 */
export class BedsResidentsStays1764200000000 implements MigrationInterface {
  name = 'BedsResidentsStays1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE room (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL REFERENCES facility (id),
        building text NOT NULL CHECK (length(btrim(building)) > 0),
        floor integer NOT NULL CHECK (floor BETWEEN -5 AND 200),
        number text NOT NULL CHECK (length(btrim(number)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT room_number_key UNIQUE (facility_id, building, floor, number),
        CONSTRAINT room_facility_key UNIQUE (facility_id, id)
      )`);
    await q.query(`
      CREATE TABLE bed (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        room_id uuid NOT NULL,
        code text NOT NULL CHECK (length(btrim(code)) > 0),
        kind text NOT NULL CHECK (kind IN ('NURSING', 'GENERAL')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT bed_code_key UNIQUE (facility_id, code),
        CONSTRAINT bed_facility_key UNIQUE (facility_id, id),
        CONSTRAINT bed_room_fk FOREIGN KEY (facility_id, room_id) REFERENCES room (facility_id, id)
      )`);
    // docs/rules.md §3: out of service 停用 with reason and dates; periods of one bed never overlap.
    await q.query(`
      CREATE TABLE bed_outage (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        bed_id uuid NOT NULL,
        period daterange NOT NULL CHECK (NOT isempty(period) AND lower_inc(period) AND NOT upper_inc(period) AND NOT lower_inf(period)),
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT bed_outage_bed_fk FOREIGN KEY (facility_id, bed_id) REFERENCES bed (facility_id, id),
        CONSTRAINT bed_outage_no_overlap EXCLUDE USING gist (facility_id WITH =, bed_id WITH =, period WITH &&)
      )`);

    await q.query(`
      CREATE TABLE resident (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL REFERENCES facility (id),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        gender text NOT NULL CHECK (gender IN ('M', 'F')),
        date_of_birth date NOT NULL,
        id_cipher bytea NOT NULL,
        id_key_version integer NOT NULL,
        id_hmac bytea NOT NULL,
        id_masked text NOT NULL CHECK (id_masked ~ '^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$'),
        hukou text,
        phone text,
        emergency_contacts jsonb NOT NULL DEFAULT '[]',
        categories text[] NOT NULL DEFAULT '{}' CHECK (categories <@ ARRAY[${CATEGORIES.map((c) => `'${c}'`).join(', ')}]::text[]),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT resident_person_key UNIQUE (facility_id, id_hmac),
        CONSTRAINT resident_facility_key UNIQUE (facility_id, id)
      )`);

    // docs/rules.md §4: assessments are history, never overwritten.
    await q.query(`
      CREATE TABLE assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        facility_id uuid NOT NULL,
        resident_id uuid NOT NULL,
        effective_on date NOT NULL,
        care_level text NOT NULL CHECK (care_level IN ('SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED')),
        grade text CHECK (grade IN ('INTACT', 'MILD', 'MODERATE', 'SEVERE', 'COMPLETE')),
        assessor text NOT NULL CHECK (length(btrim(assessor)) > 0),
        notes text,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT assessment_resident_fk FOREIGN KEY (facility_id, resident_id) REFERENCES resident (facility_id, id),
        CONSTRAINT assessment_grade_matches_level CHECK (grade IS NULL
          OR (grade = 'INTACT' AND care_level = 'SELF_CARE')
          OR (grade IN ('MILD', 'MODERATE') AND care_level = 'SEMI_DISABLED')
          OR (grade IN ('SEVERE', 'COMPLETE') AND care_level = 'FULLY_DISABLED'))
      )`);
    await q.query(`CREATE INDEX assessment_resident_idx ON assessment (facility_id, resident_id, effective_on, seq)`);
    await q.query(`
      CREATE FUNCTION careops_append_only() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`);
    await q.query(
      `CREATE TRIGGER assessment_append_only BEFORE UPDATE OR DELETE ON assessment FOR EACH ROW EXECUTE FUNCTION careops_append_only()`,
    );

    // 入住 … 退住: the admission; its bed stays (a transfer closes one and opens the next the same day).
    await q.query(`
      CREATE TABLE admission (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        resident_id uuid NOT NULL,
        period daterange NOT NULL CHECK (NOT isempty(period) AND lower_inc(period) AND NOT upper_inc(period) AND NOT lower_inf(period)),
        discharge_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT admission_resident_fk FOREIGN KEY (facility_id, resident_id) REFERENCES resident (facility_id, id),
        CONSTRAINT admission_facility_key UNIQUE (facility_id, id),
        CONSTRAINT admission_resident_no_overlap EXCLUDE USING gist (facility_id WITH =, resident_id WITH =, period WITH &&)
      )`);
    await q.query(`
      CREATE TABLE stay (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        admission_id uuid NOT NULL,
        resident_id uuid NOT NULL,
        bed_id uuid NOT NULL,
        period daterange NOT NULL CHECK (NOT isempty(period) AND lower_inc(period) AND NOT upper_inc(period) AND NOT lower_inf(period)),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT stay_admission_fk FOREIGN KEY (facility_id, admission_id) REFERENCES admission (facility_id, id),
        CONSTRAINT stay_resident_fk FOREIGN KEY (facility_id, resident_id) REFERENCES resident (facility_id, id),
        CONSTRAINT stay_bed_fk FOREIGN KEY (facility_id, bed_id) REFERENCES bed (facility_id, id),
        CONSTRAINT stay_bed_no_overlap EXCLUDE USING gist (facility_id WITH =, bed_id WITH =, period WITH &&),
        CONSTRAINT stay_resident_no_overlap EXCLUDE USING gist (facility_id WITH =, resident_id WITH =, period WITH &&)
      )`);
    // 请假 / 外出住院: the bed is kept; leaves of one resident never overlap.
    await q.query(`
      CREATE TABLE leave (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        admission_id uuid NOT NULL,
        resident_id uuid NOT NULL,
        period daterange NOT NULL CHECK (NOT isempty(period) AND lower_inc(period) AND NOT upper_inc(period) AND NOT lower_inf(period) AND NOT upper_inf(period)),
        kind text NOT NULL CHECK (kind IN ('LEAVE', 'HOSPITAL')),
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT leave_admission_fk FOREIGN KEY (facility_id, admission_id) REFERENCES admission (facility_id, id),
        CONSTRAINT leave_no_overlap EXCLUDE USING gist (facility_id WITH =, resident_id WITH =, period WITH &&)
      )`);

    // Day centers (docs/rules.md §4): enrolment, attendance, the six helps 六助.
    await q.query(`
      CREATE TABLE day_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        resident_id uuid NOT NULL,
        period daterange NOT NULL CHECK (NOT isempty(period) AND lower_inc(period) AND NOT upper_inc(period) AND NOT lower_inf(period)),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT day_member_resident_fk FOREIGN KEY (facility_id, resident_id) REFERENCES resident (facility_id, id),
        CONSTRAINT day_member_no_overlap EXCLUDE USING gist (facility_id WITH =, resident_id WITH =, period WITH &&)
      )`);
    await q.query(`
      CREATE TABLE attendance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        resident_id uuid NOT NULL,
        day date NOT NULL,
        check_in time NOT NULL,
        check_out time,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT attendance_resident_fk FOREIGN KEY (facility_id, resident_id) REFERENCES resident (facility_id, id),
        CONSTRAINT attendance_once_a_day UNIQUE (facility_id, resident_id, day),
        CONSTRAINT attendance_out_after_in CHECK (check_out IS NULL OR check_out > check_in)
      )`);
    await q.query(`
      CREATE TABLE service_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        resident_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN (${SIX_HELPS.map((k) => `'${k}'`).join(', ')})),
        served_at timestamptz NOT NULL,
        served_by text NOT NULL CHECK (length(btrim(served_by)) > 0),
        notes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT service_record_resident_fk FOREIGN KEY (facility_id, resident_id) REFERENCES resident (facility_id, id)
      )`);

    for (const table of [
      'room',
      'bed',
      'bed_outage',
      'resident',
      'assessment',
      'admission',
      'stay',
      'leave',
      'day_member',
      'attendance',
      'service_record',
    ]) {
      await enableTenantRls(q, table);
    }
    await q.query(`REVOKE UPDATE, DELETE ON assessment FROM careops_app`);
    await q.query(`CREATE INDEX stay_admission_idx ON stay (facility_id, admission_id)`);
    await q.query(`CREATE INDEX service_record_day_idx ON service_record (facility_id, served_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'service_record',
      'attendance',
      'day_member',
      'leave',
      'stay',
      'admission',
      'assessment',
      'resident',
      'bed_outage',
      'bed',
      'room',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION careops_append_only()`);
  }
}
