import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import MyDataPage from '@/packages/profile/pages/data/index';
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { reLaunch } from '../../__mocks__/taro';
import { byClass, clickByClass, typeInto } from '../support/taro-events';
import { setupPagesHarness } from '../support/pages';

const ctx = setupPagesHarness();

const section = (name: string) => byClass(name)[0] as HTMLElement;
const readBlob = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });

describe('我的数据 page', () => {
  it('shows everything stored about the member in plain words', async () => {
    const id = ctx.h.memberIdOf('member');
    await ctx.h.call('members', 'addChild', { name: '小明', birthYear: 2018, guardianConsent: true }, ctx.h.identities.member);
    await ctx.h.call('members', 'setRole', { memberId: id, role: 'building_leader', granted: true, reason: '5号楼楼组长' }, ctx.h.identities.committee);
    await getDb().collection(COLLECTIONS.memberColours).add({ _id: id, memberId: id, communityId: 'cm-baiyu1', colour: 'green' });
    ctx.signIn('member');
    render(<MyDataPage />);

    await screen.findByText('13900001002');
    expect(within(section('my-data-profile')).getByText('李建国')).toBeTruthy();
    expect(within(section('my-data-profile')).getByText('5号楼 502')).toBeTruthy();
    expect(within(section('my-data-profile')).getByText('水电维修、家电维修')).toBeTruthy();
    expect(within(section('my-data-profile')).getByText('周末')).toBeTruthy();
    expect(within(section('my-data-visibility')).getByText('仅居委可见')).toBeTruthy();
    expect(within(section('my-data-community')).getByText('白玉新村第一居民区')).toBeTruthy();
    expect(within(section('my-data-community')).getByText('已加入第二梯队')).toBeTruthy();
    expect(within(section('my-data-community')).getByText('楼组长')).toBeTruthy();
    expect(within(section('my-data-community')).getByText('2个')).toBeTruthy();
    // Colours never reach a resident: the page says whom to ask instead.
    expect(document.querySelector('.my-data-colour')).toBeNull();
    expect(document.body.textContent).not.toMatch(/绿色|第二梯队支援力量/);
    expect(section('my-data-grid-work').textContent).toContain('可以直接问居委会');
    expect(section('my-data-privacy').textContent).toMatch(/同意（版本 /);
    expect(within(section('my-data-history')).getByText('担任楼组长')).toBeTruthy();
    expect(within(section('my-data-history')).getByText('5号楼楼组长')).toBeTruthy();
    expect(section('my-data-children').textContent).toContain('小明，2018年出生');
  });

  it('exports the same data as a JSON file', async () => {
    const blobs: Blob[] = [];
    const url = globalThis.URL as unknown as { createObjectURL?: unknown; revokeObjectURL?: unknown };
    // jsdom has no object URLs (this file's own jsdom); the browser journey checks the real download.
    url.createObjectURL = (blob: Blob) => {
      blobs.push(blob);
      return 'blob:my-data';
    };
    url.revokeObjectURL = () => undefined;
    const clicks: string[] = [];
    const onClick = (e: Event) => {
      const a = e.target as HTMLAnchorElement;
      if (a.tagName === 'A') {
        clicks.push(a.download);
        e.preventDefault();
      }
    };
    document.addEventListener('click', onClick);
    try {
      ctx.signIn('resident');
      render(<MyDataPage />);
      await screen.findByText('13900001001');
      clickByClass('btn-export');
      await screen.findByText('已下载');
      expect(clicks).toEqual([expect.stringMatching(/^我的数据-\d{8}\.json$/)]);
      const exported = JSON.parse(await readBlob(blobs[0]!));
      expect(exported.member).toMatchObject({ name: '王秀兰', phone: '13900001001', skills: ['书法'] });
      expect(exported.community).toEqual({ id: 'cm-baiyu1', name: '白玉新村第一居民区' });
    } finally {
      document.removeEventListener('click', onClick);
    }
  });

  it('deletes the account only after 注销 is typed, then starts over from 首页', async () => {
    const openid = ctx.signIn('resident');
    render(<MyDataPage />);
    await screen.findByText('13900001001');

    clickByClass('btn-open-delete');
    expect(screen.getByText(/资料会被清除，无法恢复/)).toBeTruthy();
    const button = () => byClass('btn-delete-account')[0]!;
    typeInto('delete-confirm', '删除');
    fireEvent.click(button());
    expect((await ctx.h.call('members', 'me', {}, openid)).member.name).toBe('王秀兰');
    expect(reLaunch).not.toHaveBeenCalled();
    typeInto('delete-confirm', '注销');
    fireEvent.click(button());

    await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' }));
    const back = await ctx.h.call('members', 'me', {}, openid);
    expect(back.member).toMatchObject({ name: '', communityId: null });
    expect(back.member.id).not.toBe(ctx.h.memberIdOf('resident'));
  });

  it('keeps the account when the resident changes their mind', async () => {
    const openid = ctx.signIn('resident');
    render(<MyDataPage />);
    await screen.findByText('13900001001');
    clickByClass('btn-open-delete');
    typeInto('delete-confirm', '注销');
    clickByClass('btn-cancel-delete');
    expect(byClass('btn-delete-account')).toHaveLength(0);
    expect(reLaunch).not.toHaveBeenCalled();
    expect((await ctx.h.call('members', 'me', {}, openid)).member.name).toBe('王秀兰');
  });
});
