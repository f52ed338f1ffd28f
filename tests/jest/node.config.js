// unit and integration: Node environment, functions through the real SDK against the emulator.
const base = require('./base.config');

module.exports = (kind) => ({
  ...base,
  displayName: kind,
  testEnvironment: 'node',
  testMatch: [`<rootDir>/tests/${kind}/**/*.test.ts`],
  setupFilesAfterEnv: ['<rootDir>/tests/__mocks__/node.after-env.js'],
});
