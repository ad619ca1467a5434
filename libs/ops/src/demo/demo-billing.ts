import type { EntityManager } from 'typeorm';
import { addDays, billDueOn, billLines, type BillingFacts, billTotal, type FeeVersion, type IsoDate, monthSpan } from '@careops/care';

/** The demo's fee items (docs/rules.md §9): 床位费 by bed kind, 护理费 by level, 伙食费, 助浴 per use. */
const FEES = [
  ['BED', '床位费（护理型）', 'MONTHLY', 'BED', 180000, null, 'NURSING', null, true],
  ['BED', '床位费（普通）', 'MONTHLY', 'BED', 120000, null, 'GENERAL', null, true],
  ['CARE', '护理费（自理）', 'MONTHLY', 'CARE', 30000, 'SELF_CARE', null, null, true],
  ['CARE', '护理费（半失能）', 'MONTHLY', 'CARE', 80000, 'SEMI_DISABLED', null, null, true],
  ['CARE', '护理费（全失能）', 'MONTHLY', 'CARE', 150000, 'FULLY_DISABLED', null, null, true],
  ['MEALS', '伙食费', 'MONTHLY', 'MEALS', 60000, null, null, null, false],
  ['BATH', '助浴', 'PER_USE', 'OTHER', 3000, null, null, '次', true],
] as const;

/**
 * The accountant's demo (docs/rules.md §9): the fee items, last month's bills of every resident
 * computed by `billLines` and issued (the journal written as the app writes it), a few 助浴, two
 * payments with receipts (one paying a bill in full, one in part) and a deposit; this month's bills
 * left to run. Written in the seed's transaction, tenant already set.
 */
export async function seedBilling(tx: EntityManager, facilityId: string, today: IsoDate): Promise<void> {
  const fees: FeeVersion[] = [];
  for (const [code, name, kind, category, amount, level, bedKind, unit, onLeave] of FEES) {
    const [f] = await tx.query(
      `INSERT INTO fee_item (facility_id, code, name, kind, category, amount_fen, care_level, bed_kind, unit, charged_on_leave, effective_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '2025-01-01') RETURNING id`,
      [facilityId, code, name, kind, category, amount, level, bedKind, unit, onLeave],
    );
    fees.push({
      id: f.id,
      code,
      name,
      kind,
      category,
      amountFen: amount,
      careLevel: level,
      bedKind,
      chargedOnLeave: onLeave,
      effectiveFrom: '2025-01-01',
    });
  }
  const month = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const span = monthSpan(month);
  const rows: {
    resident_id: string;
    stays: BillingFacts['stays'];
    assessments: BillingFacts['assessments'] | null;
    leaves: BillingFacts['leaves'] | null;
  }[] = await tx.query(
    `SELECT s.resident_id,
              json_agg(json_build_object('from', lower(s.period), 'to', upper(s.period), 'bedKind', b.kind) ORDER BY lower(s.period)) AS stays,
              (SELECT json_agg(json_build_object('effectiveOn', a.effective_on, 'careLevel', a.care_level, 'recordedSeq', a.seq) ORDER BY a.effective_on, a.seq)
               FROM assessment a WHERE a.resident_id = s.resident_id AND a.effective_on < $2::date) AS assessments,
              (SELECT json_agg(json_build_object('from', lower(l.period), 'to', upper(l.period))) FROM leave l
               WHERE l.resident_id = s.resident_id AND l.period && daterange($1::date - 31, $2::date + 31)) AS leaves
       FROM stay s JOIN bed b ON b.id = s.bed_id WHERE s.facility_id = $3 AND s.period && daterange($1::date, $2::date)
       GROUP BY s.resident_id ORDER BY min(lower(s.period)), s.resident_id`,
    [span.from, span.to, facilityId],
  );
  const bath = fees.find((f) => f.code === 'BATH') as FeeVersion;
  let n = 0;
  const bills: { id: string; residentId: string; totalFen: number; number: string }[] = [];
  for (const r of rows) {
    const usage =
      n % 4 === 0
        ? [{ code: 'BATH', name: '助浴', category: 'OTHER' as const, on: addDays(span.from, 9), quantity: 2, unitFen: bath.amountFen }]
        : [];
    for (const u of usage)
      await tx.query(
        `INSERT INTO usage_charge (facility_id, resident_id, fee_item_id, "on", quantity, unit_fen, amount_fen, note) VALUES ($1, $2, $3, $4, $5, $6, $7, '演示')`,
        [facilityId, r.resident_id, bath.id, u.on, u.quantity, u.unitFen, u.unitFen * u.quantity],
      );
    const facts: BillingFacts = {
      stays: r.stays,
      assessments: (r.assessments ?? []).map((a) => ({ ...a, recordedSeq: Number(a.recordedSeq) })),
      leaves: r.leaves ?? [],
    };
    const lines = billLines(month, facts, fees, usage);
    if (lines.length === 0) continue;
    n++;
    const number = `ZD${month.replace('-', '')}-${String(n).padStart(4, '0')}`;
    const [bill] = await tx.query(
      `INSERT INTO bill (facility_id, resident_id, number, month, kind, total_fen, due_on) VALUES ($1, $2, $3, $4, 'MONTHLY', $5, $6) RETURNING id`,
      [facilityId, r.resident_id, number, month, billTotal(lines), billDueOn(month)],
    );
    await tx.query(
      `INSERT INTO bill_line (facility_id, bill_id, seq, item, code, category, fee_item_id, days, leave_days, rate_fen, quantity, amount_fen, formula, from_day)
       SELECT $1, $2, x.seq, x.item, x.code, x.category, x.fee_item_id, x.days, x.leave_days, x.rate_fen, x.quantity, x.amount_fen, x.formula, x.from_day
       FROM jsonb_to_recordset($3::jsonb) AS x(seq int, item text, code text, category text, fee_item_id uuid, days int, leave_days int, rate_fen bigint,
            quantity int, amount_fen bigint, formula text, from_day date)`,
      [
        facilityId,
        bill.id,
        JSON.stringify(
          lines.map((l, seq) => ({
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
        ),
      ],
    );
    bills.push({ id: bill.id, residentId: r.resident_id, totalFen: billTotal(lines), number });
  }
  await tx.query(`INSERT INTO billing_counter (facility_id, kind, period, last) VALUES ($1, 'BILL', $2, $3)`, [facilityId, month, n]);
  // Issued on the first of this month: the journal as LedgerService writes it.
  const issuedOn = span.to;
  await tx.query(
    `UPDATE bill SET state = 'ISSUED', issued_at = ($2::date + time '09:00') AT TIME ZONE 'Asia/Shanghai' WHERE facility_id = $1 AND month = $3`,
    [facilityId, issuedOn, month],
  );
  for (const b of bills)
    await tx.query(
      `INSERT INTO ledger_entry (facility_id, resident_id, "on", kind, debit_account, credit_account, amount_fen, memo, bill_id)
       VALUES ($1, $2, $3, 'BILL', 'RECEIVABLE', 'REVENUE', $4, $5, $6)`,
      [facilityId, b.residentId, issuedOn, b.totalFen, `账单 ${b.number}（${month}）`, b.id],
    );
  // Two payments and a deposit, with receipts SJ<year>-00001…: the first bill paid, the second in part.
  const year = Number(issuedOn.slice(0, 4));
  const receipts: [number, (typeof bills)[number] | undefined, number, string, string | null, 'PAYMENT' | 'DEPOSIT'][] = [
    [1, bills[0], bills[0]?.totalFen ?? 0, 'WECHAT', 'WX-DEMO-0001', 'PAYMENT'],
    [2, bills[1], Math.floor((bills[1]?.totalFen ?? 0) / 2), 'CASH', null, 'PAYMENT'],
    [3, bills[2], 300000, 'BANK_TRANSFER', 'BK-0093', 'DEPOSIT'],
  ];
  let seq = 0;
  for (const [i, bill, amount, method, reference, kind] of receipts) {
    if (!bill || amount <= 0) continue;
    seq = i;
    const receivedOn = addDays(issuedOn, 2 + i);
    const number = `SJ${year}-${String(i).padStart(5, '0')}`;
    const [p] = await tx.query(
      `INSERT INTO payment (facility_id, resident_id, kind, amount_fen, method, reference, received_on, receipt_year, receipt_seq, receipt_number)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [facilityId, bill.residentId, kind, amount, method, reference, receivedOn, year, i, number],
    );
    const entries =
      kind === 'DEPOSIT'
        ? [['DEPOSIT', 'CASH', 'DEPOSIT', amount, `押金 ${number}`, null]]
        : [
            ['PAYMENT', 'CASH', 'PREPAYMENT', amount, `收款 ${number}`, null],
            ['PAYMENT', 'PREPAYMENT', 'RECEIVABLE', amount, `预交款抵扣 ${bill.number}`, bill.id],
          ];
    for (const [entryKind, debit, credit, fen, memo, billId] of entries)
      await tx.query(
        `INSERT INTO ledger_entry (facility_id, resident_id, "on", kind, debit_account, credit_account, amount_fen, memo, bill_id, payment_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [facilityId, bill.residentId, receivedOn, entryKind, debit, credit, fen, memo, billId, p.id],
      );
    if (kind === 'PAYMENT' && amount === bill.totalFen)
      await tx.query(`UPDATE bill SET state = 'PAID', paid_at = now() WHERE id = $1`, [bill.id]);
  }
  if (seq > 0)
    await tx.query(`INSERT INTO billing_counter (facility_id, kind, period, last) VALUES ($1, 'RECEIPT', $2, $3)`, [
      facilityId,
      String(year),
      seq,
    ]);
}
