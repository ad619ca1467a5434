import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { AccountError, createOrResetAdmin } from '@careops/auth';
import { createDataSource, ensureAppRoles, onServer, runMigrations } from '@careops/db';
import { DEMO_LOGINS, seedDemo } from '@careops/ops';
import { IdNumberProtector, rotateIdKeys } from '@careops/residents';
import { exitOnBootFailure, OperatorError } from '@careops/platform';

/**
 * Operator commands run by scripts/careops.mjs: `migrate`, `seed-demo`, `rotate-id-keys`, `admin-create --username X`;
 * `roles` (the server's roles the schema names, made before a restore: scripts/restore.mjs).
 */
async function main(args: string[]): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new OperatorError('DATABASE_URL is required');
  // Past a pooler, straight to PostgreSQL (the migrator's session-level advisory lock; docs/scale.md).
  const direct = process.env['DATABASE_DIRECT_URL'] ? onServer(url, process.env['DATABASE_DIRECT_URL']) : url;
  const database = { url: direct, connectTimeoutMs: 5000, applicationName: 'careops:cli' };
  const provision = { provisionAppRole: !process.env['DATABASE_APP_URL'], appPasswordFrom: url };
  switch (args[0]) {
    case 'migrate': {
      const applied = await runMigrations(database, (m) => console.log(`[careops] ${m}`), provision);
      console.log(`[careops] migrations: ${applied.length} applied, schema is current`);
      return;
    }
    case 'roles': {
      await ensureAppRoles(database);
      return;
    }
    case 'seed-demo': {
      await runMigrations(database, () => undefined, provision);
      const dataSource = await createDataSource(database).initialize();
      try {
        const { facilityId, created } = await seedDemo(dataSource, idProtector());
        console.log(`[careops] demo facility ${created ? 'loaded' : 'already present'}: ${facilityId}`);
        console.log(`[careops] demo logins: ${DEMO_LOGINS.map((l) => `${l.username} / ${l.password}`).join(', ')}`);
      } finally {
        await dataSource.destroy();
      }
      return;
    }
    case 'rotate-id-keys': {
      await runMigrations(database, () => undefined, provision);
      const dataSource = await createDataSource(database).initialize();
      try {
        const ids = idProtector();
        const { facilities, reEncrypted } = await rotateIdKeys(dataSource, ids);
        console.log(`[careops] ID numbers re-encrypted with key ${ids.currentVersion}: ${reEncrypted} (in ${facilities} facilities)`);
      } finally {
        await dataSource.destroy();
      }
      return;
    }
    case 'admin-create': {
      const i = args.indexOf('--username');
      const username = i >= 0 ? args[i + 1] : undefined;
      if (!username)
        throw new OperatorError('usage: npm run admin:create -- --username NAME   (password from ADMIN_PASSWORD, else prompted)');
      const password = process.env['ADMIN_PASSWORD'] || (await promptPassword(`Password for ${username}: `));
      await runMigrations(database, () => undefined, provision);
      const dataSource = await createDataSource(database).initialize();
      try {
        const { created } = await createOrResetAdmin(dataSource, username, password);
        console.log(`[careops] platform admin ${username} ${created ? 'created' : 'reset (new password, unlocked)'}`);
      } catch (e) {
        if (e instanceof AccountError) throw new OperatorError(e.message);
        throw e;
      } finally {
        await dataSource.destroy();
      }
      return;
    }
    default:
      throw new OperatorError('usage: cli.js migrate | seed-demo | rotate-id-keys | admin-create --username NAME');
  }
}

/** The ID-number keys of the configuration (the demo residents' ID numbers are stored encrypted). */
function idProtector(): IdNumberProtector {
  const encryptionKeys = process.env['ID_ENCRYPTION_KEYS'];
  const hmacKey = process.env['ID_HMAC_KEY'];
  if (!encryptionKeys || !hmacKey) throw new OperatorError('ID_ENCRYPTION_KEYS and ID_HMAC_KEY are required (npm start generates them)');
  return new IdNumberProtector({ encryptionKeys, hmacKey });
}

/** Reads a password from the terminal without echoing it. */
function promptPassword(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    return Promise.reject(new OperatorError('no terminal to prompt on: set ADMIN_PASSWORD'));
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

main(process.argv.slice(2)).catch((e) => exitOnBootFailure('cli', e));
