// Through PgBouncer in transaction pooling (test/ops/pgbouncer-setup.mjs, docs/scale.md): the request
// transactions go through it, the sessions that keep state — LISTEN, the migrator's advisory lock —
// straight to PostgreSQL (DATABASE_DIRECT_URL).
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { derivedAppPassword } from '@careops/db';
import { createEmptyDatabase } from '@careops/db/testing';
import { buildWorld, type World } from '../support/world';

const root = resolve(__dirname, '../..');

/** The server-side local ports of PgBouncer's links to PostgreSQL (its admin console, SHOW SERVERS). */
async function pgbouncerLinks(): Promise<Set<number>> {
  const url = new URL(process.env['CAREOPS_TEST_POOLER_URL'] ?? '');
  url.pathname = '/pgbouncer';
  const console = new Client({ connectionString: url.toString() });
  await console.connect();
  try {
    const { rows } = await console.query<{ local_port: string }>('SHOW SERVERS');
    return new Set(rows.map((r) => Number(r.local_port)));
  } finally {
    await console.end();
  }
}

describe('PgBouncer in transaction pooling: what goes through it, what goes direct', () => {
  let w: World;

  beforeAll(async () => {
    if (!process.env['CAREOPS_TEST_POOLER_URL']) throw new Error('run through test/ops/jest.pgbouncer.config.cts (PgBouncer)');
    w = await buildWorld();
  });
  afterAll(() => w?.close());

  it("the API's transactions reach PostgreSQL through PgBouncer; its LISTEN sessions do not", async () => {
    // A few requests, so that PgBouncer holds links for the app's login.
    for (let i = 0; i < 5; i++) await w.t.http.get('/api/auth/me').auth(w.token.managerA, { type: 'bearer' }).expect(200);
    const backends = await w.sql<{ application_name: string; client_port: number; query: string; usename: string }>(
      `SELECT application_name, client_port, query, usename FROM pg_stat_activity WHERE datname = current_database() AND usename = 'careops_app'`,
    );
    const links = await pgbouncerLinks();
    const listeners = backends.filter((b) => /^LISTEN /.test(b.query));
    expect(listeners.map((b) => b.application_name).sort()).toEqual(['careops:board-listener', 'careops:user-listener']);
    for (const l of listeners) expect(links.has(l.client_port)).toBe(false);
    const pooled = backends.filter((b) => links.has(b.client_port));
    expect(pooled.length).toBeGreaterThanOrEqual(1);
  });

  it('migrates an empty database with DATABASE_URL on PgBouncer: the advisory lock taken and released on the direct session', async () => {
    const db = await createEmptyDatabase();
    try {
      const pooler = new URL(process.env['CAREOPS_TEST_POOLER_URL'] ?? '');
      const viaPooler = new URL(db.url);
      viaPooler.hostname = pooler.hostname;
      viaPooler.port = pooler.port;
      const r = spawnSync(process.execPath, [join(root, 'dist/apps/api/cli.js'), 'migrate'], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: viaPooler.toString(), DATABASE_DIRECT_URL: db.url },
        timeout: 60_000,
      });
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/migrations: \d+ applied, schema is current/);
      const owner = new Client({ connectionString: db.url });
      await owner.connect();
      try {
        const locks = await owner.query(
          `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        );
        expect(locks.rowCount).toBe(0);
        // The app login works through PgBouncer with the password the direct migration provisioned.
        const app = new Client({
          connectionString: viaPooler.toString().replace(/\/\/[^@]+@/, `//careops_app:${encodeURIComponent(derivedAppPassword(db.url))}@`),
        });
        await app.connect();
        await app.query('SELECT 1 FROM facility LIMIT 1');
        await app.end();
      } finally {
        await owner.end();
      }
    } finally {
      await db.drop();
    }
  });
});
