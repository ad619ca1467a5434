import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { MIGRATIONS } from '@careops/db';
import { createEmptyDatabase, createTestDatabase, TestDatabase } from '@careops/db/testing';
import { freePort, healthStatus, runApi, runLauncher, Spawned, waitUntil } from './support/processes';

const STACK_LINE = /\n\s+at \S+/;

async function stop(p: Spawned): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
  return p.exited;
}

/** Nest closes the app on SIGTERM, then re-raises the signal: a graceful end shows as that signal. */
const GRACEFUL_API_EXIT = { code: null, signal: 'SIGTERM' };

describe('the processes a user starts (README quick start)', () => {
  const made: TestDatabase[] = [];
  afterAll(() => Promise.all(made.map((d) => d.drop())));

  it('two API processes started at once on one empty database both come up; migrations ran exactly once', async () => {
    const db = await createEmptyDatabase();
    made.push(db);
    const [portA, portB] = [await freePort(), await freePort()];
    const a = runApi({ DATABASE_URL: db.url, PORT: String(portA) });
    const b = runApi({ DATABASE_URL: db.url, PORT: String(portB) });
    try {
      await waitUntil(
        'both APIs healthy',
        async () => (await healthStatus(portA)) === 200 && (await healthStatus(portB)) === 200,
        60_000,
        a,
      );
      const sql = new Client({ connectionString: db.url });
      await sql.connect();
      const { rows } = await sql.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
      await sql.end();
      expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
      const appliedLogs = (a.stdout() + b.stdout()).split('\n').filter((l) => l.includes('applied migration'));
      expect(appliedLogs).toHaveLength(MIGRATIONS.length);
    } finally {
      const ends = await Promise.all([stop(a), stop(b)]);
      expect(ends).toEqual([expect.objectContaining(GRACEFUL_API_EXIT), expect.objectContaining(GRACEFUL_API_EXIT)]);
      expect(a.stdout()).toContain('SIGTERM received: draining requests and closing');
    }
  });

  it('SIGTERM drains: a request already under way is answered, then the process ends', async () => {
    const db = await createTestDatabase();
    made.push(db);
    const port = await freePort();
    const api = runApi({ DATABASE_URL: db.url, PORT: String(port) });
    await waitUntil('the API healthy', async () => (await healthStatus(port)) === 200, 60_000, api);
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d));
    await new Promise((r) => socket.once('connect', r));
    // Half a request: the server has started reading it when the signal arrives.
    socket.write('GET /api/docs-json HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await new Promise((r) => setTimeout(r, 200));
    api.child.kill('SIGTERM');
    await waitUntil('the drain to begin', () => api.stdout().includes('SIGTERM received: draining'), 10_000, api);
    socket.write('Connection: close\r\n\r\n');
    await new Promise((r) => socket.once('close', r));
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(answer).toContain('"openapi":"3.');
    expect(await api.exited).toMatchObject(GRACEFUL_API_EXIT);
    expect(await healthStatus(port)).toBe(0);
  });

  it('API_WORKERS=2: one process migrates, two workers share the port, SIGTERM stops them all', async () => {
    const db = await createEmptyDatabase();
    made.push(db);
    const port = await freePort();
    const api = runApi({ DATABASE_URL: db.url, PORT: String(port), API_WORKERS: '2' });
    const listening = () => new Set((api.stdout().match(/"pid":(\d+)[^\n]*careops API listening/g) ?? []).map((m) => m.split(',')[0])).size;
    try {
      // Health answers as soon as one worker listens; wait for both.
      await waitUntil('both workers listening', () => listening() === 2, 60_000, api);
      expect(await healthStatus(port)).toBe(200);
      expect(
        api
          .stdout()
          .split('\n')
          .filter((l) => l.includes('applied migration')),
      ).toHaveLength(MIGRATIONS.length);
    } finally {
      expect(await stop(api)).toMatchObject({ code: 0 });
    }
    expect(api.stdout()).toContain('SIGTERM received: draining 2 workers');
  });

  it('npm start with an unreachable DATABASE_URL fails within 15 s with a clear message, not a stack dump', async () => {
    const p = runLauncher('start', { DATABASE_URL: 'postgres://bad@127.0.0.1:1/x' });
    const { code, ms } = await p.exited;
    expect(code).toBe(1);
    expect(ms).toBeLessThan(15_000);
    expect(p.stderr()).toContain(
      'Cannot connect to the database at postgres://bad@127.0.0.1:1/x: connection refused (is the server running, is the port right?)',
    );
    expect(p.stderr()).not.toMatch(STACK_LINE);
  });

  it('the API itself (as docker runs it) gives the same clear message for an unreachable database', async () => {
    const p = runApi({ DATABASE_URL: 'postgres://bad:secret@127.0.0.1:1/x', PORT: String(await freePort()) });
    const { code, ms } = await p.exited;
    expect(code).toBe(1);
    expect(ms).toBeLessThan(15_000);
    expect(p.stderr()).toBe(
      '[careops api] Cannot connect to the database at postgres://bad:***@127.0.0.1:1/x: connection refused ' +
        '(is the server running, is the port right?). Check DATABASE_URL, or unset it to use the embedded PostgreSQL of `npm start`.\n',
    );
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be an integer between 1 and 65535 (got "abc")'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgres:// URL'],
    [{ DATABASE_URL: '' }, 'DATABASE_URL is required (a postgres:// URL)'],
  ])('an invalid setting %o stops the API naming the variable', async (env, message) => {
    const p = runApi({ DATABASE_URL: 'postgres://u@127.0.0.1:1/x', ...env });
    const { code } = await p.exited;
    expect(code).toBe(1);
    expect(p.stderr()).toContain(`[careops api] Invalid configuration:\n  - ${message}`);
    expect(p.stderr()).not.toMatch(STACK_LINE);
  });

  it('admin:create creates, then resets, a platform admin; a common password is refused', async () => {
    const db = await createTestDatabase();
    made.push(db);
    const create = (password: string) => {
      const p = runLauncher('admin-create', { DATABASE_URL: db.url, ADMIN_PASSWORD: password }, ['--username', 'ops.chief']);
      return p.exited.then(({ code }) => ({ code, out: p.stdout(), err: p.stderr() }));
    };
    expect(await create('password123')).toMatchObject({ code: 1, err: expect.stringContaining('one of the most common passwords') });
    expect(await create('Quiet-Harbour-5821')).toMatchObject({ code: 0, out: expect.stringContaining('platform admin ops.chief created') });
    expect(await create('Quiet-Harbour-5822')).toMatchObject({ code: 0, out: expect.stringContaining('platform admin ops.chief reset') });
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    const { rows } = await sql.query(
      `SELECT role, password_hash LIKE '$argon2id$%' AS argon2id FROM app_user WHERE username = 'ops.chief'`,
    );
    const audit = await sql.query(`SELECT action FROM audit_event WHERE entity_type = 'user' ORDER BY id`);
    await sql.end();
    expect(rows).toEqual([{ role: 'PLATFORM_ADMIN', argon2id: true }]);
    expect(audit.rows.map((r) => r.action)).toEqual(['user.admin_create', 'user.admin_reset']);
  });

  it('npm start refuses an invalid PORT before doing anything', async () => {
    const p = runLauncher('start', { PORT: 'abc', DATABASE_URL: 'postgres://u@127.0.0.1:1/x' });
    expect((await p.exited).code).toBe(1);
    expect(p.stderr()).toContain('Invalid configuration: PORT must be an integer between 1 and 65535 (got "abc")');
  });

  it('npm start without DATABASE_URL runs an embedded PostgreSQL whose data survives a restart', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'careops-start-'));
    chmodSync(parent, 0o755);
    const dataDir = join(parent, 'data');
    const port = await freePort();
    const env = { DATABASE_URL: undefined, CAREOPS_DATA_DIR: dataDir, PORT: String(port) };
    const dbUrl = () => {
      const pid = readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
      const password = readFileSync(join(dataDir, 'pg.password'), 'utf8').trim();
      return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pid[3]}/careops`;
    };
    const query = async (text: string) => {
      const c = new Client({ connectionString: dbUrl() });
      await c.connect();
      try {
        return (await c.query(text)).rows;
      } finally {
        await c.end();
      }
    };
    const launched: Spawned[] = [];
    try {
      const first = runLauncher('start', env);
      launched.push(first);
      await waitUntil('the first start to be ready', () => first.stdout().includes('careops 护理运营 is running'), 90_000, first);
      expect(first.stdout()).toContain(`API       http://127.0.0.1:${port}/api`);
      expect(await healthStatus(port)).toBe(200);
      // The printed demo login works.
      expect(first.stdout()).toContain('manager / Demo-Yikang-Manager');
      const signIn = (username: string, password: string) =>
        fetch(`http://127.0.0.1:${port}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password }),
        });
      expect((await signIn('manager', 'Demo-Yikang-Manager')).status).toBe(200);
      // Report jobs as a user meets them: the bundle renders a document, and the worker runs a report job.
      const token = async (u: string, p: string) => ((await (await signIn(u, p)).json()) as { accessToken: string }).accessToken;
      const regulator = await token('regulator', 'Demo-Pingdingshan-MZJ');
      const month = new Date().toISOString().slice(0, 7);
      const job = (await (
        await fetch(`http://127.0.0.1:${port}/api/divisions/410400/summary-jobs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${regulator}` },
          body: JSON.stringify({ month }),
        })
      ).json()) as { id: string };
      let state: { state: string; percent: number; resultUrl: string | null } = { state: 'QUEUED', percent: 0, resultUrl: null };
      await waitUntil(
        'the worker to finish the report job',
        async () => {
          state = (await (
            await fetch(`http://127.0.0.1:${port}/api/jobs/${job.id}`, { headers: { authorization: `Bearer ${regulator}` } })
          ).json()) as typeof state;
          return state.state === 'DONE' || state.state === 'FAILED';
        },
        60_000,
        first,
      );
      expect(state).toMatchObject({ state: 'DONE', percent: 100 });
      const summary = Buffer.from(
        await (
          await fetch(`http://127.0.0.1:${port}${state.resultUrl}`, { headers: { authorization: `Bearer ${regulator}` } })
        ).arrayBuffer(),
      );
      expect(execFileSync('pdftotext', ['-', '-'], { input: summary }).toString()).toContain('辖区汇总表');
      // admin:create reaches the same data while npm start runs.
      const admin = runLauncher('admin-create', { ...env, ADMIN_PASSWORD: 'Quiet-Harbour-5821' }, ['--username', 'ops.chief']);
      const made = await admin.exited;
      expect({ code: made.code, out: admin.stdout(), err: admin.stderr() }).toMatchObject({
        code: 0,
        out: expect.stringContaining('platform admin ops.chief created'),
      });
      expect((await signIn('ops.chief', 'Quiet-Harbour-5821')).status).toBe(200);
      await query(`CREATE TABLE kept (note text); INSERT INTO kept VALUES ('written before the restart')`);
      expect(await stop(first)).toMatchObject({ code: 0 });
      expect(first.stdout()).toContain('embedded PostgreSQL stopped');
      expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

      const second = runLauncher('start', env);
      launched.push(second);
      await waitUntil('the second start to be ready', () => second.stdout().includes('careops 护理运营 is running'), 90_000, second);
      expect(await query('SELECT note FROM kept')).toEqual([{ note: 'written before the restart' }]);
      // The demo (three facilities) was loaded once, not again on the restart.
      expect(await query('SELECT count(*)::int AS n FROM facility')).toEqual([{ n: 3 }]);
      expect(second.stdout()).toContain('demo facility already present');
      expect(await stop(second)).toMatchObject({ code: 0 });
    } finally {
      await Promise.all(launched.map(stop));
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
