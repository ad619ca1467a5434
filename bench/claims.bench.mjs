#!/usr/bin/env node
// (1) the claim of a 500-resident facility with level changes, end to end over
// HTTP (goal ≤ 1 s); (2) drafts for a division of 100 facilities × 200 residents (goal ≤ 10 s).
// Facts are loaded with SQL (the set-up is not measured); claims go through the API.
//   node bench/claims.bench.mjs        (BENCH_FACILITIES, BENCH_RESIDENTS_EACH, BENCH_BIG to resize)
import { call, must, pool, signInAdmin, startStack } from './lib.mjs';

const BIG = Number(process.env.BENCH_BIG ?? 500);
const FACILITIES = Number(process.env.BENCH_FACILITIES ?? 100);
const EACH = Number(process.env.BENCH_RESIDENTS_EACH ?? 200);
const LEVELS = ['SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED'];

const stack = await startStack();
try {
  const admin = await signInAdmin(stack);
  const { default: pg } = await import('pg');
  const owner = new pg.Client({ connectionString: stack.url });
  await owner.connect();

  /** A facility with `n` residents in care since 2025, each with a level change in March 2026. */
  const facilityWith = async (name, n) => {
    const f = await must(call(stack.base, 'POST', '/api/facilities', admin, { name, type: 'CARE_HOME', divisionCode: '410421', buildingAreaM2: 5000 }), 'facility');
    await owner.query('BEGIN');
    await owner.query(`INSERT INTO room (facility_id, building, floor, number) VALUES ($1, 'a', 1, '1')`, [f.id]);
    await owner.query(
      `WITH b AS (INSERT INTO bed (facility_id, room_id, code, kind) SELECT $1, (SELECT id FROM room WHERE facility_id = $1), 'B' || i, 'NURSING' FROM generate_series(1, $2) i RETURNING id, code),
            r AS (INSERT INTO resident (facility_id, name, gender, date_of_birth, id_cipher, id_key_version, id_hmac, id_masked)
                  SELECT $1, '老人' || i, 'F', '1940-01-01', '\\x00', 1, int4send(i), '410421********0001' FROM generate_series(1, $2) i RETURNING id, name),
            a AS (INSERT INTO admission (facility_id, resident_id, period) SELECT $1, r.id, daterange('2025-01-01', NULL) FROM r RETURNING id, resident_id)
       INSERT INTO stay (facility_id, admission_id, resident_id, bed_id, period)
       SELECT $1, a.id, a.resident_id, b.id, daterange('2025-01-01', NULL) FROM a JOIN r ON r.id = a.resident_id JOIN b ON b.code = 'B' || substr(r.name, 3)`,
      [f.id, n],
    );
    await owner.query(
      `INSERT INTO assessment (facility_id, resident_id, effective_on, care_level, assessor)
       SELECT facility_id, id, '2025-01-01'::date, (ARRAY['SELF_CARE','SEMI_DISABLED','FULLY_DISABLED'])[1 + abs(hashtext(id::text)) % 3], 'x' FROM resident WHERE facility_id = $1
       UNION ALL
       SELECT facility_id, id, ('2026-03-' || lpad((1 + abs(hashtext(id::text || 'm')) % 28)::text, 2, '0'))::date, $2, 'x' FROM resident WHERE facility_id = $1`,
      [f.id, LEVELS[2]],
    );
    await owner.query('COMMIT');
    return f.id;
  };

  const big = await facilityWith('大型养老院', BIG);
  const t0 = performance.now();
  const claim = await must(call(stack.base, 'POST', `/api/facilities/${big}/claims`, admin, { month: '2026-03' }), 'claim');
  const bigMs = performance.now() - t0;

  const division = [];
  for (let i = 0; i < FACILITIES; i++) division.push(await facilityWith(`辖区机构${i}`, EACH));
  await owner.query('VACUUM (ANALYZE)');
  const t1 = performance.now();
  await pool(division.length, 4, async (i) => {
    await must(call(stack.base, 'POST', `/api/facilities/${division[i]}/claims`, admin, { month: '2026-03' }), 'claim');
  });
  const divisionMs = performance.now() - t1;
  const [{ lines }] = (await owner.query(`SELECT count(*)::int AS lines FROM claim_line`)).rows;
  await owner.end();

  console.log(JSON.stringify({
    oneClaim: { residents: BIG, lines: claim.lines.length, totalFen: claim.totalFen, ms: +bigMs.toFixed(0) },
    division: { facilities: FACILITIES, residentsEach: EACH, ms: +divisionMs.toFixed(0), linesWritten: lines },
  }, null, 2));
  console.log(`${bigMs <= 1000 ? 'MET   ' : 'NOT MET'} the claim of a ${BIG}-resident facility with level changes ≤ 1 s end to end`);
  console.log(`${divisionMs <= 10_000 ? 'MET   ' : 'NOT MET'} drafts for ${FACILITIES} facilities × ${EACH} residents ≤ 10 s`);
} finally {
  await stack.stop();
}
