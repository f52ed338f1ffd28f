/**
 * `npm run bench`: sizes and speeds, printed as figures, with the budgets checked here (DESIGN.md, "Budgets").
 */
import { execSync } from 'child_process';
import { existsSync, readdirSync } from 'fs';
import { join } from 'path';
import { buildFunction, functionNames } from '../../scripts/build-functions';
import { coldRequireMs } from './cold-require';
import { h5FirstRenderMs } from './h5-render';
import { weappPackageSizes } from '../../scripts/deploy/weapp-size';

const root = join(__dirname, '../..');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
/** DESIGN.md, "Budgets": the homes and tab pages only; every capability lives in a subpackage. */
const MAIN_PACKAGE_BUDGET = 420 * 1024;
const overBudget: string[] = [];

async function main(): Promise<void> {
  if (!existsSync(join(root, 'dist/weapp/app.json'))) execSync('npm run --silent build:weapp', { cwd: root, stdio: 'inherit' });
  if (!existsSync(join(root, 'dist/h5/index.html'))) execSync('npm run --silent build:h5', { cwd: root, stdio: 'inherit' });

  console.log('\n## weapp package');
  const weapp = weappPackageSizes(join(root, 'dist/weapp'));
  console.log(`main package: ${weapp.totalBytes} bytes (${kb(weapp.totalBytes)}; budget ${kb(MAIN_PACKAGE_BUDGET)})`);
  for (const f of weapp.largest) console.log(`  ${f.file.padEnd(40)} ${kb(f.bytes)}`);
  for (const [sub, bytes] of Object.entries(weapp.subpackages)) console.log(`subpackage ${sub}: ${kb(bytes)}`);
  if (weapp.totalBytes > MAIN_PACKAGE_BUDGET) overBudget.push('weapp main package');

  console.log('\n## cloud functions (bundle, cold require; the SDKs are external)');
  const sdkMs = coldRequireMs('@cloudbase/node-sdk', root);
  console.log(`bare @cloudbase/node-sdk: require ${sdkMs.toFixed(0)} ms`);
  for (const name of functionNames()) {
    const { bytes } = await buildFunction(name);
    const ms = coldRequireMs(join(root, 'dist/cloudfunctions', name, 'index.js'), root);
    console.log(`${name.padEnd(12)} ${kb(bytes).padStart(10)}  require ${ms.toFixed(0)} ms (${(ms - sdkMs).toFixed(0)} ms over the SDK)`);
  }

  // Each domain's figures: tests/bench/<name>.bench.ts exports `bench()` answering label -> figure.
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.bench.ts')).sort()) {
    console.log(`\n## ${file.replace(/\.bench\.ts$/, '')}`);
    const mod = (await import(join(__dirname, file))) as { bench: () => Promise<Record<string, number | string>> };
    for (const [label, value] of Object.entries(await mod.bench())) {
      console.log(`  ${label.padEnd(52)} ${typeof value === 'number' ? value.toFixed(2) : value}`);
    }
  }

  console.log('\n## H5 first render in Chromium (navigation to the home page with real data)');
  const render = await h5FirstRenderMs(root);
  if (render) console.log(`median ${render.medianMs} ms over ${render.runs.length} cold loads (${render.runs.join(', ')} ms)`);
  else console.log('skipped: no Chromium (apt-get install chromium, or set CHROME_PATH)');

  console.log(overBudget.length ? `\nOVER BUDGET: ${overBudget.join(', ')}` : '\nAll budgets met.');
  process.exit(overBudget.length ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
