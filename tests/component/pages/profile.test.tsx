import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ProfilePage from '@/pages/profile/index';
import { navigateBack, navigateTo, showToast } from '../../__mocks__/taro';
import { byClass, clickByClass, typeInto } from '../support/taro-events';
import { setupPagesHarness } from '../support/pages';
import { PRIVACY_VERSION } from '@shared/privacy';

const ctx = setupPagesHarness();

const errorUnder = (field: string) => byClass(`field-error--${field}`)[0]?.textContent;
const chip = (group: string, value: string) =>
  byClass(`choice-chips--${group}`)[0]?.querySelector(`.choice-chip[data-value="${value}"]`) as HTMLElement | undefined;

describe('资料 page', () => {
  it('an empty save: each message under its field, the page scrolled to the first, a toast naming it, nothing saved', async () => {
    const scroll = jest.spyOn(Taro, 'pageScrollTo');
    const openid = ctx.signIn('newcomer');
    await ctx.h.call('members', 'chooseCommunity', { communityId: 'cm-baiyu1' }, openid);
    await ctx.h.call('members', 'acceptPrivacy', { version: PRIVACY_VERSION }, openid);
    render(<ProfilePage />);
    await waitFor(() => expect(document.getElementById('profile-name')).toBeTruthy());

    typeInto('profile-phone', '12345');
    clickByClass('btn-save-profile');

    await waitFor(() => expect(errorUnder('name')).toBe('请填写姓名'));
    expect(errorUnder('building')).toBe('请填写楼栋');
    expect(errorUnder('room')).toBe('请填写门牌');
    expect(errorUnder('phone')).toBe('请填写11位手机号');
    // The person is at 保存 at the bottom: the page goes up to 姓名 and a toast says what to fix.
    expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ selector: '.form-field--name' }));
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请填写姓名（共4处要改）', icon: 'none' }));
    scroll.mockRestore();
    expect(navigateBack).not.toHaveBeenCalled();
    const me = await ctx.h.call('members', 'me', {}, openid);
    expect(me.member.name).toBe('');

    // Editing a field clears its message, and only its own.
    typeInto('profile-name', '顾阿婆');
    expect(errorUnder('name')).toBeUndefined();
    expect(errorUnder('building')).toBe('请填写楼栋');
  });

  it('saves the profile with chosen and free skills, toasts and goes back', async () => {
    const openid = ctx.signIn('newcomer');
    await ctx.h.call('members', 'chooseCommunity', { communityId: 'cm-baiyu1' }, openid);
    await ctx.h.call('members', 'acceptPrivacy', { version: PRIVACY_VERSION }, openid);
    render(<ProfilePage />);
    await waitFor(() => expect(document.getElementById('profile-name')).toBeTruthy());

    typeInto('profile-name', '顾阿婆');
    typeInto('profile-building', '8号楼');
    typeInto('profile-room', '101');
    typeInto('profile-phone', '13812345678');
    clickByClass('tag-chip', byClass('tag-chip').findIndex((el) => el.getAttribute('data-tag') === '理发'));
    typeInto('skills-add-input', '编织');
    fireEvent.click(document.getElementById('skills-add')!);
    typeInto('interests-add-input', '越剧');
    fireEvent.click(document.getElementById('interests-add')!);
    clickByClass('btn-save-profile');

    await waitFor(() => expect(navigateBack).toHaveBeenCalled());
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '资料已保存' }));
    const me = await ctx.h.call('members', 'me', {}, openid);
    expect(me.member).toMatchObject({
      name: '顾阿婆',
      building: '8号楼',
      room: '101',
      skills: ['理发', '编织'],
      interests: ['越剧'],
    });
  });

  it('picks a birth year from the platform’s picker (never typed) and saves it', async () => {
    const openid = ctx.signIn('resident');
    render(<ProfilePage />);
    await waitFor(() => expect(document.getElementById('profile-birth-year')).toBeTruthy());
    expect(byClass('form-field--birthYear')[0]!.textContent).toContain('不填');
    const picker = document.getElementById('profile-birth-year')!;
    // The selector answers the picked index: 0 is 不填, then from 10 years ago backwards.
    const index = new Date().getFullYear() - 10 - 1956 + 1;
    fireEvent(picker, new CustomEvent('change', { detail: { value: index } }));
    expect(byClass('form-field--birthYear')[0]!.textContent).toContain('1956年');
    typeInto('profile-phone', '13900001001');
    clickByClass('btn-save-profile');
    await waitFor(() => expect(navigateBack).toHaveBeenCalled());
    expect((await ctx.h.call('members', 'me', {}, openid)).member.birthYear).toBe(1956);
  });

  it('fills the form with what the resident already entered', async () => {
    ctx.signIn('resident');
    render(<ProfilePage />);
    await waitFor(() => expect(document.getElementById('profile-name')).toBeTruthy());
    expect(document.getElementById('profile-name')!.getAttribute('value')).toBe('王秀兰');
    const chip = byClass('tag-chip').find((el) => el.getAttribute('data-tag') === '书法');
    expect(chip?.className).toContain('tag-chip--on');
    expect(screen.getByText('✓ 读书会')).toBeTruthy();
  });

  it('asks a newcomer to read the privacy text before showing the form', async () => {
    const openid = ctx.signIn('newcomer');
    await ctx.h.call('members', 'chooseCommunity', { communityId: 'cm-baiyu1' }, openid);
    render(<ProfilePage />);
    expect(await screen.findByText('填写资料之前，请先阅读并同意隐私说明。')).toBeTruthy();
    expect(document.getElementById('profile-name')).toBeNull();
    clickByClass('btn-go-privacy');
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/profile/pages/privacy/index' });
  });

  it('saves when the resident is free and who may see each field', async () => {
    const openid = ctx.signIn('resident');
    render(<ProfilePage />);
    await waitFor(() => expect(document.getElementById('profile-name')).toBeTruthy());
    // The defaults are selected at first.
    expect(chip('visibility-phone', 'committee')?.getAttribute('aria-checked')).toBe('true');
    expect(chip('visibility-skills', 'leaders')?.getAttribute('aria-checked')).toBe('true');

    fireEvent.click(chip('availability', '周末')!);
    fireEvent.click(chip('availability', '工作日晚上')!);
    fireEvent.click(chip('visibility-skills', 'committee')!);
    fireEvent.click(chip('visibility-phone', 'hidden')!);
    expect(chip('visibility-phone', 'committee')?.getAttribute('aria-checked')).toBe('false');
    clickByClass('btn-save-profile');

    await waitFor(() => expect(navigateBack).toHaveBeenCalled());
    const me = await ctx.h.call('members', 'me', {}, openid);
    expect(me.member.availability).toEqual(['周末', '工作日晚上']);
    expect(me.member.visibility).toEqual({ skills: 'committee', interests: 'leaders', availability: 'leaders', phone: 'hidden' });
    // The selectors already there still work.
    expect(me.member).toMatchObject({ name: '王秀兰', skills: ['书法'], interests: ['读书会'] });
  });
});
