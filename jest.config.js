// One jest run, a project per kind of test (DESIGN.md, "Tests"). scripts/test.ts runs them in order.
const nodeProject = require('./tests/jest/node.config');

const projects = [nodeProject('unit'), nodeProject('integration')];
for (const extra of ['component', 'weapp', 'e2e']) {
  try {
    projects.push(require(`./tests/jest/${extra}.config`));
  } catch (err) {
    if (err.code !== 'MODULE_NOT_FOUND') throw err;
  }
}

/** @type {import('jest').Config} */
module.exports = { projects };
