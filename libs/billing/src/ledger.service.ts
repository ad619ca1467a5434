import { Injectable } from '@nestjs/common';
import { applyOldestFirst, type IsoDate, yuan } from '@careops/care';
import { BillingRepository, type NewEntry } from './billing.repository';
import type { BillKind } from './dto/billing.response';

export interface IssuedBill {
  id: string;
  number: string;
  residentId: string;
  kind: BillKind;
  totalFen: number;
  month: string;
}

/**
 * The journal's postings (docs/rules.md §9), double entry per resident:
 * a bill issued        Dr RECEIVABLE  Cr REVENUE
 * a credit note issued Dr REVENUE     Cr PREPAYMENT (money now held for the resident)
 * a subsidy to the elder, once its claim is PAID: Dr SUBSIDY Cr PREPAYMENT
 * a payment            Dr CASH        Cr PREPAYMENT, then applied: Dr PREPAYMENT Cr RECEIVABLE per bill, oldest first
 * a deposit            Dr CASH        Cr DEPOSIT
 * a refund             Dr DEPOSIT or PREPAYMENT  Cr CASH
 * a settlement         Dr DEPOSIT     Cr RECEIVABLE (what the deposit pays of the open bills)
 * So the resident's balance (RECEIVABLE − PREPAYMENT) = Σ bills − Σ credits − Σ payments + Σ refunds.
 */
@Injectable()
export class LedgerService {
  constructor(private readonly repo: BillingRepository) {}

  /** After bills were issued: their entries, the subsidies now due to their residents, then the prepayment applied. */
  async afterIssue(issued: IssuedBill[], on: IsoDate): Promise<void> {
    if (issued.length === 0) return;
    const entries: NewEntry[] = issued.map((b) =>
      b.kind === 'CREDIT_NOTE'
        ? {
            residentId: b.residentId,
            on,
            kind: 'CREDIT_NOTE',
            debit: 'REVENUE',
            credit: 'PREPAYMENT',
            amountFen: -b.totalFen,
            memo: `红字冲减 ${b.number}`,
            billId: b.id,
          }
        : {
            residentId: b.residentId,
            on,
            kind: 'BILL',
            debit: 'RECEIVABLE',
            credit: 'REVENUE',
            amountFen: b.totalFen,
            memo: `账单 ${b.number}（${b.month}）`,
            billId: b.id,
          },
    );
    const residents = [...new Set(issued.map((b) => b.residentId))];
    const billOf = new Map<string, string>();
    for (const b of issued) if (!billOf.has(b.residentId) || b.kind === 'MONTHLY' || b.kind === 'FINAL') billOf.set(b.residentId, b.id);
    for (const s of await this.repo.uncreditedSubsidies(residents)) {
      entries.push({
        residentId: s.residentId,
        on,
        kind: 'SUBSIDY_CREDIT',
        debit: 'SUBSIDY',
        credit: 'PREPAYMENT',
        amountFen: s.amountFen,
        memo: `补贴入账（申领 ${s.claimNumber}）`,
        billId: billOf.get(s.residentId) ?? null,
        sourceKey: `subsidy:${s.claimId}:${s.residentId}`,
      });
    }
    await this.repo.post(entries);
    await this.applyPrepayment(residents, on);
  }

  /**
   * docs/rules.md §9: money held as prepayment pays the oldest open bills first; `paymentId` marks
   * the applications as that payment's (its receipt lists them). Bills with nothing open become PAID.
   */
  async applyPrepayment(
    residentIds: string[],
    on: IsoDate,
    paymentId: string | null = null,
  ): Promise<{ billId: string; billNumber: string; amountFen: number }[]> {
    const balances = await this.repo.balances(residentIds);
    const entries: NewEntry[] = [];
    const applied: { billId: string; billNumber: string; amountFen: number }[] = [];
    for (const residentId of residentIds) {
      const prepayment = balances.get(residentId)?.prepaymentFen ?? 0;
      if (prepayment <= 0) continue;
      const open = await this.repo.openBills(residentId);
      for (const a of applyOldestFirst(prepayment, open).applied) {
        entries.push({
          residentId,
          on,
          kind: 'PAYMENT',
          debit: 'PREPAYMENT',
          credit: 'RECEIVABLE',
          amountFen: a.amountFen,
          memo: `预交款抵扣 ${a.bill.number}：${yuan(a.amountFen)} 元`,
          billId: a.bill.id,
          paymentId,
        });
        applied.push({ billId: a.bill.id, billNumber: a.bill.number, amountFen: a.amountFen });
      }
    }
    await this.repo.post(entries);
    await this.repo.markPaid(residentIds);
    return applied;
  }
}
