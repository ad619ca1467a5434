import { BadRequestException, ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import { CARE_LEVEL_LABELS, CareLevel, ClaimResident, computeClaim, monthSpan, SubsidyPolicy, yuan } from '@careops/care';
import { AuditService } from '@careops/audit';
import { type RequestContext, FacilityScoped } from '@careops/db';

export type ClaimState = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'REJECTED' | 'PAID';
const PROGRAMME = 'INSTITUTIONAL_CARE';

/** DOMAIN.md §5: DRAFT → SUBMITTED → APPROVED | REJECTED → PAID (from APPROVED). */
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
  state: ClaimState;
  totalFen: number;
  totalsByLevel: Record<CareLevel, number>;
  rejectionReason: string | null;
  policy: { id: string; divisionCode: string; effectiveFrom: string; rates: Record<string, number> };
  lines: {
    residentId: string;
    residentName: string;
    careLevel: CareLevel;
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

@Injectable()
export class ClaimsService extends FacilityScoped {
  constructor(
    txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    cls: ClsService<RequestContext>,
    private readonly audit: AuditService,
  ) {
    super(txHost, cls);
  }


  /** The policy version in force on the month's first day, the most specific division winning. */
  private async policyFor(month: string): Promise<{ id: string; division_code: string; effective_from: string; rates: Record<string, number>; min_age: number; excluded_categories: string[] }> {
    const [facility]: { division_code: string }[] = await this.sql.query(`SELECT division_code FROM facility WHERE id = $1`, [this.facilityId()]);
    const code = facility.division_code;
    const candidates = [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`, '000000'];
    const [policy] = await this.sql.query(
      `SELECT id, division_code::text, effective_from::text, rates, min_age, excluded_categories FROM subsidy_policy
       WHERE programme = $1 AND division_code = ANY($2) AND effective_from <= $3::date
       ORDER BY length(rtrim(division_code, '0')) DESC, effective_from DESC LIMIT 1`,
      [PROGRAMME, candidates, `${month}-01`],
    );
    if (!policy) throw new UnprocessableEntityException(`no subsidy policy applies to ${month} (无适用的补贴政策)`);
    return policy;
  }

  /** Residents in care during the month, with what the calculator needs. */
  private async residentsIn(month: string): Promise<(ClaimResident & { name: string })[]> {
    const { from, to } = monthSpan(month);
    const rows: { id: string; name: string; date_of_birth: string; categories: string[] }[] = await this.sql.query(
      `SELECT DISTINCT r.id, r.name, r.date_of_birth::text AS date_of_birth, r.categories FROM resident r
       JOIN stay s ON s.resident_id = r.id AND s.period && daterange($1::date, $2::date) ORDER BY r.name, r.id`,
      [from, to],
    );
    const stays: { resident_id: string; lower: string; upper: string | null }[] = await this.sql.query(
      `SELECT resident_id, lower(period)::text AS lower, upper(period)::text AS upper FROM stay WHERE period && daterange($1::date, $2::date)`,
      [from, to],
    );
    const assessments: { resident_id: string; effective_on: string; care_level: CareLevel; seq: string }[] = await this.sql.query(
      `SELECT resident_id, effective_on::text AS effective_on, care_level, seq FROM assessment WHERE effective_on < $1::date
       AND resident_id IN (SELECT resident_id FROM stay WHERE period && daterange($2::date, $1::date))`,
      [to, from],
    );
    return rows.map((r) => ({
      residentId: r.id,
      name: r.name,
      dateOfBirth: r.date_of_birth,
      categories: r.categories,
      stays: stays.filter((s) => s.resident_id === r.id).map((s) => ({ from: s.lower, to: s.upper })),
      assessments: assessments.filter((a) => a.resident_id === r.id).map((a) => ({ effectiveOn: a.effective_on, careLevel: a.care_level, recordedSeq: Number(a.seq) })),
    }));
  }

  /**
   * POST claims with an `Idempotency-Key` (Stripe's rules): the first request's answer is kept;
   * the same key with the same body gets it again, the same key with another body is refused (422).
   * Concurrent requests with one key queue on its row, and the later ones replay the first.
   */
  async draftOnce(month: string, key: string | undefined): Promise<ClaimView> {
    if (key === undefined) return this.draft(month);
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) throw new BadRequestException(['Idempotency-Key must be 1–255 visible ASCII characters']);
    const hash = createHash('sha256').update(JSON.stringify({ route: 'POST claims', month })).digest();
    await this.sql.query(
      `INSERT INTO idempotency_key (facility_id, key, route, request_hash) VALUES ($1, $2, 'POST claims', $3) ON CONFLICT DO NOTHING`,
      [this.facilityId(), key, hash],
    );
    const [row]: { request_hash: Buffer; response: ClaimView | null }[] = await this.sql.query(
      `SELECT request_hash, response FROM idempotency_key WHERE key = $1 FOR UPDATE`, [key]);
    if (Buffer.compare(row.request_hash, hash) !== 0) {
      throw new UnprocessableEntityException('this Idempotency-Key was used with a different request (幂等键已用于其他请求)');
    }
    if (row.response) {
      await this.audit.record({ action: 'claim.replay', entityType: 'claim', entityId: row.response.id, note: { idempotencyKey: key } });
      return row.response;
    }
    const claim = await this.draft(month);
    await this.sql.query(`UPDATE idempotency_key SET response = $2 WHERE key = $1`, [key, JSON.stringify(claim)]);
    return claim;
  }

  /** POST claims: creates the month's DRAFT, or regenerates it from today's facts (idempotent). */
  async draft(month: string): Promise<ClaimView> {
    const facilityId = this.facilityId();
    // One draft at a time per facility and month: concurrent requests queue, the later ones regenerate.
    await this.sql.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`claim:${facilityId}:${month}:${PROGRAMME}`]);
    const [existing]: { id: string; state: ClaimState; number: string }[] = await this.sql.query(
      `SELECT id, state, number FROM claim WHERE month = $1 AND programme = $2 FOR UPDATE`, [month, PROGRAMME]);
    if (existing && existing.state !== 'DRAFT') {
      throw new ConflictException(`claim ${existing.number} for ${month} is already ${existing.state} (该月申领已提交，不能重新生成)`);
    }
    const policyRow = await this.policyFor(month);
    const policy: SubsidyPolicy = { rates: policyRow.rates, minAge: policyRow.min_age, excludedCategories: policyRow.excluded_categories };
    const residents = await this.residentsIn(month);
    const computed = computeClaim(month, residents, policy);
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
        [facilityId, month, PROGRAMME, number, policyRow.id],
      );
    }
    await this.sql.query(`DELETE FROM claim_line WHERE claim_id = $1`, [id]);
    const { days } = monthSpan(month);
    const adjustments = await this.adjustmentsBefore(month);
    const rows = [
      ...computed.lines.map((l) => ({
        resident_id: l.residentId, care_level: l.careLevel, days: l.days, rate_fen: l.rateFen, amount_fen: l.amountFen, kind: 'REGULAR',
        adjusts_claim_id: null, adjusts_line_id: null, reason: null,
        explanation: { segments: l.segments, formula: `${l.rateFen} × ${l.days} ÷ ${days} = ${l.amountFen} (四舍五入到分)` },
      })),
      ...adjustments.map((a) => ({
        resident_id: a.residentId, care_level: a.careLevel, days: a.days, rate_fen: a.rateFen, amount_fen: a.amountFen, kind: 'ADJUSTMENT',
        adjusts_claim_id: a.claimId, adjusts_line_id: a.lineId, reason: a.reason, explanation: a.explanation,
      })),
    ];
    // Set-based: every line in one statement, whatever their number (issue 6).
    await this.sql.query(
      `INSERT INTO claim_line (facility_id, claim_id, resident_id, care_level, days, rate_fen, amount_fen, kind, adjusts_claim_id, adjusts_line_id, reason, explanation)
       SELECT $1, $2, x.resident_id, x.care_level, x.days, x.rate_fen, x.amount_fen, x.kind, x.adjusts_claim_id, x.adjusts_line_id, x.reason, x.explanation
       FROM jsonb_to_recordset($3::jsonb) AS x(resident_id uuid, care_level text, days int, rate_fen bigint, amount_fen bigint, kind text,
            adjusts_claim_id uuid, adjusts_line_id uuid, reason text, explanation jsonb)`,
      [facilityId, id, JSON.stringify(rows)],
    );
    const totalsByLevel = { ...computed.totalsByLevel };
    for (const a of adjustments) totalsByLevel[a.careLevel] += a.amountFen;
    const totalFen = computed.totalFen + adjustments.reduce((s, a) => s + a.amountFen, 0);
    await this.sql.query(`UPDATE claim SET total_fen = $2, totals_by_level = $3, policy_id = $4, updated_at = now() WHERE id = $1`, [
      id, totalFen, JSON.stringify(totalsByLevel), policyRow.id,
    ]);
    await this.audit.record({
      action: existing ? 'claim.regenerate' : 'claim.create', entityType: 'claim', entityId: id,
      after: { month, totalFen, lines: computed.lines.length, adjustments: adjustments.length },
    });
    return this.get(id as string);
  }

  /**
   * Issue 6, "frozen means frozen": each earlier claim that left DRAFT (and was not rejected) is
   * recomputed from today's facts under the policy version it used; where a resident's amount at a
   * level differs from what was claimed (adjustments already frozen included), the difference
   * becomes an adjustment line 补差 (positive) or 追回 (negative) referencing that claim and line.
   */
  private async adjustmentsBefore(month: string) {
    const earlier: { id: string; number: string; month: string; rates: Record<string, number>; min_age: number; excluded_categories: string[] }[] = await this.sql.query(
      `SELECT c.id, c.number, c.month, p.rates, p.min_age, p.excluded_categories FROM claim c JOIN subsidy_policy p ON p.id = c.policy_id
       WHERE c.state IN ('SUBMITTED', 'APPROVED', 'PAID') AND c.month < $1 AND c.programme = $2 ORDER BY c.month`,
      [month, PROGRAMME],
    );
    const result: {
      residentId: string; careLevel: CareLevel; days: number; rateFen: number; amountFen: number; claimId: string; lineId: string | null;
      reason: string; explanation: object;
    }[] = [];
    for (const e of earlier) {
      const now = computeClaim(e.month, await this.residentsIn(e.month), { rates: e.rates, minAge: e.min_age, excludedCategories: e.excluded_categories });
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
      `SELECT id, number, month, state, total_fen::int AS "totalFen", totals_by_level AS "totalsByLevel" FROM claim ORDER BY month DESC, number DESC`,
    );
  }

  async get(id: string): Promise<ClaimView> {
    const [c] = await this.sql.query(
      `SELECT c.id, c.number, c.month, c.state, c.total_fen::int AS total_fen, c.totals_by_level, c.rejection_reason,
              p.id AS policy_id, p.division_code::text AS policy_division, p.effective_from::text AS policy_from, p.rates AS policy_rates
       FROM claim c JOIN subsidy_policy p ON p.id = c.policy_id WHERE c.id = $1`,
      [id],
    );
    if (!c) throw new NotFoundException('claim not found (申领不存在)');
    const lines = await this.sql.query(
      `SELECT l.resident_id AS "residentId", r.name AS "residentName", l.care_level AS "careLevel", l.days, l.rate_fen::int AS "rateFen",
              l.amount_fen::int AS "amountFen", l.kind, l.explanation, l.reason,
              l.adjusts_claim_id AS "adjustsClaimId", l.adjusts_line_id AS "adjustsLineId"
       FROM claim_line l JOIN resident r ON r.id = l.resident_id WHERE l.claim_id = $1
       ORDER BY l.kind DESC, r.name, l.resident_id, l.explanation -> 'segments' -> 0 ->> 'from'`,
      [id],
    );
    return {
      id: c.id, number: c.number, month: c.month, state: c.state, totalFen: c.total_fen,
      totalsByLevel: { SELF_CARE: 0, SEMI_DISABLED: 0, FULLY_DISABLED: 0, ...c.totals_by_level },
      rejectionReason: c.rejection_reason,
      policy: { id: c.policy_id, divisionCode: c.policy_division, effectiveFrom: c.policy_from, rates: c.policy_rates },
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
      lines.addRow({ number: claim.number, month: claim.month, name: l.residentName, level: CARE_LEVEL_LABELS[l.careLevel], days: l.days,
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
      ...claim.lines.map((l) => [claim.number, claim.month, l.residentName, CARE_LEVEL_LABELS[l.careLevel], String(l.days), yuan(l.rateFen), yuan(l.amountFen), l.kind === 'REGULAR' ? '正常' : '补差/追回']),
      ['合计', claim.month, '', '', '', '', yuan(claim.totalFen), ''],
    ];
    return { number: claim.number, body: `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n` };
  }
}
