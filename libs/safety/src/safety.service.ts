import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService } from '@careops/audit';
import {
  addDays,
  calendarDate,
  dayNumber,
  highRisks,
  highRisksWithoutMeasure,
  INCIDENT_TYPE_LABELS,
  INCIDENT_TYPES,
  isSafetyRisk,
  monthSpan,
  RISK_LABELS,
  SAFETY_DRILL_LABELS,
  SAFETY_RISKS,
  type IncidentType,
  type IsoDate,
  type ReassessmentTrigger,
  type SafetyDrillKind,
} from '@careops/care';
import { FacilitiesService } from '@careops/facilities';
import { ConflictError, InvalidInputError, NotFoundError, RuleViolation } from '@careops/platform';
import { CareLevelsRepository, ReassessmentsService, type ReassessmentTriggerSource, ResidentsService } from '@careops/residents';
import { SafetyRepository, type IncidentRow, type RiskAssessmentRow, type SafetyDrillRow } from './safety.repository';
import type { CloseIncidentDto, IncidentDto, IncidentQuery, RiskAssessmentDto, SafetyDrillDto, SafetyDrillQuery } from './dto/safety.dto';
import type {
  IncidentResponse,
  ResidentRiskResponse,
  RiskAssessmentResponse,
  SafetyDrillResponse,
  SafetySummaryResponse,
} from './dto/safety.response';

/** An incident may be reported this long after the server's clock (a phone's clock runs ahead). */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The family notice, field by field, as the 422 names what is missing (docs/rules.md §10). */
const NOTICE_FIELDS = [
  ['familyNotifiedAt', '通知家属时间'],
  ['familyNotifiedHow', '通知方式'],
  ['familyNotifiedBy', '通知人'],
] as const;

/** Service safety (docs/rules.md §10, GB 38600-2019): 九防, incidents, drills and inspections, the month's figures. */
@Injectable()
export class SafetyService implements OnModuleInit, ReassessmentTriggerSource {
  constructor(
    private readonly safety: SafetyRepository,
    private readonly facilities: FacilitiesService,
    private readonly residents: ResidentsService,
    private readonly levels: CareLevelsRepository,
    private readonly audit: AuditService,
    private readonly reassessments: ReassessmentsService,
  ) {}

  /** docs/rules.md §4a: an incident makes an 即时评估 of each resident in it due (the reassessment list, the home). */
  onModuleInit(): void {
    this.reassessments.addTriggerSource(this);
  }

  async triggersUpTo(day: IsoDate): Promise<Map<string, ReassessmentTrigger[]>> {
    const { timezone } = await this.facilities.current();
    const triggers = new Map<string, ReassessmentTrigger[]>();
    for (const { residentId, on } of await this.safety.incidentDaysUpTo(day, timezone)) {
      triggers.set(residentId, [...(triggers.get(residentId) ?? []), { reason: 'AFTER_INCIDENT', on, dueOn: on }]);
    }
    return triggers;
  }

  private async today(): Promise<string> {
    return calendarDate(new Date(), (await this.facilities.current()).timezone);
  }

  private async names(residentIds: string[]): Promise<Map<string, string>> {
    if (residentIds.length === 0) return new Map();
    return new Map((await this.levels.profiles([...new Set(residentIds)])).map((p) => [p.id, p.name]));
  }

  /** docs/rules.md §10: all nine risks rated (the DTO), each HIGH one with a measure; measures only of the nine. */
  async assessRisks(residentId: string, dto: RiskAssessmentDto): Promise<RiskAssessmentResponse> {
    const resident = await this.residents.get(residentId);
    const today = await this.today();
    if (dto.assessedOn > today) throw new RuleViolation('RISK_ASSESSMENT_IN_FUTURE', { assessedOn: dto.assessedOn, today });
    const measures: Record<string, string> = {};
    for (const [risk, text] of Object.entries(dto.measures ?? {})) {
      if (!isSafetyRisk(risk)) throw new InvalidInputError('UNKNOWN_RISK', { risk });
      if (typeof text !== 'string' || text.length > 500) throw new InvalidInputError('MEASURE_INVALID', { risk });
      if (text.trim()) measures[risk] = text.trim();
    }
    const risks = Object.fromEntries(SAFETY_RISKS.map((r) => [r, dto.risks[r]]));
    const [missing] = highRisksWithoutMeasure(risks, measures);
    if (missing) throw new RuleViolation('HIGH_RISK_WITHOUT_MEASURE', { risk: missing, label: RISK_LABELS[missing] });
    const id = await this.safety.insertRiskAssessment({
      residentId,
      assessedOn: dto.assessedOn,
      risks,
      measures,
      assessor: dto.assessor?.trim() || null,
    });
    await this.audit.record({
      action: 'risk_assessment.create',
      entityType: 'risk_assessment',
      entityId: id,
      after: { residentId, assessedOn: dto.assessedOn, highRisks: highRisks(risks), assessor: dto.assessor ?? null },
    });
    const row = await this.safety.findRiskAssessment(id);
    return riskView(row as RiskAssessmentRow, resident.name);
  }

  /** A resident's nine-risk assessments, newest first. */
  async riskAssessments(residentId: string): Promise<RiskAssessmentResponse[]> {
    const resident = await this.residents.get(residentId);
    return (await this.safety.riskAssessmentsOf(residentId)).map((r) => riskView(r, resident.name));
  }

  /** Every resident in care today with their latest assessment (null: never assessed), by name. */
  async latestRisks(): Promise<ResidentRiskResponse[]> {
    const today = await this.today();
    const ids = await this.safety.residentsInCareOn(today);
    const profiles = ids.length ? await this.levels.profiles(ids) : [];
    const latest = new Map((await this.safety.latestRiskAssessments(today, ids)).map((r) => [r.residentId, r]));
    return profiles.map((p) => {
      const row = latest.get(p.id);
      return { residentId: p.id, name: p.name, latest: row ? riskView(row, p.name) : null };
    });
  }

  async report(dto: IncidentDto): Promise<IncidentResponse> {
    if (new Date(dto.occurredAt).getTime() > Date.now() + CLOCK_SKEW_MS)
      throw new RuleViolation('INCIDENT_IN_FUTURE', { occurredAt: dto.occurredAt });
    const residentIds = [...new Set(dto.residentIds)];
    if (residentIds.length === 0 && dto.type !== 'OTHER')
      throw new RuleViolation('INCIDENT_NEEDS_RESIDENT', { type: dto.type, label: INCIDENT_TYPE_LABELS[dto.type] });
    // Residents of this facility only: another facility's are not found (RLS hides them).
    const names = await this.names(residentIds);
    if (residentIds.some((id) => !names.has(id))) throw new NotFoundError('RESIDENT_NOT_FOUND');
    const id = await this.safety.insertIncident({
      type: dto.type,
      occurredAt: dto.occurredAt,
      place: dto.place.trim(),
      description: dto.description.trim(),
      injuries: dto.injuries?.trim() || null,
      actions: dto.actions?.trim() || null,
      residentIds,
    });
    await this.audit.record({
      action: 'incident.create',
      entityType: 'incident',
      entityId: id,
      after: { residentId: residentIds[0] ?? null, residentIds, type: dto.type, occurredAt: dto.occurredAt, place: dto.place },
    });
    return this.incident(id);
  }

  /** docs/rules.md §10: closed only once the family was notified (when, how, by whom) and a review written; then frozen. */
  async close(id: string, dto: CloseIncidentDto): Promise<IncidentResponse> {
    const incident = await this.incident(id);
    if (incident.closedAt) throw new ConflictError('INCIDENT_CLOSED', { closedAt: incident.closedAt.toISOString() });
    for (const [field, fieldLabel] of NOTICE_FIELDS) {
      if (!dto[field]?.trim()) throw new RuleViolation('INCIDENT_FAMILY_NOT_NOTIFIED', { field, fieldLabel });
    }
    if (!dto.review?.trim()) throw new RuleViolation('INCIDENT_REVIEW_MISSING');
    const notifiedAt = dto.familyNotifiedAt as string;
    if (new Date(notifiedAt).getTime() < incident.occurredAt.getTime())
      throw new RuleViolation('FAMILY_NOTICE_BEFORE_INCIDENT', {
        familyNotifiedAt: notifiedAt,
        occurredAt: incident.occurredAt.toISOString(),
      });
    const notice = {
      familyNotifiedAt: notifiedAt,
      familyNotifiedHow: (dto.familyNotifiedHow as string).trim(),
      familyNotifiedBy: (dto.familyNotifiedBy as string).trim(),
      review: (dto.review as string).trim(),
    };
    await this.safety.closeIncident(id, notice);
    await this.audit.record({
      action: 'incident.close',
      entityType: 'incident',
      entityId: id,
      after: { residentId: incident.residents[0]?.id ?? null, type: incident.type, ...notice },
    });
    return this.incident(id);
  }

  async incident(id: string): Promise<IncidentResponse> {
    const [row] = await this.rows({ id });
    if (!row) throw new NotFoundError('INCIDENT_NOT_FOUND');
    return row;
  }

  /** Incidents newest first, in [from, to) of the facility's calendar, of a type and state, matching `q` (a resident's name, the place, what happened). */
  async incidents(query: IncidentQuery): Promise<IncidentResponse[]> {
    if (query.from && query.to && dayNumber(query.to) <= dayNumber(query.from))
      throw new RuleViolation('PERIOD_END_BEFORE_START', { to: query.to, from: query.from });
    const all = await this.rows({ from: query.from, to: query.to, type: query.type, state: query.state });
    const q = query.q?.trim();
    return q ? all.filter((i) => i.place.includes(q) || i.description.includes(q) || i.residents.some((r) => r.name.includes(q))) : all;
  }

  private async rows(q: { id?: string; from?: string; to?: string; type?: string; state?: string }): Promise<IncidentResponse[]> {
    const { timezone } = await this.facilities.current();
    const rows = await this.safety.incidents({ ...q, timeZone: timezone });
    const names = await this.names(rows.flatMap((r) => r.residentIds));
    return rows.map((r) => incidentView(r, names));
  }

  async recordDrill(dto: SafetyDrillDto): Promise<SafetyDrillResponse> {
    const today = await this.today();
    if (dto.on > today) throw new RuleViolation('DRILL_IN_FUTURE', { on: dto.on, today });
    const id = await this.safety.insertDrill({
      kind: dto.kind,
      on: dto.on,
      participants: dto.participants.trim(),
      participantCount: dto.participantCount ?? null,
      findings: dto.findings.trim(),
    });
    await this.audit.record({
      action: 'safety_drill.create',
      entityType: 'safety_drill',
      entityId: id,
      after: { kind: dto.kind, on: dto.on },
    });
    const [saved] = await this.safety.drills({ id });
    return drillView(saved);
  }

  async drills(q: SafetyDrillQuery): Promise<SafetyDrillResponse[]> {
    return (await this.safety.drills({ kind: q.kind })).map(drillView);
  }

  /** docs/rules.md §10: residents on a bed on `day` with no nine-risk assessment by then (the manager's home lists them). */
  async unassessedOn(day: IsoDate): Promise<{ residentId: string; name: string }[]> {
    const inCare = await this.safety.residentsInCareOn(day);
    if (inCare.length === 0) return [];
    const assessed = new Set((await this.safety.latestRiskAssessments(day, inCare)).map((r) => r.residentId));
    return (await this.levels.profiles(inCare.filter((id) => !assessed.has(id)))).map((p) => ({ residentId: p.id, name: p.name }));
  }

  /**
   * The month's safety figures (docs/rules.md §10): residents in care on the month's last day (or
   * today, if earlier) with a nine-risk assessment by then, HIGH risks of their latest assessments
   * without a measure, the month's incidents by type and those still open, the last drill and inspection.
   */
  async summary(monthOrThis?: string): Promise<SafetySummaryResponse> {
    const today = await this.today();
    const month = monthOrThis ?? today.slice(0, 7);
    const { from, to } = monthSpan(month);
    const last = addDays(to, -1);
    const asOf = today < last && today >= from ? today : last;
    const inCare = await this.safety.residentsInCareOn(asOf);
    const profiles = inCare.length ? await this.levels.profiles(inCare) : [];
    const latest = new Map((await this.safety.latestRiskAssessments(asOf, inCare)).map((r) => [r.residentId, r]));
    const incidents = await this.rows({ from, to });
    const drills = new Map((await this.safety.lastDrills(last)).map((d) => [d.kind as SafetyDrillKind, drillView(d)]));
    return {
      month,
      asOf,
      residentsInCare: profiles.length,
      residentsAssessed: profiles.filter((p) => latest.has(p.id)).length,
      unassessed: profiles.filter((p) => !latest.has(p.id)).map((p) => ({ residentId: p.id, name: p.name })),
      highRisksWithoutMeasure: profiles.flatMap((p) => {
        const a = latest.get(p.id);
        return a
          ? highRisksWithoutMeasure(a.risks, a.measures).map((risk) => ({
              residentId: p.id,
              name: p.name,
              risk,
              label: RISK_LABELS[risk],
              assessedOn: a.assessedOn,
            }))
          : [];
      }),
      incidents: incidents.length,
      openIncidents: incidents.filter((i) => i.state === 'OPEN').length,
      incidentsByType: INCIDENT_TYPES.map((type) => ({
        type,
        label: INCIDENT_TYPE_LABELS[type],
        count: incidents.filter((i) => i.type === type).length,
      })).filter((t) => t.count > 0),
      lastFireDrill: drills.get('FIRE_DRILL') ?? null,
      lastInspection: drills.get('SAFETY_INSPECTION') ?? null,
    };
  }
}

function riskView(r: RiskAssessmentRow, name: string): RiskAssessmentResponse {
  return {
    id: r.id,
    residentId: r.residentId,
    name,
    assessedOn: r.assessedOn,
    risks: r.risks,
    measures: r.measures,
    assessor: r.assessor,
    highRisks: highRisks(r.risks),
    recordedAt: r.recordedAt,
  };
}

function incidentView(r: IncidentRow, names: Map<string, string>): IncidentResponse {
  return {
    id: r.id,
    type: r.type,
    label: INCIDENT_TYPE_LABELS[r.type as IncidentType] ?? r.type,
    occurredAt: r.occurredAt,
    place: r.place,
    residents: r.residentIds.map((id) => ({ id, name: names.get(id) ?? '' })).sort((a, b) => a.name.localeCompare(b.name, 'zh')),
    description: r.description,
    injuries: r.injuries,
    actions: r.actions,
    state: r.closedAt ? 'CLOSED' : 'OPEN',
    familyNotifiedAt: r.familyNotifiedAt,
    familyNotifiedHow: r.familyNotifiedHow,
    familyNotifiedBy: r.familyNotifiedBy,
    review: r.review,
    closedAt: r.closedAt,
  };
}

function drillView(d: SafetyDrillRow): SafetyDrillResponse {
  return { ...d, label: SAFETY_DRILL_LABELS[d.kind as SafetyDrillKind] ?? d.kind };
}
