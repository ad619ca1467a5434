import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
const LEVELS = ['SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED'];
const ACCOUNTS = ['RECEIVABLE', 'PREPAYMENT', 'DEPOSIT', 'CASH', 'REVENUE', 'SUBSIDY'];
const ENTRY_KINDS = ['BILL', 'CREDIT_NOTE', 'PAYMENT', 'DEPOSIT', 'REFUND', 'SUBSIDY_CREDIT', 'SETTLEMENT'];
const METHODS = ['CASH', 'BANK_TRANSFER', 'WECHAT', 'ALIPAY'];
const TABLES = [
  'fee_item',
  'usage_charge',
  'bill',
  'bill_line',
  'ledger_entry',
  'payment',
  'refund',
  'billing_counter',
  'settlement',
  'arrears_reminder',
];

/**
 * Billing the elder and the family 收费 (docs/rules.md §9). Fee items are versioned by effective date;
 * a version a bill used never changes (trigger). A bill is DRAFT → ISSUED → PAID; an issued bill and
 * its lines never change (trigger, constraint name `bill_issued`: the API answers 409 BILL_ISSUED).
 * Every movement of money is a row of `ledger_entry`, double entry between a resident's accounts
 * (RECEIVABLE, PREPAYMENT, DEPOSIT) and the facility's (CASH, REVENUE, SUBSIDY); append-only for
 * everyone (triggers, and the app role may not update or delete). Balances are sums over it.
 * Receipt and refund-voucher numbers are gapless per facility and year (a counter row locked until
 * commit, like claim numbers).
 */
export class Billing1765600000000 implements MigrationInterface {
  name = 'Billing1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fee_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL REFERENCES facility (id),
        code text NOT NULL CHECK (code ~ '^[A-Za-z0-9_-]{1,40}$'),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        kind text NOT NULL CHECK (kind IN ('MONTHLY', 'PER_USE')),
        category text NOT NULL CHECK (category IN ('BED', 'CARE', 'MEALS', 'OTHER')),
        amount_fen bigint NOT NULL CHECK (amount_fen >= 0 AND amount_fen <= 100000000),
        care_level text CHECK (care_level IN (${list(LEVELS)})),
        bed_kind text CHECK (bed_kind IN ('NURSING', 'GENERAL')),
        unit text,
        charged_on_leave boolean NOT NULL,
        effective_from date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fee_item_facility_key UNIQUE (facility_id, id),
        CONSTRAINT fee_item_variant CHECK ((care_level IS NULL OR category = 'CARE') AND (bed_kind IS NULL OR category = 'BED'))
      )`);
    await q.query(`CREATE UNIQUE INDEX fee_item_version_key ON fee_item
      (facility_id, code, coalesce(care_level, ''), coalesce(bed_kind, ''), effective_from)`);

    await q.query(`
      CREATE TABLE usage_charge (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        resident_id uuid NOT NULL,
        fee_item_id uuid NOT NULL,
        "on" date NOT NULL,
        quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
        unit_fen bigint NOT NULL CHECK (unit_fen >= 0),
        amount_fen bigint NOT NULL,
        note text,
        recorded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT usage_charge_amount CHECK (amount_fen = unit_fen * quantity),
        CONSTRAINT usage_charge_resident_fk FOREIGN KEY (facility_id, resident_id) REFERENCES resident (facility_id, id),
        CONSTRAINT usage_charge_fee_item_fk FOREIGN KEY (facility_id, fee_item_id) REFERENCES fee_item (facility_id, id)
      )`);
    await q.query(`CREATE INDEX usage_charge_day_idx ON usage_charge (facility_id, "on")`);

    await q.query(`
      CREATE TABLE bill (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        resident_id uuid NOT NULL,
        number text NOT NULL,
        month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        kind text NOT NULL CHECK (kind IN ('MONTHLY', 'SUPPLEMENTARY', 'CREDIT_NOTE', 'FINAL')),
        refers_to_id uuid,
        admission_id uuid,
        state text NOT NULL DEFAULT 'DRAFT' CHECK (state IN ('DRAFT', 'ISSUED', 'PAID')),
        total_fen bigint NOT NULL DEFAULT 0,
        due_on date NOT NULL,
        issued_at timestamptz,
        issued_by uuid,
        paid_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT bill_facility_key UNIQUE (facility_id, id),
        CONSTRAINT bill_number_key UNIQUE (facility_id, number),
        CONSTRAINT bill_resident_fk FOREIGN KEY (facility_id, resident_id) REFERENCES resident (facility_id, id),
        CONSTRAINT bill_refers_to_fk FOREIGN KEY (facility_id, refers_to_id) REFERENCES bill (facility_id, id),
        CONSTRAINT bill_refers CHECK ((kind IN ('SUPPLEMENTARY', 'CREDIT_NOTE')) = (refers_to_id IS NOT NULL)),
        CONSTRAINT bill_sign CHECK (CASE kind WHEN 'CREDIT_NOTE' THEN total_fen < 0 WHEN 'SUPPLEMENTARY' THEN total_fen > 0 ELSE total_fen >= 0 END),
        CONSTRAINT bill_issued_stamp CHECK ((state = 'DRAFT') = (issued_at IS NULL))
      )`);
    // One bill of the month per resident (a FINAL bill is the month's bill of a settled stay); one open correction per bill.
    await q.query(`CREATE UNIQUE INDEX bill_month_key ON bill (facility_id, resident_id, month) WHERE kind IN ('MONTHLY', 'FINAL')`);
    await q.query(`CREATE UNIQUE INDEX bill_correction_draft_key ON bill (facility_id, refers_to_id) WHERE state = 'DRAFT'`);
    await q.query(`CREATE INDEX bill_resident_idx ON bill (facility_id, resident_id, due_on)`);
    await q.query(`CREATE INDEX bill_month_idx ON bill (facility_id, month)`);

    await q.query(`
      CREATE TABLE bill_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        bill_id uuid NOT NULL,
        seq integer NOT NULL,
        item text NOT NULL,
        code text NOT NULL,
        category text NOT NULL CHECK (category IN ('BED', 'CARE', 'MEALS', 'OTHER')),
        fee_item_id uuid,
        days integer NOT NULL,
        leave_days integer NOT NULL,
        rate_fen bigint NOT NULL,
        quantity integer NOT NULL,
        amount_fen bigint NOT NULL,
        formula text NOT NULL,
        from_day date NOT NULL,
        CONSTRAINT bill_line_bill_fk FOREIGN KEY (facility_id, bill_id) REFERENCES bill (facility_id, id) ON DELETE CASCADE,
        CONSTRAINT bill_line_fee_item_fk FOREIGN KEY (facility_id, fee_item_id) REFERENCES fee_item (facility_id, id)
      )`);
    await q.query(`CREATE INDEX bill_line_bill_idx ON bill_line (bill_id, seq)`);
    await q.query(`CREATE INDEX bill_line_fee_item_idx ON bill_line (fee_item_id) WHERE fee_item_id IS NOT NULL`);

    // docs/rules.md §9: an issued bill is never edited; its state moves ISSUED → PAID only.
    await q.query(`
      CREATE FUNCTION careops_bill_issued() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
      $$ BEGIN
        IF OLD.state = 'DRAFT' THEN
          IF TG_OP = 'UPDATE' AND NEW.state = 'PAID' THEN
            RAISE EXCEPTION 'bill % is a DRAFT: it is issued before it is paid', OLD.number USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'bill_issued';
          END IF;
          RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.state = 'ISSUED' AND NEW.state = 'PAID'
           AND to_jsonb(NEW) - 'state' - 'paid_at' - 'updated_at' = to_jsonb(OLD) - 'state' - 'paid_at' - 'updated_at' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'bill % is % and never changes (docs/rules.md §9): a correction is a credit note or a supplementary bill', OLD.number, OLD.state
          USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'bill_issued';
      END $$`);
    await q.query(`CREATE TRIGGER bill_issued BEFORE UPDATE OR DELETE ON bill FOR EACH ROW EXECUTE FUNCTION careops_bill_issued()`);
    await q.query(`
      CREATE FUNCTION careops_bill_line_issued() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
      $$ DECLARE s text; n text;
      BEGIN
        SELECT state, number INTO s, n FROM bill WHERE id = CASE TG_OP WHEN 'DELETE' THEN OLD.bill_id ELSE NEW.bill_id END;
        IF s IS NOT NULL AND s <> 'DRAFT' THEN
          RAISE EXCEPTION 'bill % is %: its lines never change (docs/rules.md §9)', n, s USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'bill_issued';
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.bill_id <> OLD.bill_id THEN
          RAISE EXCEPTION 'a bill line stays on its bill' USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'bill_issued';
        END IF;
        RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(
      `CREATE TRIGGER bill_line_issued BEFORE INSERT OR UPDATE OR DELETE ON bill_line FOR EACH ROW EXECUTE FUNCTION careops_bill_line_issued()`,
    );
    // A fee version a bill used never changes: a new version is posted instead.
    await q.query(`
      CREATE FUNCTION careops_fee_item_used() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
      $$ BEGIN
        IF EXISTS (SELECT 1 FROM bill_line WHERE fee_item_id = OLD.id) OR EXISTS (SELECT 1 FROM usage_charge WHERE fee_item_id = OLD.id) THEN
          RAISE EXCEPTION 'fee item % from % was used: post a new version instead (docs/rules.md §9)', OLD.code, OLD.effective_from
            USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'fee_item_used';
        END IF;
        RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`CREATE TRIGGER fee_item_used BEFORE UPDATE OR DELETE ON fee_item FOR EACH ROW EXECUTE FUNCTION careops_fee_item_used()`);

    await q.query(`
      CREATE TABLE payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        resident_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('DEPOSIT', 'PAYMENT')),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0 AND amount_fen <= 100000000),
        method text NOT NULL CHECK (method IN (${list(METHODS)})),
        reference text CHECK (reference IS NULL OR length(btrim(reference)) BETWEEN 1 AND 100),
        received_on date NOT NULL,
        receipt_year integer NOT NULL,
        receipt_seq integer NOT NULL CHECK (receipt_seq > 0),
        receipt_number text NOT NULL,
        recorded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT payment_facility_key UNIQUE (facility_id, id),
        CONSTRAINT payment_receipt_key UNIQUE (facility_id, receipt_year, receipt_seq),
        CONSTRAINT payment_reference CHECK (method = 'CASH' OR reference IS NOT NULL),
        CONSTRAINT payment_resident_fk FOREIGN KEY (facility_id, resident_id) REFERENCES resident (facility_id, id)
      )`);
    await q.query(`CREATE INDEX payment_resident_idx ON payment (facility_id, resident_id)`);
    await q.query(`CREATE INDEX payment_day_idx ON payment (facility_id, received_on)`);

    await q.query(`
      CREATE TABLE refund (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        resident_id uuid NOT NULL,
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        from_account text NOT NULL CHECK (from_account IN ('DEPOSIT', 'PREPAYMENT', 'SETTLEMENT')),
        method text NOT NULL CHECK (method IN (${list(METHODS)})),
        reference text,
        paid_on date NOT NULL,
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
        voucher_year integer NOT NULL,
        voucher_seq integer NOT NULL CHECK (voucher_seq > 0),
        voucher_number text NOT NULL,
        recorded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT refund_facility_key UNIQUE (facility_id, id),
        CONSTRAINT refund_voucher_key UNIQUE (facility_id, voucher_year, voucher_seq),
        CONSTRAINT refund_resident_fk FOREIGN KEY (facility_id, resident_id) REFERENCES resident (facility_id, id)
      )`);

    await q.query(`
      CREATE TABLE ledger_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        facility_id uuid NOT NULL,
        resident_id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        "on" date NOT NULL,
        kind text NOT NULL CHECK (kind IN (${list(ENTRY_KINDS)})),
        debit_account text NOT NULL CHECK (debit_account IN (${list(ACCOUNTS)})),
        credit_account text NOT NULL CHECK (credit_account IN (${list(ACCOUNTS)})),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        memo text,
        bill_id uuid,
        payment_id uuid,
        refund_id uuid,
        source_key text,
        CONSTRAINT ledger_entry_double CHECK (debit_account <> credit_account),
        CONSTRAINT ledger_entry_resident_fk FOREIGN KEY (facility_id, resident_id) REFERENCES resident (facility_id, id),
        CONSTRAINT ledger_entry_bill_fk FOREIGN KEY (facility_id, bill_id) REFERENCES bill (facility_id, id),
        CONSTRAINT ledger_entry_payment_fk FOREIGN KEY (facility_id, payment_id) REFERENCES payment (facility_id, id),
        CONSTRAINT ledger_entry_refund_fk FOREIGN KEY (facility_id, refund_id) REFERENCES refund (facility_id, id)
      )`);
    await q.query(`CREATE INDEX ledger_entry_resident_idx ON ledger_entry (facility_id, resident_id, seq)`);
    await q.query(`CREATE INDEX ledger_entry_bill_idx ON ledger_entry (bill_id) WHERE bill_id IS NOT NULL`);
    await q.query(`CREATE INDEX ledger_entry_payment_idx ON ledger_entry (payment_id) WHERE payment_id IS NOT NULL`);
    // A subsidy is credited to the elder once (docs/rules.md §9).
    await q.query(`CREATE UNIQUE INDEX ledger_entry_source_key ON ledger_entry (facility_id, source_key) WHERE source_key IS NOT NULL`);

    await q.query(`
      CREATE TABLE billing_counter (
        facility_id uuid NOT NULL REFERENCES facility (id),
        kind text NOT NULL CHECK (kind IN ('BILL', 'RECEIPT', 'REFUND')),
        period text NOT NULL,
        last integer NOT NULL,
        PRIMARY KEY (facility_id, kind, period)
      )`);

    await q.query(`
      CREATE TABLE settlement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        admission_id uuid NOT NULL,
        resident_id uuid NOT NULL,
        settled_on date NOT NULL,
        final_bill_id uuid,
        owed_fen bigint NOT NULL,
        deposit_fen bigint NOT NULL,
        prepayment_fen bigint NOT NULL,
        refund_fen bigint NOT NULL,
        still_owed_fen bigint NOT NULL,
        refund_id uuid,
        recorded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT settlement_admission_key UNIQUE (facility_id, admission_id),
        CONSTRAINT settlement_resident_fk FOREIGN KEY (facility_id, resident_id) REFERENCES resident (facility_id, id),
        CONSTRAINT settlement_bill_fk FOREIGN KEY (facility_id, final_bill_id) REFERENCES bill (facility_id, id),
        CONSTRAINT settlement_refund_fk FOREIGN KEY (facility_id, refund_id) REFERENCES refund (facility_id, id)
      )`);

    await q.query(`
      CREATE TABLE arrears_reminder (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        resident_id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        by_user uuid,
        open_fen bigint NOT NULL,
        CONSTRAINT arrears_reminder_resident_fk FOREIGN KEY (facility_id, resident_id) REFERENCES resident (facility_id, id)
      )`);
    await q.query(`CREATE INDEX arrears_reminder_resident_idx ON arrears_reminder (facility_id, resident_id, at DESC)`);

    for (const t of TABLES) await enableTenantRls(q, t);

    // The journal and the documents of money are append-only, for the owner too (triggers), and the app may only add.
    await q.query(`
      CREATE FUNCTION careops_money_append_only() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS
      $$ BEGIN RAISE EXCEPTION '% is append-only (docs/rules.md §9): % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`);
    for (const t of ['ledger_entry', 'payment', 'refund', 'settlement', 'arrears_reminder']) {
      await q.query(
        `CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION careops_money_append_only()`,
      );
      await q.query(
        `CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION careops_money_append_only()`,
      );
      await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${t} FROM careops_app`);
      await q.query(`GRANT SELECT, INSERT ON ${t} TO careops_app`);
    }
    await q.query(`REVOKE DELETE, TRUNCATE ON usage_charge FROM careops_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON fee_item, bill, bill_line, billing_counter TO careops_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...TABLES].reverse()) await q.query(`DROP TABLE ${t} CASCADE`);
    await q.query(`DROP FUNCTION careops_money_append_only()`);
    await q.query(`DROP FUNCTION careops_fee_item_used()`);
    await q.query(`DROP FUNCTION careops_bill_line_issued()`);
    await q.query(`DROP FUNCTION careops_bill_issued()`);
  }
}
