// Backups (README "Backups", docs/scale.md): `npm run backup` of a populated database (the demo seed),
// `npm run restore` into an empty database on a NEW server (no careops_app role there yet), every
// table's rows compared by count and checksum, and the copy still enforcing row-level security and
// the append-only audit. Servers from Debian's postgresql (pg_dump of the server's own major).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { derivedAppPassword } from '@careops/db';
import { TEST_ID_KEYS } from '../support/secrets';
import { DebianCluster } from './support/debian-postgres';
import { freePorts } from './support/ports';

const root = resolve(__dirname, '../..');

function npmScript(script: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', `${script}.mjs`), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** A query on one database: rows. */
type Query = <T = Record<string, unknown>>(sql: string) => Promise<T[]>;
const onDebian =
  (cluster: DebianCluster, database: string): Query =>
  (sql) =>
    cluster.query(database, sql);

/** Every table of every schema but the system's: its row count and the md5 of its rows in text order (no ctid, no key needed). */
async function fingerprint(query: Query): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await query<{ name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
      ORDER BY 1`,
  );
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables) {
    const [r] = await query<{ rows: number; md5: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), '')) AS md5 FROM ONLY ${name} t`,
    );
    out[name] = r;
  }
  return out;
}

/** Per table: row-level security enabled and forced, and the triggers' and policies' names. */
function guards(query: Query) {
  return query(
    `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
            (SELECT string_agg(t.tgname, ',' ORDER BY t.tgname) FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal) AS triggers,
            (SELECT string_agg(p.polname, ',' ORDER BY p.polname) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
  );
}

describe('backups: npm run backup, npm run restore', () => {
  let source: DebianCluster;
  let target: DebianCluster;
  let dir: string;
  let dump: string;

  beforeAll(async () => {
    const [p1, p2] = await freePorts(2);
    dir = mkdtempSync(join(tmpdir(), 'careops-backups-'));
    source = DebianCluster.init(p1);
    target = DebianCluster.init(p2);
    source.start();
    target.start();
    await source.query('postgres', 'CREATE DATABASE careops');
    const seed = spawnSync(process.execPath, [join(root, 'dist/apps/api/cli.js'), 'seed-demo'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: source.url('careops'), ...TEST_ID_KEYS },
    });
    if (seed.status !== 0) throw new Error(`seed-demo failed:\n${seed.stderr}${seed.stdout}`);
  });

  afterAll(() => {
    source?.destroy();
    target?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes backups/careops-YYYYMMDD-HHMMSS.dump in pg_dump custom format', () => {
    const r = npmScript('backup', [], { DATABASE_URL: source.url('careops'), CAREOPS_BACKUP_DIR: dir });
    expect(r).toMatchObject({ status: 0 });
    const files = readdirSync(dir);
    expect(files).toEqual([expect.stringMatching(/^careops-\d{8}-\d{6}\.dump$/)]);
    dump = join(dir, files[0]);
    expect(readFileSync(dump).subarray(0, 5).toString('latin1')).toBe('PGDMP'); // the custom format's magic
    // The name is the time of the backup (UTC), to the minute here.
    const [, d, t] = /(\d{8})-(\d{6})/.exec(files[0]) ?? [];
    const named = Date.parse(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}Z`);
    expect(Math.abs(Date.now() - named)).toBeLessThan(60_000);
  });

  it('refuses to restore into a database that is not empty, and says how to proceed', async () => {
    const before = await fingerprint(onDebian(source, 'careops'));
    const r = npmScript('restore', [dump], { DATABASE_URL: source.url('careops') });
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/is not empty \(\d+ tables\).*--force/s);
    expect(await fingerprint(onDebian(source, 'careops'))).toEqual(before);
  });

  it('restores into an empty database on a new server: every table, every row the same', async () => {
    await target.query('postgres', 'CREATE DATABASE careops');
    const r = npmScript('restore', [dump], { DATABASE_URL: target.url('careops') });
    expect(r).toMatchObject({ status: 0 });
    const [a, b] = [await fingerprint(onDebian(source, 'careops')), await fingerprint(onDebian(target, 'careops'))];
    expect(Object.keys(a).length).toBeGreaterThan(30);
    expect(a['public.resident'].rows).toBeGreaterThan(10); // populated: the demo's residents
    expect(a['public.audit_event'].rows).toBeGreaterThan(0);
    expect(b).toEqual(a);
    expect(await guards(onDebian(target, 'careops'))).toEqual(await guards(onDebian(source, 'careops')));
  });

  it('the restored database still enforces row-level security and the append-only audit for the app login', async () => {
    // The restore provisioned careops_app's login on the new server, its password derived from the new DATABASE_URL.
    const app = new Client({
      connectionString: target.url('careops', 'careops_app', derivedAppPassword(target.url('careops'))),
    });
    await app.connect();
    try {
      const facilities = await target.query<{ id: string; residents: number }>(
        'careops',
        `SELECT f.id, (SELECT count(*)::int FROM resident r WHERE r.facility_id = f.id) AS residents FROM facility f
          ORDER BY residents DESC`,
      );
      const withResidents = facilities.filter((f) => f.residents > 0);
      expect(withResidents.length).toBeGreaterThanOrEqual(1);
      const [a] = withResidents;
      const count = async () => (await app.query('SELECT count(*)::int AS n FROM resident')).rows[0].n;
      await app.query('BEGIN');
      expect(await count()).toBe(0); // no tenant set: nothing
      await app.query(`SELECT set_config('app.facility_id', $1, true)`, [a.id]);
      expect(await count()).toBe(a.residents);
      const other = facilities.find((f) => f.id !== a.id);
      if (other) {
        await expect(
          app.query(`UPDATE resident SET name = name WHERE facility_id = $1 RETURNING id`, [other.id]).then((r) => r.rowCount),
        ).resolves.toBe(0);
      }
      await app.query('ROLLBACK');
      // Append-only: even the owner cannot rewrite the audit trail.
      await expect(target.query('careops', `UPDATE audit_event SET action = action`)).rejects.toThrow(/append-only|not allowed|audit/i);
    } finally {
      await app.end();
    }
  });

  it('--force restores over a database that has data', async () => {
    await target.query('careops', `INSERT INTO login_throttle (username_key) VALUES ('someone-else')`);
    expect(await fingerprint(onDebian(target, 'careops'))).not.toEqual(await fingerprint(onDebian(source, 'careops')));
    const r = npmScript('restore', [dump, '--force'], { DATABASE_URL: target.url('careops') });
    expect(r).toMatchObject({ status: 0 });
    expect(r.out).toMatch(/--force: dropping/);
    expect(await fingerprint(onDebian(target, 'careops'))).toEqual(await fingerprint(onDebian(source, 'careops')));
  });
});

/**
 * `node -e` on scripts/lib/pg-cluster.mjs (ESM, outside Jest's module system): the embedded cluster
 * of a data directory, as `npm start` makes it — started (its URL printed) or stopped.
 */
function embedded(dataDir: string, action: 'up' | 'down' | 'running'): string {
  const code = `
    const { ensureCluster, PgCluster, clusterPassword } = await import(${JSON.stringify(join(root, 'scripts/lib/pg-cluster.mjs'))});
    const dir = ${JSON.stringify(join(dataDir, 'pg'))};
    if (${JSON.stringify(action)} === 'up') console.log((await ensureCluster({ dir, database: 'careops' })).url);
    else {
      const cluster = new PgCluster(dir, clusterPassword(dir));
      if (${JSON.stringify(action)} === 'down') await cluster.stop();
      else console.log(String(await cluster.runningPort()));
    }`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', cwd: root, timeout: 60_000 });
  if (r.status !== 0) throw new Error(`embedded ${action} failed:\n${r.stderr}${r.stdout}`);
  return r.stdout.trim();
}

const onUrl =
  (url: string): Query =>
  async <T>(sql: string) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  };

describe('backups of the embedded database (no DATABASE_URL): npm run backup, npm run restore', () => {
  let a: string;
  let b: string;
  let dir: string;
  /** The scripts' environment: the embedded database of `dataDir`, never a configured one. */
  const withoutUrl = (extra: Record<string, string>) => {
    const env: Record<string, string> = { ...(process.env as Record<string, string>), ...TEST_ID_KEYS, ...extra };
    delete env['DATABASE_URL'];
    return env;
  };

  beforeAll(() => {
    [a, b, dir] = ['careops-embedded-a-', 'careops-embedded-b-', 'careops-embedded-backups-'].map((p) => mkdtempSync(join(tmpdir(), p)));
    for (const d of [a, b]) chmodSync(d, 0o755); // as root the server runs as postgres, which must reach its data
    // The demo, as npm start loads it, then the server stopped: the backup starts it and stops it again.
    const url = embedded(a, 'up');
    const seed = spawnSync(process.execPath, [join(root, 'dist/apps/api/cli.js'), 'seed-demo'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: url, ...TEST_ID_KEYS },
    });
    if (seed.status !== 0) throw new Error(`seed-demo failed:\n${seed.stderr}${seed.stdout}`);
    embedded(a, 'down');
  });

  afterAll(() => {
    for (const d of [a, b]) if (d) embedded(d, 'down');
    for (const d of [a, b, dir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('backs up the embedded database with the pg_dump of its major, and leaves its server as it found it', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/backup.mjs')], {
      encoding: 'utf8',
      env: withoutUrl({ CAREOPS_DATA_DIR: a, CAREOPS_BACKUP_DIR: dir }),
      timeout: 120_000,
    });
    expect({ status: r.status, out: `${r.stdout}${r.stderr}` }).toMatchObject({
      status: 0,
      out: expect.stringMatching(/backing up the embedded PostgreSQL[\s\S]*pg_dump (\d+), server \1\)/),
    });
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/^careops-\d{8}-\d{6}\.dump$/)]);
    expect(embedded(a, 'running')).toBe('null');
  });

  it('restores it into a new embedded database: every table, every row, every policy the same; the app login works', async () => {
    const [file] = readdirSync(dir);
    const r = spawnSync(process.execPath, [join(root, 'scripts/restore.mjs'), join(dir, file)], {
      encoding: 'utf8',
      env: withoutUrl({ CAREOPS_DATA_DIR: b }),
      timeout: 180_000,
    });
    expect({ status: r.status, out: `${r.stdout}${r.stderr}` }).toMatchObject({ status: 0, out: expect.stringMatching(/restored into/) });
    const [urlA, urlB] = [embedded(a, 'up'), embedded(b, 'up')];
    const [fa, fb] = [await fingerprint(onUrl(urlA)), await fingerprint(onUrl(urlB))];
    expect(fa['public.resident'].rows).toBeGreaterThan(10);
    expect(fb).toEqual(fa);
    expect(await guards(onUrl(urlB))).toEqual(await guards(onUrl(urlA)));
    // The app's login on the restored server reads its tenant's residents, and no one else's.
    const app = new URL(urlB);
    app.username = 'careops_app';
    app.password = derivedAppPassword(urlB);
    const [facility] = await onUrl(urlB)<{ id: string; n: number }>(
      `SELECT facility_id AS id, count(*)::int AS n FROM resident GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    );
    const client = new Client({ connectionString: app.toString() });
    await client.connect();
    try {
      await client.query('BEGIN');
      const count = async () => (await client.query('SELECT count(*)::int AS n FROM resident')).rows[0].n;
      expect(await count()).toBe(0); // no tenant: nothing
      await client.query(`SELECT set_config('app.facility_id', $1, true)`, [facility.id]);
      expect(await count()).toBe(facility.n);
      await client.query('ROLLBACK');
    } finally {
      await client.end();
    }
  });

  it('a data directory of another major: backup refuses it untouched; db:migrate keeps it aside and makes a new one', () => {
    const c = mkdtempSync(join(tmpdir(), 'careops-embedded-c-'));
    chmodSync(c, 0o755);
    try {
      // What an earlier careops (PostgreSQL 18) left: its PG_VERSION is all either script reads first.
      mkdirSync(join(c, 'pg'));
      writeFileSync(join(c, 'pg', 'PG_VERSION'), '18\n');
      const backup = spawnSync(process.execPath, [join(root, 'scripts/backup.mjs')], {
        encoding: 'utf8',
        env: withoutUrl({ CAREOPS_DATA_DIR: c, CAREOPS_BACKUP_DIR: join(c, 'backups') }),
        timeout: 60_000,
      });
      expect({ status: backup.status, out: `${backup.stdout}${backup.stderr}` }).toMatchObject({
        status: 1,
        out: expect.stringMatching(/\[careops backup\] .*holds a PostgreSQL 18 database and this careops runs PostgreSQL \d+/),
      });
      expect(readdirSync(c).sort()).toEqual(['pg']); // untouched, no backup written
      const migrate = spawnSync(process.execPath, [join(root, 'scripts/careops.mjs'), 'migrate'], {
        encoding: 'utf8',
        env: withoutUrl({ CAREOPS_DATA_DIR: c }),
        timeout: 120_000,
      });
      expect({ status: migrate.status, out: `${migrate.stdout}${migrate.stderr}` }).toMatchObject({
        status: 0,
        out: expect.stringMatching(/was made by PostgreSQL 18 .* kept at .*pg-postgresql-18-/),
      });
      const aside = readdirSync(c).find((f) => f.startsWith('pg-postgresql-18-'));
      expect(aside && readFileSync(join(c, aside, 'PG_VERSION'), 'utf8')).toBe('18\n');
      expect(readFileSync(join(c, 'pg', 'PG_VERSION'), 'utf8').trim()).not.toBe('18');
    } finally {
      embedded(c, 'down');
      rmSync(c, { recursive: true, force: true });
    }
  });
});
