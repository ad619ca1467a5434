#!/usr/bin/env node
// `npm test`: installs what is missing, then runs every tier — the architecture checks, formatting,
// lint (module boundaries) and type check, unit (libs/care), integration (real PostgreSQL), end-to-end (real processes over HTTP).
// Each tier that needs a database starts its own throwaway PostgreSQL unless DATABASE_URL is set.
// Two Node versions: this machine's (Node 20: lint, build, unit, integration, scale) and Node 24, the
// supported LTS the image runs, from the npm registry (scripts/lib/node24.mjs: unit again, then end-to-end
// with every API and worker process it starts). CAREOPS_SKIP_NODE24=1 runs those under this Node instead.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies, ensureSystemPackages } from './lib/deps.mjs';
import { ensureNode24 } from './lib/node24.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies(root);
ensureSystemPackages({ forTests: true });
const { NX_ENV } = await import('./lib/build.mjs');
const node24 = process.env.CAREOPS_SKIP_NODE24 ? process.execPath : ensureNode24(root);
const versionOf = (node) => spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
const versions = { [process.execPath]: process.version, [node24]: versionOf(node24) };

const bin = (name) => join(root, 'node_modules', '.bin', name);
const out = join(root, 'tmp', 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const env = { ...process.env, ...NX_ENV, CI: process.env.CI ?? 'true', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };
const started = Date.now();
const tiers = [];

/** A tier: its name, the command, where its Jest results go, and the Node it runs under. */
const tier = (name, command, args, results, node) => ({
  name: `${name}${node ? ` under Node ${versions[node]}` : ''}`,
  command,
  args,
  results,
});

function record(t, status, startedAt) {
  let counts = null;
  if (t.results && existsSync(t.results)) {
    const json = JSON.parse(readFileSync(t.results, 'utf8'));
    counts = { passed: json.numPassedTests, failed: json.numFailedTests + json.numRuntimeErrorTestSuites, total: json.numTotalTests };
  }
  tiers.push({ name: t.name, ok: status === 0, seconds: ((Date.now() - startedAt) / 1000).toFixed(1), counts });
}

function step(...args) {
  const t = tier(...args);
  const startedAt = Date.now();
  console.log(`\n[careops test] ${t.name} …`);
  const r = spawnSync(t.command, t.args, { cwd: root, stdio: 'inherit', env });
  record(t, r.status, startedAt);
  if (r.status !== 0) finish();
}

/**
 * Tiers that neither time anything nor share a server, side by side: each mostly waits on its own
 * PostgreSQL, PgBouncer or replica, and on two cores one waits while the other runs. Each one's output
 * goes to tmp/test-results/<n>.log and is printed whole when all have ended, one after the other.
 */
async function together(...list) {
  console.log(`\n[careops test] side by side: ${list.map((args) => tier(...args).name).join('; ')} …`);
  const runs = list.map((args, i) => {
    const t = tier(...args);
    const log = join(out, `together-${i}.log`);
    const fd = openSync(log, 'w');
    const startedAt = Date.now();
    return new Promise((done) => {
      const child = spawn(t.command, t.args, { cwd: root, stdio: ['ignore', fd, fd], env });
      child.on('exit', (status) => {
        closeSync(fd);
        done({ t, status: status ?? 1, startedAt, log });
      });
    });
  });
  const ended = await Promise.all(runs);
  for (const { t, status, startedAt, log } of ended) {
    console.log(`\n[careops test] ${t.name}:`);
    process.stdout.write(readFileSync(log, 'utf8'));
    record(t, status, startedAt);
  }
  if (ended.some((e) => e.status !== 0)) finish();
}

function finish() {
  console.log('\n[careops test] summary');
  for (const t of tiers) {
    const c = t.counts ? ` — ${t.counts.passed} passed, ${t.counts.failed} failed` : '';
    console.log(`  ${t.ok ? 'ok  ' : 'FAIL'} ${t.name} (${t.seconds} s)${c}`);
  }
  const passed = tiers.reduce((n, t) => n + (t.counts?.passed ?? 0), 0);
  const failed = tiers.reduce((n, t) => n + (t.counts?.failed ?? 0), 0) + tiers.filter((t) => !t.ok && !t.counts).length;
  console.log(`  total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(tiers.every((t) => t.ok) ? 0 : 1);
}

const jestJson = (tier) => ['--ci', '--json', `--outputFile=${join(out, `${tier}.json`)}`];
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');

step('architecture: SQL only in repositories, no import circle in the web app, nothing outside the repo', process.execPath, [
  join(root, 'scripts', 'check-architecture.mjs'),
]);
step('formatting (prettier --check)', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
step('type check (tsc, strict)', bin('tsc'), ['-p', 'tsconfig.spec.json']);
step('lint with module boundaries, build', bin('nx'), ['run-many', '-t', 'lint', 'build', '--outputStyle=static', '--parallel=2']);
step(
  'unit tests (libs/*)',
  process.execPath,
  [jest, '-c', 'jest.unit.config.cts', ...jestJson('unit')],
  join(out, 'unit.json'),
  process.execPath,
);
step(
  'unit tests (libs/*)',
  node24,
  [jest, '-c', 'jest.unit.config.cts', ...jestJson('unit-node24')],
  join(out, 'unit-node24.json'),
  node24,
);
step(
  'integration tests (real PostgreSQL)',
  process.execPath,
  [jest, '-c', 'jest.integration.config.cts', ...jestJson('integration')],
  join(out, 'integration.json'),
  process.execPath,
);
step(
  'scale tests (two APIs, two workers, one database)',
  process.execPath,
  [jest, '-c', 'test/scale/jest.scale.config.cts', '--runInBand', ...jestJson('scale')],
  join(out, 'scale.json'),
  process.execPath,
);
step(
  'end-to-end tests (HTTP, processes)',
  node24,
  [jest, '-c', 'test/jest.e2e.config.cts', '--runInBand', ...jestJson('e2e')],
  join(out, 'e2e.json'),
  node24,
);
await together(
  [
    'ops: the core end-to-end specs through PgBouncer in transaction pooling',
    process.execPath,
    [jest, '-c', 'test/ops/jest.pgbouncer.config.cts', '--runInBand', ...jestJson('ops-pgbouncer')],
    join(out, 'ops-pgbouncer.json'),
    process.execPath,
  ],
  [
    'ops: a streaming replica (DATABASE_READ_URL), backup and restore (Debian postgresql)',
    process.execPath,
    [jest, '-c', 'test/ops/jest.ops.config.cts', ...jestJson('ops')],
    join(out, 'ops.json'),
    process.execPath,
  ],
);
finish();
