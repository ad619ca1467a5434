// Shared set-up of the benchmarks: a throwaway PostgreSQL, the built API, HTTP helpers, percentiles.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies, ensureSystemPackages } from '../scripts/lib/deps.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies(root);
ensureSystemPackages({ forTests: true }); // Chromium, pdfinfo, the fonts (converted once)
const { ensureBuilt, NODE_FLAGS } = await import('../scripts/lib/build.mjs');
const { PgCluster, freePort } = await import('../scripts/lib/pg-cluster.mjs');
const { randomBytes } = await import('node:crypto');

export const secrets = {
  JWT_SECRET: randomBytes(48).toString('base64url'),
  ID_ENCRYPTION_KEYS: `1:${randomBytes(32).toString('base64')}`,
  ID_HMAC_KEY: randomBytes(32).toString('base64'),
};

/** A fresh database (own cluster unless DATABASE_URL is set), migrated, with the API running on it. */
export async function startStack({ poolSize = 20 } = {}) {
  ensureBuilt(root, ['api']);
  let cluster;
  let url = process.env.DATABASE_URL;
  const parent = mkdtempSync(join(tmpdir(), 'careops-bench-'));
  if (!url) {
    chmodSync(parent, 0o755);
    cluster = new PgCluster(join(parent, 'pg'), 'bench');
    await cluster.initialise();
    const port = await freePort();
    await cluster.start(port);
    const { default: pg } = await import('pg');
    const c = new pg.Client({ connectionString: cluster.url(port, 'postgres') });
    await c.connect();
    await c.query('CREATE DATABASE careops_bench');
    await c.end();
    url = cluster.url(port, 'careops_bench');
  }
  const env = { ...process.env, ...secrets, DATABASE_URL: url };
  const cli = (...args) => {
    const r = spawnSync(process.execPath, [join(root, 'dist/apps/api/cli.js'), ...args], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr || r.stdout);
  };
  cli('migrate');
  spawnSync(process.execPath, [join(root, 'dist/apps/api/cli.js'), 'admin-create', '--username', 'bench.admin'], {
    env: { ...env, ADMIN_PASSWORD: 'Bench-Admin-Password-1' },
  });
  const port = await freePort();
  // Started exactly as npm start starts it; restarted the same way with some settings changed.
  const spawnApi = (extraEnv = {}, apiPort = port) =>
    spawn(
      process.execPath,
      [...NODE_FLAGS, ...(process.env.BENCH_API_FLAGS ?? '').split(' ').filter(Boolean), join(root, 'dist/apps/api/main.js')],
      {
        env: {
          ...env,
          PORT: String(apiPort),
          LOG_LEVEL: 'warn',
          DATABASE_POOL_SIZE: String(poolSize),
          LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
          API_WORKERS: process.env.API_WORKERS ?? '2',
          ...extraEnv,
        },
        stdio: ['ignore', process.env.BENCH_API_STDOUT ? 'inherit' : 'ignore', 'inherit'],
      },
    );
  let api = spawnApi();
  const base = `http://127.0.0.1:${port}`;
  const healthy = async (at = base) => {
    for (let i = 0; i < 200; i++) {
      try {
        if ((await fetch(`${at}/api/health`)).ok) return;
      } catch {
        /* starting */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  await healthy();
  const others = [];
  return {
    base,
    url,
    /** Another API on the same database, with some settings changed: its base URL. Stopped with the stack. */
    otherApi: async (extraEnv) => {
      const otherPort = await freePort();
      const other = spawnApi(extraEnv, otherPort);
      others.push(other);
      const at = `http://127.0.0.1:${otherPort}`;
      await healthy(at);
      return at;
    },
    /** Restarts the API on the same database and port with some settings changed. */
    restartApi: async (extraEnv) => {
      api.kill('SIGTERM');
      await new Promise((r) => api.once('exit', r));
      api = spawnApi(extraEnv);
      await healthy();
    },
    stop: async () => {
      for (const p of [api, ...others]) {
        p.kill('SIGTERM');
        await new Promise((r) => (p.exitCode !== null ? r() : p.once('exit', r)));
      }
      if (cluster) await cluster.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

export async function call(base, method, path, token, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** The access token of the platform admin every stack is created with. */
/**
 * fetch, sent once more when a kept-alive connection turns out closed by the server as the request
 * went out (what a browser does too; the benches' POSTs carry an Idempotency-Key, so that is safe),
 * and counted in `resent` (set it back to 0 to count anew).
 */
export function resendingFetch() {
  const http = {
    resent: 0,
    async sent(url, init) {
      try {
        return await fetch(url, init);
      } catch (e) {
        if (!['UND_ERR_SOCKET', 'ECONNRESET'].includes(e.cause?.code)) throw e;
        http.resent++;
        return fetch(url, init);
      }
    },
  };
  return http;
}

export async function signInAdmin(stack) {
  return (
    await must(call(stack.base, 'POST', '/api/auth/login', null, { username: 'bench.admin', password: 'Bench-Admin-Password-1' }), 'login')
  ).accessToken;
}

export async function must(promise, what) {
  const r = await promise;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Runs `task(i)` for i in [0, n) with `concurrency` workers. */
export async function pool(n, concurrency, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function idNumber(dateOfBirth, seq, region = '410421') {
  const first17 = `${region}${dateOfBirth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/**
 * A care home with `n` residents on nursing beds since 2025-01-01, each assessed then at a level of its own
 * and at 全失能 from a day of March 2026, loaded set-based as the owner (the claims and bill-run benches);
 * `more(owner, facilityId)` adds facts of its own in the same transaction.
 */
export async function facilityWithLevelChanges(stack, admin, owner, name, n, more = async () => undefined) {
  const f = await must(
    call(stack.base, 'POST', '/api/facilities', admin, { name, type: 'CARE_HOME', divisionCode: '410421', buildingAreaM2: 5000 }),
    'facility',
  );
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
     SELECT facility_id, id, ('2026-03-' || lpad((1 + abs(hashtext(id::text || 'm')) % 28)::text, 2, '0'))::date, 'FULLY_DISABLED', 'x' FROM resident WHERE facility_id = $1`,
    [f.id],
  );
  await more(owner, f.id);
  await owner.query('COMMIT');
  return f.id;
}
