import { createEmptyDatabase, createTestDatabase, TestDatabase } from '@careops/db/testing';
import { MIGRATIONS } from '@careops/db';
import { ProbeController, startTestApp, TestApp } from './support/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('API foundation over HTTP', () => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db.url, [ProbeController]);
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  describe('GET /api/health', () => {
    it('answers 200 with the database up and every migration applied', async () => {
      const res = await t.http.get('/api/health').expect(200);
      expect(res.body).toMatchObject({
        status: 'ok',
        details: { database: { status: 'up' }, migrations: { status: 'up', applied: MIGRATIONS.length } },
      });
      expect(res.headers['x-request-id']).toMatch(UUID);
    });

    it('answers 503 naming the failing check when migrations are pending', async () => {
      const empty = await createEmptyDatabase();
      const other = await startTestApp(empty.url);
      try {
        const res = await other.http.get('/api/health').expect(503);
        expect(res.body).toMatchObject({ statusCode: 503, message: ['migrations is down'] });
        expect(res.body.details.database).toEqual({ status: 'up' });
      } finally {
        await other.close();
        await empty.drop();
      }
    });
  });

  it('serves the OpenAPI document at /api/docs-json and the browsable one at /api/docs', async () => {
    const json = await t.http.get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toContain('/api/health');
    const html = await t.http.get('/api/docs').expect(200);
    expect(html.text).toContain('swagger');
  });

  it('declares a 2xx response with a schema on every operation of auth, users, audit, documents, jobs, the demo and health', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
    };
    const ours =
      /^\/api\/(auth|users|documents|jobs|demo-logins|health)\b|^\/api\/facilities\/\{facilityId\}\/(audit|reports)\b|^\/api\/divisions\/\{code\}\/summary(\.pdf|-jobs)$/;
    const missing: string[] = [];
    let checked = 0;
    for (const [path, operations] of Object.entries(doc.paths).filter(([p]) => ours.test(p))) {
      for (const [method, op] of Object.entries(operations)) {
        checked++;
        const ok = Object.entries(op.responses ?? {}).some(
          ([status, r]) =>
            status === '204' || (/^2\d\d$/.test(status) && Object.values(r.content ?? {}).some((c) => c.schema !== undefined)),
        );
        if (!ok) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(20);
    expect(missing).toEqual([]);
  });

  describe('correlation id x-request-id', () => {
    it('reuses a caller-supplied id and echoes it', async () => {
      const res = await t.http.get('/api/health').set('x-request-id', 'caller-abc-12345').expect(200);
      expect(res.headers['x-request-id']).toBe('caller-abc-12345');
    });

    it('is on error responses too, and in their body', async () => {
      const res = await t.http.get('/api/nowhere').expect(404);
      expect(res.headers['x-request-id']).toMatch(UUID);
      expect(res.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        code: 'NOT_FOUND',
        message: ['Cannot GET /api/nowhere'],
        requestId: res.headers['x-request-id'],
      });
    });
  });

  describe('validation (global ValidationPipe: whitelist, forbidNonWhitelisted, transform)', () => {
    it('accepts a valid body', async () => {
      await t.http.post('/api/probe/echo').send({ name: '王秀英', count: 3 }).expect(201, { name: '王秀英', count: 3 });
    });

    it('refuses unknown fields with 400 listing every one of them', async () => {
      const res = await t.http.post('/api/probe/echo').send({ name: 'a', count: 1, bedCode: 'A-101', isAdmin: true }).expect(400);
      expect(res.body.statusCode).toBe(400);
      expect(res.body.error).toBe('Bad Request');
      expect(res.body.message).toEqual(
        expect.arrayContaining(['bedCode is not an accepted field (不允许的字段)', 'isAdmin is not an accepted field (不允许的字段)']),
      );
      expect(res.body.message).toHaveLength(2);
    });

    it('names every field of the wrong type', async () => {
      const res = await t.http.post('/api/probe/echo').send({ name: 42, count: 'three' }).expect(400);
      expect(res.body.message).toEqual(expect.arrayContaining(['name must be a string', 'count must be an integer number']));
    });

    it('malformed JSON is a 400 that says so, with a request id', async () => {
      const res = await t.http.post('/api/probe/echo').set('content-type', 'application/json').send('{"name": "a",').expect(400);
      expect(res.body.message[0]).toMatch(/^The request body is not valid JSON \(请求体不是有效的 JSON\)/);
      expect(res.body.requestId).toBe(res.headers['x-request-id']);
    });

    it('bodies over 1 MB are refused with 413', async () => {
      const res = await t.http
        .post('/api/probe/echo')
        .send({ name: 'x'.repeat(1024 * 1024 + 1), count: 1 })
        .expect(413);
      expect(res.body.message).toEqual(['The request body is too large (请求体过大)']);
    });
  });

  it('an unknown error is a 500 with a request id and no stack; the log has the stack under that id', async () => {
    const res = await t.http.get('/api/probe/boom').expect(500);
    expect(res.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'INTERNAL_ERROR',
      message: ['An unexpected error occurred; quote the request id when reporting it (服务器内部错误)'],
      requestId: res.headers['x-request-id'],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/secret internals|\bat .*\.ts:\d+/);

    const entry = t.logs.find((l) => l['level'] === 50 && l['requestId'] === res.body.requestId);
    expect(entry).toBeDefined();
    const err = entry?.['err'] as { message: string; stack: string };
    expect(err.message).toBe('probe exploded: secret internals');
    expect(err.stack).toMatch(/at ProbeController\.boom/);
  });
});
