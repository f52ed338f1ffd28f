/* global jest */
// On a busy 2-core machine a page's first calls can take seconds: Testing Library's default 1 s wait for
// findBy / waitFor is too short there, and jest's 5 s per test too.
const { configure } = require('@testing-library/react');

configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);
