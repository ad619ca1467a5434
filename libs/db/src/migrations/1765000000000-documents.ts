import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * docs/rules.md §8: every issued document is recorded — kind, facility or division, period,
 * requester, time, SHA-256 of its bytes — so anyone holding the PDF can verify it. Long reports run
 * as jobs whose progress and result are kept here too.
 */
export class Documents1765000000000 implements MigrationInterface {
  name = 'Documents1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE document_number_seq`);
    await q.query(`
      CREATE TABLE document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('CLAIM', 'COMPLIANCE', 'OPERATIONS', 'DIVISION_SUMMARY')),
        title text NOT NULL,
        facility_id uuid REFERENCES facility (id),
        division_code char(6) CHECK (division_code ~ '^[0-9]{6}$'),
        period text NOT NULL,
        sha256 char(64) NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        content_hash char(64) NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        bytes integer NOT NULL CHECK (bytes > 0),
        requested_by uuid,
        requested_by_name text NOT NULL,
        requested_by_role text NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT document_subject CHECK (facility_id IS NOT NULL OR division_code IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX document_facility_idx ON document (facility_id, issued_at DESC)`);
    // A record is evidence: never changed, never removed.
    await q.query(
      `CREATE TRIGGER document_append_only BEFORE UPDATE OR DELETE ON document FOR EACH ROW EXECUTE FUNCTION careops_append_only()`,
    );
    await q.query(`ALTER TABLE document ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE document FORCE ROW LEVEL SECURITY`);
    // A facility's documents are its own; a division's are its regulators'; the platform sees all.
    await q.query(`
      CREATE POLICY document_tenant ON document
      USING (facility_id = careops_tenant() OR careops_platform() OR (facility_id IS NULL AND careops_division_visible(division_code)))
      WITH CHECK (facility_id = careops_tenant() OR careops_platform() OR (facility_id IS NULL AND careops_division_visible(division_code)))`);
    await q.query(`REVOKE UPDATE, DELETE ON document FROM careops_app`);
    // Verification is for anyone holding the PDF: by its SHA-256 (or the code printed on it), and
    // only what identifies the document — never the tenant's other rows.
    await q.query(`
      CREATE FUNCTION careops_verify_document(hash text)
      RETURNS TABLE (number text, kind text, title text, facility_name text, division_code text, period text, sha256 text,
                     content_hash text, requested_by_name text, requested_by_role text, issued_at timestamptz, matched text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public SET app.platform = 'on' AS
      $$ SELECT d.number, d.kind, d.title, f.name, d.division_code::text, d.period, d.sha256::text, d.content_hash::text,
                d.requested_by_name, d.requested_by_role, d.issued_at, CASE WHEN d.sha256 = lower(hash) THEN 'FILE' ELSE 'CODE' END
         FROM document d LEFT JOIN facility f ON f.id = d.facility_id
         WHERE d.sha256 = lower(hash) OR d.content_hash = lower(hash) $$`);
    await q.query(`REVOKE ALL ON FUNCTION careops_verify_document(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION careops_verify_document(text) TO careops_app`);

    // Jobs of long reports: who asked (only they see it), progress, the result document's bytes.
    await q.query(`
      CREATE TABLE report_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('DIVISION_SUMMARY_PDF', 'CLAIM_PDFS')),
        params jsonb NOT NULL,
        requested_by uuid NOT NULL,
        state text NOT NULL DEFAULT 'QUEUED' CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        done integer NOT NULL DEFAULT 0,
        total integer NOT NULL DEFAULT 0,
        error text,
        result_document uuid REFERENCES document (id),
        result_bytes bytea,
        result_name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_job`);
    await q.query(`DROP FUNCTION careops_verify_document(text)`);
    await q.query(`DROP TABLE document`);
    await q.query(`DROP SEQUENCE document_number_seq`);
  }
}
