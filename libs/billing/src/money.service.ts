import { Injectable } from '@nestjs/common';
import { AuditService } from '@careops/audit';
import {
  addDays,
  ARREARS_BUCKETS,
  arrearsBucket,
  type ArrearsBucket,
  billLines,
  billTotal,
  daysPastDue,
  type FeeVersion,
  type IsoDate,
  monthSpan,
  settlement,
  yuan,
} from '@careops/care';
import { AppConfig, ConflictError, InvalidInputError, NotFoundError, RuleViolation } from '@careops/platform';
import { BillRunService } from './bill-run.service';
import { BillingRepository } from './billing.repository';
import { BillingService } from './billing.service';
import type { DepositDto, PaymentDto, RefundDto, SettleDto } from './dto/billing.dto';
import type {
  ArrearsResponse,
  ArrearsRowResponse,
  PaymentMethod,
  PaymentResponse,
  PendingSettlementResponse,
  RefundResponse,
  RefundSource,
  SettlementResponse,
} from './dto/billing.response';
import { LedgerService } from './ledger.service';

/** Receipt 收据 and refund-voucher 退款凭证 numbers as printed: SJ2025-00001, TK2025-00001. */
const receiptNumber = (year: number, seq: number) => `SJ${year}-${String(seq).padStart(5, '0')}`;
const voucherNumber = (year: number, seq: number) => `TK${year}-${String(seq).padStart(5, '0')}`;

/** docs/rules.md §9: cash needs no reference; a transfer, WeChat or Alipay is recorded with its reference. */
function reference(method: PaymentMethod, ref: string | undefined): string | null {
  const r = ref?.trim() || null;
  if (method !== 'CASH' && !r) throw new InvalidInputError('REFERENCE_REQUIRED', { method });
  return r;
}

/**
 * Money of a resident (docs/rules.md §9): deposits 押金 and payments with gapless receipt numbers,
 * applied to the oldest open bill first; refunds from what is held; arrears 欠费 with reminders;
 * the discharge settlement 退住结算. Every write queues on the facility's billing lock and posts to
 * the ledger in the same transaction; `Idempotency-Key` is honoured by the global interceptor.
 */
@Injectable()
export class MoneyService {
  constructor(
    private readonly repo: BillingRepository,
    private readonly runs: BillRunService,
    private readonly ledger: LedgerService,
    private readonly billing: BillingService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  private async resident(id: string): Promise<{ id: string; name: string }> {
    const r = await this.repo.resident(id);
    if (!r) throw new NotFoundError('RESIDENT_NOT_FOUND_FOR_BILLING');
    return r;
  }

  /** The next receipt number of the year received: the counter row stays locked until commit, so no gap and no duplicate. */
  private async receipt(receivedOn: IsoDate): Promise<{ year: number; seq: number; number: string }> {
    const year = Number(receivedOn.slice(0, 4));
    const [seq] = await this.repo.nextNumbers('RECEIPT', String(year), 1);
    return { year, seq, number: receiptNumber(year, seq) };
  }

  /** POST residents/:id/payments: a receipt, the money applied to the oldest open bills, the rest kept as prepayment. */
  async pay(residentId: string, dto: PaymentDto): Promise<PaymentResponse> {
    await this.resident(residentId);
    const ref = reference(dto.method, dto.reference);
    await this.repo.lockFacility();
    const r = await this.receipt(dto.receivedOn);
    const id = await this.repo.insertPayment({
      residentId,
      kind: 'PAYMENT',
      amountFen: dto.amountFen,
      method: dto.method,
      reference: ref,
      receivedOn: dto.receivedOn,
      ...r,
    });
    await this.repo.post([
      {
        residentId,
        on: dto.receivedOn,
        kind: 'PAYMENT',
        debit: 'CASH',
        credit: 'PREPAYMENT',
        amountFen: dto.amountFen,
        memo: `收款 ${r.number}`,
        paymentId: id,
      },
    ]);
    await this.ledger.applyPrepayment([residentId], dto.receivedOn, id);
    await this.audit.record({
      action: 'billing.payment',
      entityType: 'payment',
      entityId: id,
      after: { residentId, ...dto, receiptNumber: r.number },
    });
    return this.billing.payment(id);
  }

  /**
   * POST residents/:id/deposits: a deposit 押金 with its receipt, capped at BILLING_DEPOSIT_CAP_MONTHS ×
   * the resident's current monthly fees (docs/rules.md §9; 0 months: no cap) → 422 DEPOSIT_OVER_CAP.
   */
  async deposit(residentId: string, dto: DepositDto): Promise<PaymentResponse> {
    await this.resident(residentId);
    const method = dto.method ?? 'CASH';
    const ref = reference(method, dto.reference);
    await this.repo.lockFacility();
    const months = this.config.BILLING_DEPOSIT_CAP_MONTHS;
    if (months > 0) {
      const monthly = await this.monthlyFees(residentId, dto.receivedOn);
      const held = (await this.repo.balances([residentId])).get(residentId)?.depositFen ?? 0;
      const cap = months * monthly;
      if (held + dto.amountFen > cap)
        throw new RuleViolation('DEPOSIT_OVER_CAP', {
          total: yuan(held + dto.amountFen),
          cap: yuan(cap),
          capFen: cap,
          months,
          monthly: yuan(monthly),
        });
    }
    const r = await this.receipt(dto.receivedOn);
    const id = await this.repo.insertPayment({
      residentId,
      kind: 'DEPOSIT',
      amountFen: dto.amountFen,
      method,
      reference: ref,
      receivedOn: dto.receivedOn,
      ...r,
    });
    await this.repo.post([
      {
        residentId,
        on: dto.receivedOn,
        kind: 'DEPOSIT',
        debit: 'CASH',
        credit: 'DEPOSIT',
        amountFen: dto.amountFen,
        memo: `押金 ${r.number}`,
        paymentId: id,
      },
    ]);
    await this.audit.record({
      action: 'billing.deposit',
      entityType: 'payment',
      entityId: id,
      after: { residentId, ...dto, receiptNumber: r.number },
    });
    return this.billing.payment(id);
  }

  /** The resident's monthly fees for a whole month on `day`'s bed kind and level (what the deposit cap multiplies). */
  private async monthlyFees(residentId: string, day: IsoDate): Promise<number> {
    const place = await this.repo.placeOn(residentId, day);
    if (!place.bedKind) return 0;
    const month = day.slice(0, 7);
    const span = monthSpan(month);
    // The versions in force on `day`, each as if for the whole month.
    const latest = new Map<string, FeeVersion>();
    for (const f of await this.repo.feeVersionsBefore(addDays(day, 1))) latest.set(`${f.code}|${f.careLevel}|${f.bedKind}`, f);
    const inForce = [...latest.values()].map((f) => ({ ...f, effectiveFrom: span.from }));
    const lines = billLines(
      month,
      {
        stays: [{ from: span.from, to: null, bedKind: place.bedKind }],
        assessments: place.careLevel ? [{ effectiveOn: span.from, careLevel: place.careLevel, recordedSeq: 0 }] : [],
        leaves: [],
      },
      inForce,
    );
    return billTotal(lines);
  }

  /** POST residents/:id/refunds: from the deposit or the prepayment, never more than held (422 REFUND_OVER_HELD); a numbered voucher. */
  async refund(residentId: string, dto: RefundDto): Promise<RefundResponse> {
    await this.resident(residentId);
    const ref = reference(dto.method, dto.reference);
    await this.repo.lockFacility();
    const b = (await this.repo.balances([residentId])).get(residentId);
    const held = dto.from === 'DEPOSIT' ? (b?.depositFen ?? 0) : (b?.prepaymentFen ?? 0);
    if (dto.amountFen > held)
      throw new RuleViolation('REFUND_OVER_HELD', {
        amount: yuan(dto.amountFen),
        amountFen: dto.amountFen,
        from: dto.from,
        held: yuan(held),
        heldFen: held,
      });
    const id = await this.writeRefund(
      residentId,
      [{ from: dto.from, amountFen: dto.amountFen }],
      dto.from,
      dto.method,
      ref,
      dto.paidOn,
      dto.reason.trim(),
    );
    await this.audit.record({ action: 'billing.refund', entityType: 'refund', entityId: id, after: { residentId, ...dto } });
    return this.billing.refund(id);
  }

  private async writeRefund(
    residentId: string,
    parts: { from: 'DEPOSIT' | 'PREPAYMENT'; amountFen: number }[],
    source: RefundSource,
    method: PaymentMethod,
    ref: string | null,
    paidOn: IsoDate,
    reason: string,
  ): Promise<string> {
    const year = Number(paidOn.slice(0, 4));
    const [seq] = await this.repo.nextNumbers('REFUND', String(year), 1);
    const number = voucherNumber(year, seq);
    const amountFen = parts.reduce((s, p) => s + p.amountFen, 0);
    const id = await this.repo.insertRefund({
      residentId,
      amountFen,
      from: source,
      method,
      reference: ref,
      paidOn,
      reason,
      year,
      seq,
      number,
    });
    await this.repo.post(
      parts.map((p) => ({
        residentId,
        on: paidOn,
        kind: 'REFUND' as const,
        debit: p.from,
        credit: 'CASH' as const,
        amountFen: p.amountFen,
        memo: `退款 ${number}`,
        refundId: id,
      })),
    );
    return id;
  }

  // ---- arrears ----

  /** GET billing/arrears: issued bills open past their due day, per resident, aged in buckets (docs/rules.md §9). */
  async arrears(asOf?: IsoDate): Promise<ArrearsResponse> {
    const day = asOf ?? (await this.runs.today());
    const rows = await this.repo.pastDue(day);
    const buckets = Object.fromEntries(ARREARS_BUCKETS.map((b) => [b, 0])) as Record<ArrearsBucket, number>;
    const byResident = new Map<string, ArrearsRowResponse>();
    const billIds: string[] = [];
    for (const r of rows) {
      if (r.openFen <= 0) continue;
      billIds.push(r.billId);
      buckets[arrearsBucket(daysPastDue(r.dueOn, day))] += r.openFen;
      const row = byResident.get(r.residentId);
      if (row) row.openFen += r.openFen;
      else {
        const late = daysPastDue(r.dueOn, day);
        byResident.set(r.residentId, {
          residentId: r.residentId,
          residentName: r.residentName,
          bedCode: r.bedCode,
          status: r.status,
          openFen: r.openFen,
          oldestDueOn: r.dueOn,
          daysPastDue: late,
          bucket: arrearsBucket(late),
          bills: [],
          lastReminderAt: r.lastReminderAt ? r.lastReminderAt.toISOString() : null,
        });
      }
    }
    const summaries = billIds.length > 0 ? await this.repo.summaries({ ids: billIds }) : [];
    for (const s of summaries) byResident.get(s.residentId)?.bills.push(s);
    const list = [...byResident.values()].sort((a, b) => b.daysPastDue - a.daysPastDue || b.openFen - a.openFen);
    return { asOf: day, buckets, totalFen: Object.values(buckets).reduce((s, x) => s + x, 0), rows: list };
  }

  /** POST billing/arrears/reminders: a reminder recorded (and audited) for each resident who owes. */
  async remind(residentIds: string[]): Promise<{ reminded: number }> {
    const arrears = await this.arrears();
    const owing = arrears.rows.filter((r) => residentIds.includes(r.residentId));
    await this.repo.insertReminders(owing.map((r) => ({ residentId: r.residentId, openFen: r.openFen })));
    await this.audit.record({
      action: 'billing.reminder',
      entityType: 'resident',
      entityId: owing.length === 1 ? owing[0].residentId : null,
      after: { residents: owing.map((r) => ({ residentId: r.residentId, openFen: r.openFen, oldestDueOn: r.oldestDueOn })) },
    });
    return { reminded: owing.length };
  }

  // ---- settlement ----

  /**
   * POST admissions/:id/settle 退住结算 (docs/rules.md §9): the final bill to the discharge day (the
   * discharge day not charged), every draft of the resident issued, the prepayment and then the
   * deposit pay what is owed, and the rest is refunded with a voucher; what they do not cover stays owed.
   */
  async settle(admissionId: string, dto: SettleDto): Promise<SettlementResponse> {
    const a = await this.repo.admission(admissionId);
    if (!a) throw new NotFoundError('ADMISSION_NOT_FOUND_FOR_BILLING');
    if (!a.dischargedOn) throw new RuleViolation('SETTLE_NOT_DISCHARGED');
    const ref = dto.reference?.trim() || null;
    await this.repo.lockFacility();
    const done = await this.repo.settlementOf(admissionId);
    if (done) throw new ConflictError('ALREADY_SETTLED', { settledOn: done.settledOn });
    const settledOn = dto.settledOn ?? a.dischargedOn;
    const lastDay = addDays(a.dischargedOn, -1);
    const finalBillId = await this.runs.finalBill(a.residentId, admissionId, lastDay.slice(0, 7));
    const issued = await this.repo.issue({ residentId: a.residentId });
    await this.ledger.afterIssue(issued, settledOn);
    const b = (await this.repo.balances([a.residentId])).get(a.residentId) ?? { receivableFen: 0, prepaymentFen: 0, depositFen: 0 };
    const s = settlement({ owedFen: b.receivableFen, depositFen: b.depositFen, prepaymentFen: b.prepaymentFen });
    // The deposit pays the open bills, oldest first.
    let fromDeposit = s.fromDepositFen;
    const entries = [];
    for (const bill of await this.repo.openBills(a.residentId)) {
      if (fromDeposit <= 0) break;
      const amountFen = Math.min(fromDeposit, bill.openFen);
      entries.push({
        residentId: a.residentId,
        on: settledOn,
        kind: 'SETTLEMENT' as const,
        debit: 'DEPOSIT' as const,
        credit: 'RECEIVABLE' as const,
        amountFen,
        memo: `押金抵扣 ${bill.number}`,
        billId: bill.id,
      });
      fromDeposit -= amountFen;
    }
    await this.repo.post(entries);
    await this.repo.markPaid([a.residentId]);
    let refundId: string | null = null;
    if (s.refundFen > 0) {
      if (dto.method !== 'CASH' && !ref) throw new InvalidInputError('REFERENCE_REQUIRED', { method: dto.method });
      const parts = [
        { from: 'DEPOSIT' as const, amountFen: b.depositFen - s.fromDepositFen },
        { from: 'PREPAYMENT' as const, amountFen: b.prepaymentFen - s.fromPrepaymentFen },
      ].filter((p) => p.amountFen > 0);
      refundId = await this.writeRefund(a.residentId, parts, 'SETTLEMENT', dto.method, ref, settledOn, '退住结算');
    }
    const settled = {
      admissionId,
      residentId: a.residentId,
      settledOn,
      finalBillId,
      owedFen: b.receivableFen,
      depositFen: b.depositFen,
      prepaymentFen: b.prepaymentFen,
      refundFen: s.refundFen,
      stillOwedFen: s.stillOwedFen,
      refundId,
    };
    const id = await this.repo.insertSettlement(settled);
    const voucher = refundId ? (await this.repo.refunds({ ids: [refundId] }))[0].voucherNumber : null;
    const { owedFen, depositFen, prepaymentFen, refundFen } = settled;
    await this.audit.record({
      action: 'billing.settlement',
      entityType: 'admission',
      entityId: admissionId,
      after: { residentId: a.residentId, owedFen, depositFen, prepaymentFen, refundFen, voucher },
    });
    return { id, ...settled, voucherNumber: voucher };
  }

  /** GET billing/settlements/pending: discharged and not settled, with money held or owed. */
  async pendingSettlements(): Promise<PendingSettlementResponse[]> {
    const rows = await this.repo.unsettledDischarges();
    const balances = await this.repo.balances(rows.map((r) => r.residentId));
    return rows
      .map((r) => {
        const b = balances.get(r.residentId) ?? { receivableFen: 0, prepaymentFen: 0, depositFen: 0 };
        return { ...r, depositFen: b.depositFen, prepaymentFen: b.prepaymentFen, owedFen: b.receivableFen };
      })
      .filter((r) => r.depositFen !== 0 || r.prepaymentFen !== 0 || r.owedFen !== 0);
  }
}
