// weapp: smoke tests of the REAL `dist/weapp` output (build it first: `npm run build:weapp`) under
// miniprogram-simulate, WeChat's component test tool. It needs a DOM (jsdom) and WeChat's official
// template compiler (`compiler: 'official'`), which reads Taro's base.wxml (notes/taro.md).
const base = require('./base.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  displayName: 'weapp',
  testEnvironment: '<rootDir>/tests/__mocks__/jsdom-env.js',
  testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
  // The build output runs as WeChat would run it: never transformed.
  transformIgnorePatterns: ['/node_modules/', '/dist/'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  setupFilesAfterEnv: ['<rootDir>/tests/jest/slow-timeout.js'],
};
