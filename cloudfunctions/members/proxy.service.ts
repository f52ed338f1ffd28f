import { normalizeBuilding } from '../../src/shared/domain/grid';
import type { ProxyLogEntry } from '../../src/shared/domain/member';
import { scopesFor } from '../../src/shared/permissions';
import { personKey } from '../../src/shared/rules/roster-csv';
import { authorize, can } from '../_core/authorize';
import { loadCaller } from '../_core/caller';
import { clock } from '../_core/clock';
import { ensurePublishable } from '../_core/content-check';
import { AppError } from '../_core/errors';
import { newMemberDoc, offlineMemberId, type MemberDoc } from '../_core/member-record';
import { changeMember, historyLine } from '../_core/member-history';
import { proxyLine, type ProxyLogDoc } from '../_core/proxy-log';
import type { CallContext } from '../_core/router';
import { toMemberView } from './members.model';
import * as q from './members.queries';
import type { In, Out } from './members.types';

/** Acting for elderly residents who do not use WeChat, with every action on the record. */

/**
 * A grid leader registers a resident of a building in their grids; the committee, anyone in the 居民区.
 * Round trips: 8 (caller, grid of the building, one transaction of 6), plus the content check.
 */
export async function createForResident(input: In<'createForResident'>, { identity }: CallContext): Out<'createForResident'> {
  const caller = await loadCaller(identity);
  const communityId = caller.communityId;
  // No grant at all is FORBIDDEN; a grant that does not reach this building is told plainly.
  if (!communityId || scopesFor('members.actForResident', caller.roles).length === 0) throw new AppError('COMMON.FORBIDDEN');
  const building = normalizeBuilding(input.building);
  const gridId = await q.findGridIdOfBuilding(communityId, building);
  if (!can(caller, 'members.actForResident', { communityId, gridId })) throw new AppError('MEMBERS.BUILDING_OUTSIDE_GRID');
  await ensurePublishable(identity, [input.name, ...input.skills]);

  const now = clock().now();
  const doc: MemberDoc = {
    ...newMemberDoc(offlineMemberId(communityId, personKey(input.name, building, input.room)), null, identity.appid, now),
    communityId,
    name: input.name,
    building,
    room: input.room,
    phone: input.phone,
    skills: input.skills,
    gridId,
    source: 'proxy',
  };
  // The record, its history line and the proxy-log entry in one transaction (changeMember says why): a retry after a
  // crash between them used to find the record and answer ALREADY_REGISTERED, leaving the log lines unwritten.
  const created = await changeMember(doc._id, (current) =>
    current
      ? null
      : {
          create: doc,
          lines: [
            historyLine({
              _id: `${doc._id}-created_for-${now.getTime()}`,
              communityId,
              memberId: doc._id,
              kind: 'created_for',
              at: now,
              by: caller.memberId,
              ...(input.note ? { note: input.note } : {}),
            }),
            proxyLine({ key: 'createForResident', communityId, actorId: caller.memberId, subjectId: doc._id, action: '代为登记', at: now }),
          ],
        },
  );
  if (!created) throw new AppError('MEMBERS.ALREADY_REGISTERED');
  return { member: toMemberView(doc) };
}

/** Round trips: 3 (caller, page, names). */
export async function listProxyLog(input: In<'listProxyLog'>, { identity }: CallContext): Out<'listProxyLog'> {
  const caller = await loadCaller(identity);
  const subjectId = input.memberId ?? null;
  // The committee sees its whole 居民区; a resident only what was done for them.
  if (subjectId) authorize(caller, 'members.viewProxyLog', { communityId: caller.communityId, memberId: subjectId });
  else authorize(caller, 'members.viewProxyLog', { communityId: caller.communityId });
  const { rows, hasMore } = await q.listProxyLogPage(caller.communityId!, subjectId, input.page);
  const names = await q.memberNames(rows.flatMap((r) => [r.actorId, r.subjectId]));
  return { items: rows.map((r) => toProxyLogEntry(r, names)), page: input.page, hasMore };
}

export function toProxyLogEntry(r: ProxyLogDoc, names: Map<string, string>): ProxyLogEntry {
  return {
    id: r._id,
    action: r.action,
    at: new Date(r.at).toISOString(),
    actorId: r.actorId,
    actorName: names.get(r.actorId) || '已注销居民',
    subjectId: r.subjectId,
    subjectName: names.get(r.subjectId) || '已注销居民',
  };
}
