import { SUGGESTED_SKILLS } from '../../src/shared/domain/member';

/** A fictional resident row, as a roster import or a large seeded community needs. */
export interface SyntheticResident {
  name: string;
  building: string;
  room: string;
  phone: string;
  skills: string[];
  interests: string[];
  availability: string[];
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '秀兰建国丽华志强美玲海燕小燕文杰桂英明辉玉梅晓东红霞国庆淑珍家豪雪芳振华春梅永刚凤英伟民慧敏德明巧云';
const INTERESTS = ['读书会', '合唱', '广场舞', '下棋', '书法', '摄影', '园艺', '烘焙', '越剧', '太极'];
const AVAILABILITY = ['工作日白天', '工作日晚上', '周末'];

/** A small deterministic PRNG (mulberry32), so the same seed gives the same community every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` distinct residents spread over `buildings` buildings named 1号楼..N号楼 (so they map onto grids by
 * building), each with a unique building+room.
 */
export function syntheticResidents(count: number, options: { buildings?: number; seed?: number } = {}): SyntheticResident[] {
  const buildings = options.buildings ?? 60;
  const rand = prng(options.seed ?? 2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const some = <T>(list: readonly T[], max: number): T[] => {
    const n = Math.floor(rand() * (max + 1));
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };
  return Array.from({ length: count }, (_, i) => {
    const building = (i % buildings) + 1;
    const unit = Math.floor(i / buildings);
    const floor = Math.floor(unit / 8) + 1;
    const door = (unit % 8) + 1;
    const given = GIVEN.length / 2;
    const g = Math.floor(rand() * given) * 2;
    return {
      name: `${pick([...SURNAMES])}${GIVEN.slice(g, g + 2)}`,
      building: `${building}号楼`,
      room: `${floor}${String(door).padStart(2, '0')}`,
      phone: `139${String(10_000_000 + i).slice(-8)}`,
      skills: some(SUGGESTED_SKILLS, 2),
      interests: some(INTERESTS, 2),
      availability: some(AVAILABILITY, 2),
    };
  });
}

/** The roster CSV the committee would paste: 姓名,楼栋,门牌,手机,技能 (skills separated by ;). */
export function toRosterCsv(rows: readonly SyntheticResident[]): string {
  const header = '姓名,楼栋,门牌,手机,技能';
  return [header, ...rows.map((r) => [r.name, r.building, r.room, r.phone, r.skills.join(';')].join(','))].join('\n');
}
