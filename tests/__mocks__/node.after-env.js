/* global jest */
// The race tests run hundreds of concurrent calls through an emulator that answers one at a time; on a 2-core
// machine running two jest workers and other work (load 10) 100 takes of one item needed over 30 s. The timeout
// catches a hang, not slowness. (A project's `testTimeout` setting is not honoured by jest: it is set here.)
jest.setTimeout(120_000);
