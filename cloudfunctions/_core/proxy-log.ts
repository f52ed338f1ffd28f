import { COLLECTIONS } from './collections';
import { getDb, isDuplicateWrite } from './db';

/** One action someone took for a resident (代办): kept for the committee and the resident to see. */
export interface ProxyLogDoc {
  _id: string;
  communityId: string;
  actorId: string;
  subjectId: string;
  action: string;
  at: Date;
}

/**
 * Records a proxy action under a deterministic id (`key` names the action instance), so a retried call
 * records it once. One round trip.
 */
export async function recordProxyAction(entry: Omit<ProxyLogDoc, '_id'> & { key: string }): Promise<void> {
  const { key, ...doc } = entry;
  try {
    await getDb().collection(COLLECTIONS.proxyLog).add({ _id: `${doc.subjectId}-${key}`, ...doc });
  } catch (err) {
    if (!isDuplicateWrite(err)) throw err;
  }
}

/** The same entry as a line of a member change (member-history.ts changeMember), written in its transaction. */
export function proxyLine(entry: Omit<ProxyLogDoc, '_id'> & { key: string }): { coll: string; doc: ProxyLogDoc } {
  const { key, ...doc } = entry;
  return { coll: COLLECTIONS.proxyLog, doc: { _id: `${doc.subjectId}-${key}`, ...doc } };
}
