import { type BillingFacility, figures, methodLabel, type PaymentView } from './billing-views';
import { draft, Draft, fileNameOf, monthLabel } from './draft';
import { amountInCapitals } from '../amount-in-capitals';

/**
 * 收据 of a payment or a deposit (docs/rules.md §8, §9): the payment's receipt number (gapless per
 * facility and year), the payer, the amount in figures and capitals, how it was paid and its
 * reference, which bills it paid and what was kept as prepayment, the date, the signature of who
 * received it and the facility's stamp.
 */
export function receiptDraft({ payment, facility }: { payment: PaymentView; facility: BillingFacility }): Draft {
  const month = payment.receivedOn.slice(0, 7);
  const deposit = payment.kind === 'DEPOSIT';
  const applied = payment.appliedTo.map((a) => ({ number: a.billNumber, amount: figures(a.amountFen) }));
  const purpose = deposit
    ? '押金'
    : applied.length > 0
      ? `缴纳费用（账单 ${applied.map((a) => a.number).join('、')}）${payment.prepaymentFen > 0 ? '及预交款' : ''}`
      : '预交款';
  return {
    ...draft('RECEIPT', facility.timezone, {
      facilityId: facility.id,
      subject: facility.name,
      period: payment.receivedOn,
      periodLabel: `收款日期 ${payment.receivedOn}`,
      subtitle: `收据号 ${payment.receiptNumber} · ${payment.residentName} · ${monthLabel(month)}`,
      fileName: fileNameOf('RECEIPT', facility.name, payment.receivedOn, payment.residentName, payment.receiptNumber),
      asciiFileName: `receipt-${payment.receivedOn}-${payment.receiptNumber.replace(/[^\x20-\x7e]/g, '')}.pdf`,
      data: {
        facility: { name: facility.name, address: facility.address ?? null, phone: facility.phone ?? null },
        receiptNumber: payment.receiptNumber,
        receivedOn: payment.receivedOn,
        payer: payment.residentName,
        bed: payment.bedCode ?? '—',
        purpose,
        deposit,
        amount: figures(payment.amountFen),
        amountWords: amountInCapitals(payment.amountFen),
        method: methodLabel(payment.method),
        reference: payment.reference ?? '—',
        applied,
        appliedTotal: figures(payment.appliedTo.reduce((sum, a) => sum + a.amountFen, 0)),
        prepayment: figures(payment.prepaymentFen),
      },
    }),
    recordId: payment.id,
    totalFen: payment.amountFen,
  };
}
