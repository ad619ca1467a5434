#!/usr/bin/env node
// (1) the claim of a 500-resident facility with level changes, end to end over
// HTTP (goal ≤ 1 s); (2) drafts for a division of 100 facilities × 200 residents (goal ≤ 10 s).
// Facts are loaded with SQL (the set-up is not measured); claims go through the API. Each claim's total
// is checked against one computed in this file from the facts; exits non-zero when a goal is NOT MET.
//   node bench/claims.bench.mjs        (BENCH_FACILITIES, BENCH_RESIDENTS_EACH, BENCH_BIG to resize)
import { call, facilityWithLevelChanges, must, pool, signInAdmin, startStack } from './lib.mjs';

const BIG = Number(process.env.BENCH_BIG ?? 500);
const FACILITIES = Number(process.env.BENCH_FACILITIES ?? 100);
const EACH = Number(process.env.BENCH_RESIDENTS_EACH ?? 200);

const stack = await startStack();
try {
  const admin = await signInAdmin(stack);
  const { default: pg } = await import('pg');
  const owner = new pg.Client({ connectionString: stack.url });
  await owner.connect();

  /** A facility with `n` residents in care since 2025, each with a level change in March 2026. */
  const facilityWith = (name, n) => facilityWithLevelChanges(stack, admin, owner, name, n);

  /**
   * The claim a facility should get for 2026-03, computed here from the facts alone, not by libs/care
   * (docs/rules.md §5): the seeded national rates ¥100 / ¥150 / ¥300; everyone in care all month
   * (admission day counts, no discharge) and over 60; the first level until the day before the change,
   * 全失能 from it; each line rate × days ÷ 31 rounded half-up once, in integers.
   */
  const RATES = { SELF_CARE: 10_000, SEMI_DISABLED: 15_000, FULLY_DISABLED: 30_000 };
  const expectedClaims = async (facilityIds) => {
    const { rows } = await owner.query(
      `SELECT r.facility_id, r.id, f.care_level AS first, extract(day FROM c.effective_on)::int AS day, c.care_level AS next
       FROM resident r JOIN assessment f ON f.resident_id = r.id AND f.effective_on = '2025-01-01'
       JOIN assessment c ON c.resident_id = r.id AND c.effective_on >= '2026-03-01'
       WHERE r.facility_id = ANY($1::uuid[])`,
      [facilityIds],
    );
    const byFacility = new Map(facilityIds.map((id) => [id, { totalFen: 0, lines: 0, residents: 0 }]));
    for (const r of rows) {
      const e = byFacility.get(r.facility_id);
      e.residents++;
      const days = new Map();
      days.set(r.first, (days.get(r.first) ?? 0) + (r.day - 1)); // 03-01 … the day before the change
      days.set(r.next, (days.get(r.next) ?? 0) + (32 - r.day)); // the change day … 03-31
      for (const [level, n] of days) {
        if (n === 0) continue;
        e.lines++;
        e.totalFen += Math.floor((2 * RATES[level] * n + 31) / 62);
      }
    }
    return byFacility;
  };
  const checkClaim = (claim, facilityId, expected) => {
    const e = expected.get(facilityId);
    const got = {
      month: claim.month,
      programme: claim.programme,
      lines: claim.lines.length,
      totalFen: claim.totalFen,
      linesSum: claim.lines.reduce((s, l) => s + l.amountFen, 0),
      residents: new Set(claim.lines.map((l) => l.residentId)).size,
    };
    const want = {
      month: '2026-03',
      programme: 'INSTITUTIONAL_CARE',
      lines: e.lines,
      totalFen: e.totalFen,
      linesSum: e.totalFen,
      residents: e.residents,
    };
    if (JSON.stringify(got) !== JSON.stringify(want))
      throw new Error(`the claim of ${facilityId} is not the expected one: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
  };

  const big = await facilityWith('大型养老院', BIG);
  const t0 = performance.now();
  const claim = await must(call(stack.base, 'POST', `/api/facilities/${big}/claims`, admin, { month: '2026-03' }), 'claim');
  const bigMs = performance.now() - t0;
  const bigExpected = await expectedClaims([big]);
  checkClaim(claim, big, bigExpected);

  const division = [];
  for (let i = 0; i < FACILITIES; i++) division.push(await facilityWith(`辖区机构${i}`, EACH));
  await owner.query('VACUUM (ANALYZE)');
  const t1 = performance.now();
  const drafted = new Array(division.length);
  await pool(division.length, 4, async (i) => {
    drafted[i] = await must(call(stack.base, 'POST', `/api/facilities/${division[i]}/claims`, admin, { month: '2026-03' }), 'claim');
  });
  const divisionMs = performance.now() - t1;
  const divisionExpected = await expectedClaims(division);
  division.forEach((id, i) => checkClaim(drafted[i], id, divisionExpected));
  const [{ lines }] = (await owner.query(`SELECT count(*)::int AS lines FROM claim_line`)).rows;
  await owner.end();

  console.log(
    JSON.stringify(
      {
        oneClaim: {
          residents: BIG,
          lines: claim.lines.length,
          totalFen: claim.totalFen,
          expectedTotalFen: bigExpected.get(big).totalFen,
          ms: +bigMs.toFixed(0),
        },
        division: {
          facilities: FACILITIES,
          residentsEach: EACH,
          ms: +divisionMs.toFixed(0),
          linesWritten: lines,
          claimsChecked: drafted.length,
        },
      },
      null,
      2,
    ),
  );
  const goals = [
    [`the claim of a ${BIG}-resident facility with level changes ≤ 1 s end to end`, bigMs <= 1000],
    [`drafts for ${FACILITIES} facilities × ${EACH} residents ≤ 10 s`, divisionMs <= 10_000],
  ];
  for (const [goal, met] of goals) console.log(`${met ? 'MET   ' : 'NOT MET'} ${goal}`);
  if (goals.some(([, met]) => !met)) process.exitCode = 1;
} finally {
  await stack.stop();
}
