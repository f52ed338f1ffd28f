/**
 * `npm start`: builds the H5 app and the functions, starts the local stack on 127.0.0.1 (PORT, default 8686),
 * seeds the demo street on first run, and prints the URL and the demo identities.
 * The H5 build (about a minute) is skipped when its sources are unchanged since the last one (scripts/h5-fingerprint.ts);
 * the functions (under a second with esbuild) are always rebuilt.
 * `npm start -- --reset` starts over with fresh demo data; `--no-build` serves the last build.
 */
import { execSync } from 'child_process';
import { existsSync, rmSync } from 'fs';
import { join } from 'path';
import { startDevServer } from '../emulator/dev-server/server';
import { DEMO_PEOPLE } from '../emulator/seed/demo-data';
import { buildIsCurrent, markBuilt, sourceFingerprint } from './h5-fingerprint';

const root = join(__dirname, '..');
const args = new Set(process.argv.slice(2));
const dataDir = join(root, '.data');
const h5Dir = join(root, 'dist', 'h5');
const seconds = (from: number) => `${((Date.now() - from) / 1000).toFixed(1)} 秒`;

async function main(): Promise<void> {
  if (args.has('--reset')) {
    rmSync(dataDir, { recursive: true, force: true });
    console.log('已清空本地数据 (.data)，将重新写入演示数据。');
  }
  const started = Date.now();
  if (!args.has('--no-build') || !existsSync(join(h5Dir, 'index.html'))) {
    buildH5();
    const fnStarted = Date.now();
    console.log('[2/3] 构建云函数…');
    execSync('npm run --silent build:functions', { cwd: root, stdio: 'ignore' });
    console.log(`[2/3] 云函数已构建（${seconds(fnStarted)}）。`);
  }
  console.log('[3/3] 启动本地云开发环境…');
  const port = Number(process.env.PORT ?? 8686);
  const server = await startDevServer({ port, dataDir, h5Dir, runTimers: true });
  const added = await server.stack.seed({ reports: true, participation: true, surveys: true, care: true, learning: true });

  console.log(`\n同心梯队 本地环境已启动（共 ${seconds(started)}）: ${server.url}`);
  console.log(added > 0 ? `已写入演示数据 ${added} 条。` : '演示数据已在 .data 中（npm start -- --reset 可重来）。');
  console.log(`打开 ${server.url}/__dev/login 选择演示身份：`);
  for (const p of DEMO_PEOPLE) console.log(`  - ${p.label}`);
  console.log('\n按 Ctrl+C 停止。');

  const stop = () => {
    server.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Builds the H5 app unless the last build was made from the same sources; says honestly how long it may take. */
function buildH5(): void {
  const fingerprint = sourceFingerprint(root);
  if (buildIsCurrent(h5Dir, fingerprint)) {
    console.log('[1/3] H5 应用的源码没有变化，沿用上次的构建。');
    return;
  }
  const warm = existsSync(join(root, 'node_modules', '.cache', 'webpack'));
  console.log(
    warm
      ? '[1/3] 正在构建 H5 应用（有构建缓存，约 10–30 秒）…'
      : '[1/3] 正在首次构建 H5 应用（没有构建缓存，约 1–2 分钟；之后再启动只需几秒）…',
  );
  const h5Started = Date.now();
  execSync('npm run --silent build:h5', { cwd: root, stdio: 'inherit' });
  markBuilt(h5Dir, fingerprint);
  console.log(`[1/3] H5 应用已构建（${seconds(h5Started)}）。`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
