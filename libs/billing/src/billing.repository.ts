import { Injectable } from '@nestjs/common';
import type { BedKind, BillingFacts, CareLevel, FeeVersion, IsoDate, UsageCharge } from '@careops/care';
import { TenantDb } from '@careops/db';
import type {
  BillKind,
  BillState,
  BillSummaryResponse,
  FeeItemResponse,
  LedgerAccount,
  LedgerEntryResponse,
  LedgerKind,
  PaymentKind,
  PaymentMethod,
  RefundSource,
  UsageChargeResponse,
} from './dto/billing.response';

/** A row of the journal to write (docs/rules.md §9: double entry, amount > 0). */
export interface NewEntry {
  residentId: string;
  on: IsoDate;
  kind: LedgerKind;
  debit: LedgerAccount;
  credit: LedgerAccount;
  amountFen: number;
  memo: string | null;
  billId?: string | null;
  paymentId?: string | null;
  refundId?: string | null;
  /** Unique per facility when set: what may be posted only once (a subsidy credit). */
  sourceKey?: string | null;
}

/** A bill line as stored. */
export interface StoredLine {
  item: string;
  code: string;
  category: string;
  feeItemId: string | null;
  days: number;
  leaveDays: number;
  rateFen: number;
  quantity: number;
  amountFen: number;
  formula: string;
  from: IsoDate;
}

/** What a run needs of an existing bill of the month. */
export interface RunBill {
  id: string;
  residentId: string;
  month: string;
  kind: BillKind;
  state: BillState;
  refersToId: string | null;
  totalFen: number;
  lines: StoredLine[];
}

export interface NewBill {
  residentId: string;
  month: string;
  kind: BillKind;
  refersToId: string | null;
  admissionId?: string | null;
  number: string;
  totalFen: number;
  dueOn: IsoDate;
}

export interface Balances {
  receivableFen: number;
  prepaymentFen: number;
  depositFen: number;
}

export interface PaymentRow {
  id: string;
  kind: PaymentKind;
  residentId: string;
  residentName: string;
  bedCode: string | null;
  amountFen: number;
  method: PaymentMethod;
  reference: string | null;
  receivedOn: string;
  receiptNumber: string;
}

export interface RefundRow {
  id: string;
  residentId: string;
  residentName: string;
  amountFen: number;
  from: RefundSource;
  method: PaymentMethod;
  reference: string | null;
  paidOn: string;
  reason: string;
  voucherNumber: string;
}

const SUMMARY = `
  SELECT b.id, b.number, b.resident_id AS "residentId", r.name AS "residentName",
         (SELECT bd.code FROM stay s JOIN bed bd ON bd.id = s.bed_id
          WHERE s.resident_id = b.resident_id AND lower(s.period) < (to_date(b.month, 'YYYY-MM') + interval '1 month')::date
          ORDER BY lower(s.period) DESC LIMIT 1) AS "bedCode",
         b.month, b.kind, b.refers_to_id AS "refersToId", o.number AS "refersToNumber", b.total_fen::int AS "totalFen",
         coalesce((SELECT sum(e.amount_fen) FROM ledger_entry e WHERE e.bill_id = b.id AND e.credit_account = 'RECEIVABLE'), 0)::int AS "paidFen",
         b.state, b.due_on::text AS "dueOn", b.issued_at AS "issuedAt"
  FROM bill b JOIN resident r ON r.id = b.resident_id LEFT JOIN bill o ON o.id = b.refers_to_id`;

type SummaryRow = Omit<BillSummaryResponse, 'openFen' | 'issuedAt'> & { issuedAt: Date | null };

/** The open amount of a bill: a credit note settles on issue, a draft is not owed yet but shows its total. */
const summary = (r: SummaryRow): BillSummaryResponse => ({
  ...r,
  openFen: r.kind === 'CREDIT_NOTE' ? 0 : r.totalFen - r.paidFen,
  issuedAt: r.issuedAt ? r.issuedAt.toISOString() : null,
});

const FEE_COLUMNS = `f.id, f.code, f.name, f.kind, f.category, f.amount_fen::int AS "amountFen", f.care_level AS "careLevel",
  f.bed_kind AS "bedKind", f.unit, f.charged_on_leave AS "chargedOnLeave", f.effective_from::text AS "effectiveFrom"`;

/**
 * Billing's tables (docs/rules.md §9) through the request's transaction (RLS per facility): fee
 * items, usage charges, bills and lines, the ledger, payments, refunds, settlements, reminders; and
 * the facts a bill run reads of stays, beds, leaves and assessments, for every resident at once.
 */
@Injectable()
export class BillingRepository {
  constructor(private readonly db: TenantDb) {}

  /** Every write of money of a facility queues here: runs, issues, payments, refunds, settlements (until commit). */
  async lockFacility(): Promise<void> {
    await this.db.sql.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`billing:${this.db.facilityId()}`]);
  }

  // ---- fee items ----

  feeItems(on?: IsoDate): Promise<FeeItemResponse[]> {
    return this.db.sql.query(
      `SELECT ${FEE_COLUMNS},
              EXISTS (SELECT 1 FROM bill_line l WHERE l.fee_item_id = f.id) OR EXISTS (SELECT 1 FROM usage_charge u WHERE u.fee_item_id = f.id) AS "usedByBills"
       FROM fee_item f
       WHERE $1::date IS NULL OR f.effective_from = (
         SELECT max(g.effective_from) FROM fee_item g
         WHERE g.code = f.code AND g.care_level IS NOT DISTINCT FROM f.care_level AND g.bed_kind IS NOT DISTINCT FROM f.bed_kind
           AND g.effective_from <= $1::date)
       ORDER BY CASE f.category WHEN 'BED' THEN 1 WHEN 'CARE' THEN 2 WHEN 'MEALS' THEN 3 ELSE 4 END, f.code,
                f.care_level NULLS FIRST, f.bed_kind NULLS FIRST, f.effective_from`,
      [on ?? null],
    );
  }

  async feeItem(id: string): Promise<FeeItemResponse | null> {
    const rows = await this.feeItems();
    return rows.find((r) => r.id === id) ?? null;
  }

  async findFeeVersion(v: { code: string; careLevel: CareLevel | null; bedKind: BedKind | null; effectiveFrom: IsoDate }) {
    const [row]: { id: string; used: boolean }[] = await this.db.sql.query(
      `SELECT f.id, EXISTS (SELECT 1 FROM bill_line l WHERE l.fee_item_id = f.id) OR EXISTS (SELECT 1 FROM usage_charge u WHERE u.fee_item_id = f.id) AS used
       FROM fee_item f WHERE f.code = $1 AND f.care_level IS NOT DISTINCT FROM $2 AND f.bed_kind IS NOT DISTINCT FROM $3 AND f.effective_from = $4`,
      [v.code, v.careLevel, v.bedKind, v.effectiveFrom],
    );
    return row ?? null;
  }

  async saveFeeItem(id: string | null, f: Omit<FeeVersion, 'id'> & { unit: string | null }): Promise<string> {
    const params = [f.code, f.name, f.kind, f.category, f.amountFen, f.careLevel, f.bedKind, f.unit, f.chargedOnLeave, f.effectiveFrom];
    if (id) {
      await this.db.sql.query(
        `UPDATE fee_item SET code = $1, name = $2, kind = $3, category = $4, amount_fen = $5, care_level = $6, bed_kind = $7, unit = $8,
                charged_on_leave = $9, effective_from = $10 WHERE id = $11`,
        [...params, id],
      );
      return id;
    }
    const [row]: { id: string }[] = await this.db.sql.query(
      `INSERT INTO fee_item (facility_id, code, name, kind, category, amount_fen, care_level, bed_kind, unit, charged_on_leave, effective_from)
       VALUES ($11, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [...params, this.db.facilityId()],
    );
    return row.id;
  }

  /** Every version effective before `before` (a run picks the one in force per day). */
  feeVersionsBefore(before: IsoDate): Promise<FeeVersion[]> {
    return this.db.sql.query(`SELECT ${FEE_COLUMNS} FROM fee_item f WHERE f.effective_from < $1 ORDER BY f.code, f.effective_from`, [
      before,
    ]);
  }

  /** The per-use version of `code` in force on `on`: the latest general one. */
  async perUseVersionOn(code: string, on: IsoDate): Promise<(FeeVersion & { unit: string | null }) | null> {
    const [row] = await this.db.sql.query(
      `SELECT ${FEE_COLUMNS} FROM fee_item f WHERE f.code = $1 AND f.kind = 'PER_USE' AND f.effective_from <= $2
       ORDER BY f.effective_from DESC LIMIT 1`,
      [code, on],
    );
    return row ?? null;
  }

  // ---- usage charges ----

  async insertUsage(u: { residentId: string; feeItemId: string; on: IsoDate; quantity: number; unitFen: number; note: string | null }) {
    const [row]: { id: string }[] = await this.db.sql.query(
      `INSERT INTO usage_charge (facility_id, resident_id, fee_item_id, "on", quantity, unit_fen, amount_fen, note, recorded_by)
       VALUES ($1, $2, $3, $4, $5::int, $6::bigint, $6::bigint * $5::int, $7, $8) RETURNING id`,
      [this.db.facilityId(), u.residentId, u.feeItemId, u.on, u.quantity, u.unitFen, u.note, this.db.userId()],
    );
    return row.id;
  }

  usageCharges(q: {
    from?: IsoDate;
    to?: IsoDate;
    residentId?: string;
    id?: string;
  }): Promise<(UsageChargeResponse & { category: string })[]> {
    return this.db.sql.query(
      `SELECT u.id, u.resident_id AS "residentId", f.code, f.name, f.category, u."on"::text AS "on", u.quantity, u.unit_fen::int AS "unitFen",
              u.amount_fen::int AS "amountFen", u.note
       FROM usage_charge u JOIN fee_item f ON f.id = u.fee_item_id
       WHERE ($1::date IS NULL OR u."on" >= $1) AND ($2::date IS NULL OR u."on" < $2) AND ($3::uuid IS NULL OR u.resident_id = $3)
         AND ($4::uuid IS NULL OR u.id = $4)
       ORDER BY u."on", u.created_at`,
      [q.from ?? null, q.to ?? null, q.residentId ?? null, q.id ?? null],
    );
  }

  // ---- the facts of a run ----

  /**
   * For every resident on a bed during [from, to) (or only `residentIds`): the stays with their bed
   * kind, the level history up to `to`, the leaves near the month (a leave across the month's edge
   * counts whole), and the per-use charges of the month. One statement for the whole facility.
   */
  async facts(
    span: { from: IsoDate; to: IsoDate },
    residentIds: string[] | null,
  ): Promise<Map<string, BillingFacts & { usage: UsageCharge[] }>> {
    const rows: {
      resident_id: string;
      stays: { from: string; to: string | null; bedKind: BedKind }[];
      assessments: { effectiveOn: string; careLevel: CareLevel; recordedSeq: number }[] | null;
      leaves: { from: string; to: string }[] | null;
      usage: UsageCharge[] | null;
    }[] = await this.db.sql.query(
      `WITH who AS (
         SELECT DISTINCT s.resident_id FROM stay s
         WHERE s.period && daterange($1::date, $2::date) AND ($3::uuid[] IS NULL OR s.resident_id = ANY($3::uuid[]))
         UNION
         SELECT DISTINCT u.resident_id FROM usage_charge u
         WHERE u."on" >= $1::date AND u."on" < $2::date AND ($3::uuid[] IS NULL OR u.resident_id = ANY($3::uuid[])))
       SELECT w.resident_id,
              coalesce((SELECT json_agg(json_build_object('from', lower(s.period), 'to', upper(s.period), 'bedKind', b.kind) ORDER BY lower(s.period))
                        FROM stay s JOIN bed b ON b.id = s.bed_id
                        WHERE s.resident_id = w.resident_id AND s.period && daterange($1::date, $2::date)), '[]') AS stays,
              (SELECT json_agg(json_build_object('effectiveOn', a.effective_on, 'careLevel', a.care_level, 'recordedSeq', a.seq) ORDER BY a.effective_on, a.seq)
               FROM assessment a WHERE a.resident_id = w.resident_id AND a.effective_on < $2::date) AS assessments,
              (SELECT json_agg(json_build_object('from', lower(l.period), 'to', upper(l.period)) ORDER BY lower(l.period))
               FROM leave l WHERE l.resident_id = w.resident_id AND l.period && daterange($1::date - 62, $2::date + 62)) AS leaves,
              (SELECT json_agg(json_build_object('id', u.id, 'code', f.code, 'name', f.name, 'category', f.category, 'on', u."on",
                                                 'quantity', u.quantity, 'unitFen', u.unit_fen) ORDER BY u."on", u.created_at)
               FROM usage_charge u JOIN fee_item f ON f.id = u.fee_item_id
               WHERE u.resident_id = w.resident_id AND u."on" >= $1::date AND u."on" < $2::date) AS usage
       FROM who w`,
      [span.from, span.to, residentIds],
    );
    return new Map(
      rows.map((r) => [
        r.resident_id,
        {
          stays: r.stays,
          assessments: (r.assessments ?? []).map((a) => ({ ...a, recordedSeq: Number(a.recordedSeq) })),
          leaves: r.leaves ?? [],
          usage: (r.usage ?? []).map((u) => ({ ...u, unitFen: Number(u.unitFen) })),
        },
      ]),
    );
  }

  /** The leaves of a resident overlapping [from, to), clipped to nothing: as recorded. */
  leavesIn(residentId: string, span: { from: IsoDate; to: IsoDate }): Promise<{ from: string; to: string }[]> {
    return this.db.sql.query(
      `SELECT lower(period)::text AS "from", upper(period)::text AS "to" FROM leave
       WHERE resident_id = $1 AND period && daterange($2::date, $3::date) ORDER BY lower(period)`,
      [residentId, span.from, span.to],
    );
  }

  /** The resident's days in care around a month: the admission holding its last stay in the month. */
  async inCareAround(residentId: string, span: { from: IsoDate; to: IsoDate }): Promise<{ from: string | null; to: string | null }> {
    const [row] = await this.db.sql.query(
      `SELECT lower(period)::text AS "from", upper(period)::text AS "to" FROM admission
       WHERE resident_id = $1 AND lower(period) < $2::date ORDER BY lower(period) DESC LIMIT 1`,
      [residentId, span.to],
    );
    return row ?? { from: null, to: null };
  }

  // ---- bills ----

  /** The bills of the months given (the run's month and the earlier ones it corrects), with their lines. */
  async runBills(months: string[]): Promise<RunBill[]> {
    const rows: (Omit<RunBill, 'lines' | 'totalFen'> & { totalFen: string; lines: StoredLine[] | null })[] = await this.db.sql.query(
      `SELECT b.id, b.resident_id AS "residentId", b.month, b.kind, b.state, b.refers_to_id AS "refersToId", b.total_fen AS "totalFen",
              (SELECT json_agg(json_build_object('item', l.item, 'code', l.code, 'category', l.category, 'feeItemId', l.fee_item_id, 'days', l.days,
                                                 'leaveDays', l.leave_days, 'rateFen', l.rate_fen, 'quantity', l.quantity, 'amountFen', l.amount_fen,
                                                 'formula', l.formula, 'from', l.from_day) ORDER BY l.seq)
               FROM bill_line l WHERE l.bill_id = b.id) AS lines
       FROM bill b WHERE b.month = ANY($1::text[]) ORDER BY b.created_at, b.number`,
      [months],
    );
    return rows.map((r) => ({
      ...r,
      totalFen: Number(r.totalFen),
      lines: (r.lines ?? []).map((l) => ({ ...l, rateFen: Number(l.rateFen), amountFen: Number(l.amountFen) })),
    }));
  }

  /** Months before `month` (within a year) with a bill issued: the ones a run checks for corrections. */
  async issuedMonthsBefore(month: string, since: string): Promise<string[]> {
    const rows: { month: string }[] = await this.db.sql.query(
      `SELECT DISTINCT month FROM bill WHERE month < $1 AND month >= $2 AND state <> 'DRAFT' AND kind IN ('MONTHLY', 'FINAL') ORDER BY month`,
      [month, since],
    );
    return rows.map((r) => r.month);
  }

  /** The next `n` numbers of a counter (BILL per month, RECEIPT and REFUND per year): gapless, the row locked until commit. */
  async nextNumbers(kind: 'BILL' | 'RECEIPT' | 'REFUND', period: string, n: number): Promise<number[]> {
    if (n === 0) return [];
    const [row]: { last: number }[] = await this.db.sql.query(
      `INSERT INTO billing_counter (facility_id, kind, period, last) VALUES ($1, $2, $3, $4)
       ON CONFLICT (facility_id, kind, period) DO UPDATE SET last = billing_counter.last + $4 RETURNING last`,
      [this.db.facilityId(), kind, period, n],
    );
    return Array.from({ length: n }, (_, i) => row.last - n + 1 + i);
  }

  /** New bills, all in one statement; their ids in the order given. */
  async insertBills(bills: NewBill[]): Promise<string[]> {
    if (bills.length === 0) return [];
    const rows: { id: string; number: string }[] = await this.db.sql.query(
      `INSERT INTO bill (facility_id, resident_id, month, kind, refers_to_id, admission_id, number, total_fen, due_on)
       SELECT $1, x.resident_id, x.month, x.kind, x.refers_to_id, x.admission_id, x.number, x.total_fen, x.due_on
       FROM jsonb_to_recordset($2::jsonb) AS x(resident_id uuid, month text, kind text, refers_to_id uuid, admission_id uuid,
            number text, total_fen bigint, due_on date, n int)
       ORDER BY x.n RETURNING id, number`,
      [
        this.db.facilityId(),
        JSON.stringify(
          bills.map((b, n) => ({
            n,
            resident_id: b.residentId,
            month: b.month,
            kind: b.kind,
            refers_to_id: b.refersToId,
            admission_id: b.admissionId ?? null,
            number: b.number,
            total_fen: b.totalFen,
            due_on: b.dueOn,
          })),
        ),
      ],
    );
    const byNumber = new Map(rows.map((r) => [r.number, r.id]));
    return bills.map((b) => byNumber.get(b.number) as string);
  }

  /** Draft bills' new kind and total, in one statement. */
  async updateDrafts(rows: { id: string; kind: BillKind; totalFen: number }[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.sql.query(
      `UPDATE bill b SET kind = x.kind, total_fen = x.total_fen, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, kind text, total_fen bigint) WHERE b.id = x.id AND b.state = 'DRAFT'`,
      [JSON.stringify(rows.map((r) => ({ id: r.id, kind: r.kind, total_fen: r.totalFen })))],
    );
  }

  async deleteDrafts(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.sql.query(`DELETE FROM bill WHERE id = ANY($1::uuid[]) AND state = 'DRAFT'`, [ids]);
  }

  /** Replaces the lines of draft bills: one delete and one insert, whatever their number. */
  async replaceLines(lines: { billId: string; lines: StoredLine[] }[]): Promise<void> {
    if (lines.length === 0) return;
    await this.db.sql.query(`DELETE FROM bill_line WHERE bill_id = ANY($1::uuid[])`, [lines.map((l) => l.billId)]);
    const rows = lines.flatMap(({ billId, lines: ls }) =>
      ls.map((l, seq) => ({
        bill_id: billId,
        seq,
        item: l.item,
        code: l.code,
        category: l.category,
        fee_item_id: l.feeItemId,
        days: l.days,
        leave_days: l.leaveDays,
        rate_fen: l.rateFen,
        quantity: l.quantity,
        amount_fen: l.amountFen,
        formula: l.formula,
        from_day: l.from,
      })),
    );
    if (rows.length === 0) return;
    await this.db.sql.query(
      `INSERT INTO bill_line (facility_id, bill_id, seq, item, code, category, fee_item_id, days, leave_days, rate_fen, quantity, amount_fen, formula, from_day)
       SELECT $1, x.bill_id, x.seq, x.item, x.code, x.category, x.fee_item_id, x.days, x.leave_days, x.rate_fen, x.quantity, x.amount_fen, x.formula, x.from_day
       FROM jsonb_to_recordset($2::jsonb) AS x(bill_id uuid, seq int, item text, code text, category text, fee_item_id uuid, days int, leave_days int,
            rate_fen bigint, quantity int, amount_fen bigint, formula text, from_day date)`,
      [this.db.facilityId(), JSON.stringify(rows)],
    );
  }

  async summaries(q: {
    ids?: string[];
    month?: string;
    state?: BillState;
    q?: string;
    residentId?: string;
  }): Promise<BillSummaryResponse[]> {
    const rows: SummaryRow[] = await this.db.sql.query(
      `${SUMMARY}
       WHERE ($1::uuid[] IS NULL OR b.id = ANY($1::uuid[])) AND ($2::text IS NULL OR b.month = $2) AND ($3::text IS NULL OR b.state = $3)
         AND ($4::uuid IS NULL OR b.resident_id = $4)
         AND ($5::text IS NULL OR r.name ILIKE '%' || $5 || '%' OR b.number ILIKE '%' || $5 || '%'
              OR EXISTS (SELECT 1 FROM stay s JOIN bed bd ON bd.id = s.bed_id WHERE s.resident_id = b.resident_id AND bd.code ILIKE '%' || $5 || '%'))
       ORDER BY b.month, r.name, b.resident_id, b.created_at`,
      [q.ids ?? null, q.month ?? null, q.state ?? null, q.residentId ?? null, q.q?.trim() || null],
    );
    return rows.map(summary);
  }

  async lines(billId: string): Promise<StoredLine[]> {
    const rows = await this.db.sql.query(
      `SELECT item, code, category, fee_item_id AS "feeItemId", days, leave_days AS "leaveDays", rate_fen::int AS "rateFen", quantity,
              amount_fen::int AS "amountFen", formula, from_day::text AS "from"
       FROM bill_line WHERE bill_id = $1 ORDER BY seq`,
      [billId],
    );
    return rows;
  }

  /** A bill's state, locked for the rest of the transaction. */
  async billForUpdate(
    id: string,
  ): Promise<{ id: string; number: string; month: string; state: BillState; kind: BillKind; residentId: string } | null> {
    const [row] = await this.db.sql.query(
      `SELECT id, number, month, state, kind, resident_id AS "residentId" FROM bill WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  /** Issues draft bills (of a month with the corrections of earlier months, or the ids given): ISSUED now, by the caller; what was issued. */
  async issue(q: {
    month?: string;
    ids?: string[];
    residentId?: string;
  }): Promise<{ id: string; number: string; residentId: string; kind: BillKind; totalFen: number; month: string }[]> {
    const rows = await this.db.sql.query(
      `WITH u AS (UPDATE bill SET state = 'ISSUED', issued_at = now(), issued_by = $4, updated_at = now()
       WHERE state = 'DRAFT' AND ($1::text IS NULL OR month = $1 OR (kind IN ('SUPPLEMENTARY', 'CREDIT_NOTE') AND month < $1)) AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
         AND ($3::uuid IS NULL OR resident_id = $3)
       RETURNING id, number, resident_id AS "residentId", kind, total_fen::int AS "totalFen", month)
       SELECT * FROM u ORDER BY "residentId", month, number`,
      [q.month ?? null, q.ids ?? null, q.residentId ?? null, this.db.userId()],
    );
    return rows;
  }

  /** Issued bills with nothing left open become PAID (credit notes settle on issue). */
  async markPaid(residentIds: string[]): Promise<void> {
    if (residentIds.length === 0) return;
    await this.db.sql.query(
      `UPDATE bill b SET state = 'PAID', paid_at = now(), updated_at = now()
       WHERE b.state = 'ISSUED' AND b.resident_id = ANY($1::uuid[])
         AND (b.kind = 'CREDIT_NOTE' OR b.total_fen <= coalesce((SELECT sum(e.amount_fen) FROM ledger_entry e
                                                                  WHERE e.bill_id = b.id AND e.credit_account = 'RECEIVABLE'), 0))`,
      [residentIds],
    );
  }

  /** A resident's issued bills still open, oldest due first (docs/rules.md §9: payments go to the oldest). */
  async openBills(residentId: string): Promise<{ id: string; number: string; openFen: number }[]> {
    return this.db.sql.query(
      `SELECT b.id, b.number, (b.total_fen - coalesce((SELECT sum(e.amount_fen) FROM ledger_entry e
                                                       WHERE e.bill_id = b.id AND e.credit_account = 'RECEIVABLE'), 0))::int AS "openFen"
       FROM bill b WHERE b.resident_id = $1 AND b.state = 'ISSUED' AND b.kind <> 'CREDIT_NOTE'
       ORDER BY b.due_on, b.month, b.number`,
      [residentId],
    );
  }

  // ---- the ledger ----

  async post(entries: NewEntry[]): Promise<void> {
    const rows = entries.filter((e) => e.amountFen > 0);
    if (rows.length === 0) return;
    await this.db.sql.query(
      `INSERT INTO ledger_entry (facility_id, resident_id, "on", kind, debit_account, credit_account, amount_fen, memo, bill_id, payment_id, refund_id, source_key)
       SELECT $1, x.resident_id, x.on, x.kind, x.debit, x.credit, x.amount_fen, x.memo, x.bill_id, x.payment_id, x.refund_id, x.source_key
       FROM jsonb_to_recordset($2::jsonb) AS x(resident_id uuid, "on" date, kind text, debit text, credit text, amount_fen bigint, memo text,
            bill_id uuid, payment_id uuid, refund_id uuid, source_key text, n int)
       ORDER BY x.n`,
      [
        this.db.facilityId(),
        JSON.stringify(
          rows.map((e, n) => ({
            n,
            resident_id: e.residentId,
            on: e.on,
            kind: e.kind,
            debit: e.debit,
            credit: e.credit,
            amount_fen: e.amountFen,
            memo: e.memo,
            bill_id: e.billId ?? null,
            payment_id: e.paymentId ?? null,
            refund_id: e.refundId ?? null,
            source_key: e.sourceKey ?? null,
          })),
        ),
      ],
    );
  }

  /** Each resident's balances, sums over the ledger (docs/rules.md §9: never a stored number). */
  async balances(residentIds: string[] | null): Promise<Map<string, Balances>> {
    const rows: { resident_id: string; receivable: string; prepayment: string; deposit: string }[] = await this.db.sql.query(
      `SELECT resident_id,
              sum(CASE WHEN debit_account = 'RECEIVABLE' THEN amount_fen WHEN credit_account = 'RECEIVABLE' THEN -amount_fen ELSE 0 END) AS receivable,
              sum(CASE WHEN credit_account = 'PREPAYMENT' THEN amount_fen WHEN debit_account = 'PREPAYMENT' THEN -amount_fen ELSE 0 END) AS prepayment,
              sum(CASE WHEN credit_account = 'DEPOSIT' THEN amount_fen WHEN debit_account = 'DEPOSIT' THEN -amount_fen ELSE 0 END) AS deposit
       FROM ledger_entry WHERE $1::uuid[] IS NULL OR resident_id = ANY($1::uuid[]) GROUP BY resident_id`,
      [residentIds],
    );
    return new Map(
      rows.map((r) => [
        r.resident_id,
        { receivableFen: Number(r.receivable), prepaymentFen: Number(r.prepayment), depositFen: Number(r.deposit) },
      ]),
    );
  }

  async ledger(residentId: string): Promise<LedgerEntryResponse[]> {
    const rows: (Omit<LedgerEntryResponse, 'at' | 'amountFen'> & { at: Date; amountFen: string })[] = await this.db.sql.query(
      `SELECT id, at, "on"::text AS "on", kind, debit_account AS "debitAccount", credit_account AS "creditAccount", amount_fen AS "amountFen", memo,
              bill_id AS "billId", payment_id AS "paymentId", refund_id AS "refundId"
       FROM ledger_entry WHERE resident_id = $1 ORDER BY seq`,
      [residentId],
    );
    return rows.map((r) => ({ ...r, at: r.at.toISOString(), amountFen: Number(r.amountFen) }));
  }

  /** What each bill got from entries crediting RECEIVABLE with the given payments: the payments' applications. */
  async applications(paymentIds: string[]): Promise<{ paymentId: string; billId: string; billNumber: string; amountFen: number }[]> {
    if (paymentIds.length === 0) return [];
    return this.db.sql.query(
      `SELECT e.payment_id AS "paymentId", e.bill_id AS "billId", b.number AS "billNumber", e.amount_fen::int AS "amountFen"
       FROM ledger_entry e JOIN bill b ON b.id = e.bill_id
       WHERE e.payment_id = ANY($1::uuid[]) AND e.credit_account = 'RECEIVABLE' ORDER BY e.seq`,
      [paymentIds],
    );
  }

  /** Subsidy credited with a bill (docs/rules.md §9). */
  async subsidyCredited(billId: string): Promise<number> {
    const [row] = await this.db.sql.query(
      `SELECT coalesce(sum(amount_fen), 0)::int AS fen FROM ledger_entry WHERE bill_id = $1 AND kind = 'SUBSIDY_CREDIT'`,
      [billId],
    );
    return row.fen;
  }

  /**
   * Subsidies paid to the elder (policy beneficiary RESIDENT) by claims now PAID and not yet
   * credited: per claim and resident, what the claim's lines sum to (docs/rules.md §5, §9).
   */
  uncreditedSubsidies(residentIds: string[]): Promise<{ residentId: string; claimId: string; claimNumber: string; amountFen: number }[]> {
    if (residentIds.length === 0) return Promise.resolve([]);
    return this.db.sql.query(
      `SELECT l.resident_id AS "residentId", c.id AS "claimId", c.number AS "claimNumber", sum(l.amount_fen)::int AS "amountFen"
       FROM claim_line l JOIN claim c ON c.id = l.claim_id JOIN subsidy_policy p ON p.id = c.policy_id
       WHERE c.state = 'PAID' AND p.beneficiary = 'RESIDENT' AND l.resident_id = ANY($1::uuid[])
         AND NOT EXISTS (SELECT 1 FROM ledger_entry e WHERE e.source_key = 'subsidy:' || c.id || ':' || l.resident_id)
       GROUP BY l.resident_id, c.id, c.number HAVING sum(l.amount_fen) > 0`,
      [residentIds],
    );
  }

  // ---- payments and refunds ----

  async insertPayment(p: {
    residentId: string;
    kind: PaymentKind;
    amountFen: number;
    method: PaymentMethod;
    reference: string | null;
    receivedOn: IsoDate;
    year: number;
    seq: number;
    number: string;
  }): Promise<string> {
    const [row]: { id: string }[] = await this.db.sql.query(
      `INSERT INTO payment (facility_id, resident_id, kind, amount_fen, method, reference, received_on, receipt_year, receipt_seq, receipt_number, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        this.db.facilityId(),
        p.residentId,
        p.kind,
        p.amountFen,
        p.method,
        p.reference,
        p.receivedOn,
        p.year,
        p.seq,
        p.number,
        this.db.userId(),
      ],
    );
    return row.id;
  }

  payments(q: { ids?: string[]; residentId?: string; from?: IsoDate; to?: IsoDate; q?: string }): Promise<PaymentRow[]> {
    return this.db.sql.query(
      `SELECT p.id, p.kind, p.resident_id AS "residentId", r.name AS "residentName",
              (SELECT bd.code FROM stay s JOIN bed bd ON bd.id = s.bed_id WHERE s.resident_id = p.resident_id AND lower(s.period) <= p.received_on
               ORDER BY lower(s.period) DESC LIMIT 1) AS "bedCode",
              p.amount_fen::int AS "amountFen", p.method, p.reference, p.received_on::text AS "receivedOn", p.receipt_number AS "receiptNumber"
       FROM payment p JOIN resident r ON r.id = p.resident_id
       WHERE ($1::uuid[] IS NULL OR p.id = ANY($1::uuid[])) AND ($2::uuid IS NULL OR p.resident_id = $2)
         AND ($3::date IS NULL OR p.received_on >= $3) AND ($4::date IS NULL OR p.received_on < $4)
         AND ($5::text IS NULL OR r.name ILIKE '%' || $5 || '%' OR p.receipt_number ILIKE '%' || $5 || '%')
       ORDER BY p.receipt_year, p.receipt_seq`,
      [q.ids ?? null, q.residentId ?? null, q.from ?? null, q.to ?? null, q.q?.trim() || null],
    );
  }

  async insertRefund(r: {
    residentId: string;
    amountFen: number;
    from: RefundSource;
    method: PaymentMethod;
    reference: string | null;
    paidOn: IsoDate;
    reason: string;
    year: number;
    seq: number;
    number: string;
  }): Promise<string> {
    const [row]: { id: string }[] = await this.db.sql.query(
      `INSERT INTO refund (facility_id, resident_id, amount_fen, from_account, method, reference, paid_on, reason, voucher_year, voucher_seq, voucher_number, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        this.db.facilityId(),
        r.residentId,
        r.amountFen,
        r.from,
        r.method,
        r.reference,
        r.paidOn,
        r.reason,
        r.year,
        r.seq,
        r.number,
        this.db.userId(),
      ],
    );
    return row.id;
  }

  refunds(q: { ids?: string[]; residentId?: string }): Promise<RefundRow[]> {
    return this.db.sql.query(
      `SELECT f.id, f.resident_id AS "residentId", r.name AS "residentName", f.amount_fen::int AS "amountFen", f.from_account AS "from", f.method,
              f.reference, f.paid_on::text AS "paidOn", f.reason, f.voucher_number AS "voucherNumber"
       FROM refund f JOIN resident r ON r.id = f.resident_id
       WHERE ($1::uuid[] IS NULL OR f.id = ANY($1::uuid[])) AND ($2::uuid IS NULL OR f.resident_id = $2)
       ORDER BY f.voucher_year, f.voucher_seq`,
      [q.ids ?? null, q.residentId ?? null],
    );
  }

  // ---- residents, admissions, settlements, reminders ----

  async resident(id: string): Promise<{ id: string; name: string } | null> {
    const [row] = await this.db.sql.query(`SELECT id, name FROM resident WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** The resident's bed kind and level on a day (the stay then, else the latest before). */
  async placeOn(residentId: string, day: IsoDate): Promise<{ bedKind: BedKind | null; careLevel: CareLevel | null }> {
    const [row] = await this.db.sql.query(
      `SELECT (SELECT b.kind FROM stay s JOIN bed b ON b.id = s.bed_id WHERE s.resident_id = $1 AND lower(s.period) <= $2::date
               ORDER BY lower(s.period) DESC LIMIT 1) AS "bedKind",
              careops_care_level_on($1::uuid, $2::date) AS "careLevel"`,
      [residentId, day],
    );
    return row;
  }

  async admission(id: string): Promise<{ id: string; residentId: string; admittedOn: string; dischargedOn: string | null } | null> {
    const [row] = await this.db.sql.query(
      `SELECT id, resident_id AS "residentId", lower(period)::text AS "admittedOn", upper(period)::text AS "dischargedOn" FROM admission WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  async settlementOf(admissionId: string): Promise<{ id: string; settledOn: string } | null> {
    const [row] = await this.db.sql.query(`SELECT id, settled_on::text AS "settledOn" FROM settlement WHERE admission_id = $1`, [
      admissionId,
    ]);
    return row ?? null;
  }

  async insertSettlement(s: {
    admissionId: string;
    residentId: string;
    settledOn: IsoDate;
    finalBillId: string | null;
    owedFen: number;
    depositFen: number;
    prepaymentFen: number;
    refundFen: number;
    stillOwedFen: number;
    refundId: string | null;
  }): Promise<string> {
    const [row]: { id: string }[] = await this.db.sql.query(
      `INSERT INTO settlement (facility_id, admission_id, resident_id, settled_on, final_bill_id, owed_fen, deposit_fen, prepayment_fen, refund_fen,
                               still_owed_fen, refund_id, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        this.db.facilityId(),
        s.admissionId,
        s.residentId,
        s.settledOn,
        s.finalBillId,
        s.owedFen,
        s.depositFen,
        s.prepaymentFen,
        s.refundFen,
        s.stillOwedFen,
        s.refundId,
        this.db.userId(),
      ],
    );
    return row.id;
  }

  /** The settlement a refund belongs to, if any. */
  async settlementOfRefund(
    refundId: string,
  ): Promise<{ id: string; admissionId: string; settledOn: string; owedFen: number; finalBillId: string | null } | null> {
    const [row] = await this.db.sql.query(
      `SELECT id, admission_id AS "admissionId", settled_on::text AS "settledOn", owed_fen::int AS "owedFen", final_bill_id AS "finalBillId"
       FROM settlement WHERE refund_id = $1`,
      [refundId],
    );
    return row ?? null;
  }

  /** Discharged admissions not yet settled, the latest per resident. */
  unsettledDischarges(): Promise<{ admissionId: string; residentId: string; residentName: string; dischargedOn: string }[]> {
    return this.db.sql.query(
      `SELECT a.id AS "admissionId", a.resident_id AS "residentId", r.name AS "residentName", upper(a.period)::text AS "dischargedOn"
       FROM admission a JOIN resident r ON r.id = a.resident_id
       WHERE NOT upper_inf(a.period) AND NOT EXISTS (SELECT 1 FROM settlement s WHERE s.admission_id = a.id)
         AND NOT EXISTS (SELECT 1 FROM admission later WHERE later.resident_id = a.resident_id AND lower(later.period) > lower(a.period))
       ORDER BY upper(a.period), r.name`,
    );
  }

  /** Issued bills open and due before `asOf`, with where each resident stands that day and the last reminder. */
  pastDue(asOf: IsoDate): Promise<
    {
      billId: string;
      residentId: string;
      residentName: string;
      bedCode: string | null;
      status: 'IN_CARE' | 'ON_LEAVE' | 'DISCHARGED';
      openFen: number;
      dueOn: string;
      lastReminderAt: Date | null;
    }[]
  > {
    return this.db.sql.query(
      `SELECT b.id AS "billId", b.resident_id AS "residentId", r.name AS "residentName",
              (SELECT bd.code FROM stay s JOIN bed bd ON bd.id = s.bed_id WHERE s.resident_id = b.resident_id AND lower(s.period) <= $1::date
               ORDER BY lower(s.period) DESC LIMIT 1) AS "bedCode",
              CASE WHEN EXISTS (SELECT 1 FROM leave l WHERE l.resident_id = b.resident_id AND l.period @> $1::date) THEN 'ON_LEAVE'
                   WHEN EXISTS (SELECT 1 FROM admission a WHERE a.resident_id = b.resident_id AND a.period @> $1::date) THEN 'IN_CARE'
                   ELSE 'DISCHARGED' END AS status,
              (b.total_fen - coalesce((SELECT sum(e.amount_fen) FROM ledger_entry e WHERE e.bill_id = b.id AND e.credit_account = 'RECEIVABLE'), 0))::int AS "openFen",
              b.due_on::text AS "dueOn",
              (SELECT max(m.at) FROM arrears_reminder m WHERE m.resident_id = b.resident_id) AS "lastReminderAt"
       FROM bill b JOIN resident r ON r.id = b.resident_id
       WHERE b.state = 'ISSUED' AND b.kind <> 'CREDIT_NOTE' AND b.due_on < $1::date
       ORDER BY r.name, b.resident_id, b.due_on, b.number`,
      [asOf],
    );
  }

  async insertReminders(rows: { residentId: string; openFen: number }[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.sql.query(
      `INSERT INTO arrears_reminder (facility_id, resident_id, by_user, open_fen)
       SELECT $1, x.resident_id, $2, x.open_fen FROM jsonb_to_recordset($3::jsonb) AS x(resident_id uuid, open_fen bigint)`,
      [this.db.facilityId(), this.db.userId(), JSON.stringify(rows.map((r) => ({ resident_id: r.residentId, open_fen: r.openFen })))],
    );
  }
}
