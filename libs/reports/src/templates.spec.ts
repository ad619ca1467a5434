import { DocumentTemplates } from './templates';

/** The claim form's record of the bureau's answer (docs/rules.md §5, §8): shown once there is one. */
describe('the claim form template', () => {
  const templates = new DocumentTemplates();
  const text = (data: object) =>
    templates
      .body('CLAIM', data)
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');

  it('prints the approval with its difference, the payment with its reference, and every change of state', () => {
    const t = text({
      record: true,
      bureau: {
        approvedOn: '2026-06-10',
        approved: '380.00',
        difference: '-5.49',
        differs: true,
        paidOn: '2026-06-20',
        paid: '380.00',
        reference: 'NX20260620001',
      },
      history: [
        { at: '2026-06-01 09:00', from: '草稿', to: '已提交', by: '李会计' },
        { at: '2026-06-10 15:30', from: '已提交', to: '已批准', by: '李会计' },
      ],
    });
    expect(t).toContain('审批记录');
    expect(t).toContain('批准日期 2026-06-10 批准金额(元) 380.00 与申领差额(元) -5.49');
    expect(t).toContain('拨付日期 2026-06-20 拨付金额(元) 380.00 银行流水号 NX20260620001');
    expect(t).toContain('2026-06-10 15:30 已提交 已批准 李会计');
    expect(t).not.toContain('驳回原因');
  });

  it('prints a rejection with its reason, and no record at all before the bureau answers', () => {
    expect(text({ record: true, bureau: { rejectedOn: '2026-06-12', rejectionReason: '缺少评估报告' }, history: [] })).toContain(
      '驳回日期 2026-06-12 驳回原因 缺少评估报告',
    );
    expect(text({ record: false, history: [] })).not.toContain('审批记录');
  });
});
