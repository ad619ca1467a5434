import { Injectable } from '@nestjs/common';
import { TenantDb } from '@careops/db';

export interface RiskAssessmentRow {
  id: string;
  residentId: string;
  assessedOn: string;
  risks: Record<string, string>;
  measures: Record<string, string>;
  assessor: string | null;
  recordedAt: Date;
}

export interface IncidentRow {
  id: string;
  type: string;
  occurredAt: Date;
  place: string;
  residentIds: string[];
  description: string;
  injuries: string | null;
  actions: string | null;
  familyNotifiedAt: Date | null;
  familyNotifiedHow: string | null;
  familyNotifiedBy: string | null;
  review: string | null;
  closedAt: Date | null;
}

export interface SafetyDrillRow {
  id: string;
  kind: string;
  on: string;
  participants: string;
  participantCount: number | null;
  findings: string;
}

const RISK_COLUMNS = `id, resident_id AS "residentId", assessed_on::text AS "assessedOn", risks, measures, assessor, created_at AS "recordedAt"`;
const INCIDENT_COLUMNS = `i.id, i.type, i.occurred_at AS "occurredAt", i.place,
  coalesce((SELECT array_agg(ir.resident_id) FROM incident_resident ir WHERE ir.incident_id = i.id), '{}') AS "residentIds",
  i.description, i.injuries, i.actions, i.family_notified_at AS "familyNotifiedAt", i.family_notified_how AS "familyNotifiedHow",
  i.family_notified_by AS "familyNotifiedBy", i.review, i.closed_at AS "closedAt"`;
const DRILL_COLUMNS = `id, kind, "on"::text AS "on", participants, participant_count AS "participantCount", findings`;

/** Nine-risk assessments, incidents, drills and inspections of the tenant in scope (docs/rules.md §10). */
@Injectable()
export class SafetyRepository {
  constructor(private readonly db: TenantDb) {}

  async insertRiskAssessment(a: {
    residentId: string;
    assessedOn: string;
    risks: Record<string, string>;
    measures: Record<string, string>;
    assessor: string | null;
  }): Promise<string> {
    const [row]: { id: string }[] = await this.db.sql.query(
      `INSERT INTO risk_assessment (facility_id, resident_id, assessed_on, risks, measures, assessor) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [this.db.facilityId(), a.residentId, a.assessedOn, JSON.stringify(a.risks), JSON.stringify(a.measures), a.assessor],
    );
    return row.id;
  }

  async findRiskAssessment(id: string): Promise<RiskAssessmentRow | null> {
    const [row]: RiskAssessmentRow[] = await this.db.sql.query(`SELECT ${RISK_COLUMNS} FROM risk_assessment WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** A resident's assessments, newest first (by the day assessed, then as recorded). */
  riskAssessmentsOf(residentId: string): Promise<RiskAssessmentRow[]> {
    return this.db.sql.query(
      `SELECT ${RISK_COLUMNS} FROM risk_assessment WHERE resident_id = $1 ORDER BY assessed_on DESC, created_at DESC, id DESC`,
      [residentId],
    );
  }

  /** The latest assessment on or before `day` of each resident who has one (of `residentIds`). */
  latestRiskAssessments(day: string, residentIds: string[]): Promise<RiskAssessmentRow[]> {
    return this.db.sql.query(
      `SELECT DISTINCT ON (resident_id) ${RISK_COLUMNS} FROM risk_assessment
       WHERE assessed_on <= $1::date AND resident_id = ANY($2::uuid[])
       ORDER BY resident_id, assessed_on DESC, created_at DESC, id DESC`,
      [day, residentIds],
    );
  }

  /** Each resident's incidents up to `day`, as calendar days in `timeZone` (an 即时评估 falls due after one, docs/rules.md §4a). */
  async incidentDaysUpTo(day: string, timeZone: string): Promise<{ residentId: string; on: string }[]> {
    return this.db.sql.query(
      `SELECT DISTINCT ir.resident_id AS "residentId", (i.occurred_at AT TIME ZONE $2::text)::date::text AS "on"
       FROM incident i JOIN incident_resident ir ON ir.incident_id = i.id
       WHERE i.occurred_at < (($1::date + 1)::timestamp AT TIME ZONE $2::text)`,
      [day, timeZone],
    );
  }

  /** Residents on a bed on `day` (a leave goes on the stay: they are in care). */
  async residentsInCareOn(day: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.sql.query(`SELECT DISTINCT resident_id AS id FROM stay WHERE period @> $1::date`, [day]);
    return rows.map((r) => r.id);
  }

  async insertIncident(i: {
    type: string;
    occurredAt: string;
    place: string;
    description: string;
    injuries: string | null;
    actions: string | null;
    residentIds: string[];
  }): Promise<string> {
    const [row]: { id: string }[] = await this.db.sql.query(
      `INSERT INTO incident (facility_id, type, occurred_at, place, description, injuries, actions) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [this.db.facilityId(), i.type, i.occurredAt, i.place, i.description, i.injuries, i.actions],
    );
    if (i.residentIds.length > 0)
      await this.db.sql.query(`INSERT INTO incident_resident (facility_id, incident_id, resident_id) SELECT $1, $2, unnest($3::uuid[])`, [
        this.db.facilityId(),
        row.id,
        i.residentIds,
      ]);
    return row.id;
  }

  async closeIncident(
    id: string,
    c: { familyNotifiedAt: string; familyNotifiedHow: string; familyNotifiedBy: string; review: string },
  ): Promise<void> {
    await this.db.sql.query(
      `UPDATE incident SET family_notified_at = $2, family_notified_how = $3, family_notified_by = $4, review = $5, closed_at = now() WHERE id = $1`,
      [id, c.familyNotifiedAt, c.familyNotifiedHow, c.familyNotifiedBy, c.review],
    );
  }

  /**
   * Incidents by time, newest first: the one `id`, or those in the calendar days [from, to) of
   * `timeZone` (each bound optional), of one type and state when given.
   */
  incidents(q: { id?: string; from?: string; to?: string; type?: string; state?: string; timeZone: string }): Promise<IncidentRow[]> {
    return this.db.sql.query(
      `SELECT ${INCIDENT_COLUMNS} FROM incident i
       WHERE ($1::uuid IS NULL OR i.id = $1)
         AND ($2::date IS NULL OR i.occurred_at >= ($2::date::timestamp AT TIME ZONE $4::text))
         AND ($3::date IS NULL OR i.occurred_at < ($3::date::timestamp AT TIME ZONE $4::text))
         AND ($5::text IS NULL OR i.type = $5)
         AND ($6::text IS NULL OR ($6 = 'CLOSED') = (i.closed_at IS NOT NULL))
       ORDER BY i.occurred_at DESC, i.id`,
      [q.id ?? null, q.from ?? null, q.to ?? null, q.timeZone, q.type ?? null, q.state ?? null],
    );
  }

  async insertDrill(d: {
    kind: string;
    on: string;
    participants: string;
    participantCount: number | null;
    findings: string;
  }): Promise<string> {
    const [row]: { id: string }[] = await this.db.sql.query(
      `INSERT INTO safety_drill (facility_id, kind, "on", participants, participant_count, findings) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [this.db.facilityId(), d.kind, d.on, d.participants, d.participantCount, d.findings],
    );
    return row.id;
  }

  /** Drills and inspections, newest first: the one `id`, of one kind, on or before `until` when given. */
  drills(q: { id?: string; kind?: string; until?: string }): Promise<SafetyDrillRow[]> {
    return this.db.sql.query(
      `SELECT ${DRILL_COLUMNS} FROM safety_drill
       WHERE ($1::uuid IS NULL OR id = $1) AND ($2::text IS NULL OR kind = $2) AND ($3::date IS NULL OR "on" <= $3::date)
       ORDER BY "on" DESC, created_at DESC, id`,
      [q.id ?? null, q.kind ?? null, q.until ?? null],
    );
  }

  /** The last of each kind on or before `until`. */
  lastDrills(until: string): Promise<SafetyDrillRow[]> {
    return this.db.sql.query(
      `SELECT DISTINCT ON (kind) ${DRILL_COLUMNS} FROM safety_drill WHERE "on" <= $1::date ORDER BY kind, "on" DESC, created_at DESC, id`,
      [until],
    );
  }
}
