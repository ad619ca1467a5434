import { Client } from 'pg';
import { createEmptyDatabase, createTestDatabase, TestDatabase } from './testing';
import { MIGRATIONS } from './migrations';
import { runMigrations } from './migrator';
import { DatabaseUnavailableError } from './database-error';

async function appliedNames(url: string): Promise<string[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
    return rows.map((r) => r.name);
  } finally {
    await c.end();
  }
}

describe('migrations (docs/architecture.md: applied at start-up under an advisory lock)', () => {
  const made: TestDatabase[] = [];
  afterAll(() => Promise.all(made.map((d) => d.drop())));

  it('a migrated database has nothing pending: running again applies nothing', async () => {
    const db = await createTestDatabase();
    made.push(db);
    expect(await runMigrations({ url: db.url })).toEqual([]);
    expect(await appliedNames(db.url)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('six migrators racing on one empty database apply each migration exactly once', async () => {
    const db = await createEmptyDatabase();
    made.push(db);
    const results = await Promise.all(Array.from({ length: 6 }, () => runMigrations({ url: db.url })));
    const applied = results.flat();
    expect(applied.sort()).toEqual(MIGRATIONS.map((m) => m.name).sort());
    expect(results.filter((r) => r.length > 0)).toHaveLength(1);
    expect(await appliedNames(db.url)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('an unreachable server is a DatabaseUnavailableError with a readable message, not a stack', async () => {
    const attempt = runMigrations({ url: 'postgres://bad:secret@127.0.0.1:1/x', connectTimeoutMs: 2000 });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(attempt).rejects.toThrow('Cannot connect to the database at postgres://bad:***@127.0.0.1:1/x: connection refused');
  });
});
