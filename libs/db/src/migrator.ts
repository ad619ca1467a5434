import { Client } from 'pg';
import { createDataSource, DatabaseSettings } from './data-source';
import { DatabaseUnavailableError } from './database-error';
import { APP_ROLE, APP_ROLES_SQL, derivedAppPassword } from './app-role';

/** One key for every careops process: whoever holds it migrates, the others wait (docs/architecture.md). */
export const MIGRATION_LOCK_KEY = 7_300_150_001;

export interface MigrationLog {
  (message: string): void;
}

/**
 * Gives the application role (created by a migration, NOLOGIN) its derived login password. Runs
 * under the migration lock: concurrent ALTER ROLE on one role would collide. Skipped when the
 * operator supplies DATABASE_APP_URL and manages that role himself.
 */
async function provisionAppRole(owner: Client, ownerUrl: string): Promise<void> {
  const { rows } = await owner.query<{ sql: string }>(`SELECT format('ALTER ROLE ${APP_ROLE} WITH LOGIN PASSWORD %L', $1::text) AS sql`, [
    derivedAppPassword(ownerUrl),
  ]);
  try {
    // The roles themselves too: a database restored onto a new server by hand has none (README "Backups").
    await owner.query(APP_ROLES_SQL);
    await owner.query(rows[0].sql);
  } catch (e) {
    throw new DatabaseUnavailableError(
      ownerUrl,
      new Error(
        `could not enable the login of role ${APP_ROLE} (${(e as Error).message}); give the DATABASE_URL user CREATEROLE, ` +
          `or create that login yourself and set DATABASE_APP_URL`,
      ),
    );
  }
}

/** The server's roles the schema names (APP_ROLES_SQL), made on a new server before a restore (`cli.js roles`). */
export async function ensureAppRoles(settings: DatabaseSettings): Promise<void> {
  const owner = await connectClient(settings);
  try {
    await owner.query(APP_ROLES_SQL);
  } finally {
    await owner.end().catch(() => undefined);
  }
}

/** Connects with a short timeout and turns failure into DatabaseUnavailableError. */
export async function connectClient(settings: DatabaseSettings): Promise<Client> {
  const client = new Client({
    connectionString: settings.url,
    connectionTimeoutMillis: settings.connectTimeoutMs ?? 5000,
    application_name: `${settings.applicationName ?? 'careops'}:migrator`,
  });
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => undefined);
    throw new DatabaseUnavailableError(settings.url, e);
  }
  return client;
}

/**
 * Applies pending migrations under a session-level advisory lock, so two instances starting
 * together against one database migrate exactly once. Returns the names it applied.
 */
export async function runMigrations(
  settings: DatabaseSettings,
  log: MigrationLog = () => undefined,
  options: { provisionAppRole?: boolean; appPasswordFrom?: string } = { provisionAppRole: true },
): Promise<string[]> {
  const lock = await connectClient(settings);
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const dataSource = createDataSource({ ...settings, poolSize: 1 });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      for (const m of applied) log(`applied migration ${m.name}`);
      // The app's password derives from DATABASE_URL even when migrating past a pooler (DATABASE_DIRECT_URL).
      if (options.provisionAppRole) await provisionAppRole(lock, options.appPasswordFrom ?? settings.url);
      return applied.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end().catch(() => undefined);
  }
}
