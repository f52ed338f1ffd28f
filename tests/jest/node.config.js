// unit and integration: Node environment, functions through the real SDK against the emulator.
const base = require('./base.config');

module.exports = (kind) => ({
  ...base,
  displayName: kind,
  testEnvironment: 'node',
  testMatch: [`<rootDir>/tests/${kind}/**/*.test.ts`],
  // The race tests run hundreds of concurrent calls; on a busy 2-core CI machine they may need more than 5 s.
  ...(kind === 'integration' ? { testTimeout: 30_000 } : {}),
});
