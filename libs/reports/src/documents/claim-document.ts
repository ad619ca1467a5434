import { Injectable } from '@nestjs/common';
import { addDays, amountInWords, CARE_LEVEL_LABELS, CARE_LEVELS, monthSpan, PROGRAMME_LABELS, yuan } from '@careops/care';
import { ClaimsService } from '@careops/claims';
import { FacilitiesService } from '@careops/facilities';
import { CareLevelsRepository } from '@careops/residents';
import { draft, Draft, monthLabel } from './draft';

const STATE_LABELS: Record<string, string> = { DRAFT: '草稿', SUBMITTED: '已提交', APPROVED: '已批准', REJECTED: '已驳回', PAID: '已拨付' };

/** 养老服务补贴申领表: one row per line with the masked ID, totals by level, signature blocks. */
@Injectable()
export class ClaimDocument {
  constructor(
    private readonly claims: ClaimsService,
    private readonly facilities: FacilitiesService,
    private readonly residents: CareLevelsRepository,
  ) {}

  async build(claimId: string): Promise<Draft> {
    const claim = await this.claims.get(claimId);
    const f = await this.facilities.current();
    const ids = claim.lines.map((l) => l.residentId).filter((x): x is string => x !== null);
    const maskOf = new Map((ids.length ? await this.residents.profiles([...new Set(ids)]) : []).map((p) => [p.id, p.idMasked]));
    const numbers = new Map<string, string>();
    for (const id of new Set(claim.lines.map((l) => l.adjustsClaimId).filter((x): x is string => x !== null))) {
      numbers.set(id, (await this.claims.get(id)).number);
    }
    const md = (d: string) => d.slice(5).replace('-', '/');
    const lines = claim.lines.map((l, i) => ({
      n: i + 1,
      name: l.residentName,
      idMasked: l.residentId ? (maskOf.get(l.residentId) ?? '') : '—',
      level: l.careLevel ? CARE_LEVEL_LABELS[l.careLevel] : '—',
      days: l.days,
      rate: yuan(l.rateFen),
      amount: yuan(l.amountFen),
      adjustment: l.kind === 'ADJUSTMENT',
      kindLabel: l.amountFen >= 0 ? '补差' : '追回',
      adjusts: l.adjustsClaimId ? (numbers.get(l.adjustsClaimId) ?? '') : '',
      segments: (l.explanation.segments ?? []).map((s) => `${md(s.from)}–${md(addDays(s.to, -1))}`).join('，'),
    }));
    const byLevel = CARE_LEVELS.filter((lv) => claim.policy.rates[lv] !== undefined || claim.totalsByLevel[lv] !== 0).map((lv) => ({
      label: CARE_LEVEL_LABELS[lv],
      rate: claim.policy.rates[lv] !== undefined ? yuan(claim.policy.rates[lv]) : '—',
      people: new Set(claim.lines.filter((l) => l.careLevel === lv && l.kind === 'REGULAR').map((l) => l.residentId)).size,
      amount: yuan(claim.totalsByLevel[lv]),
    }));
    const counted = (yes: boolean) => (yes ? '计入' : '不计入');
    return draft('CLAIM', f.timezone, {
      facilityId: f.id,
      subject: f.name,
      period: claim.month,
      periodLabel: monthLabel(claim.month),
      subtitle: `${PROGRAMME_LABELS[claim.programme]} · 申领编号 ${claim.number}`,
      fileName: `claim-${claim.number}.pdf`,
      data: {
        facility: { name: f.name, divisionCode: f.divisionCode },
        claim,
        lines,
        byLevel,
        total: yuan(claim.totalFen),
        totalWords: amountInWords(claim.totalFen),
        programmeLabel: PROGRAMME_LABELS[claim.programme],
        stateLabel: STATE_LABELS[claim.state],
        daysInMonth: monthSpan(claim.month).days,
        counting: `入院当天${counted(claim.policy.dayCounting.admissionDay)}、出院当天${counted(claim.policy.dayCounting.dischargeDay)}、请假天数${counted(claim.policy.dayCounting.leaveDays)}`,
      },
    });
  }
}
