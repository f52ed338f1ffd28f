import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '@/components/ChoiceChips';
import { PageShell } from '@/components/PageShell';
import { NOTICE_PAGES } from '@/features/notices/api';
import { GroupRow } from '@/features/notices/components/GroupRow';
import { ShareCardButton } from '@/features/notices/components/ShareCardButton';
import { useGroupShare } from '@/features/notices/group-entry';
import { useGroups, useTargets } from '@/features/notices/hooks';
import '@/features/notices/notices.scss';
import { LoadMore } from '@/components/LoadMore';

/**
 * 群绑定: the WeChat groups bound to the leader's grids, and the "bind this group" card to share into each group
 * (opening it inside the group is what lets the app know that group).
 */
export default function NoticeGroupsPage() {
  const groups = useGroups();
  const targets = useTargets();
  const grids = targets.data?.grids ?? [];
  const [picked, setPicked] = useState<string[]>([]);
  const gridId = picked[0] ?? grids[0]?.id ?? null;
  const gridName = grids.find((g) => g.id === gridId)?.name ?? '';
  useGroupShare(gridId ? { title: `请点开，把本群绑定到${gridName}`, path: NOTICE_PAGES.bind(gridId) } : null);

  return (
    <PageShell
      className={`page-notices-groups${groups.loading || targets.loading ? ' is-busy' : ''}`}
      title='群绑定'
      loading={groups.loading && groups.items.length === 0 && !groups.error}
      error={groups.items.length === 0 ? groups.error : null}
      onRetry={() => void groups.reload()}
    >
      {gridId ? (
        <View className='card notice-bind-card'>
          <View className='card__title'>绑定一个微信群</View>
          {grids.length > 1 ? <ChoiceChips id='bind-grid' single options={grids.map((g) => ({ value: g.id, label: g.name }))} value={[gridId]} onChange={setPicked} /> : null}
          <Text className='card__hint'>把“绑定本群”卡片分享到{gridName}的居民群，再在群里点开卡片，就绑定好了。</Text>
          <ShareCardButton className='btn-share-bind-card' label='分享“绑定本群”卡片' path={NOTICE_PAGES.bind(gridId)} />
        </View>
      ) : null}
      <View className='card notice-groups'>
        <View className='card__title'>已绑定的群</View>
        {groups.last && groups.items.length === 0 ? <Text className='card__hint'>还没有绑定群。</Text> : null}
        {groups.items.map((g) => (
          <GroupRow key={g.id} group={g} onChanged={(removed) => void groups.refreshAfter(removed ? (x) => x.id === g.id : undefined)} />
        ))}
      </View>
      <LoadMore list={groups} />
    </PageShell>
  );
}
