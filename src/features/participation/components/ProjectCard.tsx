import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { StatusTag } from '@/components/StatusTag';
import { PROJECT_STATUS_LABELS, type ProjectSummaryView } from '@shared/domain/participation';
import { dayText, PROJECT_TONES } from '../format';
import { PARTICIPATION_PAGES } from '../routes';
import { ProgressBar } from './ProgressBar';

/** A project in a list: title, status, owner, place and a progress bar. Tapping opens it. */
export function ProjectCard({ project: p }: { project: ProjectSummaryView }) {
  return (
    <View className='card pp-card' data-project-id={p.id} onClick={() => void Taro.navigateTo({ url: PARTICIPATION_PAGES.project(p.id) })}>
      <View className='pp-card__head'>
        <Text className='pp-card__title'>{p.title}</Text>
        <StatusTag label={PROJECT_STATUS_LABELS[p.status]} tone={PROJECT_TONES[p.status]} />
      </View>
      <Text className='pp-card__meta'>{[p.place, p.ownerCouncilName ? `${p.ownerCouncilName}负责` : '', `${dayText(p.updatedAt)}更新`].filter(Boolean).join(' · ')}</Text>
      <ProgressBar percent={p.percent} />
    </View>
  );
}
