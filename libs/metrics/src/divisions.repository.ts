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
 *   of a day winning (`careops_care_level_on`, `levelSegments`), cut by the resident's days in care
 *   (its stays merged with `range_agg`);
 * - staffing per day from events: each level segment adds its weight in sixtieths (⌈40F + 15S + 6C⌉/60,
 *   `requiredCaregivers`) on its first day and removes it after its last; each caregiver's counted
 *   days (employed ∩ since the first passed training ∩ the union of certificates) add its FTE the same
 *   way; running sums over the facility's days (days × facilities rows, not residents × days).
 */
const FIGURES_SQL = `
WITH f AS MATERIALIZED (SELECT id, name, type, division_code FROM facility WHERE division_code LIKE $1 || '%'),
     beds AS (SELECT b.facility_id, count(*)::int AS beds, count(*) FILTER (WHERE b.kind = 'NURSING')::int AS nursing
              FROM bed b WHERE b.facility_id IN (SELECT id FROM f) GROUP BY b.facility_id),
     outage AS MATERIALIZED (
       SELECT o.facility_id, o.bed_id, o.period * daterange($2::date, $3::date) AS r, b.kind
       FROM bed_outage o JOIN bed b ON b.facility_id = o.facility_id AND b.id = o.bed_id
       WHERE o.facility_id IN (SELECT id FROM f) AND o.period && daterange($2::date, $3::date)),
     out_agg AS (
       SELECT facility_id, sum(upper(r) - lower(r))::int AS days,
              count(*) FILTER (WHERE r @> ($3::date - 1))::int AS last_beds,
              count(*) FILTER (WHERE r @> ($3::date - 1) AND kind = 'NURSING')::int AS last_nursing
       FROM outage GROUP BY facility_id),
     st AS MATERIALIZED (
       SELECT s.facility_id, s.resident_id, s.bed_id, s.period * daterange($2::date, $3::date) AS r
       FROM stay s WHERE s.facility_id IN (SELECT id FROM f) AND s.period && daterange($2::date, $3::date)),
     occ AS (SELECT facility_id, sum(upper(r) - lower(r))::int AS days FROM st GROUP BY facility_id),
     occ_out AS (
       SELECT s.facility_id, sum(upper(s.r * o.r) - lower(s.r * o.r))::int AS days
       FROM st s JOIN outage o ON o.facility_id = s.facility_id AND o.bed_id = s.bed_id AND o.r && s.r GROUP BY s.facility_id),
     care AS MATERIALIZED (
       SELECT facility_id, resident_id, range_agg(r) AS days, range_agg(r) @> ($3::date - 1) AS on_last
       FROM st GROUP BY facility_id, resident_id),
     lv AS MATERIALIZED (
       SELECT c.facility_id, c.days, c.on_last, a.care_level,
              daterange(a.effective_on, lead(a.effective_on) OVER (PARTITION BY a.resident_id ORDER BY a.effective_on, a.seq), '[)') AS r
       FROM assessment a JOIN care c ON c.resident_id = a.resident_id AND c.facility_id = a.facility_id
       WHERE a.effective_on < $3::date),
     seg AS (
       SELECT facility_id, CASE care_level WHEN 'FULLY_DISABLED' THEN 40 WHEN 'SEMI_DISABLED' THEN 15 ELSE 6 END AS w,
              unnest(days * datemultirange(r)) AS r
       FROM lv WHERE NOT isempty(r) AND days && r),
     res_agg AS (SELECT facility_id, count(*)::int AS total FROM care WHERE on_last GROUP BY facility_id),
     lv_last AS (
       SELECT facility_id, count(*) FILTER (WHERE care_level = 'SELF_CARE')::int AS self_care,
              count(*) FILTER (WHERE care_level = 'SEMI_DISABLED')::int AS semi_disabled,
              count(*) FILTER (WHERE care_level = 'FULLY_DISABLED')::int AS fully_disabled
       FROM lv WHERE on_last AND r @> ($3::date - 1) GROUP BY facility_id),
     cat_agg AS (
       SELECT facility_id, jsonb_object_agg(category, n) AS categories
       FROM (SELECT r.facility_id, cat AS category, count(*)::int AS n
             FROM care c JOIN resident r ON r.id = c.resident_id AND r.facility_id = c.facility_id, unnest(r.categories) AS cat
             WHERE c.on_last GROUP BY 1, 2) x
       GROUP BY facility_id),
     cg AS MATERIALIZED (
       SELECT s.facility_id, s.id, s.fte_hundredths, daterange(s.employed_from, s.employed_to) AS employed
       FROM staff s WHERE s.facility_id IN (SELECT id FROM f) AND s.role = 'CAREGIVER'),
     trained AS (
       SELECT t.staff_id, min(t.completed_on) AS since FROM staff_training t
       WHERE t.facility_id IN (SELECT id FROM f) AND t.passed GROUP BY t.staff_id),
     certs AS (
       SELECT c.staff_id, range_agg(daterange(c.issued_on, c.expires_on)) AS valid FROM staff_certificate c
       WHERE c.facility_id IN (SELECT id FROM f) GROUP BY c.staff_id),
     counted AS (
       SELECT cg.facility_id, cg.fte_hundredths AS fte,
              unnest(certs.valid * datemultirange(cg.employed * daterange(t.since, NULL) * daterange($2::date, $3::date))) AS r
       FROM cg JOIN trained t ON t.staff_id = cg.id JOIN certs ON certs.staff_id = cg.id),
     cert_agg AS (
       SELECT cg.facility_id, count(*)::int AS caregivers, count(*) FILTER (WHERE certs.valid @> ($3::date - 1))::int AS certified
       FROM cg LEFT JOIN certs ON certs.staff_id = cg.id
       WHERE cg.employed @> ($3::date - 1) GROUP BY cg.facility_id),
     ev AS (
       SELECT facility_id, day, sum(req)::int AS req, sum(fte)::int AS fte FROM (
         SELECT facility_id, lower(r) AS day, w AS req, 0 AS fte FROM seg
         UNION ALL SELECT facility_id, upper(r), -w, 0 FROM seg WHERE upper(r) < $3::date
         UNION ALL SELECT facility_id, lower(r), 0, fte FROM counted
         UNION ALL SELECT facility_id, upper(r), 0, -fte FROM counted WHERE upper(r) < $3::date) e
       GROUP BY facility_id, day),
     run AS (
       SELECT g.id AS facility_id,
              sum(coalesce(e.req, 0)) OVER w AS sixtieths, sum(coalesce(e.fte, 0)) OVER w AS fte
       FROM (SELECT f.id, d::date AS day FROM f, generate_series($2::date, $3::date - 1, interval '1 day') AS d) g
       LEFT JOIN ev e ON e.facility_id = g.id AND e.day = g.day
       WINDOW w AS (PARTITION BY g.id ORDER BY g.day)),
     staffing AS (
       SELECT facility_id, count(*)::int AS days, count(*) FILTER (WHERE fte >= ((sixtieths + 59) / 60) * 100)::int AS compliant
       FROM run GROUP BY facility_id)
SELECT f.id AS facility_id, f.name, f.type, f.division_code,
       coalesce(b.beds, 0) AS beds,
       coalesce(b.beds, 0) - coalesce(o.last_beds, 0) AS beds_in_service,
       coalesce(b.nursing, 0) - coalesce(o.last_nursing, 0) AS nursing_beds,
       coalesce(b.beds, 0) * ($3::date - $2::date) - coalesce(o.days, 0) AS in_service_bed_days,
       coalesce(oc.days, 0) - coalesce(oo.days, 0) AS occupied_bed_days,
       coalesce(ra.total, 0) AS residents_total, coalesce(ll.self_care, 0) AS self_care, coalesce(ll.semi_disabled, 0) AS semi_disabled,
       coalesce(ll.fully_disabled, 0) AS fully_disabled,
       coalesce(ra.total, 0) - coalesce(ll.self_care + ll.semi_disabled + ll.fully_disabled, 0) AS unassessed, ca.categories,
       coalesce(sf.days, $3::date - $2::date) AS staffing_days, coalesce(sf.compliant, $3::date - $2::date) AS compliant_days,
       coalesce(ce.caregivers, 0) AS caregivers, coalesce(ce.certified, 0) AS certified,
       (SELECT max(d.issued_at)::text FROM document d WHERE d.facility_id = f.id) AS last_report_at
FROM f
LEFT JOIN beds b ON b.facility_id = f.id LEFT JOIN out_agg o ON o.facility_id = f.id
LEFT JOIN occ oc ON oc.facility_id = f.id LEFT JOIN occ_out oo ON oo.facility_id = f.id
LEFT JOIN res_agg ra ON ra.facility_id = f.id LEFT JOIN lv_last ll ON ll.facility_id = f.id LEFT JOIN cat_agg ca ON ca.facility_id = f.id
LEFT JOIN staffing sf ON sf.facility_id = f.id LEFT JOIN cert_agg ce ON ce.facility_id = f.id
ORDER BY f.division_code, f.name, f.id`;

/**
 * What the division summary reads: every facility of a division in one query (above), across
 * tenants by the read-only `app.division_read` setting (migration 1765550000000: it widens a read
 * to the facilities row-level security on `facility` already shows the caller, never further).
 */
@Injectable()
export class DivisionsRepository {
  constructor(private readonly db: TenantDb) {}

  /**
   * The figures of [from, to) for each facility whose division code starts with `prefix` ('' for all)
   * that the caller may see, by division code, name and id.
   */
  async figures(prefix: string, from: IsoDate, to: IsoDate): Promise<FacilityFigureRow[]> {
    const rows: Row[] = await this.divisionRead(() => this.db.sql.query(FIGURES_SQL, [prefix, from, to]));
    return rows.map((r) => ({
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
    }));
  }

  /**
   * Runs `work` with the division read on in the request's transaction, and off again whatever
   * happens. Nested-loop joins off for it as well: the planner cannot estimate the range aggregates
   * of the figures (it takes thousands of rows for one) and would loop over them (100 facilities:
   * 9 s with nested loops, 0.1 s without).
   */
  private async divisionRead<T>(work: () => Promise<T>): Promise<T> {
    const [{ nestloop }]: { nestloop: string }[] = await this.db.sql.query(
      `SELECT current_setting('enable_nestloop') AS nestloop, set_config('app.division_read', 'on', true), set_config('enable_nestloop', 'off', true)`,
    );
    try {
      return await work();
    } finally {
      await this.db.sql.query(`SELECT set_config('app.division_read', '', true), set_config('enable_nestloop', $1, true)`, [nestloop]);
    }
  }
}
