import { createDataSource } from '../data-source';
import { MIGRATIONS } from '../migrations';
import { createTestDatabase, TestDatabase } from './test-database';

/**
 * A fresh test database as it stood just before `migration`: it and every later migration undone,
 * newest first — to test a migration over data written under the schema before it.
 */
export async function createTestDatabaseBefore(migration: (typeof MIGRATIONS)[number]): Promise<TestDatabase> {
  const db = await createTestDatabase();
  const ds = await createDataSource({ url: db.url, poolSize: 1 }).initialize();
  try {
    for (let i = MIGRATIONS.length - 1; i >= MIGRATIONS.indexOf(migration); i--) await ds.undoLastMigration({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
  return db;
}
