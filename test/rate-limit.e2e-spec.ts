import { createTestDatabase, TestDatabase } from '@careops/db/testing';
import { freePort, healthStatus, runApi, Spawned, waitUntil } from './support/processes';

/**
 * the sign-in limit is counted in PostgreSQL, so it holds across the API's processes
 * (it counted per process: with API_WORKERS=2, 40 attempts a minute passed a limit of 20).
 */
describe('the sign-in rate limit holds across API processes', () => {
  let db: TestDatabase;
  let api: Spawned | undefined;
  afterAll(async () => {
    if (api && api.child.exitCode === null) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    await db?.drop();
  });

  it('API_WORKERS=2, LOGIN_RATE_LIMIT_PER_MINUTE=20: of 40 attempts from one address, 20 are answered and 20 refused with 429', async () => {
    db = await createTestDatabase();
    const port = await freePort();
    api = runApi({ DATABASE_URL: db.url, PORT: String(port), API_WORKERS: '2', LOGIN_RATE_LIMIT_PER_MINUTE: '20' });
    const listening = () =>
      new Set((api?.stdout().match(/"pid":(\d+)[^\n]*careops API listening/g) ?? []).map((m) => m.split(',')[0])).size;
    await waitUntil('both workers listening', () => listening() === 2, 60_000, api);
    expect(await healthStatus(port)).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      // A new connection each time: the cluster hands connections to its workers in turn.
      const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', connection: 'close' },
        body: JSON.stringify({ username: `nobody.${i}`, password: 'not-the-password' }),
      });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    const count = (s: number) => statuses.filter((x) => x === s).length;
    console.log(`[rate-limit] 40 sign-in attempts over 2 workers: ${count(401)} × 401, ${count(429)} × 429`);
    expect({ answered: count(401), limited: count(429) }).toEqual({ answered: 20, limited: 20 });
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    // Both workers answered some of them.
    const pids = new Set((api.stdout().match(/"pid":(\d+)[^\n]*"url":"\/api\/auth\/login"/g) ?? []).map((m) => m.split(',')[0]));
    expect(pids.size).toBe(2);
  });
});
