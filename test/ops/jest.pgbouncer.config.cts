// Ops tier, part 1: the core end-to-end specs with the API's DATABASE_URL through PgBouncer in
// transaction pooling (test/ops/pgbouncer-setup.mjs); LISTEN, the queue and migrations direct (docs/scale.md).
const e2e = require('../jest.e2e.config.cts');

const CORE = ['auth', 'rls', 'admissions', 'claims'];

module.exports = {
  ...e2e,
  displayName: 'ops-pgbouncer',
  rootDir: '../..',
  testMatch: [...CORE.map((name) => `<rootDir>/test/${name}.e2e-spec.ts`), '<rootDir>/test/ops/*.pgbouncer-spec.ts'],
  globalSetup: '<rootDir>/test/ops/pgbouncer-setup.mjs',
  globalTeardown: '<rootDir>/test/ops/pgbouncer-teardown.mjs',
};
