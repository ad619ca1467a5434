// Starts a throwaway PostgreSQL (unless DATABASE_URL is set) and builds a migrated template
// database; each test file copies it (CREATE DATABASE … TEMPLATE, see @careops/db/testing).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureBuilt } from '../../scripts/lib/build.mjs';
import { PgCluster, freePort } from '../../scripts/lib/pg-cluster.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export default async function globalSetup() {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    // Under the OS temp dir: the `postgres` user must be able to reach it when we run as root.
    const parent = mkdtempSync(join(tmpdir(), 'careops-test-'));
    chmodSync(parent, 0o755);
    const dir = join(parent, 'pg');
    const cluster = new PgCluster(dir, 'test');
    await cluster.initialise();
    const port = await freePort();
    await cluster.start(port);
    globalThis.__careopsCluster = cluster;
    adminUrl = cluster.url(port, 'postgres');
  }
  const template = `careops_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${template}"`);
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();

  ensureBuilt(root, ['api', 'worker']);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${template}`;
  const migrate = spawnSync(process.execPath, [join(root, 'dist/apps/api/cli.js'), 'migrate'], {
    env: { ...process.env, DATABASE_URL: templateUrl.toString() },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`migrating the template database failed:\n${migrate.stderr}${migrate.stdout}`);

  process.env.CAREOPS_TEST_ADMIN_URL = adminUrl;
  process.env.CAREOPS_TEST_TEMPLATE = template;
  globalThis.__careopsTemplate = { adminUrl, template };
}
