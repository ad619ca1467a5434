#!/usr/bin/env node
// Soak (docs/scale.md): renders 5,000 PDFs and serves 50,000 mixed API requests on one API (2 HTTP
// workers) and one worker (report jobs render there), sampling the resident memory (RSS) of the API,
// the worker and every Chromium under them every few seconds. Prints each series' start, peak and end,
// and asserts: after warm-up (the first fifth of the run) memory grows ≤ 10 %; no Chromium process is
// left behind after shutdown; no database connection leaked (pg_stat_activity back to its steady-state
// count once the load stops). Exits non-zero when a check fails.
//   node bench/soak.bench.mjs
// Knobs: BENCH_PDFS (5000), BENCH_REQUESTS (50000), BENCH_PDF_CLIENTS (4), BENCH_CLIENTS (24),
// BENCH_SAMPLE_SECONDS (3), BENCH_FACILITIES (100: the province data set, smaller).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { must, call, pool, resendingFetch, root, secrets, signInAdmin, startStack } from './lib.mjs';
import { loadProvince } from './province.mjs';

const PDFS = Number(process.env.BENCH_PDFS ?? 5000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50000);
const PDF_CLIENTS = Number(process.env.BENCH_PDF_CLIENTS ?? 4);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 24);
const SAMPLE_MS = Number(process.env.BENCH_SAMPLE_SECONDS ?? 3) * 1000;
const FACILITIES = Number(process.env.BENCH_FACILITIES ?? 100);
const MONTH = '2026-09';
const GROWTH_LIMIT = 0.1;

/** Linux /proc: the parent of each process, its command line, its resident memory in kB (proportional set size). */
function processes() {
  const all = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      // PSS, not RSS: Chromium's processes share most of their pages; summing their RSS counts them many times.
      const rss = Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${entry}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
      all.set(Number(entry), { ppid, cmd, rss });
    } catch {
      /* ended meanwhile */
    }
  }
  return all;
}

function descendants(all, pid) {
  const out = [];
  const walk = (p) => {
    for (const [child, info] of all) {
      if (info.ppid === p) {
        out.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return out;
}

const isChromium = (cmd) => /chrom/i.test(cmd.split(' ')[0]);

const stack = await startStack({ poolSize: 10 });
const { default: pg } = await import('pg');
const db = new pg.Client({ connectionString: stack.url });
await db.connect();
db.on('error', () => undefined); // the server stops under it at the end
const dbName = new URL(stack.url).pathname.slice(1);
/** Connections of the app to the soak's database (not this monitoring one). */
const connections = async () =>
  Number(
    (
      await db.query(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        [dbName],
      )
    ).rows[0].n,
  );
let worker;
let sampling = false;
let progress;
let sampler = Promise.resolve();
const failures = [];
const chromiumSeen = new Set();
try {
  const admin = await signInAdmin(stack);
  await loadProvince(db, { facilities: FACILITIES, cityFacilities: Math.min(FACILITIES, 150), beds: 100, residents: 60, staff: 10 });
  await db.query('VACUUM (ANALYZE)');
  const facilities = (await db.query(`SELECT id FROM facility ORDER BY name LIMIT 20`)).rows.map((r) => r.id);
  await must(
    call(stack.base, 'POST', '/api/users', admin, {
      username: 'soak.regulator',
      password: 'Bench-Soak-Password-1',
      role: 'REGULATOR',
      divisionCode: '410400',
    }),
    'user',
  );
  const regulator = (
    await must(
      call(stack.base, 'POST', '/api/auth/login', null, { username: 'soak.regulator', password: 'Bench-Soak-Password-1' }),
      'login',
    )
  ).accessToken;

  // The worker, as npm start starts it (report jobs render their PDFs in its Chromium).
  worker = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/apps/worker/main.js')], {
    env: { ...process.env, ...secrets, DATABASE_URL: stack.url, LOG_LEVEL: 'warn', PDF_POOL_SIZE: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await new Promise((r) => setTimeout(r, 3000));
  const apiPid = Number([...processes()].find(([, p]) => p.ppid === process.pid && p.cmd.includes('dist/apps/api/main.js'))?.[0] ?? 0);
  if (!apiPid) throw new Error('the API process was not found');

  /** Resident memory (PSS) in MB of the API (primary + HTTP workers), the worker, and the Chromium processes under either. */
  const series = { api: [], worker: [], chromium: [], connections: [] };
  const sample = async () => {
    const all = processes();
    const mb = (pids) => +(pids.reduce((n, p) => n + (all.get(p)?.rss ?? 0), 0) / 1024).toFixed(1);
    const underApi = descendants(all, apiPid);
    const underWorker = descendants(all, worker.pid);
    const chromium = [...underApi, ...underWorker].filter((p) => isChromium(all.get(p).cmd));
    for (const p of chromium) chromiumSeen.add(`${p} ${all.get(p).cmd.split(' ')[0]}`);
    series.api.push(mb([apiPid, ...underApi.filter((p) => !isChromium(all.get(p).cmd))]));
    series.worker.push(mb([worker.pid, ...underWorker.filter((p) => !isChromium(all.get(p).cmd))]));
    series.chromium.push(mb(chromium));
    series.connections.push(await connections());
  };

  let pdfs = 0;
  let requests = 0;
  let errors = 0;
  const statuses = {};
  /** Requests, sent once more on a kept-alive connection the server closed (counted). */
  const http = resendingFetch();
  /** An error counted by its status and route (a dropped connection as its code): the run goes on. */
  const failed = (status, path, detail = '') => {
    errors++;
    const key = `${status} ${path.replace(/[0-9a-f-]{36}/g, ':id').replace(/\?.*/, '')}`;
    statuses[key] = (statuses[key] ?? 0) + 1;
    if (detail && statuses[key] === 1) console.log(`  first ${key}: ${detail.slice(0, 400)}`);
  };
  const get = async (path, token) => {
    try {
      const res = await http.sent(`${stack.base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const body = Buffer.from(await res.arrayBuffer());
      if (!res.ok) failed(res.status, path, body.toString('utf8'));
    } catch (e) {
      failed(e.cause?.code ?? e.message, path);
    }
  };
  const mixed = [
    (i) => get(`/api/facilities/${facilities[i % facilities.length]}/beds?date=2026-09-15`, admin),
    (i) => get(`/api/facilities/${facilities[i % facilities.length]}/metrics?month=${MONTH}`, admin),
    () => get(`/api/divisions/410400/summary?month=${MONTH}`, regulator),
    (i) => get(`/api/facilities/${facilities[i % facilities.length]}/residents`, admin),
    async (i) => {
      const path = `/api/facilities/${facilities[i % facilities.length]}/claims`;
      try {
        const res = await http.sent(`${stack.base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, 'idempotency-key': randomUUID() },
          body: JSON.stringify({ month: MONTH }),
        });
        const body = Buffer.from(await res.arrayBuffer());
        if (!res.ok) failed(res.status, path, body.toString('utf8'));
      } catch (e) {
        failed(e.cause?.code ?? e.message, path);
      }
    },
  ];
  // One report job (the worker's Chromium) every 500 requests.
  let jobs = 0;
  const reportJob = async () => {
    const started = await call(stack.base, 'POST', '/api/divisions/410400/summary-jobs', regulator, { month: MONTH });
    if (started.status !== 202) return failed(started.status, '/api/divisions/:code/summary-jobs', JSON.stringify(started.body));
    jobs++;
    for (let i = 0; i < 600; i++) {
      const j = await call(stack.base, 'GET', `/api/jobs/${started.body.id}`, regulator).catch(() => ({ body: null }));
      if (j.body?.state === 'DONE') return;
      if (j.body?.state === 'FAILED') throw new Error(`report job failed: ${j.body.error}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };

  const baselineBefore = await connections();
  sampling = true;
  sampler = (async () => {
    while (sampling) {
      await sample().catch((e) => console.error(`a sample failed: ${e.message}`));
      await new Promise((r) => setTimeout(r, SAMPLE_MS));
    }
  })();
  const t0 = performance.now();
  const pdfRun = pool(PDFS, PDF_CLIENTS, async (i) => {
    await get(`/api/facilities/${facilities[i % facilities.length]}/reports/compliance.pdf?month=${MONTH}`, admin);
    pdfs++;
  });
  const apiRun = pool(REQUESTS, CLIENTS, async (i) => {
    await mixed[i % mixed.length](i);
    requests++;
    if (i % 500 === 250) await reportJob();
  });
  progress = setInterval(() => {
    const s = ((performance.now() - t0) / 1000).toFixed(0);
    console.log(
      `  ${s} s: ${pdfs}/${PDFS} PDFs, ${requests}/${REQUESTS} requests, ${errors} errors ${JSON.stringify(statuses)}; ` +
        `MB api ${series.api.at(-1)}, worker ${series.worker.at(-1)}${worker.exitCode === null ? '' : ` (exited ${worker.exitCode})`}, ` +
        `chromium ${series.chromium.at(-1)}`,
    );
  }, 30_000);
  await Promise.all([pdfRun, apiRun]);
  clearInterval(progress);
  const seconds = (performance.now() - t0) / 1000;
  sampling = false;
  await sampler;
  await sample();

  // Connections: the pools let idle ones go (10 s); once the load stops the count returns to what it was at the start of the run's steady state.
  const warm = Math.max(1, Math.floor(series.connections.length / 5));
  const steady = Math.max(...series.connections.slice(0, warm + 1));
  let idle = await connections();
  for (let i = 0; i < 40 && idle > steady; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    idle = await connections();
  }

  console.log(
    `\nsoak: ${pdfs} PDFs and ${requests} API requests (${jobs} report jobs) in ${seconds.toFixed(0)} s, ${errors} errors ${JSON.stringify(statuses)}, ${http.resent} sent again; ` +
      `${cpus().length} cores; ` +
      `${series.api.length} samples every ${SAMPLE_MS / 1000} s`,
  );
  const summary = {};
  for (const [name, s] of Object.entries(series)) {
    if (name === 'connections') continue;
    // After warm-up: the first fifth of the samples; growth compares the end (median of the last 3) with the first after warm-up (median of 3).
    const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const afterWarm = med(s.slice(warm, warm + 3));
    const end = med(s.slice(-3));
    const growth = afterWarm > 0 ? end / afterWarm - 1 : 0;
    summary[name] = {
      startMB: s[0],
      afterWarmUpMB: afterWarm,
      peakMB: Math.max(...s),
      endMB: s.at(-1),
      growthPct: +(growth * 100).toFixed(1),
    };
    if (growth > GROWTH_LIMIT) failures.push(`${name}: RSS grew ${(growth * 100).toFixed(1)} % after warm-up (limit 10 %)`);
  }
  summary.connections = { start: baselineBefore, steadyPeak: steady, peak: Math.max(...series.connections), afterLoad: idle };
  console.table(summary);
  console.log(`series (MB): ${JSON.stringify(series)}`);
  if (idle > steady) failures.push(`connections: ${idle} after the load, more than the ${steady} of the steady state`);
  if (errors > 0) failures.push(`${errors} requests failed ${JSON.stringify(statuses)}`);
} catch (e) {
  failures.push(`the run stopped: ${e.stack ?? e}`);
} finally {
  clearInterval(progress);
  sampling = false;
  await sampler;
  if (worker && worker.exitCode === null) {
    worker.kill('SIGTERM');
    await new Promise((r) => worker.once('exit', r));
  }
  await stack.stop();
  // Chromium: none of the ones seen is still there.
  const left = [...chromiumSeen].filter((s) => {
    const [pid, exe] = s.split(' ');
    return existsSync(`/proc/${pid}`) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith(exe);
  });
  console.log(`Chromium processes seen: ${chromiumSeen.size}; left after shutdown: ${left.length}`);
  if (left.length) failures.push(`Chromium left behind: ${left.join(', ')}`);
  await db.end().catch(() => undefined);
}
for (const f of failures) console.log(`FAILED ${f}`);
if (!failures.length) console.log('OK     growth ≤ 10 % after warm-up, no Chromium left behind, no connection leaked, no errors');
process.exitCode = failures.length ? 1 : 0;
