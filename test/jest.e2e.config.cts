// Tier 3 (docs/architecture.md): the real app over HTTP, and the real processes the README starts.
const { nxPreset } = require('@nx/jest/preset');

// ECharts (the documents' charts, libs/reports/src/charts.ts) ships ES modules only: Node requires them,
// Jest's module loader does not, so its files and zrender's are turned into CommonJS for the tests.
const ECHARTS_TRANSFORM = {
  '/node_modules/(echarts|zrender)/.+\\.js$': [
    'babel-jest',
    { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] },
  ],
};
const ECHARTS_TRANSFORM_IGNORE = ['/node_modules/(?!(echarts|zrender)/)'];

module.exports = {
  ...nxPreset,
  displayName: 'e2e',
  rootDir: '..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }], ...ECHARTS_TRANSFORM },
  transformIgnorePatterns: ECHARTS_TRANSFORM_IGNORE,
  globalSetup: '<rootDir>/test/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
  testTimeout: 120_000,
  // A child process left running by a failed test must not hold the run open (CI has a time limit).
  forceExit: true,
};
