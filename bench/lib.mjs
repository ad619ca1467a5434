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
