/**
 * CloudBase's own database test suite (TencentCloudBase/node-sdk, `test/database`), written against the real
 * service, run unchanged against the emulator through the real @cloudbase/node-sdk: the yardstick of the
 * emulator's fidelity (DESIGN.md, "The emulator").
 *
 *   npx tsx scripts/sdk-suite <node-sdk checkout or git directory> [jest options...]
 *
 * The suite's tests and helpers are taken from the repository's HEAD into .cache/sdk-suite/; only what points them
 * at a service changes: its config.local.js names a local env with a fake key pair, this process serves an
 * in-memory gateway, and jest runs the files in band (as the suite's own `npm test` does) with the gateway's URL in
 * the SDK's environment (emulator/sdk-env.ts). Their imports of the SDK's sources resolve to the installed
 * 3.18.3 and its @cloudbase/database. Prints passed / failed / skipped and each failure's title.
 */
import { spawn, spawnSync } from 'child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { startGateway } from '../../emulator/gateway';
import { LOCAL_ENV_ID, sdkEnv } from '../../emulator/sdk-env';

const root = resolve(__dirname, '../..');
const out = join(root, '.cache', 'sdk-suite');

interface JestResult {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTotalTests: number;
  testResults: { name: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

/** Extracts test/database and test/common (the suite and its helpers) from the repository's HEAD. */
function extract(repo: string): void {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const archive = spawnSync('git', ['-C', repo, 'archive', '--format=tar', 'HEAD', 'test/database', 'test/common', 'test/setup.js'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  if (archive.status !== 0) throw new Error(`git archive in ${repo} failed: ${archive.stderr.toString()}`);
  const untar = spawnSync('tar', ['-x', '-C', out], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr.toString()}`);
  // The one file the suite expects each developer to write: the service to test against.
  writeFileSync(
    join(out, 'test', 'config.local.js'),
    `module.exports = ${JSON.stringify({ env: LOCAL_ENV_ID, secretId: 'local-emulator-secret-id', secretKey: 'local-emulator-secret-key' })};\n`,
  );
}

function jestConfig(): string {
  const shim = join(out, 'power-assert.js');
  // power-assert is node's assert with nicer messages; the suite imports it as a namespace (`import * as assert`).
  writeFileSync(shim, "const assert = require('assert');\nmodule.exports = Object.assign((...a) => assert(...a), assert, { __esModule: true });\n");
  const config = {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    transform: (require(join(root, 'tests/jest/base.config.js')) as { transform: unknown }).transform,
    rootDir: out,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/test/database/**/*.test.ts'],
    setupFilesAfterEnv: [join(__dirname, 'jest23.js'), '<rootDir>/test/setup.js'],
    moduleNameMapper: {
      '^power-assert$': shim,
      '^(\\.\\./)+src/index$': '@cloudbase/node-sdk',
      '^(\\.\\./)+lib/const/code$': '@cloudbase/node-sdk/dist/const/code',
      '^@cloudbase/database/src/(.*)$': '@cloudbase/database/dist/commonjs/$1',
    },
  };
  const file = join(out, 'jest.config.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

async function main(): Promise<void> {
  const [repo, ...jestArgs] = process.argv.slice(2);
  if (!repo) {
    console.error('usage: npx tsx scripts/sdk-suite <node-sdk checkout or git directory> [jest options...]');
    process.exit(2);
  }
  extract(resolve(repo));
  const config = jestConfig();
  const gateway = await startGateway();
  const resultFile = join(out, 'result.json');
  try {
    await new Promise<void>((done) => {
      // Asynchronous: the gateway answers in this process while jest runs.
      const child = spawn(
        process.execPath,
        [require.resolve('jest/bin/jest'), '--config', config, '--runInBand', '--json', `--outputFile=${resultFile}`, ...jestArgs],
        { cwd: out, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...sdkEnv(gateway.url) } },
      );
      child.on('exit', () => done());
    });
  } finally {
    await gateway.close();
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as JestResult;
  for (const file of result.testResults) {
    for (const t of file.assertionResults.filter((a) => a.status === 'failed')) {
      const first = (t.failureMessages[0] ?? '').split('\n').find((l) => l.trim()) ?? '';
      console.log(`✘ ${file.name.slice(out.length + 1)} › ${t.fullName}\n    ${first.trim().slice(0, 200)}`);
    }
  }
  console.log(
    `SDK database suite: ${result.numPassedTests} passed, ${result.numFailedTests} failed, ${result.numPendingTests} skipped, of ${result.numTotalTests}` +
      ` (TZ=${process.env.TZ ?? 'unset'})`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
