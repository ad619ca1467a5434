import { type BillingFacility, figures, methodLabel, type RefundView } from './billing-views';
import { draft, Draft, fileNameOf, monthLabel } from './draft';
import { amountInCapitals } from '../amount-in-capitals';

/** Who signs for the family: the resident's guardian as registered, if any (printed beside the blank). */
export interface RefundRecipient {
  name: string;
  relation: string;
}

const REASON_LABELS: Record<string, string> = { DEPOSIT: '退还押金', PREPAYMENT: '退还预交款' };

/**
 * 退款凭证 (docs/rules.md §8, §9): the refund's voucher number, whose money, the deposit and the
 * prepayment refunded, what was owed and deducted (a discharge settlement 退住结算), the net refund in
 * figures and capitals, how it was paid, and the signatures of the accountant and of the family
 * member who receives it.
 */
export function refundDraft({
  refund,
  facility,
  recipient,
}: {
  refund: RefundView;
  facility: BillingFacility;
  recipient?: RefundRecipient | null;
}): Draft {
  const s = refund.settlement ?? null;
  const depositFen = s ? s.depositFen : refund.from === 'DEPOSIT' ? refund.amountFen : 0;
  const prepaymentFen = s ? s.prepaymentFen : refund.from === 'PREPAYMENT' ? refund.amountFen : 0;
  const owedFen = s ? s.owedFen : 0;
  const purpose = s ? '退住结算' : (REASON_LABELS[refund.from] ?? refund.from);
  return {
    ...draft('REFUND', facility.timezone, {
      facilityId: facility.id,
      subject: facility.name,
      period: refund.paidOn,
      periodLabel: `退款日期 ${refund.paidOn}`,
      subtitle: `凭证号 ${refund.voucherNumber} · ${refund.residentName} · ${monthLabel(refund.paidOn.slice(0, 7))}`,
      fileName: fileNameOf('REFUND', facility.name, refund.paidOn, refund.residentName, refund.voucherNumber),
      asciiFileName: `refund-${refund.paidOn}-${refund.voucherNumber.replace(/[^\x20-\x7e]/g, '')}.pdf`,
      data: {
        facility: { name: facility.name, address: facility.address ?? null, phone: facility.phone ?? null },
        voucherNumber: refund.voucherNumber,
        paidOn: refund.paidOn,
        resident: refund.residentName,
        settlement: s !== null,
        finalBill: s?.finalBillNumber ?? null,
        finalBillTotal: s?.finalBillTotalFen != null ? figures(s.finalBillTotalFen) : null,
        purpose,
        reason: refund.reason,
        // The reason is printed when it says more than the purpose does.
        reasonDiffers: refund.reason.trim() !== '' && refund.reason.trim() !== purpose,
        deposit: figures(depositFen),
        prepayment: figures(prepaymentFen),
        owed: figures(-owedFen),
        net: figures(refund.amountFen),
        netWords: amountInCapitals(refund.amountFen),
        method: methodLabel(refund.method),
        reference: refund.reference ?? '—',
        recipient: recipient ? `${recipient.name}（${recipient.relation}）` : null,
      },
    }),
    recordId: refund.id,
    totalFen: refund.amountFen,
  };
}
