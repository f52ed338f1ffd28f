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

export type ProxyAction = Omit<ProxyLogDoc, '_id'> & { key: string };

/**
 * Records a proxy action under a deterministic id (`key` names the action instance), so a retried call records it
 * once. One round trip. (An action that changes several documents writes `proxyLine` in its own transaction.)
 */
export async function recordProxyAction(entry: ProxyAction): Promise<void> {
  try {
    await getDb().collection(COLLECTIONS.proxyLog).add(proxyLine(entry).doc);
  } catch (err) {
    if (!isDuplicateWrite(err)) throw err;
  }
}

/** The same entry as a line of a member change (member-history.ts changeMember), written in its transaction. */
export function proxyLine(entry: ProxyAction): { coll: string; doc: ProxyLogDoc } {
  const { key, ...doc } = entry;
  return { coll: COLLECTIONS.proxyLog, doc: { _id: `${doc.subjectId}-${key}`, ...doc } };
}
