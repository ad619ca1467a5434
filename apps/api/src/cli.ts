import { createDataSource, runMigrations } from '@careops/db';
import { seedDemo } from '@careops/ops';
import { exitOnBootFailure, loadConfig } from '@careops/platform';

/** Operator commands run by scripts/careops.mjs: `migrate`, `seed-demo`. */
async function main(command: string | undefined): Promise<void> {
  const config = loadConfig();
  const database = { url: config.DATABASE_URL, connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS, applicationName: 'careops:cli' };
  switch (command) {
    case 'migrate': {
      const applied = await runMigrations(database, (m) => console.log(`[careops] ${m}`));
      console.log(`[careops] migrations: ${applied.length} applied, schema is current`);
      return;
    }
    case 'seed-demo': {
      await runMigrations(database);
      const dataSource = await createDataSource(database).initialize();
      try {
        const { facilityId, created } = await seedDemo(dataSource);
        console.log(`[careops] demo facility ${created ? 'loaded' : 'already present'}: ${facilityId}`);
      } finally {
        await dataSource.destroy();
      }
      return;
    }
    default:
      console.error('usage: cli.js migrate | seed-demo');
      process.exit(2);
  }
}

main(process.argv[2]).catch((e) => exitOnBootFailure('cli', e));
