import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * docs/rules.md §8: a document is issued once. Its subject (kind, facility or division, period, the claim)
 * and the digest of its facts identify it: the same facts give back the same record and the same
 * bytes (kept here), changed facts a new version that names the one it replaces. Verification tells
 * a claim's current state and total, and which number replaced an old one — never who asked.
 */
export class DocumentRegister1765420000000 implements MigrationInterface {
  name = 'DocumentRegister1765420000000';

  async up(q: QueryRunner): Promise<void> {
    // Rows recorded before this migration keep subject NULL: they are not versions of anything.
    await q.query(`
      ALTER TABLE document
        ADD COLUMN subject text,
        ADD COLUMN facts_hash char(64) CHECK (facts_hash ~ '^[0-9a-f]{64}$'),
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        ADD COLUMN replaces uuid REFERENCES document (id),
        ADD COLUMN claim_id uuid REFERENCES claim (id),
        ADD COLUMN pdf bytea,
        ADD CONSTRAINT document_version UNIQUE (subject, version),
        ADD CONSTRAINT document_registered CHECK (subject IS NULL OR (facts_hash IS NOT NULL AND pdf IS NOT NULL)),
        ADD CONSTRAINT document_pdf_is_its_hash CHECK (pdf IS NULL OR (encode(sha256(pdf), 'hex') = sha256 AND octet_length(pdf) = bytes)),
        ADD CONSTRAINT document_first_replaces_nothing CHECK ((version = 1) = (replaces IS NULL)),
        ADD CONSTRAINT document_claim_kind CHECK (claim_id IS NULL OR kind = 'CLAIM')`);
    // A version n > 1 replaces version n − 1 of the same subject, and nothing else.
    await q.query(`
      CREATE FUNCTION careops_document_replaces_previous() RETURNS trigger LANGUAGE plpgsql
      SET search_path = pg_catalog, public, pg_temp AS
      $$ BEGIN
        IF NEW.replaces IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM public.document p WHERE p.id = NEW.replaces AND p.subject = NEW.subject AND p.version = NEW.version - 1
        ) THEN
          RAISE EXCEPTION 'document % (version %) must replace version % of its subject', NEW.number, NEW.version, NEW.version - 1
            USING ERRCODE = '23514';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER document_replaces_previous BEFORE INSERT ON document FOR EACH ROW EXECUTE FUNCTION careops_document_replaces_previous()`,
    );

    await q.query(`DROP FUNCTION careops_verify_document(text)`);
    await q.query(`
      CREATE FUNCTION careops_verify_document(p_ref text)
      RETURNS TABLE (number text, kind text, title text, facility_name text, division_code text, period text, sha256 text,
                     issued_at timestamptz, matched text, version integer, replaced_by text, claim_state text, claim_total_fen bigint)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp SET app.platform = 'on' AS
      $$ SELECT d.number, d.kind, d.title, f.name, coalesce(d.division_code, f.division_code)::text, d.period, d.sha256::text, d.issued_at,
                CASE WHEN d.sha256 = lower(p_ref) THEN 'FILE' WHEN d.content_hash = lower(p_ref) THEN 'CODE' ELSE 'NUMBER' END,
                d.version, n.number, c.state, c.total_fen::bigint
         FROM public.document d
         LEFT JOIN public.facility f ON f.id = d.facility_id
         LEFT JOIN public.document n ON n.replaces = d.id
         LEFT JOIN public.claim c ON c.id = d.claim_id
         WHERE d.sha256 = lower(p_ref) OR d.content_hash = lower(p_ref) OR d.number = p_ref
         LIMIT 1 $$`);
    await q.query(`REVOKE ALL ON FUNCTION careops_verify_document(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION careops_verify_document(text) TO careops_app`);
    await q.query(`CREATE INDEX document_replaces_idx ON document (replaces)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION careops_verify_document(text)`);
    await q.query(`
      CREATE FUNCTION careops_verify_document(p_ref text)
      RETURNS TABLE (number text, kind text, title text, facility_name text, division_code text, period text, sha256 text,
                     issued_at timestamptz, matched text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp SET app.platform = 'on' AS
      $$ SELECT d.number, d.kind, d.title, f.name, d.division_code::text, d.period, d.sha256::text, d.issued_at,
                CASE WHEN d.sha256 = lower(p_ref) THEN 'FILE' WHEN d.content_hash = lower(p_ref) THEN 'CODE' ELSE 'NUMBER' END
         FROM public.document d LEFT JOIN public.facility f ON f.id = d.facility_id
         WHERE d.sha256 = lower(p_ref) OR d.content_hash = lower(p_ref) OR d.number = p_ref
         LIMIT 1 $$`);
    await q.query(`REVOKE ALL ON FUNCTION careops_verify_document(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION careops_verify_document(text) TO careops_app`);
    await q.query(`DROP TRIGGER document_replaces_previous ON document`);
    await q.query(`DROP FUNCTION careops_document_replaces_previous()`);
    await q.query(`DROP INDEX document_replaces_idx`);
    await q.query(`
      ALTER TABLE document
        DROP COLUMN pdf, DROP COLUMN claim_id, DROP COLUMN replaces, DROP COLUMN version, DROP COLUMN facts_hash, DROP COLUMN subject`);
  }
}
