import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * docs/rules.md §4a, §8: the 老年人能力评估报告 of a scored assessment is a document kind of the
 * register. The kinds are read from the constraint in force and this one added, so kinds added by
 * other migrations stay.
 */
export class AssessmentReport1765540000000 implements MigrationInterface {
  name = 'AssessmentReport1765540000000';

  async up(q: QueryRunner): Promise<void> {
    await this.documentKinds(q, (kinds) => [...new Set([...kinds, 'ASSESSMENT'])]);
  }

  async down(q: QueryRunner): Promise<void> {
    await this.documentKinds(q, (kinds) => kinds.filter((k) => k !== 'ASSESSMENT'));
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
