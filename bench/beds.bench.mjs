#!/usr/bin/env node
// admissions per second (different beds), then the bed board of a 500-bed
// facility under 50 concurrent clients — cached (one date), uncached (a different date each request)
// and with writes interleaved (the cache voided ~10 times a second). Prints its figures and whether
// each goal is met; exits non-zero when a goal is NOT MET or any answer is not 2xx.
//   node bench/beds.bench.mjs            (npm run bench)
// Knobs: BENCH_BEDS (500), BENCH_CLIENTS (50), BENCH_SECONDS (15), BENCH_ADMISSIONS (extra beds
// admitted in a second facility, 1500), BENCH_CLIENT=node (skip wrk), BENCH_WRK_THREADS (1),
// BENCH_API_FLAGS (extra node flags for the API, e.g. --trace-gc), BENCH_API_STDOUT=1 (its output),
// BENCH_UNCACHED_SECONDS (10: each of the uncached and the interleaved-writes runs).
import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { call, idNumber, must, percentile, pool, signInAdmin, startStack } from './lib.mjs';

const BEDS = Number(process.env.BENCH_BEDS ?? 500);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const BOARD_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const EXTRA_ADMISSIONS = Number(process.env.BENCH_ADMISSIONS ?? 1500);
const UNCACHED_SECONDS = Number(process.env.BENCH_UNCACHED_SECONDS ?? 10);

const stack = await startStack();
try {
  const admin = await signInAdmin(stack);

  /** A facility with `count` beds (55 % nursing) and as many residents; set-up, not measured. */
  const facilityWith = async (name, count, regionSeq) => {
    const facility = await must(
      call(stack.base, 'POST', '/api/facilities', admin, { name, type: 'CARE_HOME', divisionCode: '410421', buildingAreaM2: 20000 }),
      'facility',
    );
    const username = `bench.m${regionSeq}`;
    await must(
      call(stack.base, 'POST', '/api/users', admin, {
        username,
        password: 'Bench-Manager-Password-1',
        role: 'FACILITY_MANAGER',
        facilityId: facility.id,
      }),
      'user',
    );
    const token = (
      await must(call(stack.base, 'POST', '/api/auth/login', null, { username, password: 'Bench-Manager-Password-1' }), 'login')
    ).accessToken;
    const f = `/api/facilities/${facility.id}`;
    const rooms = [];
    for (let i = 0; i < Math.ceil(count / 4); i++) {
      rooms.push(
        (
          await must(
            call(stack.base, 'POST', `${f}/rooms`, token, {
              building: `${1 + Math.floor(i / 100)}号楼`,
              floor: 1 + (Math.floor(i / 20) % 5),
              number: String(i),
            }),
            'room',
          )
        ).id,
      );
    }
    const beds = new Array(count);
    await pool(count, 8, async (i) => {
      beds[i] = (
        await must(
          call(stack.base, 'POST', `${f}/beds`, token, {
            code: `B${i}`,
            roomId: rooms[Math.floor(i / 4)],
            kind: i % 20 < 11 ? 'NURSING' : 'GENERAL',
          }),
          'bed',
        )
      ).id;
    });
    const residents = new Array(count);
    await pool(count, 8, async (i) => {
      const dob = `19${30 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`;
      residents[i] = (
        await must(
          call(stack.base, 'POST', `${f}/residents`, token, {
            name: `老人${i}`,
            gender: i % 2 ? 'M' : 'F',
            dateOfBirth: dob,
            idNumber: idNumber(dob, i % 1000, `4104${String(10 + regionSeq * 5 + Math.floor(i / 1000)).padStart(2, '0')}`),
          }),
          'resident',
        )
      ).id;
    });
    return { f, token, beds, residents };
  };
  const board = await facilityWith('基准测试养老院', BEDS, 1);
  const other = await facilityWith('基准测试二院', EXTRA_ADMISSIONS, 2);

  // Measured: admissions, every one to a different bed, 20 clients, across both facilities.
  const jobs = [...board.beds.map((_, i) => [board, i]), ...other.beds.map((_, i) => [other, i])];
  const totalBeds = jobs.length;
  const levels = ['SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED'];
  const admitted = [];
  const t0 = performance.now();
  await pool(totalBeds, 20, async (j) => {
    const [fac, i] = jobs[j];
    const started = performance.now();
    const r = await call(stack.base, 'POST', `${fac.f}/admissions`, fac.token, {
      residentId: fac.residents[i],
      bedId: fac.beds[i],
      admittedOn: '2026-01-05',
      careLevel: levels[i % 3],
    });
    if (r.status !== 201) throw new Error(`admission ${i}: ${r.status} ${JSON.stringify(r.body)}`);
    admitted.push(performance.now() - started);
  });
  const admitSeconds = (performance.now() - t0) / 1000;
  const admissionsPerSecond = totalBeds / admitSeconds;
  admitted.sort((a, b) => a - b);
  const { f, token } = board;

  // Steady state before measuring reads: the set-up's writes are vacuumed and checkpointed, so
  // autovacuum and the checkpointer do not compete with the server for the 2 cores mid-run.
  const { default: pg } = await import('pg');
  const owner = new pg.Client({ connectionString: stack.url });
  await owner.connect();
  await owner.query('VACUUM (ANALYZE)');
  await owner.query('CHECKPOINT');
  await owner.end();

  // Measured: the bed board of the facility on one date, CLIENTS clients for BOARD_SECONDS.
  const latencies = [];
  let errors = 0;
  let bytes = 0;
  let wrkFigures = null;
  const boardPath = `${f}/beds?date=2026-03-01`;
  const first = await call(stack.base, 'GET', boardPath, token);
  if (first.status !== 200 || first.body.length !== BEDS)
    throw new Error(`the board: ${first.status}, ${first.body?.length} beds (expected 200, ${BEDS})`);

  /** CLIENTS keep-alive clients GET `pathOf(i)` (i counts requests) for `seconds`; a request's time ends with its last byte. */
  const { port } = new URL(stack.base);
  const nodeLoad = async (pathOf, seconds) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
    const get = (path) =>
      new Promise((resolve, reject) => {
        const req = http.get(
          { host: '127.0.0.1', port, path, agent, headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } },
          (res) => {
            let n = 0;
            res.on('data', (chunk) => (n += chunk.length));
            res.on('end', () => resolve({ status: res.statusCode, n }));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
      });
    const times = [];
    const statuses = {};
    let lastBytes = 0;
    let i = 0;
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < end) {
          const started = performance.now();
          const res = await get(pathOf(i++));
          times.push(performance.now() - started);
          lastBytes = res.n;
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        }
      }),
    );
    agent.destroy();
    times.sort((a, b) => a - b);
    const errors = Object.entries(statuses)
      .filter(([status]) => !/^2/.test(status))
      .reduce((sum, [, n]) => sum + n, 0);
    return { times, statuses, errors, lastBytes, seconds };
  };
  const figures = (run) => ({
    clients: CLIENTS,
    seconds: run.seconds,
    requests: run.times.length,
    errors: run.errors,
    statuses: run.statuses,
    rps: +(run.times.length / run.seconds).toFixed(0),
    p50ms: +percentile(run.times, 50).toFixed(1),
    p95ms: +percentile(run.times, 95).toFixed(1),
    p99ms: +percentile(run.times, 99).toFixed(1),
    maxms: +run.times[run.times.length - 1].toFixed(1),
  });
  // Like a browser it accepts gzip; like wrk, a request's time ends with its last byte (decoding
  // and parsing are the client's work). wrk (Debian package) drives the load when installed: it
  // is the lighter client on a machine whose 2 cores it shares with the server.
  const wrkPath = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((p) => existsSync(p));
  let wrk = null;
  if (wrkPath && process.env.BENCH_CLIENT !== 'node') {
    // Warm-up (JIT, cache fill, connections), then the measured run.
    spawnSync(wrkPath, [
      '-t1',
      `-c${CLIENTS}`,
      '-d3s',
      '-H',
      `Authorization: Bearer ${token}`,
      '-H',
      'Accept-Encoding: gzip',
      `${stack.base}${boardPath}`,
    ]);
    const run = spawnSync(
      wrkPath,
      [
        `-t${process.env.BENCH_WRK_THREADS ?? 1}`,
        `-c${CLIENTS}`,
        `-d${BOARD_SECONDS}s`,
        '--latency',
        '-H',
        `Authorization: Bearer ${token}`,
        '-H',
        'Accept-Encoding: gzip',
        `${stack.base}${boardPath}`,
      ],
      { encoding: 'utf8' },
    );
    wrk = run.stdout;
    const ms = (label) => {
      const m = new RegExp(`${label}%\\s+([\\d.]+)(us|ms|s)`).exec(wrk);
      return m ? Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1) : NaN;
    };
    const total = Number(/(\d+) requests in/.exec(wrk)?.[1] ?? 0);
    errors = Number(/Non-2xx or 3xx responses: (\d+)/.exec(wrk)?.[1] ?? 0) + Number(/Socket errors: .*/.test(wrk) ? 1 : 0);
    latencies.push(
      ...[
        [50, ms(50)],
        [90, ms(90)],
        [99, ms(99)],
      ].flatMap(([, v]) => [v]),
    );
    wrkFigures = { client: 'wrk', requests: total, p50ms: ms(50), p90ms: ms(90), p99ms: ms(99) };
  } else {
    const run = await nodeLoad(() => boardPath, BOARD_SECONDS);
    latencies.push(...run.times);
    errors = run.errors;
    bytes = run.lastBytes;
  }
  latencies.sort((a, b) => a - b);
  const p = (q) => (wrkFigures ? wrkFigures[`p${q}ms`] : +percentile(latencies, q).toFixed(1));
  const p99 = p(99);

  // Measured: uncached reads — each request asks for another day of 2026 (366 dates, more than the
  // 64 boards a process keeps), so every answer is a query, not the cache.
  const day = (i) => new Date(Date.UTC(2026, 0, 1 + (i % 366))).toISOString().slice(0, 10);
  const uncached = await nodeLoad((i) => `${f}/beds?date=${day(i)}`, UNCACHED_SECONDS);

  // Measured: one date while a manager writes (a bed renamed back and forth, 100 ms after each answer),
  // each write voiding the facility's cached boards in every API process.
  const writes = { statuses: {}, count: 0 };
  let writing = true;
  const writer = (async () => {
    for (let i = 0; writing; i++) {
      const r = await call(stack.base, 'PATCH', `${f}/beds/${board.beds[0]}`, token, { code: i % 2 ? 'B0' : 'B0-renamed' });
      writes.statuses[r.status] = (writes.statuses[r.status] ?? 0) + 1;
      writes.count++;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const interleaved = await nodeLoad(() => boardPath, UNCACHED_SECONDS);
  writing = false;
  await writer;
  const writeErrors = Object.entries(writes.statuses)
    .filter(([status]) => !/^2/.test(status))
    .reduce((sum, [, n]) => sum + n, 0);
  const goals = [
    ['admissions ≥ 300 per second (different beds)', admissionsPerSecond >= 300],
    [`GET beds?date= p99 ≤ 50 ms at ${CLIENTS} clients`, p99 <= 50],
  ];
  console.log(
    JSON.stringify(
      {
        machine: `${(await import('node:os')).cpus().length} cores`,
        admissions: {
          count: totalBeds,
          seconds: +admitSeconds.toFixed(2),
          perSecond: +admissionsPerSecond.toFixed(0),
          p50ms: +percentile(admitted, 50).toFixed(1),
          p99ms: +percentile(admitted, 99).toFixed(1),
        },
        bedBoard: wrkFigures
          ? {
              beds: first.body.length,
              jsonBytes: JSON.stringify(first.body).length,
              clients: CLIENTS,
              seconds: BOARD_SECONDS,
              ...wrkFigures,
              rps: Math.round(wrkFigures.requests / BOARD_SECONDS),
              errors,
            }
          : {
              beds: first.body.length,
              jsonBytes: JSON.stringify(first.body).length,
              client: 'node:http',
              clients: CLIENTS,
              seconds: BOARD_SECONDS,
              requests: latencies.length,
              errors,
              rps: +(latencies.length / BOARD_SECONDS).toFixed(0),
              gzipBytes: bytes,
              p50ms: p(50),
              p95ms: p(95),
              p99ms: p(99),
              maxms: +latencies[latencies.length - 1].toFixed(1),
            },
        bedBoardUncached: { dates: 366, ...figures(uncached) },
        bedBoardWithWrites: { writes: writes.count, writeStatuses: writes.statuses, ...figures(interleaved) },
      },
      null,
      2,
    ),
  );
  for (const [goal, met] of goals) console.log(`${met ? 'MET   ' : 'NOT MET'} ${goal}`);
  const failures = { cached: errors, uncached: uncached.errors, withWrites: interleaved.errors, writes: writeErrors };
  const answeredBadly = Object.values(failures).some((n) => n > 0);
  if (answeredBadly) console.log(`FAILED  answers that are not 2xx: ${JSON.stringify(failures)}`);
  if (goals.some(([, met]) => !met) || answeredBadly) process.exitCode = 1;
} finally {
  await stack.stop();
}
