#!/usr/bin/env node
// The project's one entry point for operators: `npm start` (start), `npm run db:migrate` (migrate).
// It installs what is missing, provides the embedded PostgreSQL when DATABASE_URL is unset, and
// supervises the API and worker processes (and that PostgreSQL): what dies is restarted.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies, ensureSystemPackages } from './lib/deps.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const command = process.argv[2] ?? 'start';
const say = (line) => console.log(`[careops] ${line}`);
const fail = (line) => {
  console.error(`[careops] ${line}`);
  process.exit(1);
};

ensureDependencies(root);
if (command === 'start') ensureSystemPackages();
const { ensureCluster } = await import('./lib/pg-cluster.mjs');
const { ensureBuilt, NODE_FLAGS } = await import('./lib/build.mjs');
const { nodeProcess, postgresRun, Supervised } = await import('./lib/supervisor.mjs');

const dataDir = resolve(process.env.CAREOPS_DATA_DIR ?? join(root, '.data'));
const clusterDir = join(dataDir, 'pg');

/** The database to use: DATABASE_URL, or the embedded cluster (started now if needed). */
async function database() {
  if (process.env.DATABASE_URL) {
    await checkReachable(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL, embedded: null };
  }
  say(`no DATABASE_URL: using the embedded PostgreSQL (data in ${relative(process.cwd(), clusterDir) || clusterDir})`);
  try {
    const db = await ensureCluster({ dir: clusterDir, database: 'careops', child: command === 'start' });
    return { url: db.url, embedded: db };
  } catch (e) {
    fail(`could not start the embedded PostgreSQL: ${e.message}`);
  }
}

async function checkReachable(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    const { shown } = await import('./lib/pg-tools.mjs');
    const why =
      e.code === 'ECONNREFUSED'
        ? 'connection refused (is the server running, is the port right?)'
        : e.code === 'ENOTFOUND'
          ? 'host not found'
          : e.code === '28P01'
            ? 'authentication failed'
            : e.code === '3D000'
              ? 'the database does not exist'
              : /timeout/i.test(e.message)
                ? 'connection timed out'
                : e.message || e.code || String(e);
    fail(`Cannot connect to the database at ${shown(url)}: ${why}. Check DATABASE_URL, or unset it to use the embedded PostgreSQL.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function cli(args, env) {
  const result = spawnSync(process.execPath, [join(root, 'dist/apps/api/cli.js'), ...args], { stdio: 'inherit', env });
  return result.status ?? 1;
}

/** A secret from the environment, else one generated once and kept in the data directory (mode 600). */
function secret(name, file, make) {
  if (process.env[name]) return process.env[name];
  const path = join(dataDir, file);
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path, `${make()}\n`, { mode: 0o600 });
  }
  return readFileSync(path, 'utf8').trim();
}

function secrets() {
  return {
    JWT_SECRET: secret('JWT_SECRET', 'jwt.secret', () => randomBytes(48).toString('base64url')),
    ID_ENCRYPTION_KEYS: secret('ID_ENCRYPTION_KEYS', 'id-encryption.keys', () => `1:${randomBytes(32).toString('base64')}`),
    ID_HMAC_KEY: secret('ID_HMAC_KEY', 'id-hmac.key', () => randomBytes(32).toString('base64')),
  };
}

async function waitForHealth(url, abandoned, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !abandoned()) {
    try {
      const res = await fetch(url);
      if (res.status === 200) return true;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function start() {
  // Validate what we can before the slower steps, so a wrong setting fails fast.
  const port = process.env.PORT ?? '3000';
  const host = process.env.HOST ?? '127.0.0.1';
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    fail(`Invalid configuration: PORT must be an integer between 1 and 65535 (got "${port}")`);
  }
  const db = await database();
  const stopDatabase = async () => {
    if (db.embedded?.started) {
      await db.embedded.cluster.stop();
      say('embedded PostgreSQL stopped');
    }
  };
  // A Ctrl-C (or a closed terminal) while building or loading the demo must not leave the server behind.
  // One listener per signal for the whole run (removing one would drop a signal still pending while
  // a synchronous step ran); what it does changes once the processes are up.
  let onSignal = () => void stopDatabase().finally(() => process.exit(1));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => onSignal());
  // CAREOPS_DEMO: the login page lists the demo logins (only when npm start loaded them).
  let env = {
    ...process.env,
    DATABASE_URL: db.url,
    PORT: port,
    HOST: host,
    ...secrets(),
    CAREOPS_DEMO: process.env.DEMO_SEED === 'false' ? 'false' : 'true',
  };
  try {
    ensureBuilt(root, ['api', 'worker', 'web']);
    if (process.env.DEMO_SEED !== 'false' && cli(['seed-demo'], env) !== 0) throw new Error('loading the demo data failed');
  } catch (e) {
    await stopDatabase();
    fail(e.message);
  }
  env = { ...env, MIGRATIONS_RUN: process.env.MIGRATIONS_RUN ?? 'true' };

  // Stopped in this order: the API (no new work arrives), the worker, then the database they use.
  const units = [];
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    say('stopping …');
    for (const unit of units) unit.release();
    for (const unit of units) await unit.stop();
    if (db.embedded?.started) say('embedded PostgreSQL stopped');
    process.exit(code);
  };
  // Until the API is first healthy a death stops everything: what cannot start up is not retried in a loop.
  const fatal = (what) => {
    if (stopping) return;
    console.error(`[careops] ${what}; stopping`);
    void stop(1);
  };
  const nodeApp = (app) =>
    new Supervised({
      name: `the ${app} process`,
      start: async () => nodeProcess([...NODE_FLAGS, join(root, `dist/apps/${app}/main.js`)], env),
      log: say,
      onFatal: fatal,
    });
  const api = nodeApp('api');
  const worker = nodeApp('worker');
  units.push(api, worker);
  if (db.embedded?.started) {
    // Only the server we started is ours to restart, on the same port: the processes keep their DATABASE_URL.
    const { cluster } = db.embedded;
    const postgres = new Supervised({
      name: 'the embedded PostgreSQL',
      restartNote: ` on port ${db.embedded.port}`,
      start: async () => postgresRun(cluster, await cluster.serve(db.embedded.port)),
      log: say,
      onFatal: fatal,
    });
    units.push(postgres);
    await postgres.begin(postgresRun(cluster, db.embedded.server));
  }
  onSignal = () => stop(0);
  const apiRun = await api.begin();
  const workerRun = await worker.begin();
  say(`started the API (pid ${apiRun.pid}) and the worker (pid ${workerRun.pid})`);

  const base = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  if (!(await waitForHealth(`${base}/api/health`, () => stopping, 120_000))) {
    if (!stopping) {
      console.error('[careops] the API did not become healthy; stopping');
      await stop(1);
    }
    return;
  }
  for (const unit of units) unit.restarting = true;
  console.log(
    [
      '',
      '  careops 护理运营 is running',
      `    web app   ${base}/   (sign in with a demo login below)`,
      `    API       ${base}/api`,
      `    API docs  ${base}/api/docs`,
      `    health    ${base}/api/health   (also /api/health/ready and /api/health/live)`,
      `    database  ${db.embedded ? `embedded PostgreSQL on 127.0.0.1:${db.embedded.port}, data in ${clusterDir}` : 'DATABASE_URL'}`,
      `    demo      ${process.env.DEMO_SEED === 'false' ? 'not loaded (DEMO_SEED=false)' : 'facility 平顶山市颐康养老院 loaded'}`,
      ...(process.env.DEMO_SEED === 'false'
        ? []
        : [
            '    logins    admin / Demo-Platform-2026            (PLATFORM_ADMIN)',
            '              manager / Demo-Yikang-Manager         (FACILITY_MANAGER, 平顶山市颐康养老院)',
            '              accountant / Demo-Yikang-Ledger       (ACCOUNTANT, 平顶山市颐康养老院)',
            '              regulator / Demo-Pingdingshan-MZJ     (REGULATOR, 410400 平顶山市)',
            '              daycenter / Demo-Chengguan-Day        (FACILITY_MANAGER, 宝丰县城关镇日间照料中心)',
            `    sign in   curl -s -X POST ${base}/api/auth/login -H 'content-type: application/json' -d '{"username":"manager","password":"Demo-Yikang-Manager"}'`,
          ]),
      '  A process that dies is restarted. Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
}

/** A one-off command of the API's CLI against the database, the embedded one stopped after if it was started for it. */
async function oneOff(args, env = {}) {
  const db = await database();
  let status = 1;
  try {
    ensureBuilt(root, ['api']);
    status = cli(args, { ...process.env, DATABASE_URL: db.url, ...env });
  } catch (e) {
    console.error(`[careops] ${e.message}`);
  } finally {
    if (db.embedded?.started) await db.embedded.cluster.stop();
  }
  process.exit(status);
}

switch (command) {
  case 'start':
    await start();
    break;
  case 'migrate':
    await oneOff(['migrate']);
    break;
  case 'admin-create':
    await oneOff(['admin-create', ...process.argv.slice(3)], secrets());
    break;
  case 'rotate-id-keys':
    await oneOff(['rotate-id-keys'], secrets());
    break;
  default:
    fail(`unknown command "${command}" (start | migrate | admin-create --username NAME | rotate-id-keys)`);
}
