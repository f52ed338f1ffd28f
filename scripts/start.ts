/**
 * `npm start`: builds the H5 app and the functions, starts the local stack on 127.0.0.1 (PORT, default 8686),
 * seeds the demo street on first run, and prints the URL and the demo identities.
 * `npm start -- --reset` starts over with fresh demo data; `--no-build` serves the last build.
 */
import { execSync } from 'child_process';
import { existsSync, rmSync } from 'fs';
import { join } from 'path';
import { startDevServer } from '../emulator/dev-server/server';
import { DEMO_PEOPLE } from '../emulator/seed/demo-data';

const root = join(__dirname, '..');
const args = new Set(process.argv.slice(2));
const dataDir = join(root, '.data');
const h5Dir = join(root, 'dist', 'h5');

async function main(): Promise<void> {
  if (args.has('--reset')) {
    rmSync(dataDir, { recursive: true, force: true });
    console.log('已清空本地数据 (.data)，将重新写入演示数据。');
  }
  if (!args.has('--no-build') || !existsSync(join(h5Dir, 'index.html'))) {
    console.log('正在构建 H5 与云函数（约 20 秒）…');
    execSync('npm run --silent build:h5', { cwd: root, stdio: 'inherit' });
    execSync('npm run --silent build:functions', { cwd: root, stdio: 'inherit' });
  }
  const port = Number(process.env.PORT ?? 8686);
  const server = await startDevServer({ port, dataDir, h5Dir, runTimers: true });
  const added = await server.stack.seed();

  console.log(`\n同心梯队 本地环境已启动: ${server.url}`);
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

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
