/**
 * `npm test`: every check in order (lint, typecheck, the three builds, then jest's unit, integration,
 * component, weapp and e2e projects, then its deploy project) and one summary line at the end.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'fs';
import { availableParallelism } from 'os';
import { join } from 'path';
import { findChromium, NO_BROWSER_HELP } from '../tests/support/browser';

const root = join(__dirname, '..');
const artifacts = join(root, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const failures: string[] = [];

function step(label: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const res = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const ok = res.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (ok) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
  return ok;
}

const npx = (bin: string, ...args: string[]): [string, string[]] => ['npx', ['--no-install', bin, ...args]];

step('lint', ...npx('eslint', '.', '--max-warnings=0'));
step('typecheck', ...npx('tsc', '--noEmit', '-p', 'tsconfig.json'));
const built =
  step('build weapp', 'npm', ['run', '--silent', 'build:weapp']) &&
  step('build h5', 'npm', ['run', '--silent', 'build:h5']) &&
  step('build functions', 'npm', ['run', '--silent', 'build:functions']);

const projects = ['unit', 'integration', 'component', 'weapp'];
const browser = findChromium();
let browserMissing = false;
if (browser) projects.push('e2e');
else browserMissing = true;
if (!built) console.log('\nBuilds failed: the weapp and e2e projects will fail too.');

/** Adds a jest JSON report's counts to the summary; a run that failed without a report counts once. */
function countReport(report: string, status: number | null, label: string): void {
  let counted = false;
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numRuntimeErrorTestSuites: number;
    };
    passed += r.numPassedTests;
    failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
    skipped += r.numPendingTests + r.numTodoTests;
    counted = r.numFailedTests + r.numRuntimeErrorTestSuites > 0;
    if (counted) failures.push(label);
  }
  if (status !== 0 && !counted) {
    console.log(`\n${label}: every test passed but jest exited with ${status ?? 'a signal'}`);
    failed += 1;
    failures.push(label);
  }
}

// Every query the functions make in these runs is recorded for the index-coverage check of the deploy project.
const queryLog = join(artifacts, 'query-log');
rmSync(queryLog, { recursive: true, force: true });
mkdirSync(queryLog, { recursive: true });

const report = join(artifacts, 'jest-report.json');
rmSync(report, { force: true });
console.log(`\n▶ jest: ${projects.join(', ')}`);
// --forceExit: on a 2-core machine jest runs the files in its own process, and a handle a test left open (a dead
// call's socket in the crash matrix) once turned a run whose report said 2,373 of 2,373 passed into exit code 1.
// --maxWorkers: jest's default (cores - 1) runs everything in one process on a 2-core machine, leaving a core idle
// while a file waits on its emulator or browser; two workers keep both cores busy (each file still runs alone in
// its worker, with its own emulator).
const workers = String(Math.max(2, availableParallelism() - 1));
const jest = spawnSync('npx', ['--no-install', 'jest', '--selectProjects', ...projects, '--forceExit', `--maxWorkers=${workers}`, '--json', `--outputFile=${report}`], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TXTD_QUERY_LOG: queryLog, ...(browser ? { CHROME_PATH: browser } : {}) },
});
countReport(report, jest.status, 'jest');

// After the others: the deploy dry run, the bundles started as the cloud would, and the queries the integration
// suite just recorded checked against the declared indexes.
const deployReport = join(artifacts, 'jest-deploy-report.json');
rmSync(deployReport, { force: true });
console.log('\n▶ jest: deploy');
const deployJest = spawnSync('npx', ['--no-install', 'jest', '--selectProjects', 'deploy', '--json', `--outputFile=${deployReport}`], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TXTD_QUERY_LOG: queryLog },
});
countReport(deployReport, deployJest.status, 'jest deploy');

if (browserMissing) {
  console.log(`\n${NO_BROWSER_HELP}`);
  if (process.env.CI === 'true') {
    failed += 1;
    failures.push('e2e (no browser in CI)');
  } else skipped += 1;
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\nsummary: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
