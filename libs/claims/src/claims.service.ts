import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import ExcelJS from 'exceljs';
import { ClsService } from 'nestjs-cls';
import { addDays, CARE_LEVEL_LABELS, FacilityType, Programme, PROGRAMME_CLAIMANTS, PROGRAMME_LABELS, CareLevel, ClaimResident, computeClaim, DayCounting, dayNumber, monthlyShareFen, monthSpan, SubsidyPolicy, yuan } from '@careops/care';
import { AuditService } from '@careops/audit';
import { type RequestContext, FacilityScoped } from '@careops/db';

export type ClaimState = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'REJECTED' | 'PAID';

interface PolicyRow {
  id: string; division_code: string; effective_from: string; rates: Record<string, number>; min_age: number; excluded_categories: string[];
  day_counting: DayCounting; claim_period: 'MONTHLY' | 'YEARLY'; annual_fen: number | null;
}

type ClaimLineRow = {
  resident_id: string | null; care_level: CareLevel | null; days: number; rate_fen: number; amount_fen: number; kind: 'REGULAR' | 'ADJUSTMENT';
  adjusts_claim_id: string | null; adjusts_line_id: string | null; reason: string | null; explanation: object;
};

/** docs/rules.md §5: DRAFT → SUBMITTED → APPROVED | REJECTED → PAID (from APPROVED). */
const TRANSITIONS: Record<string, { from: ClaimState; to: ClaimState; stamp: 'submitted' | 'decided' | 'paid' }> = {
  submit: { from: 'DRAFT', to: 'SUBMITTED', stamp: 'submitted' },
  approve: { from: 'SUBMITTED', to: 'APPROVED', stamp: 'decided' },
  reject: { from: 'SUBMITTED', to: 'REJECTED', stamp: 'decided' },
  pay: { from: 'APPROVED', to: 'PAID', stamp: 'paid' },
};

export interface ClaimView {
  id: string;
  number: string;
  month: string;
  programme: Programme;
  state: ClaimState;
  totalFen: number;
  totalsByLevel: Record<CareLevel, number>;
  rejectionReason: string | null;
  policy: {
    id: string; divisionCode: string; effectiveFrom: string; rates: Record<string, number>;
    annualFen: number | null; claimPeriod: 'MONTHLY' | 'YEARLY'; dayCounting: DayCounting; minAge: number; excludedCategories: string[];
  };
  lines: {
    /** null on a line of the facility itself (the day-center operating subsidy). */
    residentId: string | null;
    residentName: string;
    careLevel: CareLevel | null;
    days: number;
    rateFen: number;
    amountFen: number;
    kind: 'REGULAR' | 'ADJUSTMENT';
    explanation: { segments: { from: string; to: string }[]; formula?: string };
    reason: string | null;
    adjustsClaimId: string | null;
    adjustsLineId: string | null;
  }[];
}

/** A line's level as printed: the facility's own line (operating subsidy) has none. */
const levelLabel = (level: CareLevel | null) => (level ? CARE_LEVEL_LABELS[level] : '—');

/** The calculator's view of a policy version. */
function policyOf(p: Pick<PolicyRow, 'rates' | 'min_age' | 'excluded_categories' | 'day_counting'>): SubsidyPolicy {
  return { rates: p.rates, minAge: p.min_age, excludedCategories: p.excluded_categories, dayCounting: p.day_counting };
}

@Injectable()
export class ClaimsService extends FacilityScoped {
  constructor(
    txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    cls: ClsService<RequestContext>,
    private readonly audit: AuditService,
  ) {
    super(txHost, cls);
  }


  private async facility(): Promise<{ division_code: string; type: FacilityType; name: string }> {
    const [facility] = await this.sql.query(`SELECT division_code, type, name FROM facility WHERE id = $1`, [this.facilityId()]);
    return facility;
  }

  /** The policy version in force on the month's first day for a division, the most specific code winning. */
  private async policyFor(month: string, programme: Programme, code: string): Promise<PolicyRow> {
    const candidates = [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`, '000000'];
    const [policy] = await this.sql.query(
      `SELECT id, division_code::text, effective_from::text, rates, min_age, excluded_categories, day_counting, claim_period, annual_fen::int AS annual_fen FROM subsidy_policy
       WHERE programme = $1 AND division_code = ANY($2) AND effective_from <= $3::date
       ORDER BY length(rtrim(division_code, '0')) DESC, effective_from DESC LIMIT 1`,
      [programme, candidates, `${month}-01`],
    );
    if (!policy) throw new UnprocessableEntityException(`no ${programme} subsidy policy applies to ${month} (无适用的补贴政策)`);
    return policy;
  }

  /**
   * The people a programme pays for during the month, with what the calculator needs: residents
   * admitted (their admissions, whose first day is the admission day however many transfers
   * follow, and their leaves), or, for HOME_CARE_BED, those enrolled in a home-care bed.
   * A day either side of the month is read so that the day-counting options can shift the ends.
   */
  private async residentsIn(month: string, programme: Programme): Promise<(ClaimResident & { name: string })[]> {
    const span = monthSpan(month);
    const [from, to] = [addDays(span.from, -1), addDays(span.to, 1)];
    const periods = programme === 'HOME_CARE_BED' ? 'home_care_bed' : 'admission';
    const stays: { resident_id: string; lower: string; upper: string | null }[] = await this.sql.query(
      `SELECT resident_id, lower(period)::text AS lower, upper(period)::text AS upper FROM ${periods} WHERE period && daterange($1::date, $2::date)`,
      [from, to],
    );
    const ids = [...new Set(stays.map((s) => s.resident_id))];
    const rows: { id: string; name: string; date_of_birth: string; categories: string[] }[] = await this.sql.query(
      `SELECT id, name, date_of_birth::text AS date_of_birth, categories FROM resident WHERE id = ANY($1::uuid[]) ORDER BY name, id`, [ids]);
    const leaves: { resident_id: string; lower: string; upper: string }[] = programme === 'HOME_CARE_BED' ? [] : await this.sql.query(
      `SELECT resident_id, lower(period)::text AS lower, upper(period)::text AS upper FROM leave WHERE period && daterange($1::date, $2::date)`,
      [from, to],
    );
    const assessments: { resident_id: string; effective_on: string; care_level: CareLevel; seq: string }[] = await this.sql.query(
      `SELECT resident_id, effective_on::text AS effective_on, care_level, seq FROM assessment WHERE effective_on < $1::date AND resident_id = ANY($2::uuid[])`,
      [to, ids],
    );
    return rows.map((r) => ({
      residentId: r.id,
      name: r.name,
      dateOfBirth: r.date_of_birth,
      categories: r.categories,
      stays: stays.filter((s) => s.resident_id === r.id).map((s) => ({ from: s.lower, to: s.upper })),
      leaves: leaves.filter((l) => l.resident_id === r.id).map((l) => ({ from: l.lower, to: l.upper })),
      assessments: assessments.filter((a) => a.resident_id === r.id).map((a) => ({ effectiveOn: a.effective_on, careLevel: a.care_level, recordedSeq: Number(a.seq) })),
    }));
  }

  /** POST claims: creates the month's DRAFT, or regenerates it from today's facts (idempotent). */
  async draft(month: string, programme: Programme = 'INSTITUTIONAL_CARE'): Promise<ClaimView> {
    const facilityId = this.facilityId();
    const facility = await this.facility();
    if (!PROGRAMME_CLAIMANTS[programme].includes(facility.type)) {
      throw new UnprocessableEntityException(`a ${facility.type} facility cannot claim ${programme} (该类机构不能申领${PROGRAMME_LABELS[programme]})`);
    }
    // One draft at a time per facility and month: concurrent requests queue, the later ones regenerate.
    await this.sql.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`claim:${facilityId}:${month}:${programme}`]);
    const [existing]: { id: string; state: ClaimState; number: string }[] = await this.sql.query(
      `SELECT id, state, number FROM claim WHERE month = $1 AND programme = $2 FOR UPDATE`, [month, programme]);
    if (existing && existing.state !== 'DRAFT') {
      throw new ConflictException(`claim ${existing.number} for ${month} is already ${existing.state} (该月申领已提交，不能重新生成)`);
    }
    const policyRow = await this.policyFor(month, programme, facility.division_code);
    const lines = programme === 'DAY_CENTER_OPERATION'
      ? this.operatingSubsidy(month, policyRow)
      : ClaimsService.regularRows(month, computeClaim(month, await this.residentsIn(month, programme), policyOf(policyRow)).lines);
    let id = existing?.id;
    if (!id) {
      // Sequential per facility and year, no gaps: the counter row is locked until commit.
      const year = Number(month.slice(0, 4));
      const [counter]: { last: number }[] = await this.sql.query(
        `INSERT INTO claim_counter (facility_id, year, last) VALUES ($1, $2, 1)
         ON CONFLICT (facility_id, year) DO UPDATE SET last = claim_counter.last + 1 RETURNING last`,
        [facilityId, year],
      );
      const number = `${year}-${String(counter.last).padStart(4, '0')}`;
      [{ id }] = await this.sql.query(
        `INSERT INTO claim (facility_id, month, programme, number, policy_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [facilityId, month, programme, number, policyRow.id],
      );
    }
    await this.sql.query(`DELETE FROM claim_line WHERE claim_id = $1`, [id]);
    // The operating subsidy depends on no resident fact, so nothing about it is ever adjusted.
    const adjustments = programme === 'DAY_CENTER_OPERATION' ? [] : await this.adjustmentsBefore(month, programme);
    const rows: ClaimLineRow[] = [
      ...lines,
      ...adjustments.map((a): ClaimLineRow => ({
        resident_id: a.residentId, care_level: a.careLevel, days: a.days, rate_fen: a.rateFen, amount_fen: a.amountFen, kind: 'ADJUSTMENT',
        adjusts_claim_id: a.claimId, adjusts_line_id: a.lineId, reason: a.reason, explanation: a.explanation,
      })),
    ];
    // Set-based: every line in one statement, whatever their number.
    await this.sql.query(
      `INSERT INTO claim_line (facility_id, claim_id, resident_id, care_level, days, rate_fen, amount_fen, kind, adjusts_claim_id, adjusts_line_id, reason, explanation)
       SELECT $1, $2, x.resident_id, x.care_level, x.days, x.rate_fen, x.amount_fen, x.kind, x.adjusts_claim_id, x.adjusts_line_id, x.reason, x.explanation
       FROM jsonb_to_recordset($3::jsonb) AS x(resident_id uuid, care_level text, days int, rate_fen bigint, amount_fen bigint, kind text,
            adjusts_claim_id uuid, adjusts_line_id uuid, reason text, explanation jsonb)`,
      [facilityId, id, JSON.stringify(rows)],
    );
    const totalsByLevel: Record<CareLevel, number> = { SELF_CARE: 0, SEMI_DISABLED: 0, FULLY_DISABLED: 0 };
    for (const l of rows) if (l.care_level) totalsByLevel[l.care_level] += l.amount_fen;
    const totalFen = rows.reduce((sum, l) => sum + l.amount_fen, 0);
    await this.sql.query(`UPDATE claim SET total_fen = $2, totals_by_level = $3, policy_id = $4, updated_at = now() WHERE id = $1`, [
      id, totalFen, JSON.stringify(totalsByLevel), policyRow.id,
    ]);
    await this.audit.record({
      action: existing ? 'claim.regenerate' : 'claim.create', entityType: 'claim', entityId: id,
      after: { month, programme, totalFen, lines: lines.length, adjustments: adjustments.length },
    });
    return this.get(id as string);
  }

  /**
   * The programmes this facility claims for a month (the worker drafts and reminds these): its
   * type's programmes, home-care beds only if someone was enrolled that month, and the operating
   * subsidy every month or, where claimed yearly, in December.
   */
  async programmesDue(month: string): Promise<Programme[]> {
    const { type, division_code } = await this.facility();
    const { from, to } = monthSpan(month);
    const due: Programme[] = [];
    if (PROGRAMME_CLAIMANTS.INSTITUTIONAL_CARE.includes(type)) due.push('INSTITUTIONAL_CARE');
    const [homeCare] = await this.sql.query(`SELECT 1 FROM home_care_bed WHERE period && daterange($1::date, $2::date) LIMIT 1`, [from, to]);
    if (homeCare) due.push('HOME_CARE_BED');
    if (PROGRAMME_CLAIMANTS.DAY_CENTER_OPERATION.includes(type)) {
      const policy = await this.policyFor(month, 'DAY_CENTER_OPERATION', division_code).catch(() => null);
      if (policy && (policy.claim_period === 'MONTHLY' || month.endsWith('-12'))) due.push('DAY_CENTER_OPERATION');
    }
    return due;
  }

  /** Lines of the calculator, each explained by its formula, as rows of claim_line. */
  private static regularRows(month: string, lines: ReturnType<typeof computeClaim>['lines']): ClaimLineRow[] {
    const { days } = monthSpan(month);
    return lines.map((l) => ({
      resident_id: l.residentId, care_level: l.careLevel, days: l.days, rate_fen: l.rateFen, amount_fen: l.amountFen, kind: 'REGULAR',
      adjusts_claim_id: null, adjusts_line_id: null, reason: null,
      explanation: { segments: l.segments, formula: `${l.rateFen} × ${l.days} ÷ ${days} = ${l.amountFen} (四舍五入到分)` },
    }));
  }

  /**
   * docs/rules.md §5, the day-center operating subsidy: ¥20,000 per center per year (the policy's
   * annualFen). Claimed monthly, month m carries its share so the twelve add up to the year exactly;
   * claimed yearly, the December claim carries the whole year. One line, of the facility itself.
   */
  private operatingSubsidy(month: string, policy: PolicyRow): ClaimLineRow[] {
    const annual = policy.annual_fen ?? 0;
    const m = Number(month.slice(5));
    const year = month.slice(0, 4);
    if (policy.claim_period === 'YEARLY' && m !== 12) {
      throw new UnprocessableEntityException(`this division claims the operating subsidy yearly, with the December claim (${year}-12) (按年申领，请申领${year}年12月)`);
    }
    const yearly = policy.claim_period === 'YEARLY';
    const span = yearly ? { from: `${year}-01-01`, to: `${Number(year) + 1}-01-01` } : monthSpan(month);
    const days = dayNumber(span.to) - dayNumber(span.from);
    const amount = yearly ? annual : monthlyShareFen(annual, m);
    const formula = yearly
      ? `${annual} (全年运营补贴)`
      : `round(${annual} × ${m} ÷ 12) − round(${annual} × ${m - 1} ÷ 12) = ${amount} (按月分摊，全年合计 ${annual})`;
    return [{
      resident_id: null, care_level: null, days, rate_fen: annual, amount_fen: amount, kind: 'REGULAR',
      adjusts_claim_id: null, adjusts_line_id: null, reason: null,
      explanation: { segments: [{ from: span.from, to: span.to }], formula },
    }];
  }

  /**
   * "frozen means frozen": each earlier claim that left DRAFT (and was not rejected) is
   * recomputed from today's facts under the policy version it used; where a resident's amount at a
   * level differs from what was claimed (adjustments already frozen included), the difference
   * becomes an adjustment line 补差 (positive) or 追回 (negative) referencing that claim and line.
   */
  private async adjustmentsBefore(month: string, programme: Programme) {
    const earlier: ({ id: string; number: string; month: string } & Pick<PolicyRow, 'rates' | 'min_age' | 'excluded_categories' | 'day_counting'>)[] = await this.sql.query(
      `SELECT c.id, c.number, c.month, p.rates, p.min_age, p.excluded_categories, p.day_counting FROM claim c JOIN subsidy_policy p ON p.id = c.policy_id
       WHERE c.state IN ('SUBMITTED', 'APPROVED', 'PAID') AND c.month < $1 AND c.programme = $2 ORDER BY c.month`,
      [month, programme],
    );
    const result: {
      residentId: string; careLevel: CareLevel; days: number; rateFen: number; amountFen: number; claimId: string; lineId: string | null;
      reason: string; explanation: object;
    }[] = [];
    for (const e of earlier) {
      const now = computeClaim(e.month, await this.residentsIn(e.month, programme), policyOf(e));
      const claimed: { resident_id: string; care_level: CareLevel; amount: string; days: number; line_id: string | null; rate: string | null }[] = await this.sql.query(
        `SELECT l.resident_id, l.care_level, sum(l.amount_fen) AS amount, coalesce(sum(l.days) FILTER (WHERE l.kind = 'REGULAR'), 0)::int AS days,
                (array_agg(l.id) FILTER (WHERE l.kind = 'REGULAR'))[1] AS line_id, max(l.rate_fen) AS rate
         FROM claim_line l JOIN claim c ON c.id = l.claim_id
         WHERE l.claim_id = $1 OR (l.adjusts_claim_id = $1 AND c.state IN ('SUBMITTED', 'APPROVED', 'PAID'))
         GROUP BY l.resident_id, l.care_level`,
        [e.id],
      );
      const key = (r: string, l: string) => `${r}|${l}`;
      const before = new Map(claimed.map((c) => [key(c.resident_id, c.care_level), c]));
      const after = new Map(now.lines.map((l) => [key(l.residentId, l.careLevel), l]));
      for (const k of new Set([...before.keys(), ...after.keys()])) {
        const was = before.get(k);
        const is = after.get(k);
        const delta = (is?.amountFen ?? 0) - Number(was?.amount ?? 0);
        if (delta === 0) continue;
        const [residentId, careLevel] = k.split('|') as [string, CareLevel];
        result.push({
          residentId, careLevel, days: is?.days ?? 0, rateFen: is?.rateFen ?? Number(was?.rate ?? 0), amountFen: delta,
          claimId: e.id, lineId: was?.line_id ?? null,
          reason: `${delta > 0 ? '补差' : '追回'}: the facts of ${e.month} changed after claim ${e.number} (now ${is?.days ?? 0} days at ${careLevel}, claimed ${was?.days ?? 0})`,
          explanation: { originalClaim: e.number, originalMonth: e.month, claimedFen: Number(was?.amount ?? 0), recomputedFen: is?.amountFen ?? 0, segments: is?.segments ?? [] },
        });
      }
    }
    return result;
  }

  async transition(id: string, action: keyof typeof TRANSITIONS, reason?: string): Promise<ClaimView> {
    const t = TRANSITIONS[action];
    const [claim]: { state: ClaimState; number: string }[] = await this.sql.query(`SELECT state, number FROM claim WHERE id = $1 FOR UPDATE`, [id]);
    if (!claim) throw new NotFoundException('claim not found (申领不存在)');
    if (claim.state !== t.from) {
      throw new ConflictException(`claim ${claim.number} is ${claim.state}: it cannot be ${t.to.toLowerCase()} (only from ${t.from}) (状态不允许此操作)`);
    }
    const actor = this.cls.get('principal')?.userId ?? null;
    await this.sql.query(
      `UPDATE claim SET state = $2, ${t.stamp}_at = now(), ${t.stamp}_by = $3, rejection_reason = coalesce($4, rejection_reason), updated_at = now() WHERE id = $1`,
      [id, t.to, actor, reason ?? null],
    );
    await this.audit.record({ action: `claim.${action}`, entityType: 'claim', entityId: id, before: { state: claim.state }, after: { state: t.to, reason } });
    return this.get(id);
  }

  list() {
    return this.sql.query(
      `SELECT id, number, month, programme, state, total_fen::int AS "totalFen", totals_by_level AS "totalsByLevel" FROM claim ORDER BY month DESC, number DESC`,
    );
  }

  async get(id: string): Promise<ClaimView> {
    const [c] = await this.sql.query(
      `SELECT c.id, c.number, c.month, c.programme, c.state, c.total_fen::int AS total_fen, c.totals_by_level, c.rejection_reason, f.name AS facility_name,
              p.id AS policy_id, p.division_code::text AS policy_division, p.effective_from::text AS policy_from, p.rates AS policy_rates,
              p.annual_fen::int AS policy_annual, p.claim_period, p.day_counting, p.min_age, p.excluded_categories
       FROM claim c JOIN subsidy_policy p ON p.id = c.policy_id JOIN facility f ON f.id = c.facility_id WHERE c.id = $1`,
      [id],
    );
    if (!c) throw new NotFoundException('claim not found (申领不存在)');
    const lines = await this.sql.query(
      `SELECT l.resident_id AS "residentId", coalesce(r.name, $2) AS "residentName", l.care_level AS "careLevel", l.days, l.rate_fen::int AS "rateFen",
              l.amount_fen::int AS "amountFen", l.kind, l.explanation, l.reason,
              l.adjusts_claim_id AS "adjustsClaimId", l.adjusts_line_id AS "adjustsLineId"
       FROM claim_line l LEFT JOIN resident r ON r.id = l.resident_id WHERE l.claim_id = $1
       ORDER BY l.kind DESC, r.name, l.resident_id, l.explanation -> 'segments' -> 0 ->> 'from'`,
      [id, c.facility_name],
    );
    return {
      id: c.id, number: c.number, month: c.month, programme: c.programme, state: c.state, totalFen: c.total_fen,
      totalsByLevel: { SELF_CARE: 0, SEMI_DISABLED: 0, FULLY_DISABLED: 0, ...c.totals_by_level },
      rejectionReason: c.rejection_reason,
      policy: {
        id: c.policy_id, divisionCode: c.policy_division, effectiveFrom: c.policy_from, rates: c.policy_rates, annualFen: c.policy_annual,
        claimPeriod: c.claim_period, dayCounting: c.day_counting, minAge: c.min_age, excludedCategories: c.excluded_categories,
      },
      lines,
    };
  }

  /** The workbook: one sheet of lines, one of totals by level (amounts in yuan, two decimals). */
  async xlsx(id: string): Promise<{ number: string; body: Buffer }> {
    const claim = await this.get(id);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'careops';
    const lines = workbook.addWorksheet('申领明细');
    lines.columns = [
      { header: '申领编号', key: 'number', width: 12 }, { header: '月份', key: 'month', width: 10 },
      { header: '老人', key: 'name', width: 12 }, { header: '照护等级', key: 'level', width: 10 },
      { header: '天数', key: 'days', width: 8 }, { header: '月标准(元)', key: 'rate', width: 12 },
      { header: '金额(元)', key: 'amount', width: 12 }, { header: '类型', key: 'kind', width: 10 },
    ];
    // The yuan text of integer fen, as the cell's number (shown with two decimals).
    const money = (fen: number) => Number(yuan(fen));
    for (const l of claim.lines) {
      lines.addRow({ number: claim.number, month: claim.month, name: l.residentName, level: levelLabel(l.careLevel), days: l.days,
        rate: money(l.rateFen), amount: money(l.amountFen), kind: l.kind === 'REGULAR' ? '正常' : '补差/追回' });
    }
    lines.getColumn('rate').numFmt = '0.00';
    lines.getColumn('amount').numFmt = '0.00';
    const totals = workbook.addWorksheet('分级合计');
    totals.columns = [{ header: '照护等级', key: 'level', width: 12 }, { header: '金额(元)', key: 'amount', width: 14 }];
    for (const level of ['SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED'] as const) totals.addRow({ level: CARE_LEVEL_LABELS[level], amount: money(claim.totalsByLevel[level]) });
    totals.addRow({ level: '合计', amount: money(claim.totalFen) });
    totals.getColumn('amount').numFmt = '0.00';
    return { number: claim.number, body: Buffer.from(await workbook.xlsx.writeBuffer()) };
  }

  /** The lines as CSV for Excel: UTF-8 with BOM, Chinese headers, yuan with two decimals. */
  async csv(id: string): Promise<{ number: string; body: string }> {
    const claim = await this.get(id);
    const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
    const rows = [
      ['申领编号', '月份', '老人', '照护等级', '天数', '月标准(元)', '金额(元)', '类型'],
      ...claim.lines.map((l) => [claim.number, claim.month, l.residentName, levelLabel(l.careLevel), String(l.days), yuan(l.rateFen), yuan(l.amountFen), l.kind === 'REGULAR' ? '正常' : '补差/追回']),
      ['合计', claim.month, '', '', '', '', yuan(claim.totalFen), ''],
    ];
    return { number: claim.number, body: `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n` };
  }
}
