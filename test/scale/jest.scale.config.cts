// The scale tier (docs/scale.md): many instances of the real processes on one database. It reuses the
// end-to-end tier's set-up (a throwaway PostgreSQL and a migrated template database, built apps).
const { nxPreset } = require('@nx/jest/preset');

module.exports = {
  ...nxPreset,
  displayName: 'scale',
  rootDir: '../..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/scale/**/*.scale-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
  globalSetup: '<rootDir>/test/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
  testTimeout: 90_000,
  forceExit: true,
};
