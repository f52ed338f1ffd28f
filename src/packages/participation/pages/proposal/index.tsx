import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PendingImage, RefusedImagesNote } from '@/components/ImageReview';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { StatusTag } from '@/components/StatusTag';
import { participationApi } from '@/features/participation/api';
import { RemindMe } from '@/features/reports/components/RemindMe';
import { Comments } from '@/features/participation/components/Comments';
import { dayText, PROPOSAL_TONES, proposalClock } from '@/features/participation/format';
import { useProposal } from '@/features/participation/hooks';
import '@/features/participation/participation.scss';
import { PARTICIPATION_PAGES } from '@/features/participation/routes';
import { CloudCallError, errorText } from '@/services/cloud';
import { imageSrc } from '@/services/upload';
import { ANSWER_KIND_LABELS, PROPOSAL_STATE_LABELS, type ProposalView } from '@shared/domain/participation';

/** Who answers it, in words. */
const routeText = (p: ProposalView): string | null => (p.route ? `由${p.route.kind === 'council' ? p.route.councilName : '居委会'}答复` : null);

/**
 * 议题详情: the proposal's text and photos, its supports against the threshold, 支持 / 撤回支持, the official answer
 * with its reason (and the project it became, or the proposal it went into), and the neighbours' comments.
 */
export default function ProposalPage() {
  const proposalId = (useRouter().params as Record<string, string | undefined>).id ?? '';
  const query = useProposal(proposalId);
  const p = query.data?.proposal ?? null;
  const [busy, setBusy] = useState(false);

  const toggle = async (on: boolean) => {
    if (!p) return;
    setBusy(true);
    try {
      const res = on ? await participationApi.support(p.id) : await participationApi.withdraw(p.id);
      query.setData(res);
      const reached = on && res.proposal.state === 'answering';
      void Taro.showToast({ title: reached ? '支持人数够了，已交给居委答复' : on ? '已支持' : '已撤回支持', icon: 'none', duration: 2000 });
    } catch (err) {
      void Taro.showToast({ title: errorText(err), icon: 'none', duration: 2500 });
      // Its state moved on under us (the threshold reached, the window closed): show it as it is now.
      if (err instanceof CloudCallError && err.code === 'PROPOSALS.WRONG_STATE') void query.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell
      className={`page-participation-proposal${query.loading || busy ? ' is-busy' : ''}`}
      title={p ? p.title : '议题详情'}
      loading={query.loading && !p}
      error={p ? null : query.error}
      onRetry={() => void query.reload()}
    >
      {p ? (
        <>
          <View className={`card pp-info${p.overdue ? ' pp-card--overdue' : ''}`}>
            <View className='pp-card__head'>
              <Text className='pp-card__title'>{p.title}</Text>
              <StatusTag className='proposal-state' label={PROPOSAL_STATE_LABELS[p.state]} tone={PROPOSAL_TONES[p.state]} />
            </View>
            <Text className='pp-card__meta'>
              {p.categoryName} · {p.authorName} {dayText(p.createdAt)}提出{p.place ? ` · ${p.place}` : ''}
            </Text>
            <Text className={`pp-card__clock proposal-supports${p.overdue ? ' pp-card__clock--overdue' : ''}`}>{proposalClock(p)}</Text>
            {routeText(p) ? <Text className='pp-card__meta'>{routeText(p)}</Text> : null}
            <Text className='pp-text'>{p.text}</Text>
            {p.photos.length || p.pendingImages.length ? (
              <View className='pp-photos'>
                {p.photos.map((src) => (
                  <Image key={src} className='pp-photos__img' src={imageSrc(src)} mode='aspectFill' />
                ))}
                {/* The author's photos still being checked: shown to her with 审核中, to nobody else yet. */}
                {p.pendingImages.map((src) => (
                  <PendingImage key={src} className='pp-photos__img' src={imageSrc(src)} />
                ))}
              </View>
            ) : null}
            <RefusedImagesNote count={p.refusedImages} />
          </View>
          <View className='pp-links'>
            {p.can.support ? (
              <Button className='btn-support' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void toggle(true)}>
                我支持
              </Button>
            ) : null}
            {p.can.withdraw ? (
              <Button className='btn-withdraw' type='default' size='large' block loading={busy} disabled={busy} onClick={() => void toggle(false)}>
                撤回我的支持
              </Button>
            ) : null}
            {p.supportedByMe && !p.can.withdraw ? <Text className='card__hint'>你支持过这条议题。</Text> : null}
            {/* The answer reaches the author and supporters only if they allowed it (WeChat asks on a tap). */}
            {(p.mine || p.supportedByMe) && (p.state === 'collecting' || p.state === 'answering') ? (
              <RemindMe templates={['proposal-answered']} label='有答复时微信提醒我' allowed='好的，居委答复后会通过微信告诉你。' />
            ) : null}
            {p.can.answer ? (
              <LinkButton className='btn-answer' url={PARTICIPATION_PAGES.answer(p.id)}>
                答复这条议题
              </LinkButton>
            ) : null}
          </View>
          {p.answer ? (
            <View className='card pp-answer'>
              <View className='card__title'>正式答复</View>
              <Text className={`pp-answer__kind pp-answer__kind--${p.answer.kind}`}>{ANSWER_KIND_LABELS[p.answer.kind]}</Text>
              {p.answer.text ? <Text className='pp-text pp-answer__text'>{p.answer.text}</Text> : null}
              <Text className='pp-card__meta'>
                {p.answer.byName} · {dayText(p.answer.at)}
              </Text>
              {p.answer.projectId ? (
                <LinkButton className='btn-answer-project' type='default' url={PARTICIPATION_PAGES.project(p.answer.projectId)}>
                  看项目进展
                </LinkButton>
              ) : null}
              {p.answer.mergedIntoId ? (
                <LinkButton className='btn-answer-merged' type='default' url={PARTICIPATION_PAGES.proposal(p.answer.mergedIntoId)}>
                  看合并后的议题
                </LinkButton>
              ) : null}
            </View>
          ) : null}
          {p.mergedFrom.length ? (
            <View className='card pp-merged-from'>
              <View className='card__title'>并入的议题</View>
              {p.mergedFrom.map((m) => (
                <LinkButton key={m.id} className='btn-merged-from' type='default' url={PARTICIPATION_PAGES.proposal(m.id)}>
                  {m.title}
                </LinkButton>
              ))}
            </View>
          ) : null}
          <Comments proposalId={p.id} canComment={p.can.comment} canModerate={p.can.moderate} />
        </>
      ) : null}
    </PageShell>
  );
}
