#!/usr/bin/env node
// Issue 4 benchmark: admissions per second (different beds), then the bed board of a 500-bed
// facility under 50 concurrent clients. Prints its figures and whether each goal is met.
//   node bench/beds.bench.mjs            (npm run bench)
import http from 'node:http';
import { call, idNumber, must, percentile, pool, startStack } from './lib.mjs';

const BEDS = Number(process.env.BENCH_BEDS ?? 500);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const BOARD_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const EXTRA_ADMISSIONS = Number(process.env.BENCH_ADMISSIONS ?? 1500);

const stack = await startStack();
try {
  const admin = (await must(call(stack.base, 'POST', '/api/auth/login', null, { username: 'bench.admin', password: 'Bench-Admin-Password-1' }), 'login')).accessToken;

  /** A facility with `count` beds (55 % nursing) and as many residents; set-up, not measured. */
  const facilityWith = async (name, count, regionSeq) => {
    const facility = await must(call(stack.base, 'POST', '/api/facilities', admin, { name, type: 'CARE_HOME', divisionCode: '410421', buildingAreaM2: 20000 }), 'facility');
    const username = `bench.m${regionSeq}`;
    await must(call(stack.base, 'POST', '/api/users', admin, { username, password: 'Bench-Manager-Password-1', role: 'FACILITY_MANAGER', facilityId: facility.id }), 'user');
    const token = (await must(call(stack.base, 'POST', '/api/auth/login', null, { username, password: 'Bench-Manager-Password-1' }), 'login')).accessToken;
    const f = `/api/facilities/${facility.id}`;
    const rooms = [];
    for (let i = 0; i < Math.ceil(count / 4); i++) {
      rooms.push((await must(call(stack.base, 'POST', `${f}/rooms`, token, { building: `${1 + Math.floor(i / 100)}号楼`, floor: 1 + (Math.floor(i / 20) % 5), number: String(i) }), 'room')).id);
    }
    const beds = new Array(count);
    await pool(count, 8, async (i) => {
      beds[i] = (await must(call(stack.base, 'POST', `${f}/beds`, token, { code: `B${i}`, roomId: rooms[Math.floor(i / 4)], kind: i % 20 < 11 ? 'NURSING' : 'GENERAL' }), 'bed')).id;
    });
    const residents = new Array(count);
    await pool(count, 8, async (i) => {
      const dob = `19${30 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`;
      residents[i] = (await must(call(stack.base, 'POST', `${f}/residents`, token, {
        name: `老人${i}`, gender: i % 2 ? 'M' : 'F', dateOfBirth: dob, idNumber: idNumber(dob, i % 1000, `4104${String(10 + regionSeq * 5 + Math.floor(i / 1000)).padStart(2, '0')}`),
      }), 'resident')).id;
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
    const r = await call(stack.base, 'POST', `${fac.f}/admissions`, fac.token, { residentId: fac.residents[i], bedId: fac.beds[i], admittedOn: '2026-01-05', careLevel: levels[i % 3] });
    if (r.status !== 201) throw new Error(`admission ${i}: ${r.status} ${JSON.stringify(r.body)}`);
    admitted.push(performance.now() - started);
  });
  const admitSeconds = (performance.now() - t0) / 1000;
  const admissionsPerSecond = totalBeds / admitSeconds;
  admitted.sort((a, b) => a - b);
  const { f, token } = board;

  // Measured: the bed board of the facility on one date, CLIENTS clients for BOARD_SECONDS.
  const latencies = [];
  let errors = 0;
  let bytes = 0;
  const until = performance.now() + BOARD_SECONDS * 1000;
  const boardPath = `${f}/beds?date=2026-03-01`;
  const first = await call(stack.base, 'GET', boardPath, token);
  // node:http with keep-alive: a light client, since it shares the machine's 2 cores with the server.
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const { port } = new URL(stack.base);
  const get = () => new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: boardPath, agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let n = 0;
      res.on('data', (chunk) => (n += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode, n }));
    });
    req.on('error', reject);
  });
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < until) {
      const started = performance.now();
      const res = await get();
      latencies.push(performance.now() - started);
      bytes = res.n;
      if (res.status !== 200) errors++;
    }
  }));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const p = (q) => percentile(latencies, q).toFixed(1);
  const goals = [
    ['admissions ≥ 300 per second (different beds)', admissionsPerSecond >= 300],
    [`GET beds?date= p99 ≤ 50 ms at ${CLIENTS} clients`, percentile(latencies, 99) <= 50],
  ];
  console.log(JSON.stringify({
    machine: `${(await import('node:os')).cpus().length} cores`,
    admissions: { count: totalBeds, seconds: +admitSeconds.toFixed(2), perSecond: +admissionsPerSecond.toFixed(0), p50ms: +percentile(admitted, 50).toFixed(1), p99ms: +percentile(admitted, 99).toFixed(1) },
    bedBoard: { beds: first.body.length, clients: CLIENTS, seconds: BOARD_SECONDS, requests: latencies.length, errors, rps: +(latencies.length / BOARD_SECONDS).toFixed(0), bytes, p50ms: +p(50), p95ms: +p(95), p99ms: +p(99), maxms: +latencies[latencies.length - 1].toFixed(1) },
  }, null, 2));
  for (const [goal, met] of goals) console.log(`${met ? 'MET   ' : 'NOT MET'} ${goal}`);
} finally {
  await stack.stop();
}
