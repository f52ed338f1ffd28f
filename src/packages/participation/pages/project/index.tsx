import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { StatusTag } from '@/components/StatusTag';
import '@/features/notices/notices.scss';
import { participationApi } from '@/features/participation/api';
import { ProgressBar } from '@/features/participation/components/ProgressBar';
import { ProgressForm, StatusForm, type ProjectContext } from '@/features/participation/components/ProjectPanels';
import { UpdateList } from '@/features/participation/components/UpdateList';
import { dateText, PROJECT_TONES } from '@/features/participation/format';
import { useProject } from '@/features/participation/hooks';
import '@/features/participation/participation.scss';
import { PARTICIPATION_PAGES } from '@/features/participation/routes';
import { RemindMe } from '@/features/reports/components/RemindMe';
import { errorText } from '@/services/cloud';
import { PROJECT_STATUS_LABELS, type ProjectUpdateView } from '@shared/domain/participation';

/**
 * 项目详情: goal, place, owner, progress, milestones and the timeline of dated updates with before / after photos;
 * 关注 / 取消关注 and, for a follower, 有进展时微信提醒我 (WeChat delivers a progress message only after such a tap); the committee and the owner sub-council's chair post progress, the committee changes the status.
 */
export default function ProjectPage() {
  const projectId = (useRouter().params as Record<string, string | undefined>).id ?? '';
  const query = useProject(projectId);
  const p = query.data?.project ?? null;
  const [fresh, setFresh] = useState<ProjectUpdateView[]>([]);
  const [busy, setBusy] = useState(false);

  const follow = async (on: boolean) => {
    if (!p) return;
    setBusy(true);
    try {
      query.setData(await participationApi.follow(p.id, on));
      void Taro.showToast({ title: on ? '已关注。点“有进展时微信提醒我”，有新进展就告诉你' : '已取消关注', icon: 'none', duration: 1500 });
    } catch (err) {
      void Taro.showToast({ title: errorText(err), icon: 'none', duration: 2500 });
    } finally {
      setBusy(false);
    }
  };

  const ctx: ProjectContext | null = p
    ? {
        project: p,
        onProject: (project, update) => {
          query.setData({ project });
          if (update) setFresh((prev) => [update, ...prev]);
        },
        onStale: () => void query.reload(),
      }
    : null;

  return (
    <PageShell
      className={`page-participation-project${query.loading || busy ? ' is-busy' : ''}`}
      title={p ? p.title : '项目详情'}
      loading={query.loading && !p}
      error={p ? null : query.error}
      onRetry={() => void query.reload()}
    >
      {p && ctx ? (
        <>
          <View className='card pp-info'>
            <View className='pp-card__head'>
              <Text className='pp-card__title'>{p.title}</Text>
              <StatusTag className='project-status' label={PROJECT_STATUS_LABELS[p.status]} tone={PROJECT_TONES[p.status]} />
            </View>
            <Text className='pp-card__meta'>{[p.place, p.ownerCouncilName ? `${p.ownerCouncilName}负责` : '', `${p.followers}人关注`].filter(Boolean).join(' · ')}</Text>
            <ProgressBar percent={p.percent} />
            <Text className='pp-text'>{p.goal}</Text>
          </View>
          <View className='pp-links'>
            {p.followedByMe ? (
              <Button className='btn-unfollow' type='default' size='large' block loading={busy} disabled={busy} onClick={() => void follow(false)}>
                取消关注
              </Button>
            ) : (
              <Button className='btn-follow' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void follow(true)}>
                关注进展
              </Button>
            )}
            {p.followedByMe && p.status !== 'done' ? (
              <RemindMe templates={['project-progress']} label='有进展时微信提醒我' allowed='好的，项目有新进展时会通过微信告诉你。' />
            ) : null}
            {p.can.manage ? (
              <LinkButton className='btn-edit-project' type='default' url={PARTICIPATION_PAGES.editProject(p.id)}>
                编辑
              </LinkButton>
            ) : null}
            {p.proposalId ? (
              <LinkButton className='btn-project-proposal' type='default' url={PARTICIPATION_PAGES.proposal(p.proposalId)}>
                看居民当初的提议
              </LinkButton>
            ) : null}
          </View>
          {p.milestones.length ? (
            <View className='card pp-milestones'>
              <View className='card__title'>计划节点</View>
              {p.milestones.map((m) => (
                <View key={`${m.title}-${m.due}`} className={`pp-milestone${m.done ? ' pp-milestone--done' : ''}`}>
                  <Text>{m.title}</Text>
                  <Text>{`${dateText(m.due)} · ${m.done ? '已完成' : '未完成'}`}</Text>
                </View>
              ))}
            </View>
          ) : null}
          <View key={p.version} className='pp-actions'>
            {p.can.progress ? <ProgressForm {...ctx} /> : null}
            {p.can.manage ? <StatusForm {...ctx} /> : null}
          </View>
          <UpdateList projectId={p.id} fresh={fresh} />
        </>
      ) : null}
    </PageShell>
  );
}
