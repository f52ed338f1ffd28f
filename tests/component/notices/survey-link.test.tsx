import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import NoticeDetailPage from '@/packages/notices/pages/detail/index';
import NoticeEditPage from '@/packages/notices/pages/edit/index';
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { navigateTo, redirectTo } from '../../__mocks__/taro';
import { published } from '../../integration/surveys/support';
import { __setRouterParams, setupPagesHarness } from '../support/pages';
import { byClass, clickByClass, typeInto } from '../support/taro-events';

const ctx = setupPagesHarness();

const idle = () => waitFor(() => expect(byClass('is-busy')).toHaveLength(0));
const chip = (group: string, value: string) => {
  const el = document.querySelector(`.choice-chips--${group} [data-value="${value}"]`);
  if (!el) throw new Error(`no chip ${group}/${value}`);
  fireEvent.click(el);
};
const fieldError = (name: string) => byClass(`field-error--${name}`)[0]?.textContent ?? '';

describe('a notice that asks residents to fill in a questionnaire', () => {
  it('the writer picks one of the 居民区’s open questionnaires; the resident gets a big 去填写问卷 button', async () => {
    const survey = await published(ctx.h, ctx.h.stack.clock.nowMs());
    ctx.signIn('committee');
    render(<NoticeEditPage />);
    await screen.findByText('请居民填写问卷');
    await waitFor(() => expect(document.querySelector(`.choice-chips--notice-survey [data-value="${survey.id}"]`)?.textContent).toBe('楼道微更新意见征询'));
    await idle();
    typeInto('notice-title', '楼道微更新听听大家的意见');
    typeInto('notice-body', '请各位邻居花一分钟填一下问卷。');
    chip('notice-target-kind', 'community');
    chip('notice-survey', survey.id);
    clickByClass('btn-save-notice');
    await waitFor(() => expect(redirectTo).toHaveBeenCalled());
    const noticeId = decodeURIComponent(redirectTo.mock.calls[0]![0].url.split('id=')[1]!);

    ctx.signIn('resident');
    __setRouterParams({ id: noticeId });
    render(<NoticeDetailPage />);
    await screen.findByText('这条通知请你填写问卷：楼道微更新意见征询');
    clickByClass('btn-notice-survey');
    expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/surveys/pages/answer/index?id=${encodeURIComponent(survey.id)}` });
  });

  it('shows no button on a notice without a questionnaire', async () => {
    const { notice } = await ctx.h.call(
      'notices',
      'create',
      { notice: { title: '明天上午停水', body: '请提前储水。', target: { kind: 'community' }, mode: 'read' }, publish: { kind: 'now' }, requestId: 'req-plain' },
      ctx.h.identities.committee,
    );
    ctx.signIn('resident');
    __setRouterParams({ id: notice.id });
    render(<NoticeDetailPage />);
    await screen.findByText('请提前储水。');
    expect(byClass('btn-notice-survey')).toHaveLength(0);
  });

  it('says under the field when the linked questionnaire is gone, and leaves the draft as it was', async () => {
    const survey = await published(ctx.h, ctx.h.stack.clock.nowMs());
    const { notice } = await ctx.h.call(
      'notices',
      'create',
      { notice: { title: '问卷提醒', body: '请填问卷。', target: { kind: 'community' }, mode: 'read', surveyId: survey.id }, publish: { kind: 'draft' }, requestId: 'req-draft' },
      ctx.h.identities.committee,
    );
    await getDb().collection(COLLECTIONS.surveys).doc(survey.id).remove();
    ctx.signIn('committee');
    __setRouterParams({ id: notice.id });
    render(<NoticeEditPage />);
    await screen.findByText('修改通知');
    await idle();
    // The linked questionnaire stays shown and picked, though it is no longer among the open ones.
    expect(document.querySelector('.choice-chips--notice-survey .choice-chip--on')?.getAttribute('data-value')).toBe(survey.id);
    typeInto('notice-title', '问卷提醒（改）');
    clickByClass('btn-save-notice');
    await waitFor(() => expect(fieldError('surveyId')).toBe('找不到这份问卷，请重新选择本居民区的问卷'));
    expect(redirectTo).not.toHaveBeenCalled();
    const stored = (await getDb().collection(COLLECTIONS.notices).doc(notice.id).get()).data[0] as { title: string };
    expect(stored.title).toBe('问卷提醒');
  });
});
