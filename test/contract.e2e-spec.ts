import { ERRORS } from '@careops/care';
import { createTestDatabase, TestDatabase } from '@careops/db/testing';
import { startTestApp, TestApp } from './support/test-app';

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

/**
 * The contract as docs/architecture.md states it: every operation of the OpenAPI document declares
 * what it answers on success, with a schema (the web app's types come from these), and every error
 * code the document can name is in the catalogue.
 */
describe('the OpenAPI contract', () => {
  let db: TestDatabase;
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db.url);
    paths = (await t.http.get('/api/docs-json').expect(200)).body.paths;
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('every operation declares a 2xx response with a schema (204: no body)', () => {
    const operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ operation: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(operations.length).toBeGreaterThan(60);
    const missing = operations
      .filter(({ op }) => {
        const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        return !success.some(([status, r]) => status === '204' || Object.values(r.content ?? {}).some((c) => c.schema !== undefined));
      })
      .map(({ operation }) => operation);
    expect(missing).toEqual([]);
  });

  it('the error codes the filter answers with by status are all in the catalogue', () => {
    for (const code of ['VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RULE_VIOLATED', 'INTERNAL_ERROR']) {
      expect(Object.keys(ERRORS)).toContain(code);
    }
  });

  it('an error body carries its code from the catalogue and both texts in its message', async () => {
    const res = await t.http.get('/api/auth/me').expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    expect(Object.keys(ERRORS)).toContain(res.body.code);
    expect(res.body.message[0]).toMatch(/[\u4e00-\u9fff]/);
  });
});
