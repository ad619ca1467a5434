// ECharts (the documents' charts, libs/reports/src/charts.ts) ships ES modules only: Node requires them,
// Jest's module loader does not, so its files and zrender's are turned into CommonJS for the tests.
exports.ECHARTS_TRANSFORM = {
  '/node_modules/(echarts|zrender)/.+\\.js$': [
    'babel-jest',
    { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] },
  ],
};
exports.ECHARTS_TRANSFORM_IGNORE = ['/node_modules/(?!(echarts|zrender)/)'];
