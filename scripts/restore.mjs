#!/usr/bin/env node
// `npm run restore FILE [--force]`: a dump of `npm run backup` into DATABASE_URL's database, or the embedded
// one. The database must be empty (no table in it) unless --force, which drops what is there first.
// Objects end up owned by DATABASE_URL's user (--no-owner); the roles `careops_app` and
// `careops_division_reader` are created when the server lacks them (a new server: `cli.js roles`), and
// the app's login provisioned by the migrator, as at start-up.
// Everything in one transaction: a failed restore leaves the database as it was.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureBuilt } from './lib/build.mjs';
import { fail, onTheDatabase, runScript } from './lib/db-script.mjs';
import { libpqEnv, serverMajor, shown, toolOrInstall } from './lib/pg-tools.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const say = (m) => console.log(`[careops restore] ${m}`);

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) fail('usage: npm run restore -- FILE [--force]   (FILE: a backups/careops-*.dump of npm run backup)');
  if (!existsSync(file)) fail(`no such file: ${file}`);

  await onTheDatabase(
    root,
    say,
    (dir) => `no DATABASE_URL: restoring into the embedded PostgreSQL (data in ${dir}); stop npm start first`,
    (url) => restore(url, file, force),
  );
}

async function restore(url, file, force) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    fail(`cannot connect to ${shown(url)}: ${e.message}`);
  }
  let major;
  try {
    major = await serverMajor(client);
    const { rows } = await client.query(
      `SELECT count(*)::int AS tables FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`,
    );
    if (rows[0].tables > 0 && !force) {
      fail(
        `the database ${shown(url)} is not empty (${rows[0].tables} tables). Restore into an empty database ` +
          `(CREATE DATABASE …), or add --force to drop everything in this one first.`,
      );
    }
    if (rows[0].tables > 0) {
      say(`--force: dropping the ${rows[0].tables} tables and everything else in ${shown(url)}`);
      const { rows: schemas } = await client.query(
        `SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg_toast%'
            AND nspname NOT LIKE 'pg_temp%'`,
      );
      for (const { nspname } of schemas) await client.query(`DROP SCHEMA ${pg.escapeIdentifier(nspname)} CASCADE`);
      await client.query('CREATE SCHEMA public');
    }
  } finally {
    await client.end().catch(() => undefined);
  }
  // The dump's grants and policies name careops_app and careops_division_reader: a new server needs
  // the roles first (APP_ROLES_SQL in libs/db/src/app-role.ts).
  ensureBuilt(root, ['api']);
  cli(url, 'roles');
  const pgRestore = toolOrInstall('pg_restore', major);
  if (pgRestore instanceof Error) fail(pgRestore.message);
  const started = Date.now();
  const r = spawnSync(
    pgRestore.path,
    ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${libpqEnv(url).PGDATABASE}`, file],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...libpqEnv(url) } },
  );
  if (r.status !== 0) fail(`pg_restore ${pgRestore.major} failed (exit ${r.status ?? r.signal}); the database is unchanged. See above.`);
  say(`${file} restored into ${shown(url)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // The app's login, as every start does: its password derives from DATABASE_URL's.
  cli(url, 'migrate');
}

/** `dist/apps/api/cli.js command` on `url`; a failure stops the restore. */
function cli(url, command) {
  const r = spawnSync(process.execPath, [join(root, 'dist/apps/api/cli.js'), command], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: url },
  });
  if (r.status !== 0) fail(`cli.js ${command} failed on ${shown(url)}; see above`);
}

await runScript('[careops restore]', main);
