import { MigrationInterface, QueryRunner } from 'typeorm';

const AUTH_USER = (archived: boolean) => `
      CREATE OR REPLACE FUNCTION careops_auth_user(p_username text, p_id uuid)
      RETURNS TABLE (id uuid, username text, password_hash text, role text, facility_id uuid, division_code text, disabled_at timestamptz,
                     sessions_valid_after timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp SET app.platform = 'on' AS
      $$ SELECT u.id, u.username, u.password_hash, u.role, u.facility_id, u.division_code::text,
                ${archived ? 'coalesce(u.disabled_at, f.archived_at)' : 'u.disabled_at'}, u.sessions_valid_after
         FROM public.app_user u ${archived ? 'LEFT JOIN public.facility f ON f.id = u.facility_id' : ''}
         WHERE (p_username IS NOT NULL AND lower(u.username) = lower(p_username)) OR (p_id IS NOT NULL AND u.id = p_id) $$`;

/**
 * docs/rules.md §11 archive: the platform archives a closed facility or a test tenant. It leaves
 * every division figure (the queries read `archived_at IS NULL`), and its accounts stand as
 * deactivated from that moment: sign-in, refresh and every request refuse them (the account itself
 * is untouched, so unarchiving restores it).
 */
export class FacilityArchive1765570000000 implements MigrationInterface {
  name = 'FacilityArchive1765570000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE facility
        ADD COLUMN archived_at timestamptz,
        ADD COLUMN archive_reason text,
        ADD CONSTRAINT facility_archive_reason CHECK ((archived_at IS NULL) = (archive_reason IS NULL) AND length(btrim(archive_reason)) > 0)`);
    await q.query(AUTH_USER(true));
    // Every process forgets what it knew of the facility's users (ActiveUsers): their next request is refused.
    await q.query(`
      CREATE FUNCTION careops_facility_archived() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public, pg_temp SET app.platform = 'on' AS
      $$ BEGIN
        PERFORM pg_notify('careops_user', u.id::text) FROM public.app_user u WHERE u.facility_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION careops_facility_archived() FROM PUBLIC`);
    await q.query(`
      CREATE TRIGGER facility_archived AFTER UPDATE OF archived_at ON facility
      FOR EACH ROW WHEN (OLD.archived_at IS DISTINCT FROM NEW.archived_at) EXECUTE FUNCTION careops_facility_archived()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER facility_archived ON facility`);
    await q.query(`DROP FUNCTION careops_facility_archived()`);
    await q.query(AUTH_USER(false));
    await q.query(`ALTER TABLE facility DROP CONSTRAINT facility_archive_reason, DROP COLUMN archive_reason, DROP COLUMN archived_at`);
  }
}
