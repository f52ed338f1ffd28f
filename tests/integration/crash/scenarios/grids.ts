// Crash scenarios of the grids function (tests/support/crash-matrix.ts): every action that writes.
import type { CrashScenario } from '../../../support/crash-matrix';

const G1 = 'cm-baiyu1-g1';
const G2 = 'cm-baiyu1-g2';

export const scenarios: CrashScenario[] = [
  { name: 'grids.createGrid', fn: 'grids', action: 'createGrid', caller: 'committee', payload: () => ({ requestId: 'crash-grid-1', name: '第四微格' }) },
  { name: 'grids.renameGrid', fn: 'grids', action: 'renameGrid', caller: 'committee', payload: () => ({ gridId: G2, name: '新二微格' }) },
  {
    name: 'grids.setBuildings (a building moves from another grid)',
    fn: 'grids',
    action: 'setBuildings',
    caller: 'committee',
    setup: async (h) => {
      await h.call('grids', 'setBuildings', { gridId: G1, buildings: ['1号楼', '2号楼', '3号楼'] }, h.identities.committee);
    },
    payload: () => ({ gridId: G2, buildings: ['5号楼', '6号楼', '7号楼', '4号楼'] }),
  },
  {
    name: 'grids.assignLeader',
    fn: 'grids',
    action: 'assignLeader',
    caller: 'committee',
    setup: async (h) => h.memberIdOf('member'),
    payload: (memberId: string) => ({ gridId: G2, memberId }),
  },
  {
    name: 'grids.assignLeader (clear)',
    fn: 'grids',
    action: 'assignLeader',
    caller: 'committee',
    payload: () => ({ gridId: G1, memberId: null }),
  },
  {
    name: 'grids.setChief',
    fn: 'grids',
    action: 'setChief',
    caller: 'committee',
    setup: async (h) => h.memberIdOf('gridLeader'),
    payload: (memberId: string) => ({ memberId }),
  },
  {
    name: 'grids.setColour',
    fn: 'grids',
    action: 'setColour',
    caller: 'committee',
    setup: async (h) => h.memberIdOf('applicant1'),
    payload: (memberId: string) => ({ memberId, colour: 'red' }),
  },
  {
    name: 'grids.setPairMember',
    fn: 'grids',
    action: 'setPairMember',
    caller: 'committee',
    setup: async (h) => h.memberIdOf('resident'),
    payload: (memberId: string) => ({ memberId, role: 'groupLeader' }),
  },
  {
    name: 'grids.clearPair',
    fn: 'grids',
    action: 'clearPair',
    caller: 'committee',
    setup: async (h) => {
      await h.call('grids', 'setPairMember', { memberId: h.memberIdOf('resident'), role: 'groupLeader' }, h.identities.committee);
    },
    payload: () => ({ building: '3号楼' }),
  },
];
