import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { usePagedList } from '@/hooks/usePagedList';
import { errorText } from '@/services/cloud';
import { SIGNUP_STATUS_LABELS, type EventView } from '@shared/domain/event';
import { eventsApi } from '../api';
import { mySignupText } from '../format';

export interface ProxySignUpProps {
  event: EventView;
  /** The grids whose residents the caller may sign up: their own as a grid leader, null for any (the committee). */
  ownGridIds: readonly string[] | null;
  onDone: () => void;
}

/**
 * 代居民报名: a grid leader or the committee signs up a resident (an elderly neighbour without a phone), or cancels
 * for them; recorded. The roster is one grid's, so a grid is chosen first when the caller has more than one.
 */
export function ProxySignUp({ event, ownGridIds, onDone }: ProxySignUpProps) {
  const overview = useCloudQuery(eventsApi.grids);
  const grids = (overview.data?.grids ?? []).filter((g) => !ownGridIds || ownGridIds.includes(g.id));
  const [chosenGrid, setChosenGrid] = useState<string[]>([]);
  const gridId = chosenGrid[0] ?? (grids.length === 1 ? grids[0]!.id : '');
  const fetchPage = useCallback((page: number) => eventsApi.gridResidents(gridId, page), [gridId]);
  const residents = usePagedList(gridId ? fetchPage : null);
  const [memberId, setMemberId] = useState<string[]>([]);
  const [roleKey, setRoleKey] = useState<string[]>(event.roles[0] ? [event.roles[0].key] : []);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const nameOf = (id: string) => residents.items.find((r) => r.memberId === id)?.name ?? '';
  const run = async (work: (id: string) => Promise<string>) => {
    const id = memberId[0];
    if (!id) return;
    setBusy(true);
    setMessage(null);
    try {
      setMessage(await work(id));
      onDone();
    } catch (err) {
      setMessage(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const submit = () =>
    run(async (id) => {
      if (!roleKey[0]) return '';
      const { signup } = await eventsApi.signUpFor(event.id, roleKey[0], id);
      return `已为${nameOf(id)}报名：${signup.status === 'waiting' ? mySignupText(signup).replace('你', '') : SIGNUP_STATUS_LABELS[signup.status]}`;
    });
  // The neighbour cannot come after all: the leader cancels for them, recorded like the sign-up.
  const cancel = async () => {
    const { confirm } = await Taro.showModal({
      title: '代为取消报名',
      content: `取消后${nameOf(memberId[0] ?? '')}的名额会让给候补的邻居，确定吗？`,
      confirmText: '取消报名',
      cancelText: '再想想',
    });
    if (confirm) await cancelRun();
  };
  const cancelRun = () =>
    run(async (id) => {
      await eventsApi.cancelSignupFor(event.id, id);
      return `已为${nameOf(id)}取消报名`;
    });

  return (
    <View className='card event-proxy'>
      <View className='card__title'>代居民报名</View>
      {overview.error ? <Text className='inline-error'>{overview.error}</Text> : null}
      {grids.length > 1 ? (
        <>
          <Text className='card__hint'>先选居民住在哪个微格</Text>
          <ChoiceChips
            id='proxy-grid'
            single
            options={grids.map((g) => ({ value: g.id, label: g.name }))}
            value={chosenGrid}
            onChange={(next) => {
              setChosenGrid(next);
              setMemberId([]);
            }}
          />
        </>
      ) : null}
      {overview.data && !grids.length ? <Text className='card__hint'>居民区还没有划分微格，请先在微格管理里设置</Text> : null}
      {residents.error ? <Text className='inline-error'>{residents.error}</Text> : null}
      {gridId ? <Text className='card__hint'>再选要代报名的居民</Text> : null}
      <ChoiceChips id='proxy-resident' single options={residents.items.map((r) => ({ value: r.memberId, label: `${r.name}（${r.building}${r.room}）` }))} value={memberId} onChange={setMemberId} />
      {residents.hasMore ? (
        <Button className='btn-more-residents' type='default' size='large' block onClick={residents.loadMore}>
          更多居民
        </Button>
      ) : null}
      <Text className='card__hint'>报哪个岗位</Text>
      <ChoiceChips id='proxy-role' single options={event.roles.map((r) => ({ value: r.key, label: r.name }))} value={roleKey} onChange={setRoleKey} />
      <Button className='btn-proxy-sign-up' type='primary' size='large' block loading={busy} disabled={busy || !memberId[0]} onClick={() => void submit()}>
        代为报名
      </Button>
      <Button className='btn-proxy-cancel' type='default' size='large' block disabled={busy || !memberId[0]} onClick={() => void cancel()}>
        代为取消报名
      </Button>
      {message ? (
        <View className='event-proxy__result' role='status'>
          {message}
        </View>
      ) : null}
    </View>
  );
}
