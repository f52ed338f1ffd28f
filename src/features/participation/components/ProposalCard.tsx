import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { StatusTag } from '@/components/StatusTag';
import { PROPOSAL_STATE_LABELS, type ProposalSummaryView } from '@shared/domain/participation';
import { dayText, PROPOSAL_TONES, proposalClock } from '../format';
import { PARTICIPATION_PAGES } from '../routes';

/** A proposal in a list: title, state, supports against the threshold and its clock. Tapping opens it. */
export function ProposalCard({ proposal: p }: { proposal: ProposalSummaryView }) {
  return (
    <View
      className={`card pp-card${p.overdue ? ' pp-card--overdue' : ''}`}
      data-proposal-id={p.id}
      onClick={() => void Taro.navigateTo({ url: PARTICIPATION_PAGES.proposal(p.id) })}
    >
      <View className='pp-card__head'>
        <Text className='pp-card__title'>{p.title}</Text>
        <StatusTag label={PROPOSAL_STATE_LABELS[p.state]} tone={PROPOSAL_TONES[p.state]} />
      </View>
      <Text className='pp-card__meta'>
        {p.categoryName} · {p.authorName} · {dayText(p.createdAt)}提出
      </Text>
      <Text className={`pp-card__clock${p.overdue ? ' pp-card__clock--overdue' : ''}`}>{proposalClock(p)}</Text>
    </View>
  );
}
