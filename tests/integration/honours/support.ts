import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { accountKeyOf, memberIdFor } from '../../../cloudfunctions/_core/identity';
import { entryId, postEntry } from '../../../cloudfunctions/_core/ledger';
import { newMemberDoc } from '../../../cloudfunctions/_core/member-record';
import { LOCAL_APPID } from '../../../emulator/dev-server/functions-host';
import type { Harness } from '../../support/harness';

/**
 * A fresh approved member (no demo ledger entries), so counts start at zero whatever the seed posts. Answers their
 * openid and member id.
 */
export async function addMember(h: Harness, openid: string, name: string, communityId = 'cm-baiyu1'): Promise<{ openid: string; memberId: string }> {
  const identity = { openid, appid: LOCAL_APPID };
  const memberId = memberIdFor(identity);
  const now = new Date(h.stack.clock.nowMs());
  await getDb()
    .collection(COLLECTIONS.members)
    .add({
      ...newMemberDoc(memberId, openid, LOCAL_APPID, now, accountKeyOf(identity)),
      communityId,
      name,
      building: '6号楼',
      room: '101',
      application: { status: 'approved', submittedAt: now, reviewedAt: now },
    });
  return { openid, memberId };
}

let serial = 0;

/** Posts confirmed service hours through the ledger core, as events will. */
export async function serve(memberId: string, halfHours: number, at: Date, communityId = 'cm-baiyu1'): Promise<string> {
  serial += 1;
  const key = `test:${memberId}:${serial}:${at.getTime()}`;
  await postEntry({
    key,
    communityId,
    memberId,
    halfHours,
    points: halfHours * 5,
    source: 'event',
    sourceId: `event-${serial}`,
    reason: '测试服务',
    by: 'committee',
    at,
  });
  return entryId(key);
}
