import { Injectable } from '@nestjs/common';
import { StaysRepository } from '@careops/admissions';
import { AuditService } from '@careops/audit';
import {
  addDays,
  CareLevel,
  claimAdjustments,
  ClaimResident,
  claimTiming,
  computeClaim,
  facilityToday,
  monthSpan,
  operatingSubsidyLine,
  Programme,
  PROGRAMME_CLAIMANTS,
  PROGRAMME_LABELS,
  SubsidyPolicy,
  yuan,
} from '@careops/care';
import { FacilitiesService } from '@careops/facilities';
import { RuleViolation } from '@careops/platform';
import { CareLevelsRepository } from '@careops/residents';
import type { NewClaimLine, Policy } from './claim.types';
import { ClaimFrozenError } from './claims.errors';
import { ClaimsRepository } from './claims.repository';
import { PoliciesService } from './policies.service';

/** The calculator's view of a policy version (one read without the newer options means their defaults). */
const policyOf = (
  p: Pick<Policy, 'rates' | 'minAge' | 'excludedCategories' | 'dayCounting' | 'granularity' | 'eligibilityStart'>,
): SubsidyPolicy => ({
  rates: p.rates,
  minAge: p.minAge,
  excludedCategories: p.excludedCategories,
  dayCounting: p.dayCounting,
  granularity: p.granularity ?? 'DAY',
  eligibilityStart: p.eligibilityStart ?? 'SAME_MONTH',
});

/** Lines of the calculator, each explained by its formula in yuan (the same integer arithmetic, docs/rules.md §5). */
function regularLines(month: string, lines: ReturnType<typeof computeClaim>['lines'], byMonth: boolean): NewClaimLine[] {
  const { days } = monthSpan(month);
  // A whole-month policy pays the rate for the month, whatever the days in care (docs/rules.md §5).
  const formula = (l: (typeof lines)[number]) =>
    byMonth
      ? `按月发放：${yuan(l.rateFen)}（本月在住且符合条件）`
      : `${yuan(l.rateFen)} × ${l.days} ÷ ${days} = ${yuan(l.amountFen)}（四舍五入到分）`;
  return lines.map((l) => ({
    residentId: l.residentId,
    careLevel: l.careLevel,
    days: l.days,
    rateFen: l.rateFen,
    amountFen: l.amountFen,
    kind: 'REGULAR',
    adjustsClaimId: null,
    adjustsLineId: null,
    reason: null,
    explanation: { segments: l.segments, formula: formula(l) },
  }));
}

/**
 * Drafting a month's claim (docs/rules.md §5): the programme's lines from today's facts, plus the
 * 补差/追回 of earlier frozen claims. A month not begun in the facility's time zone cannot be
 * claimed; one still running is drafted as an estimate 预估 (today's facts projected to its end).
 * Regenerating a DRAFT is the same claim (same id and number): a domain rule, not request
 * idempotency, which the global IdempotencyInterceptor handles.
 */
@Injectable()
export class ClaimDraftService {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly policies: PoliciesService,
    private readonly facilities: FacilitiesService,
    private readonly stays: StaysRepository,
    private readonly levels: CareLevelsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Creates the month's DRAFT or regenerates it; returns its id. A claim that left DRAFT is CLAIM_FROZEN. */
  async draft(month: string, programme: Programme): Promise<string> {
    const facility = await this.facilities.current();
    const timing = claimTiming(month, facilityToday(new Date(), facility.timezone));
    if (timing.phase === 'NOT_STARTED') throw new RuleViolation('MONTH_NOT_STARTED', { month, today: timing.today });
    const estimate = timing.phase === 'RUNNING';
    if (!PROGRAMME_CLAIMANTS[programme].includes(facility.type)) {
      throw new RuleViolation('PROGRAMME_NOT_FOR_FACILITY', {
        facilityType: facility.type,
        programme,
        programmeLabel: PROGRAMME_LABELS[programme],
      });
    }
    await this.claims.lockMonth(month, programme);
    const existing = await this.claims.findMonthForUpdate(month, programme);
    if (existing && existing.state !== 'DRAFT') throw new ClaimFrozenError({ number: existing.number, month, state: existing.state });
    const policy = await this.policies.require(month, programme, facility.divisionCode);
    const lines =
      programme === 'DAY_CENTER_OPERATION'
        ? this.operatingSubsidy(month, policy)
        : regularLines(
            month,
            computeClaim(month, await this.residentsIn(month, programme), policyOf(policy)).lines,
            policy.granularity === 'MONTH',
          );
    const id =
      existing?.id ??
      (await this.claims.insert({
        month,
        programme,
        number: await this.claims.nextNumber(Number(month.slice(0, 4))),
        policyId: policy.id,
        estimate,
      }));
    // The operating subsidy depends on no resident fact, so nothing about it is ever adjusted.
    const adjustments = programme === 'DAY_CENTER_OPERATION' ? [] : await this.adjustmentsBefore(month, programme);
    const rows = [...lines, ...adjustments];
    await this.claims.replaceLines(id, rows);
    const totalsByLevel: Record<CareLevel, number> = { SELF_CARE: 0, SEMI_DISABLED: 0, FULLY_DISABLED: 0 };
    for (const l of rows) if (l.careLevel) totalsByLevel[l.careLevel] += l.amountFen;
    const totalFen = rows.reduce((sum, l) => sum + l.amountFen, 0);
    await this.claims.updateTotals(id, { totalFen, totalsByLevel, policyId: policy.id, estimate });
    await this.audit.record({
      action: existing ? 'claim.regenerate' : 'claim.create',
      entityType: 'claim',
      entityId: id,
      after: { month, programme, estimate, totalFen, lines: lines.length, adjustments: adjustments.length },
    });
    return id;
  }

  /**
   * The programmes this facility claims for a month (the worker drafts and reminds these): its
   * type's programmes, home-care beds only if someone was enrolled that month, and the operating
   * subsidy every month or, where claimed yearly, in December.
   */
  async programmesDue(month: string): Promise<Programme[]> {
    const { type, divisionCode } = await this.facilities.current();
    const due: Programme[] = [];
    if (PROGRAMME_CLAIMANTS.INSTITUTIONAL_CARE.includes(type)) due.push('INSTITUTIONAL_CARE');
    if (await this.stays.anyIn('homeCareBed', monthSpan(month))) due.push('HOME_CARE_BED');
    if (PROGRAMME_CLAIMANTS.DAY_CENTER_OPERATION.includes(type)) {
      const policy = await this.policies.inForce(month, 'DAY_CENTER_OPERATION', divisionCode);
      if (policy && (policy.claimPeriod === 'MONTHLY' || month.endsWith('-12'))) due.push('DAY_CENTER_OPERATION');
    }
    return due;
  }

  /** docs/rules.md §5: the facility's one line of the operating subsidy; claimed yearly, only in December. */
  private operatingSubsidy(month: string, policy: Policy): NewClaimLine[] {
    const line = operatingSubsidyLine(month, policy);
    if (!line) throw new RuleViolation('YEARLY_CLAIM_IN_DECEMBER', { year: month.slice(0, 4) });
    return [{ residentId: null, careLevel: null, ...line, kind: 'REGULAR', adjustsClaimId: null, adjustsLineId: null, reason: null }];
  }

  /**
   * The people a programme pays for during the month, with what the calculator needs: residents
   * admitted (their admissions, whose first day is the admission day however many transfers
   * follow, and their leaves), or, for HOME_CARE_BED, those enrolled in a home-care bed.
   * A day either side of the month is read so that the day-counting options can shift the ends.
   */
  private async residentsIn(month: string, programme: Programme): Promise<ClaimResident[]> {
    const span = monthSpan(month);
    const around = { from: addDays(span.from, -1), to: addDays(span.to, 1) };
    const stays = await this.stays.periodsIn(programme === 'HOME_CARE_BED' ? 'homeCareBed' : 'admission', around);
    const leaves = programme === 'HOME_CARE_BED' ? [] : await this.stays.periodsIn('leave', around);
    const ids = stays.map((s) => s.residentId);
    const periodsOf = new Map(stays.map((s) => [s.residentId, s.periods]));
    const leavesOf = new Map(leaves.map((l) => [l.residentId, l.periods]));
    const histories = await this.levels.historiesBefore(ids, around.to);
    return (await this.levels.profiles(ids)).map((r) => ({
      residentId: r.id,
      dateOfBirth: r.dateOfBirth,
      categories: r.categories,
      stays: periodsOf.get(r.id) ?? [],
      leaves: leavesOf.get(r.id) ?? [],
      assessments: histories.get(r.id) ?? [],
    }));
  }

  /**
   * docs/rules.md §5 "frozen means frozen": each earlier claim that left DRAFT (and was not rejected)
   * is recomputed from today's facts under the policy version it used; each difference from what was
   * claimed (its frozen adjustments included) is a 补差/追回 line referencing that claim and line.
   */
  private async adjustmentsBefore(month: string, programme: Programme): Promise<NewClaimLine[]> {
    const result: NewClaimLine[] = [];
    for (const e of await this.claims.frozenBefore(month, programme)) {
      const now = computeClaim(e.month, await this.residentsIn(e.month, programme), policyOf(e));
      const claimed = { number: e.number, month: e.month, amounts: await this.claims.claimedAmounts(e.id) };
      for (const a of claimAdjustments(claimed, now.lines)) {
        result.push({
          residentId: a.residentId,
          careLevel: a.careLevel,
          days: a.days,
          rateFen: a.rateFen,
          amountFen: a.deltaFen,
          kind: 'ADJUSTMENT',
          adjustsClaimId: e.id,
          adjustsLineId: a.lineId,
          reason: a.reason,
          explanation: a.explanation,
        });
      }
    }
    return result;
  }
}
