import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * docs/rules.md §8, the forms an official accepts: the claim form names where the bureau pays (the
 * facility's bank account) and whom it calls (经办人, 联系电话); the day center's own report is a
 * document kind of the register. The kinds are read from the constraint in force and this one added,
 * so kinds added by other migrations stay.
 */
export class DocumentForms1765430000000 implements MigrationInterface {
  name = 'DocumentForms1765430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE facility
        ADD COLUMN bank_name text CHECK (length(bank_name) BETWEEN 1 AND 100),
        ADD COLUMN bank_account_name text CHECK (length(bank_account_name) BETWEEN 1 AND 100),
        ADD COLUMN bank_account_number text CHECK (bank_account_number ~ '^[0-9]{8,32}$'),
        ADD COLUMN contact_person text CHECK (length(contact_person) BETWEEN 1 AND 50),
        ADD COLUMN contact_phone text CHECK (contact_phone ~ '^[-0-9+ ]{7,20}$')`);
    await this.documentKinds(q, (kinds) => [...new Set([...kinds, 'DAY_CENTER'])]);
  }

  async down(q: QueryRunner): Promise<void> {
    await this.documentKinds(q, (kinds) => kinds.filter((k) => k !== 'DAY_CENTER'));
    await q.query(`
      ALTER TABLE facility DROP COLUMN bank_name, DROP COLUMN bank_account_name, DROP COLUMN bank_account_number,
        DROP COLUMN contact_person, DROP COLUMN contact_phone`);
  }

  /** Rewrites `document_kind_check` with the kinds `change` makes of those it allows now. */
  private async documentKinds(q: QueryRunner, change: (kinds: string[]) => string[]): Promise<void> {
    const [row]: { def: string }[] = await q.query(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'document'::regclass AND conname = 'document_kind_check'`,
    );
    const kinds = change([...row.def.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]));
    await q.query(`ALTER TABLE document DROP CONSTRAINT document_kind_check`);
    await q.query(`ALTER TABLE document ADD CONSTRAINT document_kind_check CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(', ')}))`);
  }
}
