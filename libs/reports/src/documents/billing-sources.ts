import { Injectable } from '@nestjs/common';
import { BillingService } from '@careops/billing';
import { type Facility, FacilitiesService } from '@careops/facilities';
import { ResidentsService } from '@careops/residents';
import { billDraft } from './bill-document';
import type { BillingFacility, PaymentInstructions, RefundView } from './billing-views';
import type { Draft } from './draft';
import { receiptDraft } from './receipt-document';
import { refundDraft } from './refund-document';

const facilityOf = (f: Facility): BillingFacility => ({
  id: f.id,
  name: f.name,
  timezone: f.timezone,
  address: f.address,
  phone: f.contactPhone,
});

/**
 * The billing documents' facts (docs/rules.md §9), read through `BillingService` only: the bill with
 * the resident's other bills, the payment, the refund with its settlement; the facility's name and,
 * where the billing settings name no account, its own bank account (机构信息).
 */
@Injectable()
export class BillingDocuments {
  constructor(
    private readonly billing: BillingService,
    private readonly facilities: FacilitiesService,
    private readonly residents: ResidentsService,
  ) {}

  /** 缴费通知单 of a bill: a DRAFT bill prints as 草稿, not registered. */
  async bill(billId: string): Promise<Draft> {
    const bill = await this.billing.bill(billId);
    const f = await this.facilities.current();
    const { bills } = await this.billing.account(bill.residentId);
    return billDraft({ bill, facility: facilityOf(f), instructions: this.instructions(f), bills });
  }

  /** 收据 of a payment or a deposit. */
  async receipt(paymentId: string): Promise<Draft> {
    const payment = await this.billing.payment(paymentId);
    return receiptDraft({ payment, facility: facilityOf(await this.facilities.current()) });
  }

  /** 退款凭证 of a refund; one that closed a discharge settlement prints what was held and what was owed. */
  async refund(refundId: string): Promise<Draft> {
    const refund = await this.billing.refund(refundId);
    const f = await this.facilities.current();
    const { guardian } = await this.residents.get(refund.residentId);
    let settlement: RefundView['settlement'] = null;
    if (refund.settlement) {
      const account = await this.billing.account(refund.residentId);
      const s = refund.settlement as typeof refund.settlement & { depositFen?: number; prepaymentFen?: number };
      const finalBill = account.bills.find((b) => b.id === s.finalBillId);
      // What was held: as the settlement recorded it, or else from the ledger — the refund's own rows
      // by account, and the deposit that paid bills at the settlement (docs/rules.md §9: every balance
      // is a sum of ledger rows). Deposit + prepayment − owed = the refund either way.
      const rows = account.ledger;
      const sum = (pick: (r: (typeof rows)[number]) => boolean) => rows.filter(pick).reduce((n, r) => n + r.amountFen, 0);
      const depositFen =
        s.depositFen ??
        sum((r) => r.refundId === refund.id && r.debitAccount === 'DEPOSIT') +
          sum((r) => r.kind === 'SETTLEMENT' && r.debitAccount === 'DEPOSIT' && r.on === s.settledOn);
      const prepaymentFen = s.prepaymentFen ?? refund.amountFen + s.owedFen - depositFen;
      settlement = {
        depositFen,
        prepaymentFen,
        owedFen: s.owedFen,
        finalBillNumber: finalBill?.number ?? null,
        finalBillTotalFen: finalBill?.totalFen ?? null,
      };
    }
    return refundDraft({ refund: { ...refund, settlement }, facility: facilityOf(f), recipient: guardian });
  }

  /** How to pay: the billing settings, else the facility's own bank account; WeChat and Alipay wording if the settings give it. */
  private instructions(f: Facility): PaymentInstructions {
    const i = this.billing.paymentInstructions() as ReturnType<BillingService['paymentInstructions']> & {
      wechat?: string | null;
      alipay?: string | null;
    };
    const own = [f.bankName, f.bankAccountNumber].filter((x) => x && x.trim()).join(' ');
    return {
      payee: i.payee ?? f.bankAccountName ?? null,
      bankAccount: i.bankAccount ?? (own || null),
      wechat: i.wechat ?? null,
      alipay: i.alipay ?? null,
    };
  }
}
