import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { childPids, freePort, runLauncher, secondsUntil, Spawned, statusOf, waitUntil } from './support/processes';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** under `npm start` what dies comes back on its own, and health says what is down meanwhile. */
describe('faults heal: npm start restarts what dies', () => {
  let parent: string;
  let dataDir: string;
  let port: number;
  let launcher: Spawned | undefined;
  const lockFile = () => readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
  const postmasterPid = () => Number(lockFile()[0]);
  const out = () => launcher?.stdout() ?? '';
  const running = (p: Spawned | undefined): p is Spawned => !!p && p.child.exitCode === null && p.child.signalCode === null;
  const appPid = (app: 'api' | 'worker') => {
    const pids = childPids(launcher?.child.pid ?? -1, `dist/apps/${app}/main.js`);
    expect(pids).toHaveLength(1);
    return pids[0];
  };
  const sql = async <T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]> => {
    const password = readFileSync(join(dataDir, 'pg.password'), 'utf8').trim();
    const client = new Client({
      connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${lockFile()[3]}/careops`,
    });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(10_000), ...init });
  const statusIs =
    (path: string, status: number, timeoutMs = 3000) =>
    async () =>
      (await statusOf(port, path, timeoutMs)) === status;

  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), 'careops-faults-'));
    chmodSync(parent, 0o755);
    dataDir = join(parent, 'data');
    port = await freePort();
    launcher = runLauncher('start', { DATABASE_URL: undefined, CAREOPS_DATA_DIR: dataDir, PORT: String(port), API_WORKERS: '1' });
    await waitUntil('npm start to be ready', () => out().includes('careops 护理运营 is running'), 110_000, launcher);
  }, 120_000);

  afterAll(async () => {
    if (running(launcher)) {
      const ours = childPids(launcher.child.pid ?? -1);
      launcher.child.kill('SIGTERM');
      const ended = await Promise.race([launcher.exited, sleep(45_000).then(() => null)]);
      for (const pid of ended ? [] : [launcher.child.pid ?? -1, ...ours]) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    }
    rmSync(parent, { recursive: true, force: true });
  }, 60_000);

  it('kill -9 of the only API process and of the worker: the launcher starts each again; /api/health is 200 within 10 s', async () => {
    const apiPid = appPid('api');
    const apiKilledAt = Date.now();
    process.kill(apiPid, 'SIGKILL');
    const healthyAfter = await secondsUntil(
      '/api/health to answer 200 from a new API process',
      async () => {
        return (
          childPids(launcher?.child.pid ?? -1, 'dist/apps/api/main.js').some((pid) => pid !== apiPid) &&
          (await statusOf(port, '/api/health')) === 200
        );
      },
      10_000,
      { since: apiKilledAt },
    );
    expect(healthyAfter).toBeLessThan(10);
    expect(out()).toMatch(
      new RegExp(`\\[careops\\] the api process \\(pid ${apiPid}\\) was killed \\(SIGKILL\\) after [\\d.]+ s; restarting it in 0\\.5 s\\n`),
    );

    const workerPid = appPid('worker');
    const workerStarts = () =>
      out()
        .split('\n')
        .filter((l) => l.includes('careops worker started')).length;
    const startsBefore = workerStarts();
    const workerKilledAt = Date.now();
    process.kill(workerPid, 'SIGKILL');
    const workerAfter = await secondsUntil('a new worker to start', () => workerStarts() > startsBefore, 10_000, { since: workerKilledAt });
    expect(appPid('worker')).not.toBe(workerPid);
    expect(out()).toContain(`[careops] the worker process (pid ${workerPid}) was killed (SIGKILL)`);
    console.log(`[faults] api kill -9 → healthy after ${healthyAfter} s; worker kill -9 → started again after ${workerAfter} s`);
  });

  it('kill -9 of the postmaster: /api/health is 503 within 2 s and 200 again within 10 s with no one acting; no claim is left partial', async () => {
    const login = await api('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'accountant', password: 'Demo-Yikang-Ledger' }),
    });
    const headers = {
      authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`,
      'content-type': 'application/json',
    };
    const { facilityId } = (await (await api('/api/auth/me', { headers })).json()) as { facilityId: string };
    // The demo's residents came 20 to 320 days ago: the ten months before this one have lines.
    const now = new Date();
    const months = Array.from({ length: 10 }, (_, i) =>
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1 - i, 1)).toISOString().slice(0, 7),
    );
    const backgroundNames = async () =>
      new Set((await sql<{ name: string }>(`SELECT DISTINCT application_name AS name FROM pg_stat_activity`)).map((r) => r.name));
    const listenersUp = async () => {
      const names = await backgroundNames();
      return names.has('careops:board-listener') && names.has('careops:worker:queue');
    };
    await waitUntil('the board listener and the worker queue to be connected', listenersUp, 10_000, launcher);
    const portBefore = lockFile()[3];

    // Two browser tabs of the accountant generate claims throughout (a draft regenerated has its lines replaced).
    let generating = true;
    const answers: { status: number; at: number }[] = [];
    const generate = async (first: number) => {
      for (let i = first; generating; i += 2) {
        const status = await api(`/api/facilities/${facilityId}/claims`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ month: months[i % months.length] }),
        })
          .then(async (res) => {
            await res.arrayBuffer();
            return res.status;
          })
          .catch(() => 0);
        answers.push({ status, at: Date.now() });
        if (status !== 201) await sleep(50);
      }
    };
    const generators = [generate(0), generate(1)];
    try {
      await waitUntil('claims to be generated', () => answers.filter((a) => a.status === 201).length >= 4, 30_000, launcher);
      const killedAt = Date.now();
      process.kill(postmasterPid(), 'SIGKILL');
      const downAfter = await secondsUntil('/api/health to answer 503', statusIs('/api/health', 503), 2000, {
        since: killedAt,
        everyMs: 50,
      });
      const healthyAfter = await secondsUntil('/api/health to answer 200 again', statusIs('/api/health', 200), 10_000, { since: killedAt });
      expect(downAfter).toBeLessThan(2);
      expect(healthyAfter).toBeLessThan(10);
      expect(lockFile()[3]).toBe(portBefore);
      expect(out()).toMatch(
        /\[careops\] the embedded PostgreSQL \(pid \d+\) was killed \(SIGKILL\) after [\d.]+ s; restarting it on port \d+ in 0\.5 s\n/,
      );
      // The API's board-cache listener and the worker's queue reconnect by themselves.
      const reconnectedAfter = await secondsUntil('the board listener and the worker queue to reconnect', listenersUp, 10_000, {
        since: killedAt,
        everyMs: 250,
      });
      const recoveredAt = killedAt + healthyAfter * 1000;
      await waitUntil(
        'a claim generated after the recovery',
        () => answers.some((a) => a.status === 201 && a.at > recoveredAt),
        10_000,
        launcher,
      );
      generating = false;
      await Promise.all(generators);

      const partial = await sql(
        `SELECT c.id, c.total_fen FROM claim c WHERE c.total_fen <> (SELECT coalesce(sum(l.amount_fen), 0) FROM claim_line l WHERE l.claim_id = c.id)`,
      );
      expect(partial).toEqual([]);
      const [claims] = await sql<{ n: number; lines: number }>(
        `SELECT count(*)::int AS n, (SELECT count(*)::int FROM claim_line WHERE facility_id = $1) AS lines FROM claim WHERE facility_id = $1`,
        [facilityId],
      );
      expect(claims.n).toBeGreaterThanOrEqual(2);
      expect(claims.lines).toBeGreaterThan(0);
      const refused = answers.filter((a) => a.status !== 201);
      // A request the outage cut short is told to retry (503), never a bare 500.
      expect([...new Set(refused.map((a) => a.status))].filter((s) => s !== 503)).toEqual([]);
      console.log(
        `[faults] postgres kill -9 → 503 after ${downAfter} s, healthy after ${healthyAfter} s, listeners back after ${reconnectedAfter} s; ` +
          `${answers.length - refused.length} claim requests answered 201, ${refused.length} failed meanwhile (statuses ${[...new Set(refused.map((a) => a.status))].join(', ')}); no partial claim`,
      );
    } finally {
      generating = false;
      await Promise.all(generators);
    }
  });

  it('PostgreSQL frozen (SIGSTOP): /api/health/ready answers 503 naming the database within ~2 s, /api/health/live stays 200', async () => {
    const postmaster = postmasterPid();
    process.kill(postmaster, 'SIGSTOP');
    const frozen = [postmaster, ...childPids(postmaster)];
    for (const pid of frozen.slice(1)) process.kill(pid, 'SIGSTOP');
    let readyMs = 0;
    let liveMs = 0;
    try {
      const asked = Date.now();
      const [ready, live, health] = await Promise.all([
        api('/api/health/ready').then(async (res) => ({
          status: res.status,
          body: (await res.json()) as { message: string[] },
          ms: Date.now() - asked,
        })),
        api('/api/health/live').then(async (res) => ({ status: res.status, body: await res.json(), ms: Date.now() - asked })),
        statusOf(port, '/api/health'),
      ]);
      readyMs = ready.ms;
      liveMs = live.ms;
      expect({ ready: ready.status, message: ready.body.message, live: live.status, liveBody: live.body, health }).toEqual({
        ready: 503,
        message: ['database is down'],
        live: 200,
        liveBody: { status: 'ok' },
        health: 503,
      });
      expect(readyMs).toBeLessThan(2500);
      expect(liveMs).toBeLessThan(500);
    } finally {
      for (const pid of frozen.reverse()) process.kill(pid, 'SIGCONT');
    }
    const thawedAt = Date.now();
    const readyAgain = await secondsUntil('/api/health/ready to answer 200 again', statusIs('/api/health/ready', 200), 5000, {
      since: thawedAt,
    });
    console.log(
      `[faults] postgres frozen (SIGSTOP) → /api/health/ready 503 in ${readyMs / 1000} s, /api/health/live 200 in ${liveMs / 1000} s; ready ${readyAgain} s after SIGCONT`,
    );
  });

  // The API and the worker stopped here lived through the outages above.
  it('SIGTERM: readiness answers 503 while the API drains; then the API, the worker and the database stop, in that order', async () => {
    const stopping = launcher as Spawned;
    const apiPid = appPid('api');
    const workerPid = appPid('worker');
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d));
    await new Promise((r) => socket.once('connect', r));
    // Half a request: it is under way when the signal arrives, so the drain waits for it.
    socket.write('GET /api/health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await sleep(200);
    const signalledAt = Date.now();
    stopping.child.kill('SIGTERM');
    const drainLine = (pid: number) =>
      out()
        .split('\n')
        .findIndex((l) => l.includes(`"pid":${pid},`) && l.includes('SIGTERM received: draining'));
    await waitUntil('the API to drain', () => drainLine(apiPid) >= 0, 10_000);
    socket.write('Connection: close\r\n\r\n');
    await new Promise((r) => socket.once('close', r));
    expect(answer).toMatch(/^HTTP\/1\.1 503 /);
    expect(answer).toContain('shutting down');
    expect((await stopping.exited).code).toBe(0);
    const stoppedAfter = (Date.now() - signalledAt) / 1000;
    expect(stoppedAfter).toBeLessThan(15);
    const lines = out().split('\n');
    const stoppedDatabase = lines.indexOf('[careops] embedded PostgreSQL stopped');
    expect(drainLine(apiPid)).toBeLessThan(drainLine(workerPid));
    expect(drainLine(workerPid)).toBeLessThan(stoppedDatabase);
    expect(lines.filter((l) => /^\[careops\] .*restarting it/.test(l))).toHaveLength(3);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    console.log(`[faults] SIGTERM → readiness 503 while draining; API, worker and PostgreSQL stopped after ${stoppedAfter} s`);
  });
});
