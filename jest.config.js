// One jest run, a project per kind of test (DESIGN.md, "Tests"). scripts/test.ts runs them in order.
const nodeProject = require('./tests/jest/node.config');

// deploy runs last, on its own (scripts/test.ts): it checks the built bundles and the queries the others recorded.
const projects = [nodeProject('unit'), nodeProject('integration'), nodeProject('deploy')];
for (const extra of ['component', 'weapp', 'e2e']) {
  try {
    projects.push(require(`./tests/jest/${extra}.config`));
  } catch (err) {
    if (err.code !== 'MODULE_NOT_FOUND') throw err;
  }
}

/** @type {import('jest').Config} */
module.exports = { projects };
