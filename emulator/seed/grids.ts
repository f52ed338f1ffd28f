import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { memberIdFor } from '../../cloudfunctions/_core/identity';
import { newMemberDoc, type MemberDoc } from '../../cloudfunctions/_core/member-record';
import type { GridColour } from '../../src/shared/domain/grid';
import type { Visibility } from '../../src/shared/domain/member';
import { LOCAL_APPID } from '../dev-server/functions-host';
import { DEMO_COMMUNITIES, DEMO_GRIDS, demoGridOf } from './demo-data';
import type { Ensure } from './seed';

const BAIYU = 'cm-baiyu1';
const idOf = (openid: string) => memberIdFor({ openid, appid: LOCAL_APPID });
const GRID_LEADER = idOf('demo-grid-leader');
const COMMITTEE = idOf('demo-committee');

/**
 * Residents of 白玉 without a WeChat login (as a roster import would bring them), so the talent pool and the
 * grid roster show each visibility choice locally. Every person is invented.
 */
const TALENT_PEOPLE: {
  key: string;
  name: string;
  building: string;
  room: string;
  phone: string;
  skills: string[];
  interests: string[];
  availability: string[];
  visibility: Visibility;
  member: boolean;
}[] = [
  {
    key: 'doctor', name: '赵桂英', building: '2号楼', room: '301', phone: '13900003001', skills: ['医生', '心理咨询'],
    interests: ['太极'], availability: ['工作日白天'], member: true,
    visibility: { skills: 'leaders', interests: 'leaders', availability: 'leaders', phone: 'leaders' },
  },
  {
    key: 'lawyer', name: '钱国庆', building: '5号楼', room: '101', phone: '13900003002', skills: ['律师'],
    interests: ['下棋'], availability: ['周末'], member: true,
    visibility: { skills: 'committee', interests: 'leaders', availability: 'leaders', phone: 'committee' },
  },
  {
    key: 'dancer', name: '孙淑珍', building: '8号楼', room: '402', phone: '13900003003', skills: ['舞蹈', '瑜伽'],
    interests: ['广场舞'], availability: ['周末', '工作日晚上'], member: true,
    visibility: { skills: 'hidden', interests: 'leaders', availability: 'hidden', phone: 'hidden' },
  },
  {
    key: 'coder', name: '周文杰', building: '9号楼', room: '202', phone: '13900003004', skills: ['编程', '摄影'],
    interests: ['摄影'], availability: ['工作日晚上'], member: true,
    visibility: { skills: 'leaders', interests: 'hidden', availability: 'leaders', phone: 'leaders' },
  },
  {
    key: 'elder', name: '吴阿婆', building: '1号楼', room: '102', phone: '', skills: [], interests: ['越剧'],
    availability: [], member: false,
    visibility: { skills: 'leaders', interests: 'leaders', availability: 'leaders', phone: 'committee' },
  },
];

export const talentPersonId = (key: string) => `seed-talent-${key}`;

/** 微格分色 of a few 白玉 residents: demo openids or talent-pool keys. */
const COLOURS: { memberId: string; colour: GridColour }[] = [
  { memberId: talentPersonId('elder'), colour: 'red' },
  { memberId: idOf('demo-resident'), colour: 'yellow' },
  { memberId: talentPersonId('doctor'), colour: 'blue' },
  { memberId: talentPersonId('coder'), colour: 'green' },
  { memberId: GRID_LEADER, colour: 'green' },
];

function talentDoc(p: (typeof TALENT_PEOPLE)[number], now: Date): MemberDoc {
  return {
    ...newMemberDoc(talentPersonId(p.key), null, LOCAL_APPID, now),
    communityId: BAIYU,
    name: p.name,
    building: p.building,
    room: p.room,
    phone: p.phone,
    skills: p.skills,
    interests: p.interests,
    availability: p.availability,
    visibility: p.visibility,
    gridId: demoGridOf(BAIYU, p.building),
    source: 'import',
    application: p.member
      ? { status: 'approved', submittedAt: new Date(now.getTime() - 60 * 86_400_000), reviewedAt: new Date(now.getTime() - 59 * 86_400_000) }
      : { status: 'none' },
  };
}

/**
 * Each demo 居民区's micro-grids with their building claims; in 白玉 the leader of the first grid (the demo grid
 * leader), the 总格长 (the demo committee member), a 双楼长 pair, colours, and residents for the talent pool.
 * Answers how many documents were new.
 */
export async function seedGrids(ensure: Ensure, now: Date): Promise<number> {
  let added = 0;
  const count = async (collection: string, doc: { _id: string } & Record<string, unknown>) => {
    if (await ensure(collection, doc)) added += 1;
  };
  for (const c of DEMO_COMMUNITIES) {
    for (const [order, grid] of DEMO_GRIDS.entries()) {
      const gridId = `${c._id}-${grid.key}`;
      const leaderMemberId = c._id === BAIYU && grid.key === 'g1' ? GRID_LEADER : null;
      await count(COLLECTIONS.grids, {
        _id: gridId, communityId: c._id, name: grid.name, buildings: [...grid.buildings], order, leaderMemberId, version: 0,
      });
      for (const building of grid.buildings) {
        await count(COLLECTIONS.gridBuildings, { _id: `${c._id}:${building}`, communityId: c._id, building, gridId });
      }
    }
  }
  await count(COLLECTIONS.gridChiefs, { _id: BAIYU, communityId: BAIYU, memberId: COMMITTEE, since: now, by: COMMITTEE });
  await count(COLLECTIONS.buildingPairs, {
    _id: `${BAIYU}:5号楼`, communityId: BAIYU, building: '5号楼',
    groupLeaderMemberId: talentPersonId('lawyer'), partnerMemberId: idOf('demo-member'), updatedAt: now,
  });
  for (const { memberId, colour } of COLOURS) {
    await count(COLLECTIONS.memberColours, { _id: memberId, memberId, communityId: BAIYU, colour, setBy: COMMITTEE, setAt: now });
  }
  for (const p of TALENT_PEOPLE) await count(COLLECTIONS.members, { ...talentDoc(p, now) });
  return added;
}
