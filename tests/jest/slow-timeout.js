/* global jest */
// Jest 30 reads `testTimeout` only from the root config, never from a project's: the projects that start a
// browser or a whole built app (weapp, e2e) raise their own default here, so a busy machine is not a failure.
jest.setTimeout(60_000);
