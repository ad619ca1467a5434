import { Injectable } from '@nestjs/common';
import { addDays, CARE_LEVEL_LABELS, CARE_LEVELS, monthSpan, PROGRAMME_LABELS, yuan } from '@careops/care';
import { ClaimsService, type ClaimView } from '@careops/claims';
import { FacilitiesService } from '@careops/facilities';
import { bureauName, divisionFullName, divisionName } from '@careops/platform';
import { draft, Draft, fileNameOf, monthLabel, wallClock } from './draft';
import { amountInCapitals } from '../amount-in-capitals';

const STATE_LABELS: Record<string, string> = { DRAFT: '草稿', SUBMITTED: '已提交', APPROVED: '已批准', REJECTED: '已驳回', PAID: '已拨付' };

/** Printed where a field of the facility is empty: the form is incomplete until it is filled in. */
const MISSING = '未填写';

/**
 * 养老服务补贴申领表 as a 民政 form (docs/rules.md §8): the claiming unit with its 收款账户 and
 * 经办人, one row per line (bed, masked ID, days in care), totals by level and in words, the
 * signature blocks of the unit, the boxes of the 街道/乡镇 review and the county bureau's approval,
 * and the record of the bureau's answer once there is one.
 */
@Injectable()
export class ClaimDocument {
  constructor(
    private readonly claims: ClaimsService,
    private readonly facilities: FacilitiesService,
  ) {}

  async build(claimId: string): Promise<Draft> {
    const claim = await this.claims.get(claimId);
    const f = await this.facilities.current();
    const numbers = new Map<string, string>();
    for (const id of new Set(claim.lines.map((l) => l.adjustsClaimId).filter((x): x is string => x !== null))) {
      numbers.set(id, (await this.claims.get(id)).number);
    }
    const md = (d: string) => d.slice(5).replace('-', '/');
    const lines = claim.lines.map((l, i) => {
      // The days counted in the month (the line's segments); a line without them shows its stay's dates if it has them.
      const segments = (l.explanation.segments ?? []).map((s) => `${md(s.from)}–${md(addDays(s.to, -1))}`).join('，');
      const inCare = segments || (l.inCareFrom ? `${md(l.inCareFrom)}–${l.inCareTo ? md(addDays(l.inCareTo, -1)) : ''}` : '');
      return {
        n: i + 1,
        name: l.residentName,
        idMasked: l.idNumberMasked ?? '—',
        bed: l.bedCode ?? '',
        level: l.careLevel ? CARE_LEVEL_LABELS[l.careLevel] : '—',
        inCare,
        days: l.days,
        rate: yuan(l.rateFen),
        amount: yuan(l.amountFen),
        adjustment: l.kind === 'ADJUSTMENT',
        kindLabel: l.amountFen >= 0 ? '补差' : '追回',
        adjusts: l.adjustsClaimId ? (numbers.get(l.adjustsClaimId) ?? '') : '',
      };
    });
    const regular = claim.lines.filter((l) => l.kind === 'REGULAR');
    const byLevel = CARE_LEVELS.filter((lv) => claim.policy.rates[lv] !== undefined || claim.totalsByLevel[lv] !== 0).map((lv) => ({
      label: CARE_LEVEL_LABELS[lv],
      rate: claim.policy.rates[lv] !== undefined ? yuan(claim.policy.rates[lv]) : '—',
      people: new Set(regular.filter((l) => l.careLevel === lv).map((l) => l.residentId)).size,
      amount: yuan(claim.totalsByLevel[lv]),
    }));
    // 人数 counts persons: a resident whose level changed in the month has two lines and is one person.
    const people = claim.peopleCount ?? new Set(regular.map((l) => l.residentId).filter((x) => x !== null)).size;
    const counted = (yes: boolean) => (yes ? '计入' : '不计入');
    const filled = (v: string | null | undefined) => ({ text: v && v.trim() ? v : MISSING, missing: !(v && v.trim()) });
    const account = [filled(f.bankName), filled(f.bankAccountName), filled(f.bankAccountNumber)];
    const bureau = claim.approvedOn || claim.rejectedOn || claim.paidOn || claim.state === 'REJECTED' ? this.answer(claim) : null;
    const history = (claim.history ?? []).map((h) => ({
      at: wallClock(new Date(h.at), f.timezone).slice(0, 16),
      from: h.from ? (STATE_LABELS[h.from] ?? h.from) : '—',
      to: STATE_LABELS[h.to] ?? h.to,
      by: h.byName ?? h.by ?? '',
    }));
    const programmeLabel = PROGRAMME_LABELS[claim.programme];
    return draft('CLAIM', f.timezone, {
      facilityId: f.id,
      subject: f.name,
      period: claim.month,
      periodLabel: monthLabel(claim.month),
      subtitle: `${programmeLabel} · 申领编号 ${claim.number}${claim.estimate ? ' · 预估' : ''}`,
      fileName: fileNameOf('CLAIM', f.name, claim.month, claim.number),
      asciiFileName: `claim-${claim.month}-${claim.number}.pdf`,
      data: {
        facility: {
          name: f.name,
          divisionCode: f.divisionCode,
          division: divisionFullName(f.divisionCode) ?? '',
          address: filled(f.address),
          license: filled(f.licenseNumber),
          bankName: account[0],
          bankAccountName: account[1],
          bankAccountNumber: account[2],
          contactPerson: filled(f.contactPerson),
          contactPhone: filled(f.contactPhone),
        },
        accountMissing: account.some((a) => a.missing),
        bureauName: bureauName(f.divisionCode) ?? `${f.divisionCode} 民政部门`,
        claim,
        estimate: claim.estimate === true,
        policyName: claim.policy.name ?? `${programmeLabel}（${divisionName(claim.policy.divisionCode) ?? claim.policy.divisionCode}）`,
        lines,
        withBeds: lines.some((l) => l.bed !== ''),
        byLevel,
        people,
        total: yuan(claim.totalFen),
        totalWords: amountInCapitals(claim.totalFen),
        programmeLabel,
        stateLabel: STATE_LABELS[claim.state],
        daysInMonth: monthSpan(claim.month).days,
        history,
        bureau,
        record: history.length > 0 || bureau !== null,
        counting: `入院当天${counted(claim.policy.dayCounting.admissionDay)}、出院当天${counted(claim.policy.dayCounting.dischargeDay)}、请假天数${counted(claim.policy.dayCounting.leaveDays)}`,
      },
    });
  }

  /** The bureau's answer as printed: approval (and its difference from the claim), rejection, payment. */
  private answer(c: ClaimView) {
    const difference = c.approvedDifferenceFen;
    return {
      approvedOn: c.approvedOn ?? null,
      approved: c.approvedFen != null ? yuan(c.approvedFen) : null,
      difference: difference != null ? (difference > 0 ? `+${yuan(difference)}` : yuan(difference)) : null,
      differs: difference != null && difference !== 0,
      rejectedOn: c.rejectedOn ?? null,
      rejectionReason: c.rejectionReason ?? null,
      paidOn: c.paidOn ?? null,
      paid: c.paidFen != null ? yuan(c.paidFen) : null,
      reference: c.paymentReference ?? null,
    };
  }
}
