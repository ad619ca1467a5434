import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * docs/rules.md §8, §11: the task list 重点任务清单 and the bulletin 通报 of a division are document kinds of the
 * register. The kinds are read from the constraint in force and this one added, so kinds added by
 * other migrations stay.
 */
export class SupervisionDocuments1765580000000 implements MigrationInterface {
  name = 'SupervisionDocuments1765580000000';

  async up(q: QueryRunner): Promise<void> {
    await this.documentKinds(q, (kinds) => [...new Set([...kinds, 'TASK_LIST', 'BULLETIN'])]);
  }

  async down(q: QueryRunner): Promise<void> {
    await this.documentKinds(q, (kinds) => kinds.filter((k) => k !== 'TASK_LIST' && k !== 'BULLETIN'));
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
