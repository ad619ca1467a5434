import { Injectable } from '@nestjs/common';
import type { IsoDate } from '@careops/care';
import { TenantDb } from '@careops/db';

/** One facility's counts over [from, to), as the division figures read them in one query (docs/rules.md §7). */
export interface FacilityFigureRow {
  facilityId: string;
  name: string;
  type: string;
  divisionCode: string;
  /** Snapshot of the last day of the period. */
  beds: number;
  bedsInService: number;
  nursingBeds: number;
  inServiceBedDays: number;
  occupiedBedDays: number;
  residentsTotal: number;
  residentsByLevel: { SELF_CARE: number; SEMI_DISABLED: number; FULLY_DISABLED: number; UNASSESSED: number };
  residentsByCategory: Record<string, number>;
  staffingDays: number;
  compliantDays: number;
  /** 持证上岗率 on the last day: caregivers employed then, and those of them holding a valid certificate. */
  caregivers: number;
  certified: number;
  lastReportAt: string | null;
}

interface Row {
  /** 1-based index into the periods. */
  period: number;
  facility_id: string;
  name: string;
  type: string;
  division_code: string;
  beds: number;
  beds_in_service: number;
  nursing_beds: number;
  in_service_bed_days: number;
  occupied_bed_days: number;
  residents_total: number;
  self_care: number;
  semi_disabled: number;
  fully_disabled: number;
  unassessed: number;
  categories: Record<string, number> | null;
  staffing_days: number;
  compliant_days: number;
  caregivers: number;
  certified: number;
  last_report_at: string | null;
}

/**
 * docs/rules.md §6–§7 for every facility of a division at once, by range arithmetic on the
 * `daterange`s that overlap the period (never a row per bed per day):
 * - bed-days in service = beds × days − Σ |outage ∩ period|; occupied = Σ |stay ∩ period| − Σ |stay ∩ outage ∩ period| (same bed);
 * - the level in force: one range per assessment change [effective, next change), the last recorded
 *   of a day winning (`careops_care_level_on`, `levelSegments`) — a range [e, e) of the earlier one
 *   is empty — cut by each stay in the period (a resident's stays never overlap, a transfer's touch);
 * - staffing per day from events: each level segment adds its weight in sixtieths (⌈40F + 15S + 6C⌉/60,
 *   `requiredCaregivers`) on its first day and removes it after its last; each caregiver's counted
 *   days (employed ∩ since the first passed training ∩ the union of certificates) add its FTE the same
 *   way; running sums at the days something changes, each held until the next change (events × facilities
 *   rows, not residents × days);
 * - every part per period as well: one query answers several months at once (the dashboard's trend).
 */
const FIGURES_SQL = `
WITH f AS MATERIALIZED (SELECT id, name, type, division_code FROM facility WHERE id = ANY($1::uuid[])),
     p AS MATERIALIZED (
       SELECT i::int AS i, daterange(pf, pt) AS r, pf, pt, pt - 1 AS last FROM unnest($2::date[], $3::date[]) WITH ORDINALITY AS x(pf, pt, i)),
     st AS MATERIALIZED (
       SELECT p.i, p.last, s.facility_id, s.resident_id, s.bed_id, s.period * p.r AS r
       FROM stay s JOIN p ON s.period && p.r WHERE s.facility_id = ANY($1::uuid[]) AND s.period && $4::daterange),
     outage AS MATERIALIZED (
       SELECT p.i, p.last, o.facility_id, o.bed_id, o.period * p.r AS r
       FROM bed_outage o JOIN p ON o.period && p.r WHERE o.facility_id = ANY($1::uuid[]) AND o.period && $4::daterange),
     beds AS (
       SELECT facility_id, count(*)::int AS beds, count(*) FILTER (WHERE kind = 'NURSING')::int AS nursing
       FROM bed WHERE facility_id = ANY($1::uuid[]) GROUP BY facility_id),
     out_agg AS (
       SELECT i, facility_id, sum(upper(r) - lower(r))::int AS days, count(*) FILTER (WHERE r @> last)::int AS last_beds
       FROM outage GROUP BY i, facility_id),
     out_nursing AS (
       SELECT i, facility_id, count(DISTINCT bed_id)::int AS beds FROM outage
       WHERE r @> last AND bed_id = ANY(ARRAY(SELECT id FROM bed WHERE id = ANY(ARRAY(SELECT bed_id FROM outage WHERE r @> last)) AND kind = 'NURSING'))
       GROUP BY i, facility_id),
     occ AS (
       SELECT i, facility_id, sum(upper(r) - lower(r))::int AS days, count(*) FILTER (WHERE r @> last)::int AS residents
       FROM st GROUP BY i, facility_id),
     occ_out AS (
       SELECT s.i, s.facility_id, sum(upper(s.r * o.r) - lower(s.r * o.r))::int AS days
       FROM st s JOIN outage o ON o.i = s.i AND o.bed_id = s.bed_id AND o.r && s.r GROUP BY s.i, s.facility_id),
     lv AS (
       SELECT resident_id, care_level,
              daterange(effective_on, lead(effective_on) OVER (PARTITION BY facility_id, resident_id ORDER BY effective_on, seq)) AS r
       FROM assessment WHERE facility_id = ANY($1::uuid[]) AND effective_on < upper($4::daterange)),
     seg AS MATERIALIZED (
       SELECT s.i, s.last, s.facility_id, l.care_level, s.r * l.r AS r
       FROM st s JOIN lv l ON l.resident_id = s.resident_id AND l.r && s.r),
     lv_last AS (
       SELECT i, facility_id, count(*) FILTER (WHERE care_level = 'SELF_CARE')::int AS self_care,
              count(*) FILTER (WHERE care_level = 'SEMI_DISABLED')::int AS semi_disabled,
              count(*) FILTER (WHERE care_level = 'FULLY_DISABLED')::int AS fully_disabled
       FROM seg WHERE r @> last GROUP BY i, facility_id),
     cat_agg AS (
       SELECT i, facility_id, jsonb_object_agg(category, n) AS categories
       FROM (SELECT x.i, r.facility_id, cat AS category, count(*)::int AS n
             FROM resident r JOIN (SELECT DISTINCT i, resident_id FROM st WHERE r @> last) x ON x.resident_id = r.id, unnest(r.categories) AS cat
             WHERE r.facility_id = ANY($1::uuid[]) AND cardinality(r.categories) > 0
             GROUP BY 1, 2, 3) x
       GROUP BY i, facility_id),
     cg AS MATERIALIZED (
       SELECT facility_id, id, fte_hundredths, daterange(employed_from, employed_to) AS employed
       FROM staff WHERE facility_id = ANY($1::uuid[]) AND role = 'CAREGIVER'),
     trained AS (
       SELECT staff_id, min(completed_on) AS since FROM staff_training
       WHERE facility_id = ANY($1::uuid[]) AND passed GROUP BY staff_id),
     certs AS MATERIALIZED (
       SELECT staff_id, range_agg(daterange(issued_on, expires_on)) AS valid FROM staff_certificate
       WHERE facility_id = ANY($1::uuid[]) GROUP BY staff_id),
     counted AS (
       SELECT p.i, cg.facility_id, cg.fte_hundredths AS fte,
              unnest(certs.valid * datemultirange(cg.employed * daterange(t.since, NULL) * p.r)) AS r
       FROM cg JOIN trained t ON t.staff_id = cg.id JOIN certs ON certs.staff_id = cg.id CROSS JOIN p),
     cert_agg AS (
       SELECT p.i, cg.facility_id, count(*)::int AS caregivers, count(*) FILTER (WHERE certs.valid @> p.last)::int AS certified
       FROM cg CROSS JOIN p LEFT JOIN certs ON certs.staff_id = cg.id
       WHERE cg.employed @> p.last GROUP BY p.i, cg.facility_id),
     ev AS (
       SELECT i, facility_id, day, sum(req)::int AS req, sum(fte)::int AS fte FROM (
         SELECT i, facility_id, lower(r) AS day, w AS req, 0 AS fte FROM (
           SELECT i, facility_id, r, CASE care_level WHEN 'FULLY_DISABLED' THEN 40 WHEN 'SEMI_DISABLED' THEN 15 ELSE 6 END AS w FROM seg) s
         UNION ALL SELECT i, facility_id, upper(r), CASE care_level WHEN 'FULLY_DISABLED' THEN -40 WHEN 'SEMI_DISABLED' THEN -15 ELSE -6 END, 0
                   FROM seg WHERE upper(r) <= last
         UNION ALL SELECT i, facility_id, lower(r), 0, fte FROM counted
         UNION ALL SELECT c.i, c.facility_id, upper(c.r), 0, -c.fte FROM counted c JOIN p ON p.i = c.i WHERE upper(c.r) <= p.last
         UNION ALL SELECT p.i, f.id, p.pf, 0, 0 FROM f CROSS JOIN p) e
       GROUP BY i, facility_id, day),
     run AS (
       SELECT i, facility_id, day, lead(day) OVER w AS next, sum(req) OVER w AS sixtieths, sum(fte) OVER w AS fte
       FROM ev WINDOW w AS (PARTITION BY i, facility_id ORDER BY day)),
     staffing AS (
       SELECT r.i, r.facility_id, sum(coalesce(r.next, p.pt) - r.day)::int AS days,
              coalesce(sum(coalesce(r.next, p.pt) - r.day) FILTER (WHERE r.fte >= ((r.sixtieths + 59) / 60) * 100), 0)::int AS compliant
       FROM run r JOIN p ON p.i = r.i GROUP BY r.i, r.facility_id)
SELECT p.i AS period, f.id AS facility_id, f.name, f.type, f.division_code,
       coalesce(b.beds, 0) AS beds,
       coalesce(b.beds, 0) - coalesce(o.last_beds, 0) AS beds_in_service,
       coalesce(b.nursing, 0) - coalesce(onu.beds, 0) AS nursing_beds,
       coalesce(b.beds, 0) * (p.pt - p.pf) - coalesce(o.days, 0) AS in_service_bed_days,
       coalesce(oc.days, 0) - coalesce(oo.days, 0) AS occupied_bed_days,
       coalesce(oc.residents, 0) AS residents_total, coalesce(ll.self_care, 0) AS self_care, coalesce(ll.semi_disabled, 0) AS semi_disabled,
       coalesce(ll.fully_disabled, 0) AS fully_disabled,
       coalesce(oc.residents, 0) - coalesce(ll.self_care + ll.semi_disabled + ll.fully_disabled, 0) AS unassessed, ca.categories,
       coalesce(sf.days, p.pt - p.pf) AS staffing_days, coalesce(sf.compliant, p.pt - p.pf) AS compliant_days,
       coalesce(ce.caregivers, 0) AS caregivers, coalesce(ce.certified, 0) AS certified,
       (SELECT max(d.issued_at)::text FROM document d WHERE d.facility_id = f.id) AS last_report_at
FROM f CROSS JOIN p
LEFT JOIN beds b ON b.facility_id = f.id
LEFT JOIN out_agg o ON o.i = p.i AND o.facility_id = f.id LEFT JOIN out_nursing onu ON onu.i = p.i AND onu.facility_id = f.id
LEFT JOIN occ oc ON oc.i = p.i AND oc.facility_id = f.id LEFT JOIN occ_out oo ON oo.i = p.i AND oo.facility_id = f.id
LEFT JOIN lv_last ll ON ll.i = p.i AND ll.facility_id = f.id LEFT JOIN cat_agg ca ON ca.i = p.i AND ca.facility_id = f.id
LEFT JOIN staffing sf ON sf.i = p.i AND sf.facility_id = f.id LEFT JOIN cert_agg ce ON ce.i = p.i AND ce.facility_id = f.id
ORDER BY p.i, f.division_code, f.name, f.id`;

/**
 * What the division summary reads: every facility of a division in one query (above), across
 * tenants as the read-only division reader (migration 1765620000000: it widens a read to the
 * facilities row-level security on `facility` already shows the caller, never further).
 */
@Injectable()
export class DivisionsRepository {
  constructor(private readonly db: TenantDb) {}

  /**
   * The figures of [from, to) for each facility whose division code starts with `prefix` ('' for all)
   * that the caller may see (only `facilityId` if given), by division code, name and id.
   */
  async figures(prefix: string, from: IsoDate, to: IsoDate, facilityId?: string): Promise<FacilityFigureRow[]> {
    const [rows] = await this.figuresOfPeriods(prefix, [{ from, to }], facilityId);
    return rows;
  }

  /**
   * `figures` for several periods at once (the dashboard's twelve months): one query for all of them,
   * each period's rows as `figures` would return them, in the order of `periods`.
   */
  async figuresOfPeriods(
    prefix: string,
    periods: readonly { from: IsoDate; to: IsoDate }[],
    facilityId?: string,
  ): Promise<FacilityFigureRow[][]> {
    const out: FacilityFigureRow[][] = periods.map(() => []);
    if (periods.length === 0) return out;
    const hull = `[${periods.reduce((m, p) => (p.from < m ? p.from : m), periods[0].from)},${periods.reduce((m, p) => (p.to > m ? p.to : m), periods[0].to)})`;
    // On the read replica when there is one (docs/scale.md): the summaries, their trend and the 辖区汇总表 read here.
    const rows: Row[] = await this.db.onReplica(() =>
      this.divisionRead(async () => {
        // The facilities first (row-level security on facility decides which; archived ones never, docs/rules.md §11),
        // then their figures by id.
        const ids: { id: string }[] = await this.db.sql.query(
          `SELECT id FROM facility WHERE division_code >= $1::bpchar AND division_code < ($1 || '~')::bpchar AND archived_at IS NULL AND ($2::uuid IS NULL OR id = $2::uuid)`,
          [prefix, facilityId ?? null],
        );
        return ids.length === 0
          ? []
          : this.db.sql.query(FIGURES_SQL, [ids.map((f) => f.id), periods.map((p) => p.from), periods.map((p) => p.to), hull]);
      }),
    );
    for (const r of rows)
      out[r.period - 1].push({
        facilityId: r.facility_id,
        name: r.name,
        type: r.type,
        divisionCode: r.division_code,
        beds: r.beds,
        bedsInService: r.beds_in_service,
        nursingBeds: r.nursing_beds,
        inServiceBedDays: r.in_service_bed_days,
        occupiedBedDays: r.occupied_bed_days,
        residentsTotal: r.residents_total,
        residentsByLevel: {
          SELF_CARE: r.self_care,
          SEMI_DISABLED: r.semi_disabled,
          FULLY_DISABLED: r.fully_disabled,
          UNASSESSED: r.unassessed,
        },
        residentsByCategory: r.categories ?? {},
        staffingDays: r.staffing_days,
        compliantDays: r.compliant_days,
        caregivers: r.caregivers,
        certified: r.certified,
        lastReportAt: r.last_report_at ?? null,
      });
    return out;
  }

  /**
   * Runs `work` as the division reader (TenantDb.asDivisionReader), with nested-loop joins off for it:
   * the planner cannot estimate the range aggregates of the figures (it takes thousands of rows for
   * one) and would loop over them (100 facilities: 9 s with nested loops, 0.1 s without); and memory
   * enough to sort a province's assessments (80,000) without spilling to disk. Both back afterwards.
   */
  private async divisionRead<T>(work: () => Promise<T>): Promise<T> {
    const [before]: { nestloop: string; mem: string }[] = await this.db.sql.query(
      `SELECT current_setting('enable_nestloop') AS nestloop, current_setting('work_mem') AS mem,
              set_config('enable_nestloop', 'off', true), set_config('work_mem', '64MB', true)`,
    );
    try {
      return await this.db.asDivisionReader(work);
    } finally {
      await this.db.sql
        .query(`SELECT set_config('enable_nestloop', $1, true), set_config('work_mem', $2, true)`, [before.nestloop, before.mem])
        .catch(() => undefined);
    }
  }
}
