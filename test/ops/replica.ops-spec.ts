// A read replica (docs/scale.md): a primary and a streaming replica made by pg_basebackup -R (Debian's
// postgresql), the API with DATABASE_READ_URL on the replica. The regulator's division summary is served
// from the replica — with replay paused there, a change committed on the primary does not show — and a
// write shows there after replication (≤ 5 s).
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { TransactionHost } from '@nestjs-cls/transactional';
import { ClsService } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { PG_BOSS, TenantDb } from '@careops/db';
import { DEMO_LOGINS } from '@careops/ops';
import { ReportJobsWorker, ReportsService } from '@careops/reports';
import { TEST_ID_KEYS } from '../support/secrets';
import { startTestApp, type TestApp } from '../support/test-app';
import { DebianCluster, pgRun } from './support/debian-postgres';
import { freePorts } from './support/ports';

const root = resolve(__dirname, '../..');
const REPLICATION_PASSWORD = 'replication-test';

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value)) return { value, ms: Date.now() - started };
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms (last: ${JSON.stringify(value)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('read replica: DATABASE_READ_URL', () => {
  let primary: DebianCluster;
  let replica: DebianCluster;
  let t: TestApp;
  let token: string;
  const month = new Date().toISOString().slice(0, 7);
  const regulator = DEMO_LOGINS.find((l) => l.role === 'REGULATOR');
  const accountant = DEMO_LOGINS.find((l) => l.role === 'ACCOUNTANT');

  /** A year of claim PDFs as a job, run by the worker's own processor (as pg-boss would call it): its final state and error. */
  async function claimsJob(): Promise<{ state: string; error: string | null }> {
    const login = await t.http.post('/api/auth/login').send({ username: accountant?.username, password: accountant?.password }).expect(200);
    const bearer = { type: 'bearer' } as const;
    const me = await t.http.get('/api/auth/me').auth(login.body.accessToken, bearer).expect(200);
    const year = new Date().getFullYear() - 5; // the demo has no claims that year: the job reads, then fails saying so
    const job = await t.http
      .post(`/api/facilities/${me.body.facilityId}/reports/claim-jobs`)
      .auth(login.body.accessToken, bearer)
      .send({ year })
      .expect(202);
    const worker = new ReportJobsWorker(
      t.app.get(PG_BOSS),
      t.app.get(DataSource),
      t.app.get(TransactionHost),
      t.app.get(ClsService),
      t.app.get(ReportsService),
      t.app.get(TenantDb),
    );
    await worker.run(job.body.id);
    return (await t.http.get(`/api/jobs/${job.body.id}`).auth(login.body.accessToken, bearer).expect(200)).body;
  }

  beforeAll(async () => {
    const [p1, p2] = await freePorts(2);
    primary = DebianCluster.init(p1);
    // A replication login and its hba line; WAL for a replica (wal_level replica, senders).
    primary.configure({ wal_level: 'replica', max_wal_senders: '4' }, [`host replication replicator 127.0.0.1/32 scram-sha-256`]);
    primary.start();
    await primary.query('postgres', `CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '${REPLICATION_PASSWORD}'`);
    await primary.query('postgres', 'CREATE DATABASE careops');
    const seed = spawnSync(process.execPath, [join(root, 'dist/apps/api/cli.js'), 'seed-demo'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: primary.url('careops'), ...TEST_ID_KEYS },
    });
    if (seed.status !== 0) throw new Error(`seed-demo failed:\n${seed.stderr}${seed.stdout}`);
    // The replica: a base backup streamed from the primary, -R writes standby.signal and primary_conninfo.
    replica = DebianCluster.empty(p2);
    pgRun(
      'pg_basebackup',
      ['-h', '127.0.0.1', '-p', String(p1), '-U', 'replicator', '-D', replica.dir, '-R', '-X', 'stream', '-c', 'fast'],
      {
        PGPASSWORD: REPLICATION_PASSWORD,
      },
    );
    replica.configure({ hot_standby: 'on' });
    replica.start();
    t = await startTestApp(primary.url('careops'), [], { ...TEST_ID_KEYS, DATABASE_READ_URL: `postgres://127.0.0.1:${p2}/careops` });
    const login = await t.http.post('/api/auth/login').send({ username: regulator?.username, password: regulator?.password }).expect(200);
    token = login.body.accessToken;
  });

  afterAll(async () => {
    await t?.close();
    replica?.destroy();
    primary?.destroy();
  });

  const summary = async () =>
    (await t.http.get(`/api/divisions/${regulator?.divisionCode}/summary?month=${month}`).auth(token, { type: 'bearer' }).expect(200))
      .body as {
      rows: Array<{ facilityId: string; name: string }>;
    };

  it('the replica streams from the primary (in recovery, a walsender on the primary)', async () => {
    expect(await replica.query('careops', 'SELECT pg_is_in_recovery() AS r')).toEqual([{ r: true }]);
    const { value: senders } = await until(
      'a streaming walsender',
      () => primary.query<{ usename: string; state: string }>('postgres', 'SELECT usename, state FROM pg_stat_replication'),
      (rows) => rows.some((r) => r.state === 'streaming'),
      10_000,
    );
    expect(senders).toEqual([expect.objectContaining({ usename: 'replicator', state: 'streaming' })]);
  });

  it("serves the regulator's division summary from the replica, and a write shows there after replication", async () => {
    const before = await summary();
    expect(before.rows.length).toBeGreaterThanOrEqual(1);
    const facility = before.rows[0];
    // The replica's pool, as the app's login (row-level security as on the primary).
    const sessions = await replica.query<{ usename: string }>(
      'postgres',
      `SELECT usename FROM pg_stat_activity WHERE application_name = 'careops:api:replica'`,
    );
    expect(sessions.length).toBeGreaterThanOrEqual(1);
    expect(new Set(sessions.map((s) => s.usename))).toEqual(new Set(['careops_app']));

    // Replay paused on the replica: a rename committed on the primary is not in the summary.
    await replica.query('postgres', 'SELECT pg_wal_replay_pause()');
    const renamed = `${facility.name}（复制测试）`;
    await primary.query('careops', 'UPDATE facility SET name = $2 WHERE id = $1', [facility.facilityId, renamed]);
    expect(await primary.query('careops', 'SELECT name FROM facility WHERE id = $1', [facility.facilityId])).toEqual([{ name: renamed }]);
    const stale = await summary();
    expect(stale.rows.find((r) => r.facilityId === facility.facilityId)?.name).toBe(facility.name);

    // Replay resumed: the row is on the replica within 5 s, and the summary shows it.
    await replica.query('postgres', 'SELECT pg_wal_replay_resume()');
    const { ms } = await until(
      'the rename on the replica',
      () => replica.query<{ name: string }>('careops', 'SELECT name FROM facility WHERE id = $1', [facility.facilityId]),
      (rows) => rows[0]?.name === renamed,
      5000,
    );
    console.log(`[careops ops] a write on the primary was on the replica after ${ms} ms`);
    expect((await summary()).rows.find((r) => r.facilityId === facility.facilityId)?.name).toBe(renamed);
  });

  it("report jobs read the replica: a year's claims are looked up there", async () => {
    // The replica answers: the job reads the year and finds no claim in it.
    expect(await claimsJob()).toMatchObject({ state: 'FAILED', error: expect.stringMatching(/^no claims in \d{4}/) });
  });

  it('other requests stay on the primary: with the replica stopped, only the summary and the job reads fail', async () => {
    replica.stop();
    const res = await t.http.get(`/api/divisions/${regulator?.divisionCode}/summary?month=${month}`).auth(token, { type: 'bearer' });
    expect(res.status).toBe(503);
    await t.http.get('/api/auth/me').auth(token, { type: 'bearer' }).expect(200);
    const job = await claimsJob();
    expect(job.state).toBe('FAILED');
    // Not "no claims": the job could not reach the replica.
    expect(job.error).toMatch(/ECONNREFUSED|terminat|connect/i);
  });
});
