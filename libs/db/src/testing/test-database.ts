import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env['CAREOPS_TEST_ADMIN_URL'];
  if (!url) throw new Error('CAREOPS_TEST_ADMIN_URL is unset: run the tests through their jest config (npm test)');
  return url;
}

function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

async function createDatabase(name: string, template?: string): Promise<TestDatabase> {
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
    // A copy does not take the template's database privileges: as the migrations left them, no
    // temporary tables for the app.
    if (template) await admin.query(`REVOKE TEMPORARY ON DATABASE "${name}" FROM PUBLIC`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: urlFor(name),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl() });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A fresh database for one test file, copied from the migrated template (immich's pattern). */
export function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env['CAREOPS_TEST_TEMPLATE'];
  if (!template) throw new Error('CAREOPS_TEST_TEMPLATE is unset: run the tests through their jest config (npm test)');
  return createDatabase(`careops_t_${randomBytes(5).toString('hex')}`, template);
}

/** An empty database, no migrations applied: for tests of migrating itself. */
export function createEmptyDatabase(): Promise<TestDatabase> {
  return createDatabase(`careops_e_${randomBytes(5).toString('hex')}`);
}
