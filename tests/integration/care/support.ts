import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { accountKeyOf, memberIdFor } from '../../../cloudfunctions/_core/identity';
import { newMemberDoc } from '../../../cloudfunctions/_core/member-record';
import type { ElderDoc, PairingDoc, VisitDoc } from '../../../cloudfunctions/care/care.model';
import { LOCAL_APPID } from '../../../emulator/dev-server/functions-host';
import type { ElderInput } from '../../../src/shared/actions/care';
import type { ElderView, PairingView } from '../../../src/shared/domain/care';
import type { Harness } from '../../support/harness';

export const BAIYU = 'cm-baiyu1';
export const G1 = 'cm-baiyu1-g1';
export const G2 = 'cm-baiyu1-g2';
export const DAY = 24 * 60 * 60_000;
/** Tuesday 2026-03-10 10:00 in Shanghai. */
export const TUESDAY = Date.UTC(2026, 2, 10, 2, 0, 0);

let serial = 0;
export const rid = (label = 'r') => `${label}-${++serial}-${Math.random().toString(36).slice(2, 8)}`;
export const idOf = (openid: string) => memberIdFor({ openid, appid: LOCAL_APPID });

export function elderInput(extra: Partial<ElderInput> = {}): ElderInput {
  return {
    name: '顾阿婆',
    building: '3号楼',
    room: '102',
    phone: '13911112222',
    needs: ['medicine', 'chat'],
    frequency: 'weekly',
    preferredTimes: ['工作日白天'],
    healthNotes: '高血压，每天早上吃药；膝盖不好，上下楼要扶',
    family: { name: '顾小红', relation: '女儿', phone: '13933334444' },
    consent: { given: true, note: '本人口头同意，女儿在场' },
    ...extra,
  };
}

/** Approved members of 白玉一居 (volunteers), answering as openids `${prefix}-n`. */
export async function volunteers(count: number, prefix: string, extra: { building?: string; gridId?: string | null; skills?: string[]; availability?: string[]; communityId?: string } = {}): Promise<string[]> {
  const now = new Date();
  const openids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  const members = getDb().collection(COLLECTIONS.members);
  await Promise.all(
    openids.map((openid) => {
      const identity = { openid, appid: LOCAL_APPID };
      const doc = newMemberDoc(memberIdFor(identity), openid, LOCAL_APPID, now, accountKeyOf(identity));
      return members.add({
        ...doc,
        communityId: extra.communityId ?? BAIYU,
        name: `志愿者${openid.slice(-3)}`,
        building: extra.building ?? '3号楼',
        room: '301',
        phone: '13800009999',
        gridId: extra.gridId === undefined ? G1 : extra.gridId,
        skills: extra.skills ?? [],
        availability: extra.availability ?? [],
        application: { status: 'approved' },
      });
    }),
  );
  return openids;
}

export async function registered(h: Harness, extra: Partial<ElderInput> = {}, openid = h.identities.gridLeader): Promise<ElderView> {
  return (await h.call('care', 'registerElder', { elder: elderInput(extra), requestId: rid('reg') }, openid)).elder;
}

/** An elder with `volunteer` paired (weekly on the given weekdays) and accepted. */
export async function activePairing(h: Harness, elderId: string, volunteer: string, weekdays = [2]): Promise<PairingView> {
  const { pairing } = await h.call('care', 'pair', { elderId, volunteerId: idOf(volunteer), plan: { weekdays, everyWeeks: 1 }, requestId: rid('pair') }, h.identities.gridLeader);
  return (await h.call('care', 'respond', { pairingId: pairing.id, accept: true }, volunteer)).pairing;
}

export const logInput = (day: string, extra: Record<string, unknown> = {}) => ({
  startAt: `${day}T02:00:00.000Z`,
  minutes: 50,
  done: ['medicine', 'chat'],
  mood: 'good',
  note: '送药上门，聊了一会儿',
  concern: '',
  ...extra,
});

export function freeze(h: Harness, at: number): void {
  h.stack.clock.frozenAtMs = at;
  h.stack.clock.offsetMs = 0;
}

export async function docs<T>(collection: string, where: Record<string, unknown>): Promise<T[]> {
  return (await getDb().collection(collection).where(where).limit(1000).get()).data as T[];
}

export const visitsOf = (pairingId: string) => docs<VisitDoc>(COLLECTIONS.careVisits, { pairingId });
export const elderDoc = async (id: string) => (await docs<ElderDoc>(COLLECTIONS.careElders, { _id: id }))[0]!;
export const pairingDoc = async (id: string) => (await docs<PairingDoc>(COLLECTIONS.carePairings, { _id: id }))[0]!;

/** Lets the people named receive `templates` (one unit each, `times` times), as a tap on 允许 would. */
export async function allow(h: Harness, openids: readonly string[], templates: string[], times = 1): Promise<void> {
  for (const openid of openids) for (let i = 0; i < times; i++) await h.call('members', 'grantSubscriptions', { requestId: rid('tap'), templates }, openid);
}

export const sent = (h: Harness, template?: string) => h.stack.wechat.messages.filter((m) => !template || m.templateId === template);
