import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { newMemberDoc } from '../../cloudfunctions/_core/member-record';
import type { CouncilDoc } from '../../cloudfunctions/councils/councils.model';
import { DAY_MS, dateOfDay, shanghaiDay } from '../../src/shared/rules/rotation';
import { LOCAL_APPID } from '../dev-server/functions-host';
import { DEFAULT_COUNCILS, DEMO_COMMUNITIES, demoGridOf, demoPerson } from './demo-data';
import { demoMemberId, type Ensure } from './seed';

/** 白玉's 便民服务分会 carries demo members, positions and a rotation; the other councils start empty. */
export const DEMO_SERVICE_COUNCIL = 'cm-baiyu1-service';

/** Fictional members of the demo 便民服务分会 (not on WeChat), with deterministic ids. */
export const DEMO_COUNCIL_MEMBERS = [
  { _id: 'demo-council-member-1', name: '吴建华', building: '8号楼', room: '301', skills: ['水电维修'] },
  { _id: 'demo-council-member-2', name: '郑桂英', building: '6号楼', room: '102', skills: ['理发'] },
  { _id: 'demo-council-member-3', name: '钱国强', building: '1号楼', room: '605', skills: ['家电维修'] },
] as const;

/** 30-day terms; the rotation started 10 days before seeding, so the demo grid leader 张丽华 chairs now and 李建国 is next. */
export const DEMO_TERM_DAYS = 30;
export const DEMO_STARTED_DAYS_AGO = 10;

function serviceCouncilExtras(now: Date): Pick<CouncilDoc, 'positions' | 'rotation' | 'rotationLog'> {
  const gridLeader = demoMemberId(demoPerson('gridLeader'));
  const member = demoMemberId(demoPerson('member'));
  const [wu, zheng, qian] = DEMO_COUNCIL_MEMBERS.map((p) => p._id);
  const rotationId = 'r-demo-service';
  return {
    positions: [
      { title: '会长', memberId: member },
      { title: '副会长', memberId: gridLeader },
      { title: '秘书长', memberId: zheng! },
    ],
    rotation: {
      id: rotationId,
      order: [gridLeader, member, wu!, zheng!, qian!],
      termDays: DEMO_TERM_DAYS,
      startDate: dateOfDay(shanghaiDay(now) - DEMO_STARTED_DAYS_AGO),
      version: 0,
    },
    rotationLog: [
      {
        key: 'set:demo-service',
        kind: 'set',
        rotationId,
        by: demoMemberId(demoPerson('committee')),
        byName: demoPerson('committee').name,
        at: new Date(now.getTime() - (DEMO_STARTED_DAYS_AGO + 1) * DAY_MS),
      },
    ],
  };
}

/** Each demo 居民区's 总会 and five 分会, and the demo 便民服务分会's members. Answers how many documents were new. */
export async function seedCouncils(ensure: Ensure, now: Date): Promise<number> {
  let added = 0;
  for (const c of DEMO_COMMUNITIES) {
    for (const [order, council] of DEFAULT_COUNCILS.entries()) {
      const _id = `${c._id}-${council.key}`;
      const doc = {
        _id,
        communityId: c._id,
        name: council.name,
        kind: council.kind,
        order,
        active: true,
        ...(_id === DEMO_SERVICE_COUNCIL ? serviceCouncilExtras(now) : {}),
      };
      if (await ensure(COLLECTIONS.councils, doc)) added += 1;
    }
  }
  for (const p of DEMO_COUNCIL_MEMBERS) {
    const doc = {
      ...newMemberDoc(p._id, null, LOCAL_APPID, now),
      communityId: 'cm-baiyu1',
      name: p.name,
      building: p.building,
      room: p.room,
      skills: [...p.skills],
      gridId: demoGridOf('cm-baiyu1', p.building),
      councilIds: [DEMO_SERVICE_COUNCIL],
      application: { status: 'approved' as const, submittedAt: new Date(now.getTime() - 60 * DAY_MS), reviewedAt: new Date(now.getTime() - 59 * DAY_MS) },
      source: 'import' as const,
    };
    if (await ensure(COLLECTIONS.members, { ...doc })) added += 1;
  }
  return added;
}
