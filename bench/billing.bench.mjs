#!/usr/bin/env node
// The monthly bill run (docs/rules.md §9): (1) a 500-resident facility with level changes, end to end
// over HTTP (goal ≤ 2 s); (2) runs for 100 facilities × 200 residents (goal ≤ 15 s). Facts and fee
// items are loaded set-based with SQL (generate_series; not measured); runs go through the API. The
// bills are checked against totals computed in this file from the facts, and each run is compared
// with a plain-SQL floor over the same rows (days by range arithmetic, one INSERT … SELECT of the
// lines). Exits non-zero when a goal is NOT MET.
//   node bench/billing.bench.mjs        (BENCH_FACILITIES, BENCH_RESIDENTS_EACH, BENCH_BIG to resize)
import { call, facilityWithLevelChanges, must, pool, signInAdmin, startStack } from './lib.mjs';

const BIG = Number(process.env.BENCH_BIG ?? 500);
const FACILITIES = Number(process.env.BENCH_FACILITIES ?? 100);
const EACH = Number(process.env.BENCH_RESIDENTS_EACH ?? 200);
const MONTH = '2026-03';
const FEES = { BED: 150_000, SELF_CARE: 30_000, SEMI_DISABLED: 80_000, FULLY_DISABLED: 120_000, MEALS: 60_000 };

const stack = await startStack();
try {
  const admin = await signInAdmin(stack);
  const { default: pg } = await import('pg');
  const owner = new pg.Client({ connectionString: stack.url });
  await owner.connect();

  /** A facility with `n` residents on nursing beds since 2025, each changing to 全失能 on a day of March 2026; its fee items. */
  const facilityWith = (name, n) =>
    facilityWithLevelChanges(stack, admin, owner, name, n, async (client, facilityId) => {
      await client.query(
        `INSERT INTO fee_item (facility_id, code, name, kind, category, amount_fen, care_level, charged_on_leave, effective_from)
         VALUES ($1, 'BED', '床位费', 'MONTHLY', 'BED', $2, NULL, true, '2025-01-01'),
                ($1, 'CARE', '护理费', 'MONTHLY', 'CARE', $3, 'SELF_CARE', true, '2025-01-01'),
                ($1, 'CARE', '护理费', 'MONTHLY', 'CARE', $4, 'SEMI_DISABLED', true, '2025-01-01'),
                ($1, 'CARE', '护理费', 'MONTHLY', 'CARE', $5, 'FULLY_DISABLED', true, '2025-01-01'),
                ($1, 'MEALS', '伙食费', 'MONTHLY', 'MEALS', $6, NULL, false, '2025-01-01')`,
        [facilityId, FEES.BED, FEES.SELF_CARE, FEES.SEMI_DISABLED, FEES.FULLY_DISABLED, FEES.MEALS],
      );
    });

  /** docs/rules.md §9 from the facts alone: bed and meals a whole month; care at the first level until the change, 全失能 from it. */
  const half = (fen, days) => Math.floor((2 * fen * days + 31) / 62);
  const expectedTotals = async (facilityIds) => {
    const { rows } = await owner.query(
      `SELECT r.facility_id, f.care_level AS first, extract(day FROM c.effective_on)::int AS day
       FROM resident r JOIN assessment f ON f.resident_id = r.id AND f.effective_on = '2025-01-01'
       JOIN assessment c ON c.resident_id = r.id AND c.effective_on >= '2026-03-01' WHERE r.facility_id = ANY($1::uuid[])`,
      [facilityIds],
    );
    const totals = new Map(facilityIds.map((id) => [id, { bills: 0, totalFen: 0 }]));
    for (const r of rows) {
      const t = totals.get(r.facility_id);
      t.bills++;
      const days = new Map([[r.first, r.day - 1]]);
      days.set('FULLY_DISABLED', (days.get('FULLY_DISABLED') ?? 0) + 32 - r.day);
      t.totalFen += FEES.BED + FEES.MEALS;
      for (const [level, n] of days) if (n > 0) t.totalFen += half(FEES[level], n);
    }
    return totals;
  };
  const check = (run, id, expected) => {
    const e = expected.get(id);
    const got = { bills: run.bills.length, totalFen: run.bills.reduce((s, b) => s + b.totalFen, 0) };
    if (got.bills !== e.bills || got.totalFen !== e.totalFen || run.created !== e.bills)
      throw new Error(`the bills of ${id} are not the expected ones: ${JSON.stringify(got)} ≠ ${JSON.stringify(e)}`);
  };

  /**
   * The floor: the same month's lines in plain SQL over the same rows, days by range arithmetic,
   * one INSERT … SELECT into a scratch table (no explanation, no corrections, no API).
   */
  const floor = async (facilityIds) => {
    await owner.query(
      `CREATE TEMP TABLE IF NOT EXISTS floor_line (facility_id uuid, resident_id uuid, code text, days int, amount_fen bigint)`,
    );
    await owner.query('TRUNCATE floor_line');
    const t = performance.now();
    await owner.query(
      `WITH m AS (SELECT daterange($2::date, $3::date) AS span, ($3::date - $2::date) AS n),
            seg AS (
              SELECT s.facility_id, s.resident_id, s.period * m.span AS p, m.n FROM stay s, m WHERE s.facility_id = ANY($1::uuid[]) AND s.period && m.span),
            lvl AS (
              SELECT a.facility_id, a.resident_id, a.care_level,
                     daterange(a.effective_on, lead(a.effective_on) OVER (PARTITION BY a.resident_id ORDER BY a.effective_on)) AS p
              FROM assessment a WHERE a.facility_id = ANY($1::uuid[]))
       INSERT INTO floor_line
       SELECT seg.facility_id, seg.resident_id, f.code, upper(seg.p) - lower(seg.p), (2 * f.amount_fen * (upper(seg.p) - lower(seg.p)) + seg.n) / (2 * seg.n)
       FROM seg JOIN fee_item f ON f.facility_id = seg.facility_id AND f.care_level IS NULL
       UNION ALL
       SELECT seg.facility_id, seg.resident_id, f.code, upper(seg.p * l.p) - lower(seg.p * l.p),
              (2 * f.amount_fen * (upper(seg.p * l.p) - lower(seg.p * l.p)) + seg.n) / (2 * seg.n)
       FROM seg JOIN lvl l ON l.resident_id = seg.resident_id AND l.p && seg.p
       JOIN fee_item f ON f.facility_id = seg.facility_id AND f.care_level = l.care_level`,
      [facilityIds, `${MONTH}-01`, '2026-04-01'],
    );
    return performance.now() - t;
  };

  const big = await facilityWith('大型养老院', BIG);
  await owner.query('VACUUM (ANALYZE)');
  const bigFloor = await floor([big]);
  const t0 = performance.now();
  const run = await must(call(stack.base, 'POST', `/api/facilities/${big}/bills/run`, admin, { month: MONTH }), 'run');
  const bigMs = performance.now() - t0;
  check(run, big, await expectedTotals([big]));
  const t0b = performance.now();
  const again = await must(call(stack.base, 'POST', `/api/facilities/${big}/bills/run`, admin, { month: MONTH }), 'run again');
  const againMs = performance.now() - t0b;
  if (again.created !== 0 || again.updated !== 0 || again.unchanged !== BIG)
    throw new Error(`the second run changed something: ${JSON.stringify({ ...again, bills: again.bills.length })}`);

  const division = [];
  for (let i = 0; i < FACILITIES; i++) division.push(await facilityWith(`辖区机构${i}`, EACH));
  await owner.query('VACUUM (ANALYZE)');
  const divisionFloor = await floor(division);
  const t1 = performance.now();
  const runs = new Array(division.length);
  await pool(division.length, 4, async (i) => {
    runs[i] = await must(call(stack.base, 'POST', `/api/facilities/${division[i]}/bills/run`, admin, { month: MONTH }), 'run');
  });
  const divisionMs = performance.now() - t1;
  const expected = await expectedTotals(division);
  division.forEach((id, i) => check(runs[i], id, expected));
  const [{ lines }] = (await owner.query(`SELECT count(*)::int AS lines FROM bill_line`)).rows;
  await owner.end();

  console.log(
    JSON.stringify(
      {
        oneFacility: {
          residents: BIG,
          bills: run.bills.length,
          totalFen: run.bills.reduce((s, b) => s + b.totalFen, 0),
          ms: +bigMs.toFixed(0),
          rerunMs: +againMs.toFixed(0),
          plainSqlFloorMs: +bigFloor.toFixed(0),
          ratioToFloor: +(bigMs / bigFloor).toFixed(1),
        },
        division: {
          facilities: FACILITIES,
          residentsEach: EACH,
          ms: +divisionMs.toFixed(0),
          plainSqlFloorMs: +divisionFloor.toFixed(0),
          ratioToFloor: +(divisionMs / divisionFloor).toFixed(1),
          linesWritten: lines,
          runsChecked: runs.length,
        },
      },
      null,
      2,
    ),
  );
  const goals = [
    [`the bill run of a ${BIG}-resident facility ≤ 2 s end to end`, bigMs <= 2000],
    [`bill runs for ${FACILITIES} facilities × ${EACH} residents ≤ 15 s`, divisionMs <= 15_000],
  ];
  for (const [goal, met] of goals) console.log(`${met ? 'MET   ' : 'NOT MET'} ${goal}`);
  if (goals.some(([, met]) => !met)) process.exitCode = 1;
} finally {
  await stack.stop();
}
