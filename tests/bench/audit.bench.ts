/**
 * 账目核对 at scale: `audit.run` over a 居民区 of 20,000 members and 200,000 ledger entries (written straight into the
 * in-memory emulator), its time and its database requests (counted at the gateway). Imported by tests/bench/run.ts;
 * also runnable alone: `npx tsx tests/bench/audit.bench.ts`.
 */
import { performance } from 'perf_hooks';
import { DEMO_PEOPLE } from '../../emulator/seed/demo-data';
import type { AuditReport } from '../../src/shared/domain/audit';
import { loadLargeLedger } from '../support/large-ledger';
import { runStandalone, withCountingStack, type Figures } from './support';

const MEMBERS = 20_000;
const PER_MEMBER = 10;

export async function bench(): Promise<Figures> {
  const out: Figures = {};
  await withCountingStack(async ({ stack, requests, store }) => {
    const loadStart = performance.now();
    loadLargeLedger(store, { communityId: 'cm-baiyu1', members: MEMBERS, perMember: PER_MEMBER });
    out['load 20,000 members, 200,000 entries (ms)'] = performance.now() - loadStart;
    const committee = DEMO_PEOPLE.find((p) => p.key === 'committee')!.openid;
    for (const round of [1, 2]) {
      const before = requests();
      const t = performance.now();
      const res = await stack.host.invoke('audit', { action: 'run', payload: {} }, { openid: committee });
      const ms = performance.now() - t;
      if (!res.ok) throw new Error(`audit.run failed: ${res.error.code}`);
      const report = (res as { data: AuditReport }).data;
      out[`audit.run #${round}: time (ms)`] = ms;
      out[`audit.run #${round}: database requests`] = requests() - before;
      out[`audit.run #${round}: differences`] = report.differences;
    }
    const ledger = requests();
    const t = performance.now();
    await stack.host.fireTimer('audit', 'audit-nightly');
    out['nightly audit, 3 居民区: time (ms)'] = performance.now() - t;
    out['nightly audit, 3 居民区: database requests'] = requests() - ledger;
  });
  return out;
}

if (require.main === module) runStandalone(bench);
