// Each collection's indexes checked against the queries the functions really made in this npm test run: the other
// jest projects ran with TXTD_QUERY_LOG, so the emulator gateway recorded every query's shape (see
// scripts/deploy/index-coverage.ts for the rule, deploy/README.md "Indexes").
import { existsSync, readdirSync } from 'fs';
import { join, resolve } from 'path';
import { coverage, coverageTable, readDeclaredCollections, readQueryLog } from '../../scripts/deploy/index-coverage';

const root = join(__dirname, '../..');
const folder = process.env.TXTD_QUERY_LOG;

describe('indexes serve the queries the functions make', () => {
  it('every recorded query is served by a declared index, and every declared index serves one', () => {
    if (!folder) {
      throw new Error('TXTD_QUERY_LOG is not set: run the unit, integration and component projects with it first (npm test does), then this one with the same folder');
    }
    const dir = resolve(root, folder);
    if (!existsSync(dir) || readdirSync(dir).filter((f) => f.endsWith('.jsonl')).length === 0) {
      throw new Error(`no query log in ${dir}: the jest projects that run functions must run first with TXTD_QUERY_LOG=${folder}`);
    }
    const report = coverage(readQueryLog(dir), readDeclaredCollections(join(root, 'deploy/database')));
    if (report.queries === 0) throw new Error(`the query log in ${dir} has no query from function code: nothing to check`);

    console.log(`${report.queries} queries from function code, ${report.rows.length} distinct shapes\n${coverageTable(report)}`);
    const problems = [
      ...report.unserved.map(
        (r) =>
          `${r.coll}: ${r.shape} [${[...r.kinds].join(',')}] is not served: ` +
          `${r.verdict.branches.filter((b) => !b.index).map((b) => b.why).join('; ')} (from ${[...r.origins].join('; ')})`,
      ),
      ...report.unused.map((u) => `${u.collection}: index ${u.index} (deploy/database/${u.owner}.json) serves no recorded query: drop it, or say why in "unused"`),
    ];
    expect(problems).toEqual([]);
  });
});
