// Many instances on one database (docs/scale.md): two APIs of two HTTP workers each and two worker
// processes, as a deployment behind a load balancer runs them. Every scheduled job runs once per
// period (JOBS_CRON rehearses them once a minute), a report job once; a write through one API is on
// the other's cached bed board within 1 s (LISTEN/NOTIFY across processes); a rolling restart of one
// API under a loop of POSTs with Idempotency-Key loses none and books none twice.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { createOrResetAdmin } from '@careops/auth';
import { idNumberCheckChar } from '@careops/care';
import { createDataSource } from '@careops/db';
import { createTestDatabase, TestDatabase } from '@careops/db/testing';
import { freePort, healthStatus, ROOT, run, runApi, Spawned, waitUntil } from '../support/processes';
import { TEST_ID_KEYS, TEST_JWT_SECRET } from '../support/secrets';

const PASSWORD = 'Lotus-Pond-7731';
const BOARD_DATE = '2026-03-01';
/** The queues of the worker's schedules (libs/ops): each must run once in each minute JOBS_CRON covers. */
const SCHEDULED = ['monthly-claims', 'claim-reminders', 'monthly-report-reminders', 'staffing-alerts', 'data-health-check'];

interface Answer {
  status: number;
  body: unknown;
}

/** One request on a connection of its own (no keep-alive), so that the cluster hands it to either HTTP worker. */
function request(port: number, method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: text && /json/.test(String(res.headers['content-type'])) ? JSON.parse(text) : text,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(15_000, () => req.destroy(new Error('timed out')));
    req.end(payload);
  });
}

async function must(port: number, method: string, path: string, token?: string, body?: unknown): Promise<Record<string, unknown>> {
  const r = await request(port, method, path, token, body);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
}

function idNumber(dateOfBirth: string, seq: number): string {
  const first17 = `410421${dateOfBirth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

const env = (db: TestDatabase) => ({ DATABASE_URL: db.url, LOG_LEVEL: 'info', LOGIN_RATE_LIMIT_PER_MINUTE: '100000' });

function startWorker(db: TestDatabase): Spawned {
  return run(process.execPath, [join(ROOT, 'dist/apps/worker/main.js')], {
    ...env(db),
    JWT_SECRET: TEST_JWT_SECRET,
    ...TEST_ID_KEYS,
    JOBS_CRON: '* * * * *',
    PDF_POOL_SIZE: '1',
  });
}

function startApi(db: TestDatabase, port: number): Spawned {
  return runApi({ ...env(db), PORT: String(port), API_WORKERS: '2', PDF_POOL_SIZE: '1' });
}

async function stop(p: Spawned): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
  return p.exited;
}

describe('two APIs (2 HTTP workers each) and two workers on one database', () => {
  const started = Date.now();
  let db: TestDatabase;
  let sql: Client;
  const processes: Spawned[] = [];
  let apiA: Spawned;
  let portA: number;
  let portB: number;
  let admin: string;
  let manager: string;
  let facility: string;
  const beds: string[] = [];
  const residents: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const owner = await createDataSource({ url: db.url, poolSize: 1 }).initialize();
    await createOrResetAdmin(owner, 'root', PASSWORD);
    await owner.destroy();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    // The workers first: the schedules' first minute starts as soon as they are up.
    const workers = [startWorker(db), startWorker(db)];
    processes.push(...workers);
    [portA, portB] = [await freePort(), await freePort()];
    apiA = startApi(db, portA);
    const apiB = startApi(db, portB);
    processes.push(apiA, apiB);
    await waitUntil('API A healthy', async () => (await healthStatus(portA)) === 200, 60_000, apiA);
    await waitUntil('API B healthy', async () => (await healthStatus(portB)) === 200, 60_000, apiB);
    for (const w of workers) await waitUntil('a worker started', () => w.stdout().includes('careops worker started'), 60_000, w);

    admin = (await must(portA, 'POST', '/api/auth/login', undefined, { username: 'root', password: PASSWORD })).accessToken as string;
    facility = (
      await must(portA, 'POST', '/api/facilities', admin, {
        name: '颐康养老院',
        type: 'CARE_HOME',
        divisionCode: '410421',
        buildingAreaM2: 3000,
      })
    ).id as string;
    await must(portB, 'POST', '/api/users', admin, {
      username: 'manager.a',
      password: PASSWORD,
      role: 'FACILITY_MANAGER',
      facilityId: facility,
    });
    manager = (await must(portB, 'POST', '/api/auth/login', undefined, { username: 'manager.a', password: PASSWORD }))
      .accessToken as string;
    const f = `/api/facilities/${facility}`;
    const room = (await must(portA, 'POST', `${f}/rooms`, manager, { building: '1号楼', floor: 1, number: '101' })).id;
    for (let i = 0; i < 2; i++) {
      beds.push((await must(portA, 'POST', `${f}/beds`, manager, { code: `101-${i + 1}`, roomId: room, kind: 'NURSING' })).id as string);
      const dob = `194${i}-05-0${i + 1}`;
      residents.push(
        (
          await must(portB, 'POST', `${f}/residents`, manager, {
            name: `王秀${'兰英'[i]}`,
            gender: 'F',
            dateOfBirth: dob,
            idNumber: idNumber(dob, 200 + 2 * i),
          })
        ).id as string,
      );
    }
  }, 90_000);

  afterAll(async () => {
    await Promise.all(processes.map(stop));
    await sql?.end();
    await db?.drop();
  });

  it('an admission through API A is on API B’s cached bed board within 1 s, in both of its HTTP workers', async () => {
    const board = `/api/facilities/${facility}/beds?date=${BOARD_DATE}`;
    const statusOnB = async () => {
      const r = await request(portB, 'GET', board, manager);
      expect(r.status).toBe(200);
      return (r.body as Array<{ id: string; status: string }>).find((b) => b.id === beds[0])?.status;
    };
    // Warm the cache of both HTTP workers of B (new connections are dealt round-robin).
    for (let i = 0; i < 6; i++) expect(await statusOnB()).toBe('FREE');
    const written = Date.now();
    await must(portA, 'POST', `/api/facilities/${facility}/admissions`, manager, {
      residentId: residents[0],
      bedId: beds[0],
      admittedOn: '2026-01-05',
      careLevel: 'FULLY_DISABLED',
    });
    // Seen once is not enough: four answers in a row (both HTTP workers) must show it.
    let inARow = 0;
    while (inARow < 4) {
      inARow = (await statusOnB()) === 'OCCUPIED' ? inARow + 1 : 0;
      if (Date.now() - written > 1000) break;
    }
    expect({ inARow, withinMs: Date.now() - written <= 1000 }).toEqual({ inARow: 4, withinMs: true });
  });

  it('a rolling restart of API A under a loop of POSTs with Idempotency-Key loses none and books none twice', async () => {
    const f = `/api/facilities/${facility}`;
    const sent: string[] = [];
    const attempts: Record<string, number> = {};
    let retried = 0;
    let stopping = false;
    /** Posts until answered, to A and B in turn; a refused or dropped connection (or 503) is sent again with the same key. */
    const post = async (key: string, n: number) => {
      const dob = `1950-0${1 + (n % 9)}-1${n % 10}`;
      const body = { name: `滚动${n}`, gender: n % 2 ? 'M' : 'F', dateOfBirth: dob, idNumber: idNumber(dob, n % 1000) };
      for (let attempt = 0; attempt < 40; attempt++) {
        attempts[key] = attempt + 1;
        const port = (n + attempt) % 2 === 0 ? portA : portB;
        try {
          const r = await request(port, 'POST', `${f}/residents`, manager, body, { 'idempotency-key': key });
          if (r.status === 201) return;
          if (r.status !== 503) throw new Error(`${key}: ${r.status} ${JSON.stringify(r.body)}`);
        } catch (e) {
          if (!/ECONNREFUSED|ECONNRESET|socket hang up|EPIPE|timed out/.test((e as Error).message)) throw e;
        }
        retried++;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${key}: no answer after 40 attempts`);
    };
    let n = 0;
    const client = async () => {
      while (!stopping) {
        const i = n++;
        const key = `roll-${i}-${randomUUID()}`;
        sent.push(key);
        await post(key, i);
      }
    };
    const clients = Array.from({ length: 6 }, client);
    await new Promise((r) => setTimeout(r, 1500));
    const before = n;
    // The restart: SIGTERM drains A's two HTTP workers; the same command starts it again on its port.
    const killedAt = Date.now();
    apiA.child.kill('SIGTERM');
    const end = await apiA.exited;
    const during = n;
    const t1 = Date.now();
    apiA = startApi(db, portA);
    processes.push(apiA);
    await waitUntil('API A healthy again', async () => (await healthStatus(portA)) === 200, 60_000, apiA);
    console.log(
      `rolling restart: drained in ${t1 - killedAt} ms, up again in ${Date.now() - t1} ms; ${n} keys sent, ${retried} sent again`,
    );
    await new Promise((r) => setTimeout(r, 1500));
    stopping = true;
    await Promise.all(clients);

    expect(end).toEqual(expect.objectContaining({ code: 0 }));
    expect(before).toBeGreaterThan(10);
    expect(n).toBeGreaterThan(during);
    const { rows } = await sql.query<{ name: string; n: number }>(
      `SELECT name, count(*)::int AS n FROM resident WHERE facility_id = $1 AND name LIKE '滚动%' GROUP BY name`,
      [facility],
    );
    const created = new Map(rows.map((r) => [r.name, r.n]));
    const names = sent.map((k) => `滚动${k.split('-')[1]}`);
    expect(names.filter((name) => created.get(name) !== 1)).toEqual([]);
    expect(rows).toHaveLength(sent.length);
    const keys = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM idempotent_request WHERE key = ANY($1) AND completed`, [
      sent,
    ]);
    expect(keys.rows[0].n).toBe(sent.length);
    // Some keys had to be sent more than once (A was down a while), and came back answered.
    expect(retried).toBeGreaterThan(0);
    expect(Math.max(...Object.values(attempts))).toBeGreaterThan(1);
  });

  it('a report job sent through one API is run once, by one of the two workers', async () => {
    const job = await must(portB, 'POST', '/api/divisions/410000/summary-jobs', admin, { month: '2026-02' });
    await waitUntil(
      'the report job done',
      async () => ['DONE', 'FAILED'].includes(String((await must(portA, 'GET', `/api/jobs/${job.id}`, admin)).state)),
      60_000,
    );
    expect((await must(portA, 'GET', `/api/jobs/${job.id}`, admin)).state).toBe('DONE');
    const { rows } = await sql.query<{ state: string }>(
      `SELECT state FROM pgboss.job WHERE name = 'report-jobs' AND data->>'jobId' = $1
       UNION ALL SELECT state FROM pgboss.archive WHERE name = 'report-jobs' AND data->>'jobId' = $1`,
      [job.id],
    );
    expect(rows).toEqual([{ state: 'completed' }]);
  });

  it('every scheduled job runs exactly once in each minute of JOBS_CRON, though both workers schedule it', async () => {
    /** Periods (minutes) the schedules fired in, per queue: pg-boss's send-it jobs, one per slot. */
    const periods = async () =>
      (
        await sql.query<{ queue: string; slot: string }>(
          `SELECT data->>'name' AS queue, singleton_on::text AS slot FROM pgboss.job WHERE name = '__pgboss__send-it' AND state = 'completed'`,
        )
      ).rows;
    const runs = async () =>
      (
        await sql.query<{ name: string; state: string; n: number }>(
          `SELECT name, state, count(*)::int AS n FROM pgboss.job WHERE name = ANY($1) GROUP BY 1, 2`,
          [SCHEDULED],
        )
      ).rows;
    // Two minutes seen for every queue, and nothing of theirs still queued or running.
    await waitUntil(
      'two periods of every schedule, each run to its end',
      async () => {
        const p = await periods();
        const r = await runs();
        return (
          SCHEDULED.every((q) => new Set(p.filter((x) => x.queue === q).map((x) => x.slot)).size >= 2) &&
          r.every((x) => x.state === 'completed') &&
          SCHEDULED.every((q) => r.some((x) => x.name === q))
        );
      },
      Math.max(5_000, 88_000 - (Date.now() - started)),
    );
    const p = await periods();
    const r = await runs();
    for (const q of SCHEDULED) {
      const slots = p.filter((x) => x.queue === q).length;
      expect({ q, runs: r.find((x) => x.name === q)?.n }).toEqual({ q, runs: slots });
    }
    // The data-health check's own rows: one report per run, each from a different job.
    const reports = await sql.query<{ n: number; jobs: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT job_id)::int AS jobs FROM data_health_report WHERE trigger = 'SCHEDULE'`,
    );
    const healthRuns = r.find((x) => x.name === 'data-health-check')?.n;
    expect(reports.rows[0]).toEqual({ n: healthRuns, jobs: healthRuns });
    // Both workers were up the whole time (each would have scheduled and run jobs on its own).
    for (const w of processes.slice(0, 2)) expect(w.child.exitCode).toBeNull();
  });
});
