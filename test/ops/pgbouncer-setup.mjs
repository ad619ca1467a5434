// The e2e tier's set-up (a throwaway PostgreSQL, the migrated template), then PgBouncer in transaction
// pooling in front of it: test/support/test-app.ts sends the API's DATABASE_URL through it
// (CAREOPS_TEST_POOLER_URL) and keeps DATABASE_DIRECT_URL on the server itself (docs/scale.md).
import e2eSetup from '../setup/global-setup.mjs';
import { derivedAppPassword } from './support/app-role.mjs';
import { startPgBouncer } from './support/pgbouncer.mjs';

export default async function pgbouncerSetup() {
  await e2eSetup();
  const adminUrl = process.env.CAREOPS_TEST_ADMIN_URL;
  const owner = new URL(adminUrl);
  const bouncer = await startPgBouncer({
    serverUrl: adminUrl,
    users: { [decodeURIComponent(owner.username)]: decodeURIComponent(owner.password), careops_app: derivedAppPassword(adminUrl) },
  });
  globalThis.__careopsPgBouncer = bouncer;
  process.env.CAREOPS_TEST_POOLER_URL = bouncer.url(adminUrl);
  console.log(`\n[careops ops] PgBouncer (transaction pooling) on port ${bouncer.port} in front of ${owner.host}`);
}
