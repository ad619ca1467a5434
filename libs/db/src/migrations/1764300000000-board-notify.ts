import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['room', 'bed', 'bed_outage', 'resident', 'assessment', 'admission', 'stay', 'leave'];

/**
 * The bed board is cached per facility and date in each API process; any
 * change to what it shows notifies every process at commit (`careops_board`, payload: facility id).
 */
export class BoardNotify1764300000000 implements MigrationInterface {
  name = 'BoardNotify1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION careops_notify_board() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN
        PERFORM pg_notify('careops_board', coalesce(NEW.facility_id, OLD.facility_id)::text);
        RETURN NULL;
      END $$`);
    for (const t of TABLES) {
      await q.query(
        `CREATE TRIGGER ${t}_notify_board AFTER INSERT OR UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION careops_notify_board()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.query(`DROP TRIGGER ${t}_notify_board ON ${t}`);
    await q.query(`DROP FUNCTION careops_notify_board()`);
  }
}
