import { Injectable } from '@nestjs/common';
import { StaysRepository } from '@careops/admissions';
import { addDays, type CareLevel, type IsoDate, monthSpan, type Programme, PROGRAMME_LABELS } from '@careops/care';
import { FacilitiesService } from '@careops/facilities';
import { divisionName, NotAllowedError, NotFoundError } from '@careops/platform';
import { TenantDb } from '@careops/db';
import { CareLevelsRepository } from '@careops/residents';
import { ClaimDraftService } from './claim-drafts.service';
import { ClaimAction, ClaimAnswerInput, ClaimLifecycle } from './claim-lifecycle';
import type { ClaimLineRecord, ClaimListItem, ClaimView } from './claim.types';
import { ClaimsRepository } from './claims.repository';

/** A policy version as people name it: 平顶山市 2020 版; the national default 全国默认 2020 版. */
export function policyName(divisionCode: string, effectiveFrom: IsoDate): string {
  const year = effectiveFrom.slice(0, 4);
  return divisionCode === '000000' ? `全国默认 ${year} 版` : `${divisionName(divisionCode) ?? divisionCode} ${year} 版`;
}

/** The last day a line counts: the end of its last run of days, else the last day of its (original) month. */
function lastCountedDay(line: ClaimLineRecord, month: string): IsoDate {
  const segments = line.explanation.segments ?? [];
  if (segments.length > 0) return addDays(segments[segments.length - 1].to, -1);
  const original = (line.explanation as { originalMonth?: string }).originalMonth ?? month;
  return addDays(monthSpan(original).to, -1);
}

export type { ClaimState, ClaimView } from './claim.types';

/** Claims as the API and the worker see them: drafting, the lifecycle, and a claim with its named lines. */
@Injectable()
export class ClaimsService {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly drafts: ClaimDraftService,
    private readonly lifecycle: ClaimLifecycle,
    private readonly levels: CareLevelsRepository,
    private readonly facilities: FacilitiesService,
    private readonly stays: StaysRepository,
    private readonly db: TenantDb,
  ) {}

  /** POST claims: creates the month's DRAFT, or regenerates it from today's facts (the same claim). */
  async draft(month: string, programme: Programme = 'INSTITUTIONAL_CARE'): Promise<ClaimView> {
    await this.assertMayClaim();
    return this.get(await this.drafts.draft(month, programme));
  }

  /**
   * docs/rules.md §1 and §5: the accountant claims; a day center has none, so there its manager
   * does (the routes admit managers; a care home's manager is refused here). Jobs act for themselves.
   */
  private async assertMayClaim(): Promise<void> {
    const role = this.db.principalOrNull()?.role;
    if (role !== 'FACILITY_MANAGER') return;
    if ((await this.facilities.current()).type !== 'DAY_CENTER') throw new NotAllowedError('FORBIDDEN', { role });
  }

  /** The programmes this facility claims for a month (see ClaimDraftService.programmesDue). */
  programmesDue(month: string): Promise<Programme[]> {
    return this.drafts.programmesDue(month);
  }

  /**
   * The reminder of the 20th: if a programme due for `month` has no claim that left DRAFT, an alert
   * CLAIM_NOT_SUBMITTED on `today` (once a day), ahead of the bureau's deadline, the 25th. Returns 1 if written.
   */
  async remindUnsubmitted(month: string, today: string): Promise<number> {
    const due = await this.programmesDue(month);
    const submitted = await this.claims.submittedProgrammes(month);
    const missing = due.filter((p) => !submitted.includes(p));
    if (missing.length === 0) return 0;
    const written = await this.claims.insertReminder(today, {
      month,
      programmes: missing,
      deadline: `${today.slice(0, 7)}-25`,
      message: `${month} 的${missing.map((p) => PROGRAMME_LABELS[p]).join('、')}申领尚未提交，民政局截止日为本月25日`,
    });
    return written ? 1 : 0;
  }

  async transition(id: string, action: ClaimAction, answer: ClaimAnswerInput = {}): Promise<ClaimView> {
    await this.assertMayClaim();
    await this.lifecycle.apply(id, action, answer);
    return this.get(id);
  }

  list(): Promise<ClaimListItem[]> {
    return this.claims.list();
  }

  /**
   * A claim with its lines: regular before adjustments, then by resident name and first day; the
   * facility's own line named after it. Each resident line tells who it is (bed, masked ID number,
   * admission dates); the claim counts its people and carries its history and the bureau's answer.
   */
  async get(id: string): Promise<ClaimView> {
    const c = await this.claims.findById(id);
    if (!c) throw new NotFoundError('CLAIM_NOT_FOUND');
    const lines = await this.claims.lines(id);
    const profiles = await this.levels.profiles([...new Set(lines.flatMap((l) => (l.residentId ? [l.residentId] : [])))]);
    const rank = new Map(profiles.map((p, i) => [p.id, { i, name: p.name, idMasked: p.idMasked }]));
    const facilityName = lines.some((l) => !l.residentId || !rank.has(l.residentId)) ? (await this.facilities.get(c.facilityId)).name : '';
    // Stable: within a kind and a resident the repository's order (first counted day) stays.
    const named = lines
      .map((l) => ({ line: l, at: (l.residentId && rank.get(l.residentId)) || null }))
      .sort(
        (a, b) =>
          (a.line.kind === b.line.kind ? 0 : a.line.kind === 'REGULAR' ? -1 : 1) ||
          (a.at?.i ?? Number.MAX_SAFE_INTEGER) - (b.at?.i ?? Number.MAX_SAFE_INTEGER),
      );
    const asked = named.flatMap(({ line }) =>
      line.residentId ? [{ residentId: line.residentId, day: lastCountedDay(line, c.month) }] : [],
    );
    const places = await this.stays.placesOn(c.programme === 'HOME_CARE_BED' ? 'homeCareBed' : 'admission', asked);
    const placeOf = new Map(places.map((p) => [`${p.residentId}|${p.day}`, p]));
    // docs/rules.md §5: each person once, at the level of their last regular line.
    const lastLevel = new Map<string, CareLevel>();
    for (const { line } of named)
      if (line.kind === 'REGULAR' && line.residentId && line.careLevel) lastLevel.set(line.residentId, line.careLevel);
    const peopleByLevel: Record<CareLevel, number> = { SELF_CARE: 0, SEMI_DISABLED: 0, FULLY_DISABLED: 0 };
    for (const level of lastLevel.values()) peopleByLevel[level]++;
    return {
      id: c.id,
      number: c.number,
      month: c.month,
      programme: c.programme,
      state: c.state,
      estimate: c.estimate,
      totalFen: c.totalFen,
      totalsByLevel: { SELF_CARE: 0, SEMI_DISABLED: 0, FULLY_DISABLED: 0, ...c.totalsByLevel },
      peopleCount: lastLevel.size,
      peopleByLevel,
      submittedAt: c.submittedAt,
      approvedOn: c.approvedOn,
      approvedFen: c.approvedFen,
      approvedDifferenceFen: c.approvedFen === null ? null : c.approvedFen - c.totalFen,
      rejectedOn: c.rejectedOn,
      rejectionReason: c.rejectionReason,
      paidOn: c.paidOn,
      paidFen: c.paidFen,
      paymentReference: c.paymentReference,
      policy: {
        ...c.policy,
        name: policyName(c.policy.divisionCode, c.policy.effectiveFrom),
        divisionName: divisionName(c.policy.divisionCode),
        rates: c.policy.rates as Record<string, number>,
      },
      lines: named.map(({ line, at }) => {
        const place = line.residentId ? placeOf.get(`${line.residentId}|${lastCountedDay(line, c.month)}`) : undefined;
        return {
          residentId: line.residentId,
          residentName: at?.name ?? facilityName,
          bedCode: place?.bedCode ?? null,
          idNumberMasked: at?.idMasked ?? null,
          inCareFrom: place?.from ?? null,
          inCareTo: place?.to ?? null,
          careLevel: line.careLevel,
          days: line.days,
          rateFen: line.rateFen,
          amountFen: line.amountFen,
          kind: line.kind,
          explanation: line.explanation,
          reason: line.reason,
          adjustsClaimId: line.adjustsClaimId,
          adjustsLineId: line.adjustsLineId,
        };
      }),
      history: await this.claims.history(id),
    };
  }
}
