import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ChildrenPage from '@/packages/profile/pages/children/index';
import { inShanghai } from '@shared/time';
import { navigateTo } from '../../__mocks__/taro';
import { byClass, clickByClass, typeInto } from '../support/taro-events';
import { setupPagesHarness } from '../support/pages';

const ctx = setupPagesHarness();

const year = (y: number) => byClass('choice-chips--birth-year')[0]?.querySelector(`.choice-chip[data-value="${y}"]`) as HTMLElement;
const errorUnder = (field: string) => byClass(`field-error--${field}`)[0]?.textContent;
const idle = () => waitFor(() => expect(byClass('is-busy')).toHaveLength(0));
const thisYear = inShanghai(Date.now()).year();

describe('小小梯队 page', () => {
  it('adds a child only with a year and the guardian’s consent, then lists them', async () => {
    const openid = ctx.signIn('member');
    render(<ChildrenPage />);
    await screen.findByText('还没有登记孩子');
    await idle();
    // The years offered are those of children under 18.
    expect(byClass('choice-chip')).toHaveLength(18);
    expect(year(thisYear)).toBeTruthy();
    expect(year(thisYear - 18)).toBeFalsy();
    expect(screen.getByText(/我是这个孩子的监护人/)).toBeTruthy();

    typeInto('child-name', '小明');
    clickByClass('btn-add-child');
    await waitFor(() => expect(errorUnder('birthYear')).toBe('请选择出生年份'));
    expect(errorUnder('guardianConsent')).toBe('请确认你是孩子的监护人并同意登记');

    fireEvent.click(year(2018));
    fireEvent.click(byClass('guardian-consent')[0]!);
    clickByClass('btn-add-child');

    expect(await screen.findByText('小明', { selector: '.child-row__name, .child-row__name *' })).toBeTruthy();
    await idle();
    expect(screen.getByText(/2018年出生/)).toBeTruthy();
    // The form is empty again for another child.
    expect(document.getElementById('child-name')!.getAttribute('value')).toBe('');
    expect((await ctx.h.call('members', 'listChildren', {}, openid)).items).toEqual([
      expect.objectContaining({ name: '小明', birthYear: 2018 }),
    ]);
  });

  it('removes a child after a plain confirmation', async () => {
    const openid = ctx.signIn('member');
    await ctx.h.call('members', 'addChild', { name: '小红', birthYear: 2017, guardianConsent: true }, openid);
    render(<ChildrenPage />);
    await screen.findByText('小红', { selector: '.child-row__name, .child-row__name *' });
    await idle();

    clickByClass('btn-remove-child');
    expect(screen.getByText('确定把小红从小小梯队移除吗？移除后孩子的信息会被删除。')).toBeTruthy();
    clickByClass('btn-cancel-remove-child');
    expect(byClass('btn-confirm-remove-child')).toHaveLength(0);
    expect((await ctx.h.call('members', 'listChildren', {}, openid)).items).toHaveLength(1);

    clickByClass('btn-remove-child');
    clickByClass('btn-confirm-remove-child');
    expect(await screen.findByText('还没有登记孩子')).toBeTruthy();
    await idle();
    expect((await ctx.h.call('members', 'listChildren', {}, openid)).items).toEqual([]);
  });

  it('leads a guardian who has not accepted the privacy text to it', async () => {
    const openid = ctx.signIn('newcomer');
    await ctx.h.call('members', 'chooseCommunity', { communityId: 'cm-baiyu1' }, openid);
    render(<ChildrenPage />);
    await screen.findByText('还没有登记孩子');
    await idle();
    typeInto('child-name', '小明');
    fireEvent.click(year(2018));
    fireEvent.click(byClass('guardian-consent')[0]!);
    clickByClass('btn-add-child');
    expect(await screen.findByText('登记孩子之前，请先阅读并同意隐私说明。')).toBeTruthy();
    clickByClass('btn-go-privacy');
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/profile/pages/privacy/index' });
    expect((await ctx.h.call('members', 'listChildren', {}, openid)).items).toEqual([]);
  });
});
