import { DocumentIssuer } from '../document-issuer';
import { DocumentTemplates } from '../templates';
import { billDraft, type BillFacts } from './bill-document';
import { figures, type BillSummaryView, type BillView, type PaymentView, type RefundView } from './billing-views';
import type { Draft } from './draft';
import { receiptDraft } from './receipt-document';
import { refundDraft } from './refund-document';

const facility = {
  id: '00000000-0000-4000-8000-000000000001',
  name: '颐康养老院',
  timezone: 'Asia/Shanghai',
  address: '新华路 1 号',
  phone: '0375-1234567',
};
const templates = new DocumentTemplates();
const issuer = new DocumentIssuer(null as never, null as never, null as never, null as never, null as never);
/** The body's text as a reader sees it: tags gone, spaces collapsed. */
const text = (d: Draft) =>
  templates
    .body(d.kind, d.d.data)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x3D;/g, '=')
    .replace(/\s+/g, ' ');

/** docs/rules.md §9's example: admitted 15 March (17 of 31 days), a leave 20–25 March (5 days) takes meals down to 12. */
const march: BillView = {
  id: '00000000-0000-4000-8000-0000000000b1',
  number: 'ZD2026-000001',
  residentId: '00000000-0000-4000-8000-0000000000a1',
  residentName: '王秀兰',
  bedCode: '2-101-1',
  month: '2026-03',
  kind: 'MONTHLY',
  refersToId: null,
  totalFen: 149355,
  paidFen: 0,
  openFen: 149355,
  state: 'ISSUED',
  dueOn: '2026-04-10',
  issuedAt: '2026-04-01T01:00:00Z',
  lines: [
    {
      item: '床位费',
      code: 'BED',
      category: 'BED',
      days: 17,
      leaveDays: 5,
      rateFen: 150000,
      quantity: null,
      amountFen: 82258,
      formula: '1500.00 × 17 ÷ 31 = 822.58',
    },
    {
      item: '护理费（半失能）',
      code: 'CARE',
      category: 'CARE',
      days: 17,
      leaveDays: 5,
      rateFen: 80000,
      quantity: null,
      amountFen: 43871,
      formula: '800.00 × 17 ÷ 31 = 438.71',
    },
    {
      item: '伙食费',
      code: 'MEALS',
      category: 'MEALS',
      days: 12,
      leaveDays: 5,
      rateFen: 60000,
      quantity: null,
      amountFen: 23226,
      formula: '600.00 × 12 ÷ 31 = 232.26',
    },
  ],
  subsidyCreditFen: 0,
  leaves: [{ from: '2026-03-20', to: '2026-03-25' }],
  account: { balanceFen: 149355, depositFen: 500000, prepaymentFen: 0 },
};
const facts = (over: Partial<BillFacts> = {}): BillFacts => ({
  bill: march,
  facility,
  instructions: { payee: '颐康养老院', bankAccount: '中国银行安阳分行 6216 6100 0001 2345 678', wechat: '扫描前台“颐康养老院”收款码' },
  bills: [march],
  ...over,
});

describe('the figures of a bill', () => {
  it.each([
    [149355, '1,493.55'],
    [159032, '1,590.32'],
    [822600, '8,226.00'],
    [5, '0.05'],
    [0, '0.00'],
    [-23226, '-232.26'],
    [123456789012, '1,234,567,890.12'],
  ])('%i fen → %s', (fen, printed) => expect(figures(fen)).toBe(printed));
});

describe('缴费通知单 (docs/rules.md §9)', () => {
  it('prints each line with its days, leave days, rate and formula, the total in figures and capitals, the leave, and how to pay', () => {
    const t = text(billDraft(facts()));
    expect(t).toContain('住户姓名 王秀兰 床位 2-101-1 账单月份 2026年03月（31 天）');
    expect(t).toContain('1 床位费 17 5 1,500.00 — 822.58 1500.00 × 17 ÷ 31 = 822.58');
    expect(t).toContain('3 伙食费 12 5 600.00 — 232.26 600.00 × 12 ÷ 31 = 232.26');
    expect(t).toContain('本单合计（人民币） ¥1,493.55');
    expect(t).toContain('本单合计（大写）： 壹仟肆佰玖拾叁元伍角伍分');
    expect(t).toContain('2026-03-20 离院，2026-03-25 返院（请假 5 天）');
    expect(t).toContain('应缴金额（请于 2026-04-10 前缴清） ¥1,493.55');
    expect(t).toContain('银行转账 户名：颐康养老院 中国银行安阳分行 6216 6100 0001 2345 678');
    expect(t).toContain('微信支付 扫描前台“颐康养老院”收款码');
    expect(t).not.toContain('支付宝');
    expect(t).toContain('不是税务发票');
  });

  it('prints a per-use charge with its count, a monthly one without', () => {
    const bath = {
      item: '助浴',
      code: 'BATH',
      category: 'OTHER',
      days: null,
      leaveDays: null,
      rateFen: 3000,
      quantity: 2,
      amountFen: 6000,
      formula: '30.00 × 2 = 60.00',
    };
    const t = text(billDraft(facts({ bill: { ...march, lines: [{ ...march.lines[0], quantity: 1 }, bath], totalFen: 88258 } })));
    expect(t).toContain('1 床位费 17 5 1,500.00 — 822.58');
    expect(t).toContain('2 助浴 — — 30.00 2 60.00 30.00 × 2 = 60.00');
  });

  it('takes earlier open bills and the prepayment into the amount due: 1,493.55 + 100.00 − 50.00 = 1,543.55', () => {
    const february: BillSummaryView = {
      ...march,
      id: 'feb',
      number: 'ZD2026-000000',
      month: '2026-02',
      totalFen: 30000,
      paidFen: 20000,
      openFen: 10000,
      dueOn: '2026-03-10',
    };
    const t = text(billDraft(facts({ bills: [february, march], bill: { ...march, account: { ...march.account, prepaymentFen: 5000 } } })));
    expect(t).toContain('以前账单欠费：ZD2026-000000（2026年02月，2026-03-10 到期） 100.00');
    expect(t).toContain('减：预交款余额 -50.00');
    expect(t).toContain('¥1,543.55');
    expect(t).toContain('壹仟伍佰肆拾叁元伍角伍分');
  });

  it('leaves out a later month’s bill, due after this one', () => {
    const april: BillSummaryView = { ...march, id: 'apr', number: 'ZD2026-000002', month: '2026-04', openFen: 90000, dueOn: '2026-05-10' };
    const t = text(billDraft(facts({ bills: [march, april] })));
    expect(t).not.toContain('ZD2026-000002');
    expect(t).toContain('应缴金额（请于 2026-04-10 前缴清） ¥1,493.55');
  });

  it('credits a subsidy paid to the elder and prints a credit note in red figures with the bill it corrects', () => {
    const credited = text(billDraft(facts({ bill: { ...march, subsidyCreditFen: 8226, totalFen: 141129, openFen: 141129 } })));
    expect(credited).toContain('减：老年人补贴抵扣（补贴已由民政部门拨付） -82.26');
    const credit = billDraft(
      facts({
        bill: {
          ...march,
          id: 'cn',
          number: 'ZD2026-000009',
          kind: 'CREDIT_NOTE',
          refersToId: march.id,
          refersToNumber: 'ZD2026-000001',
          lines: [{ ...march.lines[2], amountFen: -23226, formula: '−600.00 × 12 ÷ 31 = −232.26' }],
          totalFen: -23226,
          openFen: -23226,
        },
      }),
    );
    const t = text(credit);
    expect(t).toContain('账单类型 红字冲减单');
    expect(t).toContain('更正原账单 ZD2026-000001');
    expect(t).toContain('负贰佰叁拾贰元贰角陆分');
    expect(credit.totalFen).toBe(-23226);
  });

  it('is of its bill, registered with its total; a DRAFT bill is a 草稿, not registered, whatever the month', () => {
    const issued = billDraft(facts());
    expect(issued).toMatchObject({ kind: 'BILL', recordId: march.id, totalFen: 149355, d: { period: '2026-03' } });
    expect(issuer.provisionalOf(issued)).toBeNull();
    // Printed in the month it is of: still a bill, not an estimate of a month.
    expect(issuer.provisionalOf({ ...issued, at: new Date('2026-03-20T00:00:00Z') })).toBeNull();
    expect(issuer.subjectOf(issued)).toContain(march.id);
    const draft = billDraft(facts({ bill: { ...march, state: 'DRAFT', issuedAt: null } }));
    expect(issuer.provisionalOf(draft)).toBe('DRAFT');
  });

  it('renders in the layout, one page of HTML with the title and the watermark of a draft', () => {
    const draft = billDraft(facts({ bill: { ...march, state: 'DRAFT', issuedAt: null } }));
    expect(issuer.preview(draft)).toContain('<div class="watermark" aria-hidden="true">草稿</div>');
    expect(issuer.preview(draft)).toContain('<h1>缴费通知单</h1>');
  });
});

describe('收据 (docs/rules.md §9)', () => {
  const payment: PaymentView = {
    id: '00000000-0000-4000-8000-0000000000p1',
    kind: 'PAYMENT',
    residentId: march.residentId,
    residentName: '王秀兰',
    bedCode: '2-101-1',
    amountFen: 822600,
    method: 'WECHAT',
    reference: '4200001234202604010001',
    receivedOn: '2026-04-02',
    receiptNumber: 'SJ2026-000042',
    appliedTo: [{ billId: march.id, billNumber: 'ZD2026-000001', amountFen: 149355 }],
    prepaymentFen: 673245,
  };

  it('prints the receipt number, the payer, the amount in figures and capitals, how it was paid, the bills paid and the prepayment kept', () => {
    const d = receiptDraft({ payment, facility });
    const t = text(d);
    expect(t).toContain('收据号 SJ2026-000042 收款日期 2026-04-02');
    expect(t).toContain('交款人（住户） 王秀兰 床位 2-101-1');
    expect(t).toContain('金额（小写） ¥8,226.00');
    expect(t).toContain('金额（大写） 人民币捌仟贰佰贰拾陆元整');
    expect(t).toContain('收款方式 微信支付 交易参考号 4200001234202604010001');
    expect(t).toContain('ZD2026-000001 1,493.55');
    expect(t).toContain('转入预交款 6,732.45');
    expect(t).toContain('收款人（签字）');
    expect(t).toContain('收款单位（盖章）');
    expect(d).toMatchObject({ kind: 'RECEIPT', recordId: payment.id, totalFen: 822600, d: { period: '2026-04-02' } });
  });

  it('a deposit says so and has no bills', () => {
    const t = text(
      receiptDraft({
        payment: { ...payment, kind: 'DEPOSIT', method: 'CASH', reference: null, appliedTo: [], prepaymentFen: 0 },
        facility,
      }),
    );
    expect(t).toContain('收款事由 押金');
    expect(t).toContain('收款方式 现金 交易参考号 —');
    expect(t).not.toContain('冲抵账单');
  });
});

describe('退款凭证 (docs/rules.md §9)', () => {
  const refund: RefundView = {
    id: '00000000-0000-4000-8000-0000000000r1',
    residentId: march.residentId,
    residentName: '王秀兰',
    amountFen: 420000,
    from: 'DEPOSIT',
    method: 'BANK_TRANSFER',
    reference: 'BOC20260501',
    paidOn: '2026-05-01',
    reason: '退住结算',
    voucherNumber: 'TK2026-000003',
    settlement: { depositFen: 500000, prepaymentFen: 20000, owedFen: 100000, finalBillNumber: 'ZD2026-000020', finalBillTotalFen: 96667 },
  };

  it('a settlement: deposit and prepayment refunded, what was owed deducted, the net in figures and capitals, both signatures', () => {
    const d = refundDraft({ refund, facility, recipient: { name: '王建国', relation: '子女' } });
    const t = text(d);
    expect(t).toContain('凭证号 TK2026-000003 退款日期 2026-05-01');
    expect(t).toContain('退还押金 5,000.00 退还预交款 200.00 减：抵扣欠费 -1,000.00 实退金额（人民币） ¥4,200.00');
    expect(t).toContain('人民币肆仟贰佰元整');
    expect(t).toContain('结算账单 ZD2026-000020 ，合计 966.67 元');
    expect(t).toContain('经办会计（签字）');
    expect(t).toContain('领款人（家属）签字 登记监护人：王建国（子女）');
    expect(d).toMatchObject({ kind: 'REFUND', recordId: refund.id, totalFen: 420000 });
  });

  it('a refund of prepayment alone refunds that and deducts nothing', () => {
    const t = text(
      refundDraft({
        refund: { ...refund, settlement: null, from: 'PREPAYMENT', amountFen: 30000, reason: '家属申请退还部分预交款' },
        facility,
      }),
    );
    expect(t).toContain('退还押金 0.00 退还预交款 300.00 减：抵扣欠费 0.00 实退金额（人民币） ¥300.00');
    expect(t).toContain('退款事由 退还预交款');
  });
});
