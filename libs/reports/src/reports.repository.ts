import { Injectable } from '@nestjs/common';
import type { AssessmentGrade, AssessmentReason, CareLevel, GradeAdjustment, IsoDate, RiskEventCounts } from '@careops/care';
import { TenantDb } from '@careops/db';

/** An admission or a discharge of the month, as the operations report lists it. */
export interface Movement {
  residentId: string;
  date: IsoDate;
  /** The bed of its first stay (an admission) or its last (a discharge); null if it never had one. */
  bedId: string | null;
  /** An admission: the level in force that day (docs/rules.md §4), null if not assessed yet. */
  level: CareLevel | null;
  /** A discharge: why. */
  reason: string | null;
}

export interface VerifiedDocument {
  matched: string;
  number: string;
  kind: string;
  title: string;
  version: number;
  /** The number of the version that replaced this one, if any. */
  replacedBy: string | null;
  facilityName: string | null;
  divisionCode: string | null;
  period: string;
  sha256: string;
  issuedAt: Date;
  /** A claim's state and total now, not as printed. */
  state?: string;
  /** A claim's total now; a bill's total, a receipt's or a refund's amount as printed. */
  totalFen?: number;
}

/** A day-center membership overlapping a month, with what the member used in it. */
export interface DayMemberMonth {
  residentId: string;
  enrolledOn: IsoDate;
  leftOn: IsoDate | null;
  /** Days attended in the month. */
  attended: number;
  /** Services of the six helps received in the month. */
  services: number;
}

/** The services of one kind of the six helps in a month: how many, and to how many persons. */
export interface ServiceKindMonth {
  kind: string;
  services: number;
  persons: number;
}

/** A scored assessment as the 老年人能力评估报告 prints it (docs/rules.md §4a); the Part B fields are null when not scored. */
export interface AssessmentFacts {
  id: string;
  residentId: string;
  effectiveOn: IsoDate;
  careLevel: CareLevel;
  grade: AssessmentGrade | null;
  assessor: string;
  notes: string | null;
  instrument: string | null;
  reason: AssessmentReason | null;
  assessedOn: IsoDate | null;
  assessors: string[] | null;
  items: Record<string, number> | null;
  diagnoses: string[];
  riskEvents30d: RiskEventCounts;
  coma: boolean;
  totalScore: number | null;
  baseGrade: AssessmentGrade | null;
  adjustments: GradeAdjustment[];
  levelPolicyId: string | null;
  /** The grade → level policy version that set the level, as printed. */
  levelPolicy: { name: string; divisionCode: string; effectiveFrom: IsoDate; mapping: Record<AssessmentGrade, CareLevel> } | null;
}

/**
 * What the documents read that no feature exports: the admissions and discharges of a month with
 * the bed of their first or last stay (no reader of admissions answers those), a day center's month
 * (memberships, attendance, services as totals; day-care answers them one day at a time), and the register's
 * verification (`careops_verify_document`, open to anyone holding a document), and an assessment
 * with its items and the bed on its day for the 老年人能力评估报告.
 */
@Injectable()
export class ReportsRepository {
  constructor(private readonly db: TenantDb) {}

  /** Admissions that began in [from, to), by day. */
  async admissionsIn(from: IsoDate, to: IsoDate): Promise<Movement[]> {
    const rows: { resident_id: string; date: string; bed_id: string | null; level: CareLevel | null }[] = await this.db.sql.query(
      `SELECT a.resident_id, lower(a.period)::text AS date,
              (SELECT s.bed_id FROM stay s WHERE s.admission_id = a.id ORDER BY lower(s.period) LIMIT 1) AS bed_id,
              careops_care_level_on(a.resident_id, lower(a.period)) AS level
       FROM admission a WHERE lower(a.period) >= $1::date AND lower(a.period) < $2::date ORDER BY 2`,
      [from, to],
    );
    return rows.map((r) => ({ residentId: r.resident_id, date: r.date, bedId: r.bed_id, level: r.level, reason: null }));
  }

  /** Admissions that ended in [from, to) (the discharge day is the period's end), by day. */
  async dischargesIn(from: IsoDate, to: IsoDate): Promise<Movement[]> {
    const rows: { resident_id: string; date: string; bed_id: string | null; reason: string | null }[] = await this.db.sql.query(
      `SELECT a.resident_id, upper(a.period)::text AS date, a.discharge_reason AS reason,
              (SELECT s.bed_id FROM stay s WHERE s.admission_id = a.id ORDER BY lower(s.period) DESC LIMIT 1) AS bed_id
       FROM admission a WHERE upper(a.period) >= $1::date AND upper(a.period) < $2::date ORDER BY 2`,
      [from, to],
    );
    return rows.map((r) => ({ residentId: r.resident_id, date: r.date, bedId: r.bed_id, level: null, reason: r.reason }));
  }

  /** Memberships overlapping [from, to), with days attended and services received in it (docs/rules.md §4). */
  async dayMembersIn(from: IsoDate, to: IsoDate, timeZone: string): Promise<DayMemberMonth[]> {
    return this.db.sql.query(
      `SELECT m.resident_id AS "residentId", lower(m.period)::text AS "enrolledOn", upper(m.period)::text AS "leftOn",
              (SELECT count(*)::int FROM attendance a WHERE a.resident_id = m.resident_id AND a.day >= $1::date AND a.day < $2::date) AS attended,
              (SELECT count(*)::int FROM service_record s WHERE s.resident_id = m.resident_id
                 AND s.served_at >= ($1::date::timestamp AT TIME ZONE $3::text) AND s.served_at < ($2::date::timestamp AT TIME ZONE $3::text)) AS services
       FROM day_member m WHERE m.period && daterange($1::date, $2::date) ORDER BY lower(m.period)`,
      [from, to, timeZone],
    );
  }

  /** Attendances by day in [from, to). */
  async attendanceByDay(from: IsoDate, to: IsoDate): Promise<Map<IsoDate, number>> {
    const rows: { day: string; n: number }[] = await this.db.sql.query(
      `SELECT day::text AS day, count(*)::int AS n FROM attendance WHERE day >= $1::date AND day < $2::date GROUP BY day`,
      [from, to],
    );
    return new Map(rows.map((r) => [r.day, r.n]));
  }

  /** The six helps delivered in the calendar days [from, to) of `timeZone`, by kind. */
  servicesByKind(from: IsoDate, to: IsoDate, timeZone: string): Promise<ServiceKindMonth[]> {
    return this.db.sql.query(
      `SELECT kind, count(*)::int AS services, count(DISTINCT resident_id)::int AS persons FROM service_record
       WHERE served_at >= ($1::date::timestamp AT TIME ZONE $3::text) AND served_at < ($2::date::timestamp AT TIME ZONE $3::text)
       GROUP BY kind`,
      [from, to, timeZone],
    );
  }

  /** An assessment in force (not voided) with every field the report prints (docs/rules.md §4a, §12). */
  async assessment(id: string): Promise<AssessmentFacts | undefined> {
    const [row]: AssessmentFacts[] = await this.db.sql.query(
      `SELECT id, resident_id AS "residentId", effective_on::text AS "effectiveOn", care_level AS "careLevel", grade, assessor, notes,
              instrument, reason, assessed_on::text AS "assessedOn", assessors, items, diagnoses, risk_events AS "riskEvents30d", coma,
              total_score AS "totalScore", base_grade AS "baseGrade", adjustments, level_policy_id AS "levelPolicyId",
              (SELECT json_build_object('name', p.name, 'divisionCode', p.division_code, 'effectiveFrom', p.effective_from, 'mapping', p.mapping)
                 FROM level_policy p WHERE p.id = a.level_policy_id) AS "levelPolicy"
       FROM assessment a WHERE id = $1`,
      [id],
    );
    return row;
  }

  /** The code of the bed a resident held on `day` (also while on leave), if any. */
  async bedOn(residentId: string, day: IsoDate): Promise<string | null> {
    const [row]: { code: string }[] = await this.db.sql.query(
      `SELECT b.code FROM stay s JOIN bed b ON b.id = s.bed_id WHERE s.resident_id = $1 AND s.period @> $2::date`,
      [residentId, day],
    );
    return row?.code ?? null;
  }

  /** The issued document with this SHA-256 (of the file or printed on it) or number, if any. */
  async verify(ref: string): Promise<VerifiedDocument | undefined> {
    const [row]: {
      matched: string;
      number: string;
      kind: string;
      title: string;
      version: number;
      replaced_by: string | null;
      facility_name: string | null;
      division_code: string | null;
      period: string;
      sha256: string;
      issued_at: Date;
      claim_state: string | null;
      claim_total_fen: string | null;
    }[] = await this.db.sql.query(`SELECT * FROM careops_verify_document($1)`, [ref]);
    if (!row) return undefined;
    return {
      matched: row.matched,
      number: row.number,
      kind: row.kind,
      title: row.title,
      version: row.version,
      replacedBy: row.replaced_by,
      facilityName: row.facility_name,
      divisionCode: row.division_code,
      period: row.period,
      sha256: row.sha256,
      issuedAt: row.issued_at,
      ...(row.claim_state !== null && { state: row.claim_state }),
      ...(row.claim_total_fen !== null && { totalFen: Number(row.claim_total_fen) }),
    };
  }
}
