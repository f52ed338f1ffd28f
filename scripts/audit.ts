/**
 * `npm run audit`: 账目核对 over the local `.data` store (the one `npm start` keeps): every counter of every 居民区
 * recomputed from its records, each difference printed with the records behind it. `npm run audit -- --repair` sets
 * each counter to its recomputed value, logged in audit_repairs as the cloud's 修正 does. The same checks the
 * `audit` function runs (cloudfunctions/audit), through the real SDK and the emulator gateway on that store.
 * Exits 1 when differences remain. Stop `npm start` first: the store is opened by one process at a time.
 */
import { existsSync } from 'fs';
import { join } from 'path';
import { COLLECTIONS } from '../cloudfunctions/_core/collections';
import { getDb } from '../cloudfunctions/_core/db';
import { auditCommunity } from '../cloudfunctions/audit/audit.service';
import { repairFinding } from '../cloudfunctions/audit/repair';
import { startGateway } from '../emulator/gateway';
import { sdkEnv } from '../emulator/sdk-env';
import { openStore, type Store } from '../emulator/store';
import { AUDIT_CHECKS } from '../src/shared/domain/audit';

const root = join(__dirname, '..');

export interface AuditRunOptions {
  repair: boolean;
  /** Where lines go (console.log by default). */
  print?: (line: string) => void;
}

/** Audits every 居民区 of the store the SDK points at; answers the differences left. */
export async function auditAll({ repair, print = console.log }: AuditRunOptions): Promise<number> {
  const now = new Date();
  const requestId = `local-${now.getTime()}`;
  const communities = (await getDb().collection(COLLECTIONS.communities).orderBy('_id', 'asc').limit(1000).get()).data as { _id: string; name: string }[];
  if (communities.length === 0) print('没有居民区数据（先运行 npm start 写入演示数据）。');
  let left = 0;
  for (const c of communities) {
    const { report, findings } = await auditCommunity(c._id, now);
    print(`\n${c.name}（${c._id}）`);
    for (const check of report.checks) {
      const mark = check.status === 'clean' ? '✓' : check.status === 'failed' ? '!' : '✗';
      const what = check.status === 'clean' ? '无差异' : check.status === 'failed' ? '核对失败，请重试' : `${check.differenceCount} 处差异`;
      print(`  ${mark} ${check.label}：核对 ${check.scanned} 项，${what}`);
      if (check.status === 'failed') left += 1;
      for (const f of findings[check.check] ?? []) {
        print(`      ${f.text}`);
        for (const r of f.records) if (r.ids.length) print(`        ${r.label}（${r.collection}）：${r.ids.join(', ')}${r.count > r.ids.length ? ` 等 ${r.count} 条` : ''}`);
        if (!repair) {
          left += 1;
          continue;
        }
        const log = await repairFinding(f, { communityId: c._id, requestId, memberId: 'local-audit', name: '本地核对（npm run audit）', now });
        if (log.outcome === 'repaired') print(`        已修正：${log.values.map((v) => `${v.field} ${v.before} → ${v.after}`).join('，')}`);
        else {
          left += 1;
          print('        核对后这个数又变了，没有修改；请再运行一次。');
        }
      }
    }
  }
  print(left === 0 ? '\n全部一致。' : `\n还有 ${left} 处${repair ? '没有修正' : '差异；npm run audit -- --repair 可按记录修正'}。`);
  return left;
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const dir = join(root, '.data');
  if (!existsSync(dir)) {
    console.log('还没有本地数据（.data）：先运行 npm start。');
    return;
  }
  let store: Store;
  try {
    store = openStore({ dir });
  } catch (err) {
    console.error(`打不开本地数据：${(err as Error).message}。如果 npm start 正在运行，请先停止它（Ctrl+C）。`);
    process.exit(2);
  }
  const gateway = await startGateway({ store });
  Object.assign(process.env, sdkEnv(gateway.url));
  console.log(`账目核对：${AUDIT_CHECKS.length} 项，本地数据 ${dir}${args.has('--repair') ? '（按记录修正）' : ''}`);
  const left = await auditAll({ repair: args.has('--repair') });
  await gateway.close();
  store.close();
  process.exit(left === 0 ? 0 : 1);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
