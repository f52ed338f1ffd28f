/* global jest */
// The race tests run hundreds of concurrent calls; on a busy 2-core machine they may need more than jest's 5 s.
// (A project's `testTimeout` setting is not honoured by jest: it is global, so it is set here.)
jest.setTimeout(30_000);
