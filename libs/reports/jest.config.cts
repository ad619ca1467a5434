const { ECHARTS_TRANSFORM, ECHARTS_TRANSFORM_IGNORE } = require('../../jest.echarts.cjs');

module.exports = {
  displayName: 'reports',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }], ...ECHARTS_TRANSFORM },
  transformIgnorePatterns: ECHARTS_TRANSFORM_IGNORE,
  moduleFileExtensions: ['ts', 'js', 'json'],
};
