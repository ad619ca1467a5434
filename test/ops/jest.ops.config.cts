// Ops tier, part 2: a streaming replica (DATABASE_READ_URL) and backups, each spec with its own
// servers from Debian's postgresql, stopped in afterAll (docs/scale.md).
const e2e = require('../jest.e2e.config.cts');

module.exports = {
  ...e2e,
  displayName: 'ops',
  rootDir: '../..',
  testMatch: ['<rootDir>/test/ops/**/*.ops-spec.ts'],
  globalSetup: '<rootDir>/test/ops/ops-setup.mjs',
  globalTeardown: undefined,
  // Hooks start servers and seed: generous on a loaded machine.
  testTimeout: 180_000,
  // The two specs wait mostly on their servers: side by side.
  maxWorkers: 2,
};
