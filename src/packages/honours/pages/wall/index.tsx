import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { usePagedList } from '@/hooks/usePagedList';
import { honoursApi } from '@/features/honours/api';
import { MyHonoursCard } from '@/features/honours/components/MyHonoursCard';
import { HonourCard, MilestoneCard } from '@/features/honours/components/WallCards';
import { membersApi } from '@/features/members/api';
import '@/features/honours/components/honours.scss';
import { errorText } from '@/services/cloud';
import type { HonourSettings } from '@shared/domain/honours';

type Tab = 'honours' | 'milestones';

const fetchWall = (page: number) => honoursApi.wall(page);
const fetchMilestones = (page: number) => honoursApi.milestones(page);
/** A member's own card; residents who are not members have none, so they are not asked (the function refuses them). */
const fetchMine = async () => ((await membersApi.me()).member.isMember ? honoursApi.mine() : null);

function LoadMore({ list }: { list: { hasMore: boolean; loading: boolean; loadMore: () => void } }) {
  return list.hasMore ? (
    <Button className='btn-load-more' type='default' size='large' block loading={list.loading} disabled={list.loading} onClick={list.loadMore}>
      加载更多
    </Button>
  ) : null;
}

function ListState({ list, empty }: { list: { loading: boolean; error: string | null; items: unknown[]; reload: () => Promise<void> }; empty: string }) {
  if (list.loading && list.items.length === 0) return <Text className='list-footer page-loading'>正在加载，请稍候…</Text>;
  if (list.error && list.items.length === 0) return <Text className='inline-error'>{list.error}</Text>;
  if (!list.loading && list.items.length === 0) return <Text className='list-footer wall-empty'>{empty}</Text>;
  return null;
}

function HonoursTab() {
  const list = usePagedList(fetchWall);
  return (
    <View className={`wall-honours${list.loading ? ' is-busy' : ''}`}>
      {list.items.map((item) => (
        <HonourCard key={item.id} honour={item} />
      ))}
      <ListState list={list} empty='还没有表彰，敬请期待。' />
      <LoadMore list={list} />
    </View>
  );
}

function MilestonesTab() {
  const list = usePagedList(fetchMilestones);
  return (
    <View className={`wall-milestones${list.loading ? ' is-busy' : ''}`}>
      {list.items.map((item) => (
        <MilestoneCard key={item.key} row={item} />
      ))}
      <ListState list={list} empty='还没有里程碑，一起去服务吧！' />
      <LoadMore list={list} />
    </View>
  );
}

/** 风采展示墙: the committee's honours and members' milestones in the 居民区, of members who allow it. */
export default function WallPage() {
  const [tab, setTab] = useState<Tab>('honours');
  // Bumped after the member changes what they show, so the open tab loads again.
  const [version, setVersion] = useState(0);
  const mine = useCloudQuery(fetchMine);
  const [saving, setSaving] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const change = async (patch: Partial<HonourSettings>) => {
    setSaving(true);
    setActionError(null);
    try {
      const { settings } = await honoursApi.setDisplay(patch);
      if (mine.data) mine.setData({ ...mine.data, settings });
      setVersion((n) => n + 1);
    } catch (err) {
      setActionError(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageShell className={`page-wall${saving || mine.loading ? ' is-busy' : ''}`} title='风采展示墙'>
      {mine.data ? <MyHonoursCard mine={mine.data} busy={saving} onChange={(p) => void change(p)} /> : null}
      {actionError ? (
        <View className='inline-error' role='alert'>
          {actionError}
        </View>
      ) : null}
      <View className='admin-tabs honours-tabs' role='tablist'>
        {(
          [
            ['honours', '居委表彰'],
            ['milestones', '服务里程碑'],
          ] as const
        ).map(([key, label]) => (
          <View key={key} role='tab' aria-selected={tab === key} className={`admin-tab tab-${key}${tab === key ? ' admin-tab--active' : ''}`} onClick={() => setTab(key)}>
            <Text>{label}</Text>
          </View>
        ))}
      </View>
      {tab === 'honours' ? <HonoursTab key={`h-${version}`} /> : <MilestonesTab key={`m-${version}`} />}
      <Text className='card__hint'>只展示愿意公开的成员。</Text>
    </PageShell>
  );
}
