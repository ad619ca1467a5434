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
  displayName: 'reports',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }], ...ECHARTS_TRANSFORM },
  transformIgnorePatterns: ECHARTS_TRANSFORM_IGNORE,
  moduleFileExtensions: ['ts', 'js', 'json'],
};
