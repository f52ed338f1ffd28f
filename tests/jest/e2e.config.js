// e2e: the built H5 app in Debian's Chromium, against the dev server hosting the real functions.
const base = require('./base.config');

module.exports = {
  ...base,
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/tests/jest/slow-timeout.js'],
};
