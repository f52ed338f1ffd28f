import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { usePagedList } from '@/hooks/usePagedList';
import { honoursApi } from '@/features/honours/api';
import { AwardForm } from '@/features/honours/components/AwardForm';
import { LevelsEditor } from '@/features/honours/components/LevelsEditor';
import { HonourCard } from '@/features/honours/components/WallCards';
import '@/features/honours/components/honours.scss';
import { errorText } from '@/services/cloud';
import { LoadMore } from '@/components/LoadMore';

const fetchAwarded = (page: number) => honoursApi.awarded(page);

/** The committee's honours: award, and withdraw one given by mistake. */
function CommitteeHonours() {
  const list = usePagedList(fetchAwarded);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const revoke = async (id: string) => {
    const { confirm } = await Taro.showModal({
      title: '撤回荣誉',
      content: '撤回后这份荣誉和证书就作废了，本人会看到。确定撤回吗？',
      confirmText: '撤回',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setBusyId(id);
    setError(null);
    try {
      await honoursApi.revoke(id);
      void Taro.showToast({ title: '已撤回', icon: 'success', duration: 1500 });
      await list.refreshAfter();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusyId(null);
    }
  };

  const awarded = () => {
    void Taro.showToast({ title: '已表彰', icon: 'success', duration: 1500 });
    void list.refreshAfter();
  };

  return (
    <View className={list.loading || busyId ? 'is-busy' : ''}>
      <AwardForm onAwarded={awarded} />
      {error ? (
        <View className='inline-error' role='alert'>
          {error}
        </View>
      ) : null}
      {list.error ? <Text className='inline-error'>{list.error}</Text> : null}
      {list.items.map((h) => (
        <View key={h.id} className='awarded-honour' data-honour-id={h.id}>
          <HonourCard honour={h} />
          {h.revoked ? <Text className='card__hint'>已撤回，不再展示</Text> : null}
          {!h.revoked && h.hiddenByMember ? <Text className='card__hint'>这位成员选择了不公开展示</Text> : null}
          {!h.revoked ? (
            <Button className='btn-revoke' type='default' size='large' block loading={busyId === h.id} disabled={Boolean(busyId)} onClick={() => void revoke(h.id)}>
              撤回这项表彰
            </Button>
          ) : null}
        </View>
      ))}
      <LoadMore list={list} />
    </View>
  );
}

function StreetLevels() {
  const levels = useCloudQuery(honoursApi.levels);
  if (levels.error) return <Text className='inline-error'>{levels.error}</Text>;
  if (!levels.data) return <Text className='card__hint page-loading'>正在加载…</Text>;
  return <LevelsEditor key={levels.data.levelHours.join('-')} levels={levels.data} onSaved={(next) => levels.setData(next)} />;
}

/** 荣誉管理: the committee's honours; with `?section=levels`, the 街道's star levels. */
export default function AdminHonoursPage() {
  const { params } = useRouter();
  const levels = params.section === 'levels';
  return (
    <PageShell className='page-admin-honours' title={levels ? '星级标准' : '荣誉管理'}>
      {levels ? <StreetLevels /> : <CommitteeHonours />}
    </PageShell>
  );
}
