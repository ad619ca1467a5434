import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { createHash } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import {
  addDays, amountInWords, CARE_LEVEL_LABELS, FACILITY_TYPE_LABELS, type FacilityType, PROGRAMME_LABELS, CARE_LEVELS, EXCLUSION_REASON_LABELS, monthSpan, percentHalfUp, printPct, yuan,
} from '@careops/care';
import { ClaimsService } from '@careops/claims';
import { type RequestContext, type TenantScope } from '@careops/db';
import { DivisionsService, MetricsService } from '@careops/metrics';
import { PdfRenderer } from '@careops/pdf';
import { lineChart } from './charts';
import { DocumentRegistry } from './document-registry';
import { DocumentKind, DocumentTemplates } from './templates';

export interface IssuedDocument {
  id: string;
  number: string;
  sha256: string;
  contentHash: string;
  fileName: string;
  pdf: Buffer;
}

/**
 * A document's facts, gathered inside the request's transaction; rendering happens after it ends,
 * so no database connection waits on Chromium.
 */
export interface Draft {
  kind: DocumentKind;
  at: Date;
  d: { facilityId?: string; divisionCode?: string; subject: string; period: string; periodLabel: string; subtitle: string; fileName: string; data: object };
}

const draft = (kind: DocumentKind, d: Draft['d']): Draft => ({ kind, at: new Date(), d });

const TITLES: Record<DocumentKind, string> = {
  CLAIM: '养老服务补贴申领表', COMPLIANCE: '养老机构合规报告', OPERATIONS: '月度运营报表', DIVISION_SUMMARY: '辖区汇总表',
};
const PREFIX: Record<DocumentKind, string> = { CLAIM: 'CLM', COMPLIANCE: 'CMP', OPERATIONS: 'OPS', DIVISION_SUMMARY: 'DIV' };
const STATE_LABELS: Record<string, string> = { DRAFT: '草稿', SUBMITTED: '已提交', APPROVED: '已批准', REJECTED: '已驳回', PAID: '已拨付' };
const MEDICAL: Record<string, string> = { IN_HOUSE_CLINIC: '内设医疗机构', SIGNED_AGREEMENT: '签约医疗机构', NONE: '无' };

const monthLabel = (month: string) => `${month.slice(0, 4)}年${month.slice(5)}月`;

const shanghai = (d: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(d);

/**
 * The four documents of docs/rules.md §8, rendered from the Handlebars templates to PDF by the shared
 * renderer, each recorded with the SHA-256 of its bytes so anyone holding it can verify it.
 */
@Injectable()
export class ReportsService {
  private readonly templates = new DocumentTemplates();

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService<RequestContext>,
    private readonly registry: DocumentRegistry,
    private readonly renderer: PdfRenderer,
    private readonly claims: ClaimsService,
    private readonly metrics: MetricsService,
    private readonly divisions: DivisionsService,
  ) {}

  private get sql() {
    return this.txHost.tx;
  }

  private async facility() {
    const [f] = await this.sql.query(
      `SELECT id, name, type, division_code, address, building_area_m2::text AS area, license_number, fire_safety_passed_on::text AS fire,
              medical_arrangement, safety_standard_checked_on::text AS safety, quality_standard_checked_on::text AS quality
       FROM facility WHERE id = $1`, [this.cls.get('scope')?.facilityId]);
    if (!f) throw new NotFoundException('facility not found');
    return f as Record<string, string | null> & { id: string; name: string; type: FacilityType; division_code: string };
  }

  /** 养老服务补贴申领表: one row per line with the masked ID, totals by level, signature blocks. */
  async claim(claimId: string): Promise<Draft> {
    const claim = await this.claims.get(claimId);
    const f = await this.facility();
    const ids = claim.lines.map((l) => l.residentId).filter((x): x is string => x !== null);
    const masked: { id: string; id_masked: string }[] = ids.length ? await this.sql.query(`SELECT id, id_masked FROM resident WHERE id = ANY($1::uuid[])`, [ids]) : [];
    const maskOf = new Map(masked.map((m) => [m.id, m.id_masked]));
    const numbers = new Map<string, string>();
    const adjusted = [...new Set(claim.lines.map((l) => l.adjustsClaimId).filter((x): x is string => x !== null))];
    if (adjusted.length) {
      for (const r of await this.sql.query(`SELECT id, number FROM claim WHERE id = ANY($1::uuid[])`, [adjusted])) numbers.set(r.id, r.number);
    }
    const md = (d: string) => d.slice(5).replace('-', '/');
    const lines = claim.lines.map((l, i) => ({
      n: i + 1, name: l.residentName, idMasked: l.residentId ? maskOf.get(l.residentId) ?? '' : '—',
      level: l.careLevel ? CARE_LEVEL_LABELS[l.careLevel] : '—', days: l.days, rate: yuan(l.rateFen), amount: yuan(l.amountFen),
      adjustment: l.kind === 'ADJUSTMENT', kindLabel: l.amountFen >= 0 ? '补差' : '追回', adjusts: l.adjustsClaimId ? numbers.get(l.adjustsClaimId) ?? '' : '',
      segments: (l.explanation.segments ?? []).map((s) => `${md(s.from)}–${md(addDays(s.to, -1))}`).join('，'),
    }));
    const byLevel = CARE_LEVELS.filter((lv) => claim.policy.rates[lv] !== undefined || claim.totalsByLevel[lv] !== 0).map((lv) => ({
      label: CARE_LEVEL_LABELS[lv], rate: claim.policy.rates[lv] !== undefined ? yuan(claim.policy.rates[lv]) : '—',
      people: new Set(claim.lines.filter((l) => l.careLevel === lv && l.kind === 'REGULAR').map((l) => l.residentId)).size,
      amount: yuan(claim.totalsByLevel[lv]),
    }));
    return draft('CLAIM', {
      facilityId: f.id, subject: f.name, period: claim.month, periodLabel: monthLabel(claim.month),
      subtitle: `${PROGRAMME_LABELS[claim.programme]} · 申领编号 ${claim.number}`, fileName: `claim-${claim.number}.pdf`,
      data: {
        facility: { name: f.name, divisionCode: f.division_code }, claim, lines, byLevel, total: yuan(claim.totalFen),
        totalWords: amountInWords(claim.totalFen), programmeLabel: PROGRAMME_LABELS[claim.programme], stateLabel: STATE_LABELS[claim.state],
        daysInMonth: monthSpan(claim.month).days,
        counting: `入院当天${claim.policy.dayCounting.admissionDay ? '计入' : '不计入'}、出院当天${claim.policy.dayCounting.dischargeDay ? '计入' : '不计入'}、请假天数${claim.policy.dayCounting.leaveDays ? '计入' : '不计入'}`,
      },
    });
  }

  /** 养老机构合规报告: the §7 metrics against targets, daily staffing, beds by kind, standards checks. */
  async compliance(month: string): Promise<Draft> {
    const f = await this.facility();
    const { from, to } = monthSpan(month);
    const { metrics: m, staffing: period } = await this.metrics.periodWithStaffing(from, to, { month });
    const names = new Map<string, string>((await this.sql.query(`SELECT id, name FROM staff`)).map((s: { id: string; name: string }) => [s.id, s.name]));
    const [beds]: { total: number; out: number }[] = await this.sql.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM bed_outage o WHERE o.bed_id = b.id AND o.period @> $1::date))::int AS out FROM bed b`, [m.asOf]);
    const days = period.days.map((d) => ({
      date: d.date.slice(5), self: d.residentsByLevel.SELF_CARE, semi: d.residentsByLevel.SEMI_DISABLED, full: d.residentsByLevel.FULLY_DISABLED,
      required: d.required, counted: (d.countedHundredths / 100).toString(), compliant: d.compliant,
      excluded: d.excluded.map((e) => `${names.get(e.staffId) ?? '?'}（${EXCLUSION_REASON_LABELS[e.reason]}）`).join('、'),
    }));
    const verdict = (met: boolean | null) => (met === null ? '不适用' : met ? '达标' : '未达标');
    const targets = [
      { name: '护理型床位占比', definition: '在用护理型床位 ÷ 在用床位', value: printPct(m.nursingBedRatioPct), target: '≥ 55 %', met: m.targets.nursingBedRatio.met },
      { name: '入住率', definition: '入住床日 ÷ 在用床日', value: printPct(m.occupancyPct), target: '—', met: null },
      { name: '护理人员配备达标', definition: '达标天数 ÷ 统计天数', value: printPct(m.staffing.compliancePct), target: '每天达标', met: m.targets.staffingCompliance.met },
      { name: '持证上岗率', definition: '持有效证书护理员 ÷ 在岗护理员', value: printPct(m.certification.pct), target: '100 %', met: m.targets.certification.met },
    ].map((t) => ({ ...t, verdict: verdict(t.met), bad: t.met === false }));
    const minimum = f.type === 'STREET_CENTER' ? { beds: 50, area: 1500 } : f.type === 'DAY_CENTER' ? { beds: 10, area: 200 } : null;
    const dated = (d: string | null) => (d ? `${d} 通过` : '未记录');
    const checks = [
      { name: '消防安全', rule: '消防验收或检查合格', value: dated(f['fire']), bad: !f['fire'] },
      { name: '医养结合', rule: '内设医疗机构或签约服务', value: MEDICAL[f['medical_arrangement'] ?? 'NONE'] ?? '未记录', bad: !f['medical_arrangement'] || f['medical_arrangement'] === 'NONE' },
      { name: 'GB 38600 安全基本规范', rule: '自查合格', value: dated(f['safety']), bad: !f['safety'] },
      { name: 'GB/T 35796 服务质量基本规范', rule: '自查合格', value: dated(f['quality']), bad: !f['quality'] },
      ...(minimum ? [
        { name: '床位规模', rule: `≥ ${minimum.beds} 张`, value: `${beds.total} 张`, bad: beds.total < minimum.beds },
        { name: '建筑面积', rule: `≥ ${minimum.area} m²`, value: f['area'] ? `${Number(f['area'])} m²` : '未记录', bad: !f['area'] || Number(f['area']) < minimum.area },
      ] : []),
    ].map((c) => ({ ...c, verdict: c.bad ? '待整改' : '符合' }));
    const staffingChart = lineChart(period.days.map((d) => d.date), [
      { label: '应配护理员', colour: '#b42318', values: period.days.map((d) => d.required), step: true },
      { label: '实配护理员(FTE)', colour: '#1d3557', values: period.days.map((d) => d.countedHundredths / 100), step: true },
    ], { unit: '', height: 140 });
    return draft('COMPLIANCE', {
      facilityId: f.id, subject: f.name, period: month, periodLabel: monthLabel(month), subtitle: `${f.name} · ${month}`,
      fileName: `compliance-${month}.pdf`,
      data: {
        facility: { name: f.name, typeLabel: FACILITY_TYPE_LABELS[f.type], divisionCode: f.division_code, area: f['area'] ? `${Number(f['area'])} m²` : '未记录', license: f['license_number'] ?? '未记录' },
        m, nursingPct: printPct(m.nursingBedRatioPct), occupancyPct: printPct(m.occupancyPct), staffingPct: printPct(m.staffing.compliancePct), certPct: printPct(m.certification.pct),
        nursingBad: m.targets.nursingBedRatio.met === false, staffingBad: m.targets.staffingCompliance.met === false, certBad: m.targets.certification.met === false,
        generalBeds: m.bedsInService - m.nursingBeds, outOfService: beds.out, targets, days, checks, staffingChart,
      },
    });
  }

  /** 月度运营报表: admissions, discharges, census by level, occupancy trend. */
  async operations(month: string): Promise<Draft> {
    const f = await this.facility();
    const m = await this.metrics.query({ month });
    const { from, to } = monthSpan(month);
    const start = await this.metrics.period(from, addDays(from, 1), { date: from });
    const admissions = await this.sql.query(
      `SELECT r.name, lower(a.period)::text AS date,
              (SELECT b.code FROM stay s JOIN bed b ON b.id = s.bed_id WHERE s.admission_id = a.id ORDER BY lower(s.period) LIMIT 1) AS bed,
              (SELECT x.care_level FROM assessment x WHERE x.resident_id = a.resident_id AND x.effective_on <= lower(a.period) ORDER BY x.effective_on DESC, x.seq DESC LIMIT 1) AS level
       FROM admission a JOIN resident r ON r.id = a.resident_id WHERE lower(a.period) >= $1::date AND lower(a.period) < $2::date ORDER BY 2, 1`, [from, to]);
    const discharges = await this.sql.query(
      `SELECT r.name, upper(a.period)::text AS date, a.discharge_reason AS reason,
              (SELECT b.code FROM stay s JOIN bed b ON b.id = s.bed_id WHERE s.admission_id = a.id ORDER BY lower(s.period) DESC LIMIT 1) AS bed
       FROM admission a JOIN resident r ON r.id = a.resident_id WHERE upper(a.period) >= $1::date AND upper(a.period) < $2::date ORDER BY 2, 1`, [from, to]);
    const [leaves]: { n: number }[] = await this.sql.query(`SELECT count(*)::int AS n FROM leave WHERE lower(period) >= $1::date AND lower(period) < $2::date`, [from, to]);
    const census = [
      { label: `月初（${from}）`, ...start.residentsByLevel, total: start.residentsTotal },
      { label: `月末（${m.asOf}）`, ...m.residentsByLevel, total: m.residentsTotal },
    ];
    const occupancyChart = lineChart(m.daily.map((d) => d.date), [
      { label: '入住率 %', colour: '#1d3557', values: m.daily.map((d) => d.occupancyPct) },
    ], { max: 100, unit: '%' });
    return draft('OPERATIONS', {
      facilityId: f.id, subject: f.name, period: month, periodLabel: monthLabel(month), subtitle: `${f.name} · ${month}`, fileName: `operations-${month}.pdf`,
      data: {
        facility: { name: f.name, typeLabel: FACILITY_TYPE_LABELS[f.type] }, month, m, occupancyPct: printPct(m.occupancyPct),
        endOccupancy: printPct(percentHalfUp(m.occupiedBeds, m.bedsInService)), census, occupancyChart, leaves: leaves.n,
        admissions: admissions.map((a: { name: string; date: string; bed: string; level: keyof typeof CARE_LEVEL_LABELS | null }) => ({ ...a, detail: a.level ? CARE_LEVEL_LABELS[a.level] : '未评估' })),
        discharges: discharges.map((d: { name: string; date: string; bed: string; reason: string | null }) => ({ ...d, detail: d.reason ?? '' })),
        movements: admissions.length + discharges.length > 0,
      },
    });
  }

  /** 辖区汇总表: one row per facility of the division, below-target rows marked, the total as Σ ÷ Σ. */
  async division(code: string, month: string, onProgress?: (done: number, total: number) => Promise<void> | void): Promise<Draft> {
    const s = await this.divisions.summary(code, month, onProgress);
    const rows = s.rows.map((r, i) => ({
      ...r, n: i + 1, nursing: printPct(r.nursingBedRatioPct), occupancy: printPct(r.occupancyPct), staffing: printPct(r.staffingCompliancePct),
      bad: r.nursingBedTargetMet === false, lastReport: r.lastReportAt ? r.lastReportAt.slice(0, 10) : '—',
    }));
    const t = s.total;
    return draft('DIVISION_SUMMARY', {
      divisionCode: code, subject: `行政区划 ${code}`, period: month, periodLabel: monthLabel(month), subtitle: `辖区 ${code} · ${month} · ${rows.length} 家机构`,
      fileName: `division-${code}-${month}.pdf`,
      data: {
        divisionCode: code, month, rows, totalNursingBad: t.nursingBedTargetMet === false,
        total: { ...t, nursing: printPct(t.nursingBedRatioPct), occupancy: printPct(t.occupancyPct), staffing: printPct(t.staffingCompliancePct) },
      },
    });
  }

  /** A draft's HTML, for a look before issuing: no number, no record. */
  preview(draft: Draft): string {
    return this.compose(draft, `${PREFIX[draft.kind]}-PREVIEW`).html;
  }

  private compose(draft: Draft, number: string) {
    const { kind, d } = draft;
    const principal = this.cls.get('principal');
    const generatedAt = `${shanghai(draft.at)} (UTC+8)`;
    const requestedBy = principal ? `${principal.username}（${principal.role}）` : 'careops';
    const contentHash = createHash('sha256').update(JSON.stringify({ kind, number, generatedAt, requestedBy, subject: d.subject, period: d.period, data: d.data })).digest('hex');
    const doc = { number, generatedAt, requestedBy, contentHash };
    const html = this.templates.html(kind, { title: TITLES[kind], subtitle: d.subtitle, subject: d.subject, periodLabel: d.periodLabel, doc }, d.data);
    return { html, contentHash, generatedAt };
  }

  /**
   * Numbers the document, renders it, and records it (kind, subject, period, requester, time,
   * SHA-256 of the bytes). Numbering and the record run in transactions of their own: a regulator's
   * request is read-only, and the record must stay even if sending the response fails.
   */
  async issue(draft: Draft): Promise<IssuedDocument> {
    const { kind, d } = draft;
    const principal = this.cls.get('principal');
    const seq = await this.registry.nextNumber();
    const number = `${PREFIX[kind]}-${shanghai(draft.at).slice(0, 10).replaceAll('-', '')}-${String(seq).padStart(6, '0')}`;
    const { html, contentHash, generatedAt } = this.compose(draft, number);
    // The footer stays ASCII: Chrome lays it out as a document of its own on every page, and a CJK
    // label there cost ~45 ms per 2-page report (bench/pdf.bench.mjs). The 核验码 is printed in full
    // in the closing block; here the same code follows "verify".
    const footer = `<div style="font-size:7px;width:100%;margin:0 14mm;display:flex;justify-content:space-between;color:#616e7c;font-family:sans-serif">
      <span>${number} · ${generatedAt} · verify ${contentHash}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
    const pdf = await this.renderer.render(html, { headerTemplate: '<span></span>', footerTemplate: footer, margin: { top: '12mm', bottom: '14mm', left: '14mm', right: '14mm' } });
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const scope: TenantScope = d.facilityId ? { facilityId: d.facilityId } : principal?.role === 'PLATFORM_ADMIN' || !principal ? { platform: true } : (this.cls.get('scope') ?? {});
    const id = await this.registry.record(scope, {
      number, kind, title: TITLES[kind], facilityId: d.facilityId ?? null, divisionCode: d.divisionCode ?? null, period: d.period, sha256, contentHash,
      bytes: pdf.length, requestedBy: principal?.userId ?? null, requestedByName: principal?.username ?? 'careops', requestedByRole: principal?.role ?? 'SYSTEM',
    });
    return { id, number, sha256, contentHash, fileName: d.fileName, pdf };
  }

  /**
   * GET /api/documents/:codeOrNumber — what the system issued under this SHA-256 (of the file, or
   * printed on it) or document number: what the document is, never who asked for it.
   */
  async verify(ref: string) {
    if (!/^[0-9a-fA-F]{64}$/.test(ref) && !/^[A-Z]{2,8}-\d{8}-\d{6,}$/.test(ref)) throw new NotFoundException('no document has this code or number (未找到该文件记录)');
    const [row] = await this.sql.query(`SELECT * FROM careops_verify_document($1)`, [ref]);
    if (!row) throw new NotFoundException('no document has this code or number (未找到该文件记录)');
    return {
      valid: true, matched: row.matched, number: row.number, kind: row.kind, title: row.title, facilityName: row.facility_name,
      divisionCode: row.division_code, period: row.period, sha256: row.sha256, issuedAt: row.issued_at,
    };
  }

}

