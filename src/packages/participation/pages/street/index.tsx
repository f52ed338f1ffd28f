import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '@/components/ChoiceChips';
import { LoadMore } from '@/components/LoadMore';
import { PageShell } from '@/components/PageShell';
import { StatusTag } from '@/components/StatusTag';
import type { StreetProjectFilters } from '@/features/participation/api';
import { ProgressBar } from '@/features/participation/components/ProgressBar';
import { dayText, PROJECT_TONES } from '@/features/participation/format';
import { useStreetProjects } from '@/features/participation/hooks';
import '@/features/participation/participation.scss';
import { PROJECT_STATUS_LABELS, PROJECT_STATUSES, type ProjectStatus } from '@shared/domain/participation';

const ALL = 'all';
const OPTIONS = [{ value: ALL, label: '全部' }, ...PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }))];

/**
 * 各居民区治理项目 (the 街道): every project of every 居民区 of the street, recently updated first, with its 居民区,
 * status and progress; filtered by status. No person is named (the function sends none).
 */
export default function StreetProjectsPage() {
  const [status, setStatus] = useState(ALL);
  const filters: StreetProjectFilters = status !== ALL ? { status: status as ProjectStatus } : {};
  const list = useStreetProjects(filters);
  return (
    <PageShell
      className={`page-participation-street${list.loading ? ' is-busy' : ''}`}
      title='各居民区治理项目'
      loading={list.loading && list.items.length === 0 && !list.error}
      error={list.items.length === 0 ? list.error : null}
      onRetry={() => void list.reload()}
    >
      <View className='card pp-filters'>
        <ChoiceChips id='street-project-filter' single options={OPTIONS} value={[status]} onChange={(v) => setStatus(v[0] ?? ALL)} />
      </View>
      {list.items.length > 0 && list.error ? <Text className='inline-error'>{list.error}</Text> : null}
      {list.last && list.items.length === 0 ? <Text className='card__hint'>{status === ALL ? '各居民区还没有治理项目。' : '没有这个状态的项目。'}</Text> : null}
      {list.items.map((p) => (
        <View key={p.projectId} className='card pp-card pp-street-row' data-project-id={p.projectId}>
          <Text className='pp-card__community'>{p.communityName}</Text>
          <View className='pp-card__head'>
            <Text className='pp-card__title'>{p.title}</Text>
            <StatusTag label={PROJECT_STATUS_LABELS[p.status]} tone={PROJECT_TONES[p.status]} />
          </View>
          <Text className='pp-card__meta'>{`${dayText(p.updatedAt)}更新`}</Text>
          <ProgressBar percent={p.percent} />
        </View>
      ))}
      <LoadMore list={list} />
    </PageShell>
  );
}
