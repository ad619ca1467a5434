#!/usr/bin/env node
// Load (docs/scale.md "Load figures"): the 1,000-facility province of bench/division.bench.mjs, then
// 200 concurrent clients for 60 s of a realistic mix over HTTP — the bed board (managers), admissions
// (with Idempotency-Key), claim drafts (accountants), a facility's month metrics, a PDF document (the
// compliance report), the city regulator's division summary — against one API (2 HTTP workers), then
// the same mix against two APIs on the same database (each client's requests dealt to them in turn, as
// a load balancer would). Prints p50/p99 per kind, errors (goal 0) and throughput of each run, and the
// two-instance ratio; a Markdown table for docs/scale.md. Exits non-zero when any request failed.
//   node bench/load.bench.mjs
// Knobs: BENCH_CLIENTS (200), BENCH_SECONDS (60), BENCH_WARMUP_SECONDS (5), BENCH_FACILITIES (1000),
// BENCH_ACTIVE (50: facilities whose staff are among the clients), API_WORKERS (2 per API), BENCH_THINK_MS (0:
// a pause of 0.5–1.5× this after each answer, as a person reading the screen would), BENCH_MIX (another mix,
// e.g. 'bed board=1' or 'PDF=1,metrics=3').
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { call, must, percentile, pool, resendingFetch, signInAdmin, startStack } from './lib.mjs';
import { loadProvince } from './province.mjs';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
/** Milliseconds a client waits after an answer before its next request (0: each client keeps one request in flight). */
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 0);
const FACILITIES = Number(process.env.BENCH_FACILITIES ?? 1000);
const CITY = Math.min(FACILITIES, 150);
const ACTIVE = Math.min(CITY, Number(process.env.BENCH_ACTIVE ?? 50));
const MONTH = '2026-09';
const BOARD_DATE = '2026-09-15';
const ADMITTED_ON = '2026-09-10';
const PASSWORD = 'Bench-Load-Password-1';

/** The mix: kind → share of requests (a day of a province: mostly reads of one facility's board). */
const MIX = process.env.BENCH_MIX
  ? process.env.BENCH_MIX.split(',').map((p) => [p.split('=')[0].trim(), Number(p.split('=')[1])])
  : [
      ['bed board', 45],
      ['metrics', 20],
      ['division summary', 10],
      ['admission', 10],
      ['claim draft', 10],
      ['PDF', 5],
    ];

const stack = await startStack({ poolSize: 20 });
const { default: pg } = await import('pg');
const db = new pg.Client({ connectionString: stack.url });
await db.connect();
const runs = [];
try {
  const admin = await signInAdmin(stack);
  const t0 = performance.now();
  await loadProvince(db, { facilities: FACILITIES, cityFacilities: CITY, beds: 100, residents: 60, staff: 10 });
  // The active facilities (in the city, so its regulator's summary covers them): 60 more beds in a second
  // building and 100 people waiting for a place, whom the admissions take in.
  const active = (await db.query(`SELECT id FROM facility WHERE division_code LIKE '4104%' ORDER BY name LIMIT $1`, [ACTIVE])).rows.map(
    (r) => r.id,
  );
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO room (facility_id, building, floor, number) SELECT f, '2号楼', 1 + r / 5, 'W' || r FROM unnest($1::uuid[]) f, generate_series(0, 14) r`,
    [active],
  );
  await db.query(
    `INSERT INTO bed (facility_id, room_id, code, kind)
     SELECT rm.facility_id, rm.id, rm.number || '-' || k, 'NURSING' FROM room rm, generate_series(1, 4) k WHERE rm.facility_id = ANY($1) AND rm.number LIKE 'W%'`,
    [active],
  );
  await db.query(
    `INSERT INTO resident (facility_id, name, gender, date_of_birth, id_cipher, id_key_version, id_hmac, id_masked, categories)
     SELECT f, '候住' || r, CASE WHEN r % 2 = 0 THEN 'F' ELSE 'M' END, date '1938-01-01' + r * 53, '\\x00', 1, gen_random_bytes(32), '410421********0001', '{}'
     FROM unnest($1::uuid[]) f, generate_series(0, 99) r`,
    [active],
  );
  await db.query('COMMIT');
  await db.query('VACUUM (ANALYZE)');
  const loadSeconds = (performance.now() - t0) / 1000;

  const free = (
    await db.query(
      `SELECT b.facility_id, b.id FROM bed b WHERE b.facility_id = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM stay s WHERE s.bed_id = b.id AND s.period && daterange($2::date, NULL))
         AND NOT EXISTS (SELECT 1 FROM bed_outage o WHERE o.bed_id = b.id AND o.period && daterange($2::date, NULL))
       ORDER BY b.facility_id, b.code`,
      [active, ADMITTED_ON],
    )
  ).rows;
  const waiting = (
    await db.query(`SELECT facility_id, id FROM resident WHERE facility_id = ANY($1) AND name LIKE '候住%' ORDER BY facility_id, name`, [
      active,
    ])
  ).rows;
  /** Per facility, the (resident, bed) pairs left to admit. */
  const places = new Map(active.map((f) => [f, []]));
  const beds = new Map(active.map((f) => [f, free.filter((b) => b.facility_id === f).map((b) => b.id)]));
  for (const f of active) {
    const people = waiting.filter((r) => r.facility_id === f).map((r) => r.id);
    const fb = beds.get(f);
    for (let i = 0; i < Math.min(people.length, fb.length); i++) places.get(f).push({ residentId: people[i], bedId: fb[i] });
  }

  // The people: a manager and an accountant of each active facility, the city's regulator.
  const signIn = async (username) =>
    (await must(call(stack.base, 'POST', '/api/auth/login', null, { username, password: PASSWORD }), 'login')).accessToken;
  const staff = new Array(active.length);
  await pool(active.length, 4, async (i) => {
    const facilityId = active[i];
    for (const role of ['FACILITY_MANAGER', 'ACCOUNTANT'])
      await must(
        call(stack.base, 'POST', '/api/users', admin, { username: `load.${role[0]}${i}`, password: PASSWORD, role, facilityId }),
        'user',
      );
    staff[i] = { facilityId, manager: await signIn(`load.F${i}`), accountant: await signIn(`load.A${i}`) };
  });
  await must(
    call(stack.base, 'POST', '/api/users', admin, {
      username: 'load.regulator',
      password: PASSWORD,
      role: 'REGULATOR',
      divisionCode: '410400',
    }),
    'user',
  );
  const regulator = await signIn('load.regulator');

  /** Requests, sent once more on a kept-alive connection the server closed (counted). */
  const http = resendingFetch();

  /** One request of `kind` through `base`: [status, bytes]. */
  const request = async (base, kind, rnd) => {
    const s = staff[Math.floor(rnd() * staff.length)];
    const f = `/api/facilities/${s.facilityId}`;
    /** [status, bytes]; an error's status with its code (503 DATABASE_UNAVAILABLE: the pool had no connection within its timeout). */
    const answer = async (res) => {
      const bytes = await res.arrayBuffer();
      if (res.ok) return [res.status, bytes.byteLength];
      let code = '';
      try {
        code = JSON.parse(Buffer.from(bytes).toString('utf8')).code ?? '';
      } catch {
        /* not JSON */
      }
      return [`${res.status} ${code}`.trim(), bytes.byteLength];
    };
    const get = async (path, token) => answer(await http.sent(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } }));
    const post = async (path, token, body, headers = {}) => {
      const res = await http.sent(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
        body: JSON.stringify(body),
      });
      return answer(res);
    };
    switch (kind) {
      case 'bed board':
        return get(`${f}/beds?date=${BOARD_DATE}`, s.manager);
      case 'metrics':
        return get(`${f}/metrics?month=${MONTH}`, s.manager);
      case 'division summary':
        return get(`/api/divisions/410400/summary?month=${MONTH}`, regulator);
      case 'claim draft':
        return post(`${f}/claims`, s.accountant, { month: MONTH }, { 'idempotency-key': randomUUID() });
      case 'PDF':
        return get(`${f}/reports/compliance.pdf?month=${MONTH}`, s.manager);
      case 'admission': {
        const place = places.get(s.facilityId).pop();
        if (!place) return [0, 0]; // this facility is full: counted as skipped
        return post(
          `${f}/admissions`,
          s.manager,
          { ...place, admittedOn: ADMITTED_ON, careLevel: 'SEMI_DISABLED' },
          { 'idempotency-key': randomUUID() },
        );
      }
    }
  };

  /** CLIENTS clients for `seconds` (after WARMUP unmeasured seconds), each sending its next request when the last is answered. */
  const measure = async (bases, label) => {
    const total = MIX.reduce((n, [, w]) => n + w, 0);
    const byKind = new Map(MIX.map(([k]) => [k, { times: [], errors: 0, statuses: {}, skipped: 0 }]));
    let measuring = false;
    let stop = false;
    let dealt = 0;
    const client = async (c) => {
      // A small deterministic generator per client: the same mix in both runs.
      let seed = 0x9e3779b9 ^ (c * 7919);
      const rnd = () => ((seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0) >>> 0) / 2 ** 32;
      // With a think time, the clients start spread over one of it rather than all at once.
      if (THINK_MS > 0) await new Promise((r) => setTimeout(r, THINK_MS * rnd()));
      while (!stop) {
        let pick = rnd() * total;
        const [kind] = MIX.find(([, w]) => (pick -= w) < 0) ?? MIX[0];
        const base = bases[dealt++ % bases.length];
        const started = performance.now();
        let status;
        try {
          [status] = await request(base, kind, rnd);
        } catch (e) {
          status = `${e.cause?.code ?? e.message}`;
        }
        if (THINK_MS > 0) await new Promise((r) => setTimeout(r, THINK_MS * (0.5 + rnd())));
        if (!measuring) continue;
        const k = byKind.get(kind);
        if (status === 0) {
          k.skipped++;
          continue;
        }
        k.times.push(performance.now() - started);
        if (!(typeof status === 'number' && status >= 200 && status < 300)) {
          k.errors++;
          k.statuses[status] = (k.statuses[status] ?? 0) + 1;
        }
      }
    };
    const clients = Array.from({ length: CLIENTS }, (_, c) => client(c));
    await new Promise((r) => setTimeout(r, WARMUP * 1000));
    measuring = true;
    const began = performance.now();
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    measuring = false;
    const elapsed = (performance.now() - began) / 1000;
    stop = true;
    await Promise.all(clients);
    const rows = [...byKind].map(([kind, k]) => {
      const t = k.times.sort((a, b) => a - b);
      return {
        kind,
        requests: t.length,
        p50ms: t.length ? +percentile(t, 50).toFixed(1) : null,
        p99ms: t.length ? +percentile(t, 99).toFixed(1) : null,
        errors: k.errors,
        ...(k.errors ? { statuses: k.statuses } : {}),
        ...(k.skipped ? { skipped: k.skipped } : {}),
      };
    });
    const requests = rows.reduce((n, r) => n + r.requests, 0);
    const all = [...byKind.values()].flatMap((k) => k.times).sort((a, b) => a - b);
    const run = {
      label,
      resent: http.resent,
      instances: bases.length,
      seconds: +elapsed.toFixed(1),
      requests,
      errors: rows.reduce((n, r) => n + r.errors, 0),
      throughput: +(requests / elapsed).toFixed(1),
      p50ms: +percentile(all, 50).toFixed(1),
      p99ms: +percentile(all, 99).toFixed(1),
      loadAverage1m: +loadavg()[0].toFixed(1),
      rows,
    };
    console.log(
      `\n${label}: ${run.throughput} requests/s, ${run.errors} errors, p50 ${run.p50ms} ms, p99 ${run.p99ms} ms; ${http.resent} sent again on a closed keep-alive connection`,
    );
    http.resent = 0;
    console.table(rows.map(({ statuses, ...r }) => ({ ...r, ...(statuses ? { statuses: JSON.stringify(statuses) } : {}) })));
    runs.push(run);
    return run;
  };

  console.log(
    `load: ${FACILITIES} facilities loaded in ${loadSeconds.toFixed(1)} s; ${CLIENTS} clients, ${SECONDS} s (+${WARMUP} s warm-up) per run, ` +
      `${ACTIVE} active facilities, think time ${THINK_MS} ms; ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}`,
  );
  const one = await measure([stack.base], 'one API');
  const second = await stack.otherApi({});
  // otherApi gives up waiting after 20 s; a loaded machine may take longer to start two HTTP workers.
  for (let i = 0; ; i++) {
    const ok = await fetch(`${second}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 1200) throw new Error('the second API did not become healthy within 2 minutes');
    await new Promise((r) => setTimeout(r, 100));
  }
  const two = await measure([stack.base, second], 'two APIs');
  const ratio = +(two.throughput / one.throughput).toFixed(2);
  console.log(`\ntwo APIs / one API: ${ratio}× the throughput (p99 ${one.p99ms} → ${two.p99ms} ms)`);

  // The table docs/scale.md quotes.
  const md = [
    '| kind | share | one API: requests | p50 ms | p99 ms | errors | two APIs: requests | p50 ms | p99 ms | errors |',
    '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
    ...MIX.map(([kind, w]) => {
      const a = one.rows.find((r) => r.kind === kind);
      const b = two.rows.find((r) => r.kind === kind);
      return `| ${kind} | ${w} % | ${a.requests} | ${a.p50ms} | ${a.p99ms} | ${a.errors} | ${b.requests} | ${b.p50ms} | ${b.p99ms} | ${b.errors} |`;
    }),
    `| **all** | | **${one.requests}** (${one.throughput}/s) | ${one.p50ms} | ${one.p99ms} | ${one.errors} | **${two.requests}** (${two.throughput}/s) | ${two.p50ms} | ${two.p99ms} | ${two.errors} |`,
  ];
  console.log(`\n${md.join('\n')}\n\nratio (two APIs / one): ${ratio}`);
  console.log(
    JSON.stringify({ clients: CLIENTS, seconds: SECONDS, facilities: FACILITIES, active: ACTIVE, cpus: cpus().length, ratio, runs }),
  );
  if (runs.some((r) => r.errors > 0)) process.exitCode = 1;
} finally {
  await db.end();
  await stack.stop();
}
