#!/usr/bin/env node
// `npm run backup`: pg_dump (custom format) of DATABASE_URL, or of the embedded database of `npm start`,
// into backups/careops-YYYYMMDD-HHMMSS.dump (UTC; CAREOPS_BACKUP_DIR or `--dir DIR` for another folder).
// Written under a temporary name and renamed when complete, so a file with the final name is whole.
// Restore with `npm run restore FILE` (scripts/restore.mjs). README "Backups" says how to schedule it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { fail, onTheDatabase, runScript } from './lib/db-script.mjs';
import { libpqEnv, serverMajor, shown, toolOrInstall } from './lib/pg-tools.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const say = (m) => console.log(`[careops backup] ${m}`);

async function main() {
  const args = process.argv.slice(2);
  const dirArg = args.indexOf('--dir');
  const outDir = resolve(dirArg >= 0 ? args[dirArg + 1] : (process.env.CAREOPS_BACKUP_DIR ?? join(root, 'backups')));
  await onTheDatabase(
    root,
    say,
    (dir) => `no DATABASE_URL: backing up the embedded PostgreSQL (data in ${dir})`,
    (url) => backUp(url, outDir),
  );
}

async function backUp(url, outDir) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  let major;
  try {
    await client.connect();
    major = await serverMajor(client);
  } catch (e) {
    fail(`cannot connect to ${shown(url)}: ${e.message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  const pgDump = toolOrInstall('pg_dump', major);
  if (pgDump instanceof Error) fail(pgDump.message);

  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const file = join(outDir, `careops-${stamp}.dump`);
  const partial = `${file}.partial`;
  mkdirSync(outDir, { recursive: true });
  const started = Date.now();
  // Custom format (-Fc): compressed, restored selectively and in parallel by pg_restore.
  const r = spawnSync(pgDump.path, ['--format=custom', '--compress=6', `--file=${partial}`], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...libpqEnv(url) },
  });
  if (r.status !== 0) {
    rmSync(partial, { force: true });
    fail(`pg_dump ${pgDump.major} failed (exit ${r.status ?? r.signal}); see above`);
  }
  renameSync(partial, file);
  const kb = Math.ceil(statSync(file).size / 1024);
  say(`${file}: ${kb} KB in ${((Date.now() - started) / 1000).toFixed(1)} s (pg_dump ${pgDump.major}, server ${major})`);
  console.log(file);
}

await runScript('[careops backup]', main);
