import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '@/components/ChoiceChips';
import { LinkButton } from '@/components/LinkButton';
import { LoadMore } from '@/components/LoadMore';
import { PageShell } from '@/components/PageShell';
import type { ProjectFilters } from '@/features/participation/api';
import { ProjectCard } from '@/features/participation/components/ProjectCard';
import { useProjects } from '@/features/participation/hooks';
import '@/features/participation/participation.scss';
import { PARTICIPATION_PAGES } from '@/features/participation/routes';
import { PROJECT_STATUS_LABELS, PROJECT_STATUSES, type ProjectStatus } from '@shared/domain/participation';

const ALL = 'all';
const OPTIONS = [{ value: ALL, label: '全部' }, ...PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }))];

/** 治理项目: the 居民区's projects, recently updated first, each with its status and a progress bar. */
export default function ProjectsPage() {
  const [status, setStatus] = useState(ALL);
  const [followed, setFollowed] = useState<string[]>([]);
  const filters: ProjectFilters = { ...(status !== ALL ? { status: status as ProjectStatus } : {}), ...(followed.length ? { followed: true } : {}) };
  const list = useProjects(filters);
  return (
    <PageShell
      className={`page-participation-projects${list.loading ? ' is-busy' : ''}`}
      title='治理项目'
      loading={list.loading && list.items.length === 0 && !list.error}
      error={list.items.length === 0 ? list.error : null}
      onRetry={() => void list.reload()}
    >
      <View className='pp-links'>
        {list.last?.canManage ? (
          <LinkButton className='btn-new-project' url={PARTICIPATION_PAGES.editProject()}>
            新建项目
          </LinkButton>
        ) : null}
        <LinkButton className='btn-open-proposals' type='default' url={PARTICIPATION_PAGES.proposals}>
          居民议事
        </LinkButton>
      </View>
      <View className='card pp-filters'>
        <ChoiceChips id='project-filter' single options={OPTIONS} value={[status]} onChange={(v) => setStatus(v[0] ?? ALL)} />
        <ChoiceChips id='project-followed' options={[{ value: 'followed', label: '只看我关注的' }]} value={followed} onChange={setFollowed} />
      </View>
      {list.items.length > 0 && list.error ? <Text className='inline-error'>{list.error}</Text> : null}
      {list.last && list.items.length === 0 ? <Text className='card__hint'>还没有符合条件的项目。居民议事被采纳后，会在这里变成项目。</Text> : null}
      {list.items.map((p) => (
        <ProjectCard key={p.id} project={p} />
      ))}
      <LoadMore list={list} />
    </PageShell>
  );
}
