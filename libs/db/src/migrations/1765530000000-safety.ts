import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/** The nine risks 九防 of GB 38600-2019 (docs/rules.md §10), as the API names them. */
const RISKS = ['CHOKING', 'WRONG_INTAKE', 'PRESSURE_INJURY', 'SCALD', 'FALL_FROM_BED', 'FALL', 'WANDERING', 'HARM', 'RECREATION'];
const list = (xs: string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * Service safety (docs/rules.md §10): the nine-risk assessment of a resident (every risk rated, a
 * measure for each HIGH one), incidents with their residents (closed only with the family notice and
 * a review, frozen once closed), fire drills and safety inspections. All append-only except closing.
 */
export class Safety1765530000000 implements MigrationInterface {
  name = 'Safety1765530000000';

  async up(q: QueryRunner): Promise<void> {
    // Every risk rated NONE/LOW/HIGH, nothing else; each HIGH risk has a non-blank measure.
    await q.query(`
      CREATE FUNCTION careops_risks_complete(risks jsonb, measures jsonb) RETURNS boolean
      LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public AS
      $$ SELECT jsonb_typeof(risks) = 'object' AND jsonb_typeof(measures) = 'object'
           AND (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(risks) k) = (SELECT array_agg(k ORDER BY k) FROM unnest(ARRAY[${list(RISKS)}]) k)
           AND NOT EXISTS (SELECT 1 FROM jsonb_each(risks) r WHERE r.value NOT IN ('"NONE"', '"LOW"', '"HIGH"'))
           AND NOT EXISTS (SELECT 1 FROM jsonb_each_text(risks) r
                           WHERE r.value = 'HIGH' AND length(btrim(coalesce(measures ->> r.key, ''))) = 0) $$`);
    await q.query(`
      CREATE TABLE risk_assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        resident_id uuid NOT NULL,
        assessed_on date NOT NULL,
        risks jsonb NOT NULL,
        measures jsonb NOT NULL DEFAULT '{}',
        assessor text CHECK (assessor IS NULL OR length(btrim(assessor)) > 0),
        recorded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT risk_assessment_resident_fk FOREIGN KEY (facility_id, resident_id) REFERENCES resident (facility_id, id),
        CONSTRAINT risk_assessment_complete CHECK (careops_risks_complete(risks, measures))
      )`);
    await q.query(
      `CREATE INDEX risk_assessment_resident_idx ON risk_assessment (facility_id, resident_id, assessed_on DESC, created_at DESC)`,
    );

    await q.query(`
      CREATE TABLE incident (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        type text NOT NULL CHECK (type IN (${list([...RISKS, 'OTHER'])})),
        occurred_at timestamptz NOT NULL,
        place text NOT NULL CHECK (length(btrim(place)) > 0),
        description text NOT NULL CHECK (length(btrim(description)) > 0),
        injuries text,
        actions text,
        reported_by uuid,
        family_notified_at timestamptz,
        family_notified_how text,
        family_notified_by text,
        review text,
        closed_at timestamptz,
        closed_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT incident_facility_id UNIQUE (facility_id, id),
        -- docs/rules.md §10: closed only once the family was notified (when, how, by whom) and the review written.
        CONSTRAINT incident_closed_with_notice CHECK (
          closed_at IS NULL OR (
            family_notified_at IS NOT NULL
            AND length(btrim(coalesce(family_notified_how, ''))) > 0
            AND length(btrim(coalesce(family_notified_by, ''))) > 0
            AND length(btrim(coalesce(review, ''))) > 0))
      )`);
    await q.query(`CREATE INDEX incident_time_idx ON incident (facility_id, occurred_at)`);
    await q.query(`
      CREATE TABLE incident_resident (
        facility_id uuid NOT NULL,
        incident_id uuid NOT NULL,
        resident_id uuid NOT NULL,
        PRIMARY KEY (incident_id, resident_id),
        CONSTRAINT incident_resident_incident_fk FOREIGN KEY (facility_id, incident_id) REFERENCES incident (facility_id, id),
        CONSTRAINT incident_resident_resident_fk FOREIGN KEY (facility_id, resident_id) REFERENCES resident (facility_id, id)
      )`);
    await q.query(`CREATE INDEX incident_resident_resident_idx ON incident_resident (facility_id, resident_id)`);
    // A closed incident is frozen; no incident is deleted.
    await q.query(`
      CREATE FUNCTION careops_incident_frozen() RETURNS trigger LANGUAGE plpgsql
      SET search_path = pg_catalog, public, pg_temp AS
      $$ BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'incidents are never deleted (docs/rules.md §10)' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.closed_at IS NOT NULL THEN
          RAISE EXCEPTION 'a closed incident is frozen' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER incident_frozen BEFORE UPDATE OR DELETE ON incident FOR EACH ROW EXECUTE FUNCTION careops_incident_frozen()`,
    );

    await q.query(`
      CREATE TABLE safety_drill (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL REFERENCES facility (id),
        kind text NOT NULL CHECK (kind IN ('FIRE_DRILL', 'SAFETY_INSPECTION')),
        "on" date NOT NULL,
        participants text NOT NULL CHECK (length(btrim(participants)) > 0),
        participant_count integer CHECK (participant_count IS NULL OR participant_count >= 0),
        findings text NOT NULL CHECK (length(btrim(findings)) > 0),
        recorded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX safety_drill_on_idx ON safety_drill (facility_id, "on" DESC)`);

    for (const t of ['risk_assessment', 'incident', 'incident_resident', 'safety_drill']) await enableTenantRls(q, t);
    for (const t of ['risk_assessment', 'incident_resident', 'safety_drill']) {
      await q.query(`CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION careops_append_only()`);
      await q.query(`REVOKE UPDATE, DELETE ON ${t} FROM careops_app`);
      await q.query(`GRANT SELECT, INSERT ON ${t} TO careops_app`);
    }
    await q.query(`REVOKE DELETE ON incident FROM careops_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON incident TO careops_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['safety_drill', 'incident_resident', 'incident', 'risk_assessment']) await q.query(`DROP TABLE ${t}`);
    await q.query(`DROP FUNCTION careops_incident_frozen()`);
    await q.query(`DROP FUNCTION careops_risks_complete(jsonb, jsonb)`);
  }
}
