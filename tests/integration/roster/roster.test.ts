import tcb from '@cloudbase/node-sdk';
import { performance } from 'perf_hooks';
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { CONTENT_CHECK_TEST_PHRASE } from '../../../emulator/platform/wechat.local';
import type { RosterImportResult, RosterReport } from '../../../src/shared/domain/roster';
import { startHarness, type Harness } from '../../support/harness';
import { syntheticResidents, toRosterCsv } from '../../support/synthetic-residents';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
// The seed has people of its own (some marked as imported): tests look at what their imports added.
let seeded = new Set<string>();
beforeEach(async () => {
  await h.reset();
  const res = await getDb().collection(COLLECTIONS.members).field({ _id: true }).limit(1000).get();
  seeded = new Set(res.data.map((d: { _id: string }) => d._id));
});

const GOOD = [
  '姓名,楼栋,门牌,手机,技能,梯队',
  '顾阿婆,8号楼,101,13812345678,理发;缝纫,成员',
  '钱师傅,3号,502室,,水电维修、家电维修,',
  '"孙, 小梅",10号楼,1203,138 1111 2222,"瑜伽,舞蹈",居民',
].join('\r\n');

const text = (csv: string) => ({ kind: 'text' as const, csv });

async function importedPeople(communityId = 'cm-baiyu1'): Promise<Record<string, any>[]> {
  const res = await getDb().collection(COLLECTIONS.members).where({ communityId, source: 'import' }).orderBy('name', 'asc').limit(1000).get();
  return res.data.filter((d: { _id: string }) => !seeded.has(d._id));
}

async function countMembers(where: Record<string, unknown> = {}): Promise<number> {
  return (await getDb().collection(COLLECTIONS.members).where(where).count()).total as number;
}

const preview = (csv: string, who = h.identities.committee) => h.call<RosterReport>('roster', 'preview', { source: text(csv) }, who);
const commit = (csv: string, onlyGoodRows = false, who = h.identities.committee) =>
  h.call<RosterImportResult>('roster', 'commit', { source: text(csv), onlyGoodRows }, who);

describe('a good roster', () => {
  it('previews without writing, then imports every row as a member record of the committee’s 居民区', async () => {
    const before = await countMembers();
    const report = await preview(GOOD);
    expect(report).toEqual({
      rows: 3,
      good: 3,
      toCreate: 3,
      alreadyImported: 0,
      alreadyRegistered: 0,
      bad: 0,
      issues: [],
      ignoredColumns: [],
    });
    expect(await countMembers()).toBe(before);

    const result = await commit(GOOD);
    expect(result.created).toBe(3);
    expect(result.sample.map((p) => p.name).sort()).toEqual(['孙, 小梅', '钱师傅', '顾阿婆'].sort());
    const people = await importedPeople();
    expect(people).toHaveLength(3);
    const gu = people.find((p) => p.name === '顾阿婆')!;
    expect(gu).toMatchObject({
      openid: null,
      communityId: 'cm-baiyu1',
      building: '8号楼',
      room: '101',
      phone: '13812345678',
      skills: ['理发', '缝纫'],
      gridId: 'cm-baiyu1-g3',
      source: 'import',
      application: { status: 'approved', reviewerId: h.memberIdOf('committee') },
    });
    // 3号 is stored as the grids list it; 502室 as 502; skills split on 、.
    expect(people.find((p) => p.name === '钱师傅')).toMatchObject({
      building: '3号楼',
      room: '502',
      phone: '',
      skills: ['水电维修', '家电维修'],
      gridId: 'cm-baiyu1-g1',
      application: { status: 'none' },
    });
    // A quoted name keeps its comma; a quoted skills cell may use commas; spaces in the phone are dropped.
    expect(people.find((p) => p.name === '孙, 小梅')).toMatchObject({ phone: '13811112222', skills: ['瑜伽', '舞蹈'], gridId: 'cm-baiyu1-g3' });

    const log = (await getDb().collection(COLLECTIONS.rosterImports).where({ communityId: 'cm-baiyu1' }).get()).data;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ by: h.memberIdOf('committee'), source: 'text', rows: 3, created: 3, bad: 0 });
  });

  it('imported people count in the street’s overview: 3 residents, 1 of them a member', async () => {
    const baiyu = async () =>
      (await h.call('street', 'viewCounts', {}, h.identities.streetAdmin)).communities.find((c: { id: string }) => c.id === 'cm-baiyu1');
    const before = await baiyu();
    await commit(GOOD);
    const after = await baiyu();
    expect([after.residents - before.residents, after.members - before.members]).toEqual([3, 1]);
  });
});

describe('bad rows', () => {
  const BAD = [
    '姓名,楼栋,门牌,手机,技能,梯队',
    ',1号楼,101,,,', // 2: no name
    '吴伯伯,,102,,,', // 3: no building
    '郑阿姨,1号楼,,,,', // 4: no room
    '冯先生,1号楼,103,1381234,,', // 5: bad phone
    '蒋老师,99号楼,104,,,', // 6: not a building of 白玉's grids
    '韩奶奶,2号楼,201,,,志愿者', // 7: unknown 梯队 value
    '杨大爷,2号楼,202,,书法,,多余', // 8: more cells than the header
    '朱阿姨,2号楼,203,,一二三四五六七八九十一二三,', // 9: a skill too long
    '秦先生,4号楼,401,,,', // 10: good
    '秦先生,4号楼,401室,,,', // 11: same person as line 10
    `许${CONTENT_CHECK_TEST_PHRASE},4号楼,402,,,`, // 12: refused by the content check
  ].join('\n');

  it('reports every bad row with its line, field and Chinese reason', async () => {
    const report = await preview(BAD);
    expect(report).toMatchObject({ rows: 11, good: 1, toCreate: 1, bad: 10 });
    expect(report.issues.map((i) => [i.row, i.field, i.code])).toEqual([
      [2, 'name', 'NAME_MISSING'],
      [3, 'building', 'BUILDING_MISSING'],
      [4, 'room', 'ROOM_MISSING'],
      [5, 'phone', 'PHONE_INVALID'],
      [6, 'building', 'BUILDING_UNKNOWN'],
      [7, 'echelon', 'ECHELON_UNKNOWN'],
      [8, null, 'EXTRA_FIELDS'],
      [9, 'skills', 'SKILL_TOO_LONG'],
      [11, null, 'DUPLICATE_ROW'],
      [12, 'name', 'CONTENT_REJECTED'],
    ]);
    const message = (row: number) => report.issues.find((i) => i.row === row)!.message;
    expect(message(2)).toBe('缺少姓名');
    expect(message(5)).toBe('手机号应是11位数字，以1开头');
    expect(message(6)).toBe('本居民区的微格里没有“99号楼”，请核对楼栋');
    expect(message(11)).toBe('与第10行是同一个人（姓名、楼栋、门牌都相同）');
    expect(message(12)).toBe('含有不适宜公开的内容，请修改');
  });

  it('imports nothing while any row is bad', async () => {
    const before = await countMembers();
    const res = await h.invoke('roster', { action: 'commit', payload: { source: text(BAD) } }, h.identities.committee);
    expect(res).toMatchObject({ ok: false, error: { code: 'ROSTER.HAS_BAD_ROWS', message: '名册里还有有问题的行：请先改正，或选择“只导入正确的行”' } });
    expect(await countMembers()).toBe(before);
    expect((await getDb().collection(COLLECTIONS.rosterImports).count()).total).toBe(0);
  });

  it('imports only the good rows when the committee chooses so', async () => {
    const result = await commit(BAD, true);
    expect(result).toMatchObject({ created: 1, report: { bad: 10, good: 1 } });
    expect((await importedPeople()).map((p) => [p.name, p.room])).toEqual([['秦先生', '401']]);
  });

  it('refuses a file without the required header, with what is missing', async () => {
    const res = await h.invoke('roster', { action: 'preview', payload: { source: text('名字,房号\n张三,101') } }, h.identities.committee);
    expect(res).toMatchObject({ ok: false, error: { code: 'ROSTER.BAD_HEADER', fields: { csv: '表头缺少：楼栋' } } });
    const empty = await h.invoke('roster', { action: 'preview', payload: { source: text('姓名,楼栋,门牌\n') } }, h.identities.committee);
    expect(empty).toMatchObject({ ok: false, error: { code: 'ROSTER.EMPTY' } });
    const quote = await h.invoke('roster', { action: 'preview', payload: { source: text('姓名,楼栋,门牌\n"张三,1号楼,101') } }, h.identities.committee);
    expect(quote).toMatchObject({ ok: false, error: { code: 'ROSTER.MALFORMED', fields: { csv: '第2行的引号没有配对' } } });
  });
});

describe('importing again', () => {
  it('changes nothing: the same file twice creates each person once and never overwrites', async () => {
    await commit(GOOD);
    const first = await importedPeople();
    // The committee edits a record in between; a re-import must not undo it.
    await getDb().collection(COLLECTIONS.members).doc(first[0]!._id).update({ phone: '13999999999' });

    const report = await preview(GOOD);
    expect(report).toMatchObject({ rows: 3, good: 3, toCreate: 0, alreadyImported: 3 });
    const again = await commit(GOOD);
    expect(again.created).toBe(0);
    const second = await importedPeople();
    expect(second.map((p) => p._id)).toEqual(first.map((p) => p._id));
    expect(second[0]!.phone).toBe('13999999999');
  });

  it('the same person written differently (spaces, full-width digits, 号 for 号楼, 室) is the same person', async () => {
    await commit('姓名,楼栋,门牌\n顾阿婆,8号楼,101');
    const report = await preview('姓名,楼栋,门牌\n顾 阿婆 ,８号,101室');
    expect(report).toMatchObject({ good: 1, toCreate: 0, alreadyImported: 1 });
  });

  it('two committee members importing the same file at once create each person once', async () => {
    const rows = syntheticResidents(300, { buildings: 10, seed: 7 });
    const csv = toRosterCsv(rows);
    const before = await countMembers();
    const results = await Promise.all([commit(csv), commit(csv), commit(csv)]);
    expect(results.reduce((n, r) => n + r.created, 0)).toBe(300);
    expect(await countMembers()).toBe(before + 300);
  });

  it('does not duplicate a resident who registered in WeChat with the same name, building and room', async () => {
    // 王秀兰 (3号楼 201) registered herself in the mini-program.
    const report = await preview('姓名,楼栋,门牌\n王秀兰,3号楼,201\n王秀兰,3号楼,202');
    expect(report).toMatchObject({ good: 2, toCreate: 1, alreadyRegistered: 1 });
    const result = await commit('姓名,楼栋,门牌\n王秀兰,3号楼,201\n王秀兰,3号楼,202');
    expect(result.created).toBe(1);
    expect(await countMembers({ communityId: 'cm-baiyu1', name: '王秀兰' })).toBe(2);
  });
});

describe('who may import', () => {
  it('imports into the caller’s own 居民区 only: another committee’s buildings are its own grids', async () => {
    const result = await commit('姓名,楼栋,门牌\n黄先生,1号楼,101', false, h.identities.otherCommittee);
    expect(result.created).toBe(1);
    const people = await importedPeople('cm-changfeng1');
    expect(people).toMatchObject([{ name: '黄先生', communityId: 'cm-changfeng1', gridId: 'cm-changfeng1-g1' }]);
    expect(await importedPeople('cm-baiyu1')).toHaveLength(0);
    // 长风一村's import of the same person is a different person from 白玉's.
    expect((await commit('姓名,楼栋,门牌\n黄先生,1号楼,101')).created).toBe(1);
  });

  it.each(['resident', 'member', 'gridLeader', 'streetAdmin', 'newcomer'] as const)('refuses %s, and writes nothing', async (who) => {
    const before = await countMembers();
    for (const action of ['preview', 'commit']) {
      const res = await h.invoke('roster', { action, payload: { source: text(GOOD), onlyGoodRows: true } }, h.identities[who]);
      expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN', message: '你没有权限进行这个操作' } });
    }
    expect(await countMembers()).toBe(before);
  });

  it('refuses a payload that is neither text nor a file', async () => {
    const res = await h.invoke('roster', { action: 'preview', payload: { source: { kind: 'url', url: 'http://x' } } }, h.identities.committee);
    expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
    const long = await h.invoke('roster', { action: 'preview', payload: { source: text('x'.repeat(30_001)) } }, h.identities.committee);
    expect(long).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT', fields: { 'source.csv': '内容较多，请改用上传文件' } } });
  });
});

describe('a roster uploaded as a file', () => {
  const upload = async (name: string, content: Buffer): Promise<string> => {
    const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
    return (await app.uploadFile({ cloudPath: `roster/${name}`, fileContent: content })).fileID;
  };

  it('is read through cloud storage by its fileID', async () => {
    const fileID = await upload('good.csv', Buffer.from(`\ufeff${GOOD}`, 'utf8'));
    const result = await h.call<RosterImportResult>('roster', 'commit', { source: { kind: 'file', fileID } }, h.identities.committee);
    expect(result.created).toBe(3);
    const log = (await getDb().collection(COLLECTIONS.rosterImports).get()).data;
    expect(log[0]).toMatchObject({ source: 'file', fileID });
  });

  it('answers FILE_NOT_FOUND for a fileID that does not exist', async () => {
    const res = await h.invoke('roster', { action: 'preview', payload: { source: { kind: 'file', fileID: 'cloud://local/0000-missing.csv' } } }, h.identities.committee);
    expect(res).toMatchObject({ ok: false, error: { code: 'ROSTER.FILE_NOT_FOUND', message: '没有找到上传的名册文件，请重新上传' } });
  });

  it('refuses a file saved as GBK with how to save it as UTF-8', async () => {
    // 姓名 in GBK.
    const fileID = await upload('gbk.csv', Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x0a]));
    const res = await h.invoke('roster', { action: 'preview', payload: { source: { kind: 'file', fileID } } }, h.identities.committee);
    expect(res).toMatchObject({ ok: false, error: { code: 'ROSTER.NOT_UTF8' } });
  });

  it('imports 13,125 rows, all of them, once', async () => {
    const rows = syntheticResidents(13_125, { buildings: 10 });
    const csv = toRosterCsv(rows);
    const fileID = await upload('big.csv', Buffer.from(csv, 'utf8'));
    const before = await countMembers();
    const t = performance.now();
    const result = await h.call<RosterImportResult>('roster', 'commit', { source: { kind: 'file', fileID } }, h.identities.committee);
    const ms = performance.now() - t;
    console.log(`roster import: 13,125 rows (${(csv.length / 1024).toFixed(0)} KB) in ${ms.toFixed(0)} ms`);
    expect(result).toMatchObject({ created: 13_125, report: { rows: 13_125, bad: 0 } });
    expect(await countMembers()).toBe(before + 13_125);
    expect(await countMembers({ communityId: 'cm-baiyu1', source: 'import', gridId: null })).toBe(0);

    const again = await h.call<RosterImportResult>('roster', 'commit', { source: { kind: 'file', fileID } }, h.identities.committee);
    expect(again).toMatchObject({ created: 0, report: { alreadyImported: 13_125 } });
    expect(await countMembers()).toBe(before + 13_125);
  }, 120_000);
});
