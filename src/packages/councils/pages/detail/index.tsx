import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { StatusTag } from '@/components/StatusTag';
import { councilsApi } from '@/features/councils/api';
import { MemberList, PositionsList, RotationLog } from '@/features/councils/components/CouncilInfo';
import { RotationSchedule } from '@/features/councils/components/RotationSchedule';
import { useCouncil } from '@/features/councils/useCouncil';
import { useCouncilMembers } from '@/features/councils/useCouncils';
import { errorText } from '@/services/cloud';

export default function CouncilDetailPage() {
  const councilId = useRouter().params.id ?? null;
  const { data, loading, error, reload } = useCouncil(councilId);
  const members = useCouncilMembers(data?.can.viewMembers ? data.council.id : null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const change = async (kind: 'join' | 'leave') => {
    if (!data) return;
    setBusy(true);
    setActionError(null);
    try {
      await councilsApi[kind](data.council.id);
      void Taro.showToast({ title: kind === 'join' ? '已加入' : '已退出', icon: 'success', duration: 1500 });
      await reload();
    } catch (err) {
      setActionError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const council = data?.council;
  const refreshAll = () => {
    void reload();
    void members.refreshAfter();
  };

  return (
    <PageShell
      className={`page-council-detail${busy || loading || members.loading ? ' is-busy' : ''}`}
      title={council?.name}
      loading={!data && !error && loading}
      error={data ? null : (error ?? (councilId ? null : '没有找到相关内容'))}
      onRetry={() => void reload()}
    >
      {council && data ? (
        <>
          <View className='card council-summary'>
            <View className='card__row'>
              <Text className='council-summary__count'>成员 {council.memberCount} 人</Text>
              {council.active ? null : <StatusTag label='已停用' tone='danger' />}
              {council.joined ? <StatusTag className='council-summary__joined' label='我已加入' tone='success' /> : null}
            </View>
            {data.can.join ? (
              council.joined ? (
                <Button className='btn-leave' type='default' size='large' block loading={busy} disabled={busy} onClick={() => void change('leave')}>
                  退出这个分会
                </Button>
              ) : (
                <Button className='btn-join' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void change('join')}>
                  加入这个分会
                </Button>
              )
            ) : null}
            {actionError ? (
              <View className='inline-error council-action-error' role='alert'>
                {actionError}
              </View>
            ) : null}
          </View>
          <PositionsList council={council} />
          {council.active ? (
            <RotationSchedule council={council} now={data.now} canChange={data.can.changeRotation} onChanged={refreshAll} />
          ) : (
            <View className='card'>
              <Text className='card__hint'>这个分会已停用，以下是它的记录。</Text>
            </View>
          )}
          <RotationLog council={council} />
          {data.can.viewMembers ? (
            <View className='card council-members'>
              <View className='card__title'>成员名单</View>
              {members.error ? <Text className='inline-error'>{members.error}</Text> : null}
              <MemberList items={members.items} />
              {members.hasMore ? (
                <View className='link-btn btn-more-members' role='button' onClick={members.loadMore}>
                  <Text>加载更多</Text>
                </View>
              ) : null}
            </View>
          ) : null}
        </>
      ) : null}
    </PageShell>
  );
}
