import tcb from '@cloudbase/node-sdk';
import { render, screen, waitFor } from '@testing-library/react';
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import ImportPage from '@/packages/admin/pages/import/index';
import { byClass, clickByClass, typeInto } from '../support/taro-events';
import { setupPagesHarness } from '../support/pages';
import { syntheticResidents, toRosterCsv } from '../../support/synthetic-residents';

const ctx = setupPagesHarness();

/** Waits until no call of the page is under way. */
const idle = () => waitFor(() => expect(byClass('is-busy')).toHaveLength(0));
const text = (cls: string) => byClass(cls).map((el) => el.textContent ?? '');

const WITH_ONE_BAD_ROW = ['姓名,楼栋,门牌,手机,技能', '顾阿婆,8号楼,101,13812345678,理发', '钱师傅,99号楼,502,,水电维修', '孙小梅,10号楼,1203,,瑜伽'].join('\n');

async function importedNames(): Promise<string[]> {
  const res = await getDb().collection(COLLECTIONS.members).where({ communityId: 'cm-baiyu1', name: getDb().command.in(['顾阿婆', '钱师傅', '孙小梅']) }).get();
  return res.data.map((d: { name: string }) => d.name).sort();
}

describe('居委工作台: 导入名册', () => {
  it('shows every bad row with its reason, imports only the good rows when asked, and lists who arrived', async () => {
    ctx.signIn('committee');
    render(<ImportPage />);
    typeInto('roster-csv', WITH_ONE_BAD_ROW);
    clickByClass('btn-preview');

    expect(await screen.findByText('第3行 · 楼栋')).toBeTruthy();
    expect(screen.getByText('本居民区的微格里没有“99号楼”，请核对楼栋')).toBeTruthy();
    expect(text('roster-report__bad')).toEqual(['有问题 1 行']);
    expect(text('roster-report__new')).toEqual(['可以新导入 2 人']);
    // Nothing is imported while a row is bad, unless the committee chooses the good rows.
    expect(byClass('btn-commit')).toHaveLength(0);
    expect(await importedNames()).toEqual([]);

    clickByClass('btn-commit-good');
    expect(await screen.findByText('已导入 2 人')).toBeTruthy();
    await idle();
    expect(text('imported-person__name').sort()).toEqual(['孙小梅', '顾阿婆']);
    expect(screen.getByText('有问题的 1 行没有导入，改正后可以再导入一次。')).toBeTruthy();
    expect(await importedNames()).toEqual(['孙小梅', '顾阿婆']);
  });

  it('imports a good roster at once, and a second check says everyone is already on record', async () => {
    ctx.signIn('committee');
    render(<ImportPage />);
    const good = '姓名,楼栋,门牌\n顾阿婆,8号楼,101\n孙小梅,10号楼,1203';
    typeInto('roster-csv', good);
    clickByClass('btn-preview');
    await screen.findByText('导入 2 人');
    clickByClass('btn-commit');
    expect(await screen.findByText('已导入 2 人')).toBeTruthy();
    await idle();

    typeInto('roster-csv', good);
    clickByClass('btn-preview');
    expect(await screen.findByText('已导入过 2 人（不会重复导入）')).toBeTruthy();
    expect(screen.getByText('名册里的人都已在册，不需要再导入。')).toBeTruthy();
    expect(byClass('btn-commit')).toHaveLength(0);
  });

  it('says what is wrong with the header before sending anything', async () => {
    ctx.signIn('committee');
    const calls: string[] = [];
    const harnessFetch = globalThis.fetch;
    globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(String(input));
      return harnessFetch(input, init);
    }) as typeof fetch;
    render(<ImportPage />);
    typeInto('roster-csv', '名字,门牌\n张三,101');
    clickByClass('btn-preview');
    expect(await screen.findByText('第一行应是表头：姓名,楼栋,门牌（手机、技能、梯队可选）（表头缺少：楼栋）')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('tells a resident they may not import', async () => {
    ctx.signIn('resident');
    render(<ImportPage />);
    typeInto('roster-csv', '姓名,楼栋,门牌\n顾阿婆,8号楼,101');
    clickByClass('btn-preview');
    expect(await screen.findByText('你没有权限进行这个操作')).toBeTruthy();
    expect(byClass('roster-report')).toHaveLength(0);
  });

  it('uploads a long roster as a file once, and checks and imports it by its fileID', async () => {
    ctx.signIn('committee');
    // The dev server's /__dev/upload, answered here through the SDK's real upload to the emulator's storage.
    const uploads: string[] = [];
    const harnessFetch = globalThis.fetch;
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (!url.startsWith('/__dev/upload')) return harnessFetch(input, init);
      const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
      const { fileID } = await app.uploadFile({ cloudPath: 'roster.csv', fileContent: Buffer.from(String(init?.body), 'utf8') });
      uploads.push(fileID);
      return { ok: true, status: 200, json: async () => ({ fileID, url: '' }) } as Response;
    }) as typeof fetch;
    const csv = toRosterCsv(syntheticResidents(1500, { buildings: 10, seed: 3 }));
    expect(csv.length).toBeGreaterThan(30_000);

    render(<ImportPage />);
    typeInto('roster-csv', csv);
    clickByClass('btn-preview');
    expect(await screen.findByText('可以新导入 1500 人', undefined, { timeout: 10_000 })).toBeTruthy();
    clickByClass('btn-commit');
    expect(await screen.findByText('已导入 1500 人', undefined, { timeout: 10_000 })).toBeTruthy();
    await idle();
    expect(uploads).toHaveLength(1);
    expect(text('imported-person__name')).toHaveLength(20);
  }, 30_000);
});
