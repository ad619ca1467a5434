import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = ['BILL', 'RECEIPT', 'REFUND'];

/** The verification of 1765420000000, with the amount a billing document printed when no claim gives one. */
const VERIFY = (total: string) => `
  CREATE FUNCTION careops_verify_document(p_ref text)
  RETURNS TABLE (number text, kind text, title text, facility_name text, division_code text, period text, sha256 text,
                 issued_at timestamptz, matched text, version integer, replaced_by text, claim_state text, claim_total_fen bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp SET app.platform = 'on' AS
  $$ SELECT d.number, d.kind, d.title, f.name, coalesce(d.division_code, f.division_code)::text, d.period, d.sha256::text, d.issued_at,
            CASE WHEN d.sha256 = lower(p_ref) THEN 'FILE' WHEN d.content_hash = lower(p_ref) THEN 'CODE' ELSE 'NUMBER' END,
            d.version, n.number, c.state, ${total}
     FROM public.document d
     LEFT JOIN public.facility f ON f.id = d.facility_id
     LEFT JOIN public.document n ON n.replaces = d.id
     LEFT JOIN public.claim c ON c.id = d.claim_id
     WHERE d.sha256 = lower(p_ref) OR d.content_hash = lower(p_ref) OR d.number = p_ref
     LIMIT 1 $$`;

/**
 * docs/rules.md §8, §9: the bill 缴费通知单, the receipt 收据 and the refund voucher 退款凭证 are document
 * kinds of the register, and each records the amount it printed (total_fen: the bill's total, the
 * receipt's or the refund's amount), which verification answers. The kinds are read from the
 * constraint in force and these added, so kinds added by other migrations stay.
 */
export class BillingDocuments1765610000000 implements MigrationInterface {
  name = 'BillingDocuments1765610000000';

  async up(q: QueryRunner): Promise<void> {
    await this.documentKinds(q, (kinds) => [...new Set([...kinds, ...KINDS])]);
    await q.query(
      `ALTER TABLE document ADD COLUMN total_fen bigint, ADD CONSTRAINT document_total_kind CHECK (total_fen IS NULL OR kind IN ('BILL', 'RECEIPT', 'REFUND'))`,
    );
    await this.verify(q, 'coalesce(c.total_fen, d.total_fen)::bigint');
  }

  async down(q: QueryRunner): Promise<void> {
    await this.verify(q, 'c.total_fen::bigint');
    await q.query(`ALTER TABLE document DROP COLUMN total_fen`);
    await this.documentKinds(q, (kinds) => kinds.filter((k) => !KINDS.includes(k)));
  }

  private async verify(q: QueryRunner, total: string): Promise<void> {
    await q.query(`DROP FUNCTION careops_verify_document(text)`);
    await q.query(VERIFY(total));
    await q.query(`REVOKE ALL ON FUNCTION careops_verify_document(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION careops_verify_document(text) TO careops_app`);
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
