import { render, screen, waitFor } from '@testing-library/react';
import PrivacyPage from '@/packages/profile/pages/privacy/index';
import { PRIVACY_SECTIONS, PRIVACY_VERSION } from '@shared/privacy';
import { navigateBack, showToast } from '../../__mocks__/taro';
import { byClass, clickByClass } from '../support/taro-events';
import { setupPagesHarness } from '../support/pages';

const ctx = setupPagesHarness();

describe('隐私说明 page', () => {
  it('shows the text and records the newcomer’s consent, which opens the profile to them', async () => {
    const openid = ctx.signIn('newcomer');
    await ctx.h.call('members', 'chooseCommunity', { communityId: 'cm-baiyu1' }, openid);
    render(<PrivacyPage />);
    await waitFor(() => expect(byClass('btn-accept-privacy')).toHaveLength(1));
    for (const section of PRIVACY_SECTIONS) expect(screen.getByText(section.title)).toBeTruthy();
    expect(screen.getByText(`版本：${PRIVACY_VERSION}`)).toBeTruthy();
    expect(byClass('privacy-accepted')).toHaveLength(0);

    clickByClass('btn-accept-privacy');

    await waitFor(() => expect(navigateBack).toHaveBeenCalled());
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已同意' }));
    expect((await ctx.h.call('members', 'me', {}, openid)).privacy.accepted).toBe(true);
    const saved = await ctx.h.call('members', 'updateProfile', { name: '顾阿婆', building: '8号楼', room: '101' }, openid);
    expect(saved.member.name).toBe('顾阿婆');
  });

  it('shows when and which version a resident accepted, without asking again', async () => {
    ctx.signIn('resident');
    render(<PrivacyPage />);
    const accepted = await waitFor(() => {
      const el = byClass('privacy-accepted')[0];
      expect(el).toBeTruthy();
      return el!;
    });
    expect(accepted.textContent).toMatch(new RegExp(`你已于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 同意这份说明（版本 ${PRIVACY_VERSION}）`));
    expect(byClass('btn-accept-privacy')).toHaveLength(0);
  });
});
