import { Injectable } from '@nestjs/common';
import { AuditService } from '@careops/audit';
import { CHARGED_ON_LEAVE_DEFAULT, claimTiming, type IsoDate, monthSpan } from '@careops/care';
import { AppConfig, ConflictError, InvalidInputError, NotFoundError, RuleViolation } from '@careops/platform';
import { BillRunService } from './bill-run.service';
import { BillingRepository, type PaymentRow, type RefundRow } from './billing.repository';
import type { CreateFeeItemDto, CreateUsageChargeDto } from './dto/billing.dto';
import type {
  AccountResponse,
  BillResponse,
  BillRunResponse,
  BillState,
  BillSummaryResponse,
  FeeItemResponse,
  IssuedResponse,
  PaymentInstructionsResponse,
  PaymentResponse,
  RefundResponse,
  SettlementResponse,
  UsageChargeResponse,
} from './dto/billing.response';
import { LedgerService } from './ledger.service';

/** A refund as the documents print it: who, and the settlement it closed if any. */
export type RefundDocument = RefundResponse & {
  residentName: string;
  settlement?: Pick<SettlementResponse, 'id' | 'admissionId' | 'settledOn' | 'owedFen' | 'finalBillId'>;
};

/**
 * Billing the elder and the family (docs/rules.md §9): fee items, per-use charges, the monthly run,
 * issuing, and the reads the API and the documents (缴费通知单, 收据, 退款凭证) use:
 * `bill(id)`, `payment(id)`, `refund(id)`, `account(residentId)`, `paymentInstructions()`.
 */
@Injectable()
export class BillingService {
  constructor(
    private readonly repo: BillingRepository,
    private readonly runs: BillRunService,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  // ---- fee items ----

  feeItems(on?: IsoDate): Promise<FeeItemResponse[]> {
    return this.repo.feeItems(on);
  }

  /**
   * A new version of a fee item; the same code, variant and date again replaces it while no bill
   * used it (docs/rules.md §9: a used version never changes: 409 FEE_ITEM_USED, post a later one).
   */
  async createFeeItem(dto: CreateFeeItemDto): Promise<FeeItemResponse> {
    if ((dto.careLevel && dto.category !== 'CARE') || (dto.bedKind && dto.category !== 'BED'))
      throw new InvalidInputError('FEE_ITEM_VARIANT', { category: dto.category });
    await this.repo.lockFacility();
    const version = {
      code: dto.code,
      name: dto.name.trim(),
      kind: dto.kind,
      category: dto.category,
      amountFen: dto.amountFen,
      careLevel: dto.careLevel ?? null,
      bedKind: dto.bedKind ?? null,
      unit: dto.unit?.trim() || null,
      chargedOnLeave: dto.chargedOnLeave ?? CHARGED_ON_LEAVE_DEFAULT[dto.category],
      effectiveFrom: dto.effectiveFrom,
    };
    const existing = await this.repo.findFeeVersion(version);
    if (existing?.used) throw new ConflictError('FEE_ITEM_USED', { code: dto.code, effectiveFrom: dto.effectiveFrom });
    const id = await this.repo.saveFeeItem(existing?.id ?? null, version);
    await this.audit.record({
      action: existing ? 'billing.fee_item.replace' : 'billing.fee_item.create',
      entityType: 'fee_item',
      entityId: id,
      after: version,
    });
    return (await this.repo.feeItem(id)) as FeeItemResponse;
  }

  // ---- per-use charges ----

  async recordUsage(dto: CreateUsageChargeDto): Promise<UsageChargeResponse> {
    if (!(await this.repo.resident(dto.residentId))) throw new NotFoundError('RESIDENT_NOT_FOUND_FOR_BILLING');
    const fee = await this.repo.perUseVersionOn(dto.code, dto.on);
    if (!fee) throw new RuleViolation('FEE_ITEM_NOT_PER_USE', { code: dto.code, on: dto.on });
    const id = await this.repo.insertUsage({
      residentId: dto.residentId,
      feeItemId: fee.id,
      on: dto.on,
      quantity: dto.quantity,
      unitFen: fee.amountFen,
      note: dto.note?.trim() || null,
    });
    const [row] = await this.repo.usageCharges({ id });
    await this.audit.record({
      action: 'billing.usage',
      entityType: 'usage_charge',
      entityId: id,
      after: { ...dto, amountFen: row.amountFen },
    });
    return strip(row);
  }

  async usageCharges(q: { month?: string; residentId?: string }): Promise<UsageChargeResponse[]> {
    const span = q.month ? monthSpan(q.month) : null;
    return (await this.repo.usageCharges({ from: span?.from, to: span?.to, residentId: q.residentId })).map(strip);
  }

  // ---- bills ----

  /** POST bills/run: the month's bills computed, and the bills it touched (the month's and its corrections). */
  async run(month: string): Promise<BillRunResponse> {
    const r = await this.runs.run(month);
    const ofMonth = await this.repo.summaries({ month });
    const others = r.touched.filter((id) => !ofMonth.some((b) => b.id === id));
    const corrections = others.length > 0 ? await this.repo.summaries({ ids: others }) : [];
    return { month: r.month, created: r.created, updated: r.updated, unchanged: r.unchanged, bills: [...ofMonth, ...corrections] };
  }

  bills(q: { month?: string; state?: BillState; q?: string }): Promise<BillSummaryResponse[]> {
    return this.repo.summaries(q);
  }

  /** A bill with its lines, the leaves of its month, the subsidy credited with it and the resident's balances. */
  async bill(id: string): Promise<BillResponse> {
    const [b] = await this.repo.summaries({ ids: [id] });
    if (!b) throw new NotFoundError('BILL_NOT_FOUND');
    const span = monthSpan(b.month);
    const lines = await this.repo.lines(id);
    const balances = (await this.repo.balances([b.residentId])).get(b.residentId);
    const pending = b.state === 'DRAFT' ? (await this.repo.uncreditedSubsidies([b.residentId])).reduce((s, x) => s + x.amountFen, 0) : 0;
    const inCare = await this.repo.inCareAround(b.residentId, span);
    return {
      ...b,
      lines: lines.map((l) => ({
        item: l.item,
        code: l.code,
        category: l.category as BillResponse['lines'][number]['category'],
        days: l.days,
        leaveDays: l.leaveDays,
        rateFen: l.rateFen,
        quantity: l.quantity,
        amountFen: l.amountFen,
        formula: l.formula,
      })),
      subsidyCreditFen: b.state === 'DRAFT' ? pending : await this.repo.subsidyCredited(id),
      leaves: await this.repo.leavesIn(b.residentId, span),
      account: {
        balanceFen: (balances?.receivableFen ?? 0) - (balances?.prepaymentFen ?? 0),
        depositFen: balances?.depositFen ?? 0,
        prepaymentFen: balances?.prepaymentFen ?? 0,
      },
      inCareFrom: inCare.from,
      inCareTo: inCare.to,
    };
  }

  /**
   * POST bills/:id/issue: DRAFT → ISSUED; its total enters the ledger and the prepayment held pays
   * it. A month's bills are issued once the month has ended in the facility's time zone (a FINAL
   * bill at discharge, and corrections, at any time).
   */
  async issue(id: string): Promise<BillResponse> {
    await this.repo.lockFacility();
    const b = await this.repo.billForUpdate(id);
    if (!b) throw new NotFoundError('BILL_NOT_FOUND');
    if (b.state !== 'DRAFT') throw new ConflictError('BILL_NOT_DRAFT', { number: b.number, state: b.state });
    const today = await this.runs.today();
    if (b.kind === 'MONTHLY') this.assertMonthEnded(b.month, today);
    const issued = await this.repo.issue({ ids: [id] });
    await this.ledger.afterIssue(issued, today);
    await this.audit.record({ action: 'billing.issue', entityType: 'bill', entityId: id, after: { number: b.number, month: b.month } });
    return this.bill(id);
  }

  /** POST bills/issue {month}: every draft of the month, and the corrections of earlier months drafted since. */
  async issueMonth(month: string): Promise<IssuedResponse> {
    await this.repo.lockFacility();
    const today = await this.runs.today();
    this.assertMonthEnded(month, today);
    const issued = await this.repo.issue({ month });
    await this.ledger.afterIssue(issued, today);
    await this.audit.record({ action: 'billing.issue_month', entityType: 'bill', after: { month, issued: issued.length } });
    return { issued: issued.length };
  }

  private assertMonthEnded(month: string, today: IsoDate): void {
    const timing = claimTiming(month, today);
    if (timing.phase !== 'ENDED') throw new RuleViolation('BILL_MONTH_NOT_ENDED', { month, endsOn: timing.endsOn });
  }

  /** The facility's current month (the exports' default). */
  async currentMonth(): Promise<string> {
    return (await this.runs.today()).slice(0, 7);
  }

  // ---- money as read ----

  /** A payment with the bills it paid, its receipt number, who and which bed (the receipt 收据 prints these). */
  async payment(id: string): Promise<PaymentResponse & { residentName: string; bedCode: string | null }> {
    const [p] = await this.payments({ ids: [id] });
    if (!p) throw new NotFoundError('PAYMENT_NOT_FOUND');
    return p as PaymentResponse & { residentName: string; bedCode: string | null };
  }

  async payments(q: { ids?: string[]; residentId?: string; from?: IsoDate; to?: IsoDate; q?: string }): Promise<PaymentResponse[]> {
    const rows = await this.repo.payments(q);
    const applied = await this.repo.applications(rows.map((r) => r.id));
    return rows.map((r) => withApplications(r, applied));
  }

  /** A refund with its voucher number, the resident's name and the settlement it closed (the 退款凭证 prints these). */
  async refund(id: string): Promise<RefundDocument> {
    const [r] = await this.repo.refunds({ ids: [id] });
    if (!r) throw new NotFoundError('REFUND_NOT_FOUND');
    const settlement = await this.repo.settlementOfRefund(id);
    return { ...refundOf(r), residentName: r.residentName, ...(settlement ? { settlement } : {}) };
  }

  /** GET residents/:id/account: balances summed from the ledger, the bills, payments, refunds and the journal. */
  async account(residentId: string): Promise<AccountResponse> {
    const resident = await this.repo.resident(residentId);
    if (!resident) throw new NotFoundError('RESIDENT_NOT_FOUND_FOR_BILLING');
    const b = (await this.repo.balances([residentId])).get(residentId) ?? { receivableFen: 0, prepaymentFen: 0, depositFen: 0 };
    return {
      residentId,
      residentName: resident.name,
      balanceFen: b.receivableFen - b.prepaymentFen,
      owedFen: b.receivableFen,
      depositFen: b.depositFen,
      prepaymentFen: b.prepaymentFen,
      bills: await this.repo.summaries({ residentId }),
      payments: await this.payments({ residentId }),
      refunds: (await this.repo.refunds({ residentId })).map(refundOf),
      ledger: await this.repo.ledger(residentId),
    };
  }

  /** The facility's payment instructions printed on a bill (settings BILLING_PAYEE, BILLING_BANK_ACCOUNT). */
  paymentInstructions(): PaymentInstructionsResponse {
    return { payee: this.config.BILLING_PAYEE ?? null, bankAccount: this.config.BILLING_BANK_ACCOUNT ?? null };
  }
}

const strip = ({ category: _category, ...u }: UsageChargeResponse & { category: string }): UsageChargeResponse => u;

export function withApplications(
  r: PaymentRow,
  applied: { paymentId: string; billId: string; billNumber: string; amountFen: number }[],
): PaymentResponse {
  const mine = applied.filter((a) => a.paymentId === r.id).map(({ billId, billNumber, amountFen }) => ({ billId, billNumber, amountFen }));
  const used = mine.reduce((s, a) => s + a.amountFen, 0);
  return { ...r, appliedTo: mine, prepaymentFen: r.kind === 'DEPOSIT' ? 0 : r.amountFen - used };
}

export const refundOf = (r: RefundRow): RefundResponse => ({
  id: r.id,
  residentId: r.residentId,
  amountFen: r.amountFen,
  from: r.from,
  method: r.method,
  reference: r.reference,
  paidOn: r.paidOn,
  reason: r.reason,
  voucherNumber: r.voucherNumber,
});
