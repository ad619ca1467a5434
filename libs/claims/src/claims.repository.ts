import { Injectable } from '@nestjs/common';
import type { CareLevel, ClaimedAmount, DayCounting, EligibilityStart, Granularity, Programme } from '@careops/care';
import { TenantDb } from '@careops/db';
import type { ClaimAnswer, ClaimEvent, ClaimLineRecord, ClaimListItem, ClaimPeriod, ClaimState, NewClaimLine, Policy } from './claim.types';

/** A claim with the policy version it used, as stored. */
export interface ClaimRecord extends ClaimAnswer {
  id: string;
  facilityId: string;
  number: string;
  month: string;
  programme: Programme;
  state: ClaimState;
  estimate: boolean;
  totalFen: number;
  totalsByLevel: Partial<Record<CareLevel, number>>;
  policy: Omit<Policy, 'programme'>;
}

/** What the lifecycle checks before a state change, the row locked. */
export interface ClaimForUpdate {
  state: ClaimState;
  number: string;
  month: string;
  estimate: boolean;
  totalFen: number;
  submittedAt: Date | null;
  approvedOn: string | null;
  approvedFen: number | null;
}

/** The facts a state change records (docs/rules.md §5, the bureau's answer); absent ones stay as they are. */
export interface ClaimFacts {
  rejectionReason?: string;
  approvedOn?: string;
  approvedFen?: number;
  rejectedOn?: string;
  paidOn?: string;
  paidFen?: number;
  paymentReference?: string;
}

/** A claim that left DRAFT and was not rejected, with the policy it used (what adjustments recompute). */
export interface FrozenClaim {
  id: string;
  number: string;
  month: string;
  rates: Partial<Record<CareLevel, number>>;
  minAge: number;
  excludedCategories: string[];
  dayCounting: DayCounting;
  granularity: Granularity;
  eligibilityStart: EligibilityStart;
}

/** The claim, claim_line and claim_counter tables, through the request's transaction (RLS per facility). */
@Injectable()
export class ClaimsRepository {
  constructor(private readonly db: TenantDb) {}

  /** One draft at a time per facility, month and programme: concurrent requests queue until commit. */
  async lockMonth(month: string, programme: Programme): Promise<void> {
    await this.db.sql.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`claim:${this.db.facilityId()}:${month}:${programme}`]);
  }

  /** The month's claim of a programme, locked for the rest of the transaction, or null. */
  async findMonthForUpdate(month: string, programme: Programme): Promise<{ id: string; state: ClaimState; number: string } | null> {
    const [row] = await this.db.sql.query(`SELECT id, state, number FROM claim WHERE month = $1 AND programme = $2 FOR UPDATE`, [
      month,
      programme,
    ]);
    return row ?? null;
  }

  /** The next number of the year, `YYYY-NNNN`: sequential, no gaps (the counter row is locked until commit). */
  async nextNumber(year: number): Promise<string> {
    const [counter]: { last: number }[] = await this.db.sql.query(
      `INSERT INTO claim_counter (facility_id, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (facility_id, year) DO UPDATE SET last = claim_counter.last + 1 RETURNING last`,
      [this.db.facilityId(), year],
    );
    return `${year}-${String(counter.last).padStart(4, '0')}`;
  }

  async insert(claim: { month: string; programme: Programme; number: string; policyId: string; estimate: boolean }): Promise<string> {
    const [{ id }]: { id: string }[] = await this.db.sql.query(
      `INSERT INTO claim (facility_id, month, programme, number, policy_id, estimate) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [this.db.facilityId(), claim.month, claim.programme, claim.number, claim.policyId, claim.estimate],
    );
    return id;
  }

  /** Replaces every line of a claim, set-based: all new lines in one statement, whatever their number. */
  async replaceLines(claimId: string, lines: NewClaimLine[]): Promise<void> {
    await this.db.sql.query(`DELETE FROM claim_line WHERE claim_id = $1`, [claimId]);
    const rows = lines.map((l) => ({
      resident_id: l.residentId,
      care_level: l.careLevel,
      days: l.days,
      rate_fen: l.rateFen,
      amount_fen: l.amountFen,
      kind: l.kind,
      adjusts_claim_id: l.adjustsClaimId,
      adjusts_line_id: l.adjustsLineId,
      reason: l.reason,
      explanation: l.explanation,
    }));
    await this.db.sql.query(
      `INSERT INTO claim_line (facility_id, claim_id, resident_id, care_level, days, rate_fen, amount_fen, kind, adjusts_claim_id, adjusts_line_id, reason, explanation)
       SELECT $1, $2, x.resident_id, x.care_level, x.days, x.rate_fen, x.amount_fen, x.kind, x.adjusts_claim_id, x.adjusts_line_id, x.reason, x.explanation
       FROM jsonb_to_recordset($3::jsonb) AS x(resident_id uuid, care_level text, days int, rate_fen bigint, amount_fen bigint, kind text,
            adjusts_claim_id uuid, adjusts_line_id uuid, reason text, explanation jsonb)`,
      [this.db.facilityId(), claimId, JSON.stringify(rows)],
    );
  }

  async updateTotals(
    claimId: string,
    totals: { totalFen: number; totalsByLevel: Record<CareLevel, number>; policyId: string; estimate: boolean },
  ): Promise<void> {
    await this.db.sql.query(
      `UPDATE claim SET total_fen = $2, totals_by_level = $3, policy_id = $4, estimate = $5, updated_at = now() WHERE id = $1`,
      [claimId, totals.totalFen, JSON.stringify(totals.totalsByLevel), totals.policyId, totals.estimate],
    );
  }

  /** The claims of a programme before `month` that left DRAFT and were not rejected, oldest first. */
  frozenBefore(month: string, programme: Programme): Promise<FrozenClaim[]> {
    return this.db.sql.query(
      `SELECT c.id, c.number, c.month, p.rates, p.min_age AS "minAge", p.excluded_categories AS "excludedCategories", p.day_counting AS "dayCounting",
              p.granularity, p.eligibility_start AS "eligibilityStart"
       FROM claim c JOIN subsidy_policy p ON p.id = c.policy_id
       WHERE c.state IN ('SUBMITTED', 'APPROVED', 'PAID') AND c.month < $1 AND c.programme = $2 ORDER BY c.month`,
      [month, programme],
    );
  }

  /**
   * What a claim paid per resident and level: its own lines plus the adjustments of it that are
   * frozen too; the regular line's days and id, the highest rate.
   */
  async claimedAmounts(claimId: string): Promise<ClaimedAmount[]> {
    const rows: {
      resident_id: string;
      care_level: CareLevel;
      amount: string;
      days: number;
      line_id: string | null;
      rate: string | null;
    }[] = await this.db.sql.query(
      `SELECT l.resident_id, l.care_level, sum(l.amount_fen) AS amount, coalesce(sum(l.days) FILTER (WHERE l.kind = 'REGULAR'), 0)::int AS days,
              (array_agg(l.id) FILTER (WHERE l.kind = 'REGULAR'))[1] AS line_id, max(l.rate_fen) AS rate
       FROM claim_line l JOIN claim c ON c.id = l.claim_id
       WHERE l.claim_id = $1 OR (l.adjusts_claim_id = $1 AND c.state IN ('SUBMITTED', 'APPROVED', 'PAID'))
       GROUP BY l.resident_id, l.care_level`,
      [claimId],
    );
    return rows.map((r) => ({
      residentId: r.resident_id,
      careLevel: r.care_level,
      amountFen: Number(r.amount),
      days: r.days,
      lineId: r.line_id,
      rateFen: r.rate === null ? null : Number(r.rate),
    }));
  }

  /** What the lifecycle checks of a claim, locked for the rest of the transaction, or null. */
  async findStateForUpdate(id: string): Promise<ClaimForUpdate | null> {
    const [row] = await this.db.sql.query(
      `SELECT state, number, month, estimate, total_fen::int AS "totalFen", submitted_at AS "submittedAt",
              approved_on::text AS "approvedOn", approved_fen::int AS "approvedFen"
       FROM claim WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  /**
   * Moves a claim to `state`, stamping when and by whom (`<stamp>_at`, `<stamp>_by`) and recording
   * the answer's facts; the database writes the history row (trigger claim_event).
   */
  async setState(
    id: string,
    state: ClaimState,
    stamp: 'submitted' | 'decided' | 'paid',
    by: string | null,
    facts: ClaimFacts,
  ): Promise<void> {
    await this.db.sql.query(
      `UPDATE claim SET state = $2, ${stamp}_at = now(), ${stamp}_by = $3, rejection_reason = coalesce($4, rejection_reason),
              approved_on = coalesce($5::date, approved_on), approved_fen = coalesce($6::bigint, approved_fen),
              rejected_on = coalesce($7::date, rejected_on), paid_on = coalesce($8::date, paid_on), paid_fen = coalesce($9::bigint, paid_fen),
              payment_reference = coalesce($10, payment_reference), updated_at = now()
       WHERE id = $1`,
      [
        id,
        state,
        by,
        facts.rejectionReason ?? null,
        facts.approvedOn ?? null,
        facts.approvedFen ?? null,
        facts.rejectedOn ?? null,
        facts.paidOn ?? null,
        facts.paidFen ?? null,
        facts.paymentReference ?? null,
      ],
    );
  }

  /** A claim's state changes, oldest first, with the acting user's name where the tenant can see it. */
  async history(claimId: string): Promise<ClaimEvent[]> {
    const rows: { from: ClaimState | null; to: ClaimState; at: Date; by: string | null; by_name: string | null; note: string | null }[] =
      await this.db.sql.query(
        `SELECT e.from_state AS "from", e.to_state AS "to", e.at, e.by_user AS "by", u.username AS by_name, e.note
         FROM claim_event e LEFT JOIN app_user u ON u.id = e.by_user
         WHERE e.claim_id = $1 ORDER BY e.at, e.written_at`,
        [claimId],
      );
    return rows.map((r) => ({
      from: r.from,
      to: r.to,
      at: r.at.toISOString(),
      by: r.by,
      byName: r.by_name,
      ...(r.note === null ? {} : { note: r.note }),
    }));
  }

  /** Every claim, newest month first. */
  list(): Promise<ClaimListItem[]> {
    return this.db.sql.query(
      `SELECT id, number, month, programme, state, total_fen::int AS "totalFen", totals_by_level AS "totalsByLevel", estimate
       FROM claim ORDER BY month DESC, number DESC`,
    );
  }

  /** The programmes whose claim for `month` left DRAFT (submitted, approved or paid). */
  async submittedProgrammes(month: string): Promise<Programme[]> {
    const rows: { programme: Programme }[] = await this.db.sql.query(
      `SELECT programme FROM claim WHERE month = $1 AND state IN ('SUBMITTED', 'APPROVED', 'PAID')`,
      [month],
    );
    return rows.map((r) => r.programme);
  }

  /** Records the month's reminder once per facility and day; whether it was new. */
  async insertReminder(day: string, detail: object): Promise<boolean> {
    const rows: unknown[] = await this.db.sql.query(
      `INSERT INTO compliance_alert (facility_id, day, kind, detail) VALUES ($1, $2, 'CLAIM_NOT_SUBMITTED', $3)
       ON CONFLICT (facility_id, day, kind) DO NOTHING RETURNING id`,
      [this.db.facilityId(), day, JSON.stringify(detail)],
    );
    return rows.length > 0;
  }

  async findById(id: string): Promise<ClaimRecord | null> {
    const [c] = await this.db.sql.query(
      `SELECT c.id, c.facility_id, c.number, c.month, c.programme, c.state, c.estimate, c.total_fen::int AS total_fen, c.totals_by_level,
              c.rejection_reason, c.submitted_at, c.approved_on::text AS approved_on, c.approved_fen::int AS approved_fen,
              c.rejected_on::text AS rejected_on, c.paid_on::text AS paid_on, c.paid_fen::int AS paid_fen, c.payment_reference,
              p.id AS policy_id, p.division_code::text AS policy_division, p.effective_from::text AS policy_from, p.rates AS policy_rates,
              p.annual_fen::int AS policy_annual, p.claim_period, p.day_counting, p.min_age, p.excluded_categories,
              p.granularity, p.eligibility_start, p.beneficiary
       FROM claim c JOIN subsidy_policy p ON p.id = c.policy_id WHERE c.id = $1`,
      [id],
    );
    if (!c) return null;
    return {
      id: c.id,
      facilityId: c.facility_id,
      number: c.number,
      month: c.month,
      programme: c.programme,
      state: c.state,
      estimate: c.estimate,
      totalFen: c.total_fen,
      totalsByLevel: c.totals_by_level,
      submittedAt: c.submitted_at ? (c.submitted_at as Date).toISOString() : null,
      approvedOn: c.approved_on,
      approvedFen: c.approved_fen,
      rejectedOn: c.rejected_on,
      rejectionReason: c.rejection_reason,
      paidOn: c.paid_on,
      paidFen: c.paid_fen,
      paymentReference: c.payment_reference,
      policy: {
        id: c.policy_id,
        divisionCode: c.policy_division,
        effectiveFrom: c.policy_from,
        rates: c.policy_rates,
        annualFen: c.policy_annual,
        claimPeriod: c.claim_period as ClaimPeriod,
        dayCounting: c.day_counting,
        minAge: c.min_age,
        excludedCategories: c.excluded_categories,
        granularity: c.granularity,
        eligibilityStart: c.eligibility_start,
        beneficiary: c.beneficiary,
      },
    };
  }

  /** A claim's lines, regular before adjustments, each kind by first counted day (names are ordered by the caller). */
  lines(claimId: string): Promise<ClaimLineRecord[]> {
    return this.db.sql.query(
      `SELECT l.resident_id AS "residentId", l.care_level AS "careLevel", l.days, l.rate_fen::int AS "rateFen",
              l.amount_fen::int AS "amountFen", l.kind, l.explanation, l.reason,
              l.adjusts_claim_id AS "adjustsClaimId", l.adjusts_line_id AS "adjustsLineId"
       FROM claim_line l WHERE l.claim_id = $1
       ORDER BY l.kind DESC, l.resident_id, l.explanation -> 'segments' -> 0 ->> 'from'`,
      [claimId],
    );
  }
}
