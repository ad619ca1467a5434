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
import { cpus, loadavg } from 'node:os';
import { call, must, percentile, signInAdmin, startStack } from './lib.mjs';
import { loadProvince } from './province.mjs';

const FACILITIES = Number(process.env.BENCH_FACILITIES ?? 1000);
const CITY_FACILITIES = Math.min(FACILITIES, Number(process.env.BENCH_CITY_FACILITIES ?? 150));
const BEDS = 100; // per facility
const RESIDENTS = 60;
const STAFF = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const MONTH = '2026-09';
const OLD_SAMPLE = Math.min(20, CITY_FACILITIES);

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
  await loadProvince(db, { facilities: FACILITIES, cityFacilities: CITY_FACILITIES, beds: BEDS, residents: RESIDENTS, staff: STAFF });
}
