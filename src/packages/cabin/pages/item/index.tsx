import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { StatusTag } from '@/components/StatusTag';
import { CABIN_PAGES, cabinApi, newRequestId } from '@/features/cabin/api';
import { Answer, type AnswerState } from '@/features/cabin/components/Answer';
import { ItemHistory } from '@/features/cabin/components/ItemHistory';
import { OpenBadge } from '@/features/cabin/components/OpenBadge';
import { RemindMe } from '@/features/cabin/components/RemindMe';
import { dayTime, dueText, itemFacts, statusLabel, statusTone } from '@/features/cabin/format';
import { useItem } from '@/features/cabin/hooks';
import { useTapIds } from '@/features/cabin/tap-ids';
import { PendingImage, RefusedImagesNote } from '@/components/ImageReview';
import { imageSrc } from '@/services/upload';
import '@/features/cabin/cabin.scss';
import { errorText } from '@/services/cloud';
import { formatFen, HOLD_STATUS_LABELS, parseCabinScene, type ItemView } from '@shared/domain/cabin';
import { formatShanghai } from '@shared/time';
import { confirmFirst } from '@/services/confirm';

/** The item's id: `id` from a link, or the `scene` of its QR label scanned with WeChat (H5: the label's URL). */
function itemIdOf(params: Record<string, string | undefined>): string {
  if (params.id) return params.id;
  const scene = params.scene ? parseCabinScene(params.scene) : null;
  return scene && 'itemId' in scene ? scene.itemId : '';
}

/** What the caller can do with a loanable item: hold it, borrow it at the cabin, see their hold or loan. */
function LoanableActions({ item, busy, act }: { item: ItemView; busy: string | null; act: (key: string, work: () => Promise<unknown>, done: string) => void }) {
  const [holdId] = useState(newRequestId);
  const [borrowId] = useState(newRequestId);
  const taps = useTapIds();
  const cancelHold = async (holdId: string) => {
    await cabinApi.cancelHold(holdId, taps.idFor(holdId));
    taps.done(holdId);
  };
  const rule = item.loanRule;
  // Borrowing needs the section open (the function refuses it otherwise); while closed a hold is the way.
  const mineReady = item.myHold?.status === 'ready' && item.openState.open;
  const canBorrow = !item.myLoan && (item.availableNow || mineReady);
  const onShelf = item.shelf.chance === 'now' || item.shelf.chance === 'reserve';
  return (
    <View className='card cabin-loanable'>
      {rule ? <Text className='card__hint cabin-rule'>借期 {rule.loanDays} 天，每人最多借 {rule.maxItems} 件，可续借 {rule.maxRenewals} 次</Text> : null}
      {item.shelf.chance === 'reserve' ? <Text className='card__hint cabin-shelf-hint'>{item.shelf.label}</Text> : null}
      {item.myHold?.status === 'ready' && !item.openState.open ? <Text className='card__hint cabin-shelf-hint'>{item.openState.label}后来取</Text> : null}
      {item.waiting > 0 ? <Text className='card__hint'>有 {item.waiting} 位邻居在排队</Text> : null}
      {item.myLoan ? (
        <View className='cabin-my-loan'>
          <Text className={`cabin-row__title${item.myLoan.overdue ? ' cabin-overdue' : ''}`}>你正借着它：{dueText(item.myLoan)}</Text>
          <LinkButton className='btn-to-mine' type='default' url={CABIN_PAGES.mine}>
            查看我的借用
          </LinkButton>
        </View>
      ) : null}
      {item.myHold ? (
        <View className='cabin-my-hold'>
          <Text className='cabin-row__title'>
            {HOLD_STATUS_LABELS[item.myHold.status]}
            {item.myHold.status === 'waiting' && item.myHold.position ? `，第 ${item.myHold.position} 位` : ''}
            {item.myHold.status === 'ready' && item.myHold.holdUntil ? `，保留到 ${dayTime(item.myHold.holdUntil)}` : ''}
          </Text>
          <Button
            className='btn-cancel-hold'
            type='default'
            size='large'
            block
            disabled={!!busy}
            onClick={() =>
              void confirmFirst({ title: '取消预约', content: `「${item.name}」的预约会取消，排在后面的邻居就能借了。确定吗？`, confirmText: '取消预约' }).then(
                (ok) => ok && act('cancel-hold', () => cancelHold(item.myHold!.id), '已取消预约'),
              )
            }
          >
            取消预约
          </Button>
        </View>
      ) : null}
      <View className='cabin-row__actions'>
        {canBorrow ? (
          <Button className='btn-borrow' type='primary' size='large' block loading={busy === 'borrow'} disabled={!!busy} onClick={() => act('borrow', () => cabinApi.borrow(item.id, borrowId), '借用成功')}>
            借用（人在格子屋时）
          </Button>
        ) : null}
        {!item.myHold && !item.myLoan && (item.status === 'available' || item.status === 'on-loan' || item.status === 'on-hold') ? (
          <Button className='btn-hold' type={canBorrow ? 'default' : 'primary'} size='large' block loading={busy === 'hold'} disabled={!!busy} onClick={() => act('hold', () => cabinApi.hold(item.id, holdId), onShelf ? '已为你预留' : '已加入排队')}>
            {item.shelf.chance === 'reserve' ? '预约，开门后来取' : onShelf ? '预约，先帮我留着' : '排队等候'}
          </Button>
        ) : null}
      </View>
    </View>
  );
}

/** Take 1-5 units of a consumable. */
function TakeConsumable({ item, busy, act }: { item: ItemView; busy: string | null; act: (key: string, work: () => Promise<unknown>, done: string) => void }) {
  const [quantity, setQuantity] = useState('1');
  const [takeId, setTakeId] = useState(newRequestId);
  const take = () =>
    act('take', async () => {
      await cabinApi.take(item.id, Number(quantity), takeId);
      setTakeId(newRequestId());
    }, `已领取 ${quantity} ${item.unit ?? '个'}`);
  return (
    <View className='card cabin-take'>
      <Text className='card__hint'>免费领取，用多少拿多少。要几{item.unit ?? '个'}？</Text>
      <ChoiceChips id='take-quantity' single options={['1', '2', '3', '5']} value={[quantity]} onChange={([q]) => setQuantity(q!)} />
      <Button className='btn-take' type='primary' size='large' block loading={busy === 'take'} disabled={!!busy || !item.availableNow} onClick={take}>
        {item.availableNow ? '领取' : item.shelf.label || '已经领完了'}
      </Button>
    </View>
  );
}

/** 物品详情: photo, description, state, history; hold, borrow or take it; keepers see who has it. */
export default function CabinItemPage() {
  const params = useRouter().params as Record<string, string | undefined>;
  const itemId = itemIdOf(params);
  const query = useItem(itemId);
  const item = query.data?.item ?? null;
  const [busy, setBusy] = useState<string | null>(null);
  const [answer, setAnswer] = useState<AnswerState | null>(null);
  const [historyKey, setHistoryKey] = useState(0);

  const act = (key: string, work: () => Promise<unknown>, done: string) => {
    setBusy(key);
    setAnswer(null);
    void (async () => {
      try {
        await work();
        setAnswer({ ok: true, text: done });
        await query.reload();
        setHistoryKey((k) => k + 1);
      } catch (err) {
        setAnswer({ ok: false, text: errorText(err) });
      } finally {
        setBusy(null);
      }
    })();
  };

  return (
    <PageShell
      className={`page-cabin-item${busy || query.loading ? ' is-busy' : ''}`}
      title={item?.name ?? '物品详情'}
      loading={query.loading && !item}
      error={item ? null : (query.error ?? (itemId ? null : '没有找到这件物品，请重新扫码'))}
      onRetry={itemId ? () => void query.reload() : undefined}
    >
      {item ? (
        <>
          {/* The open state of the item's section: the paper rack keeps its own hours. */}
          <OpenBadge name={`${item.cabinName} · ${item.sectionName}`} state={item.openState} />
          {item.photo ? <Image className='cabin-photo' src={imageSrc(item.photo)} mode='aspectFill' /> : null}
          {item.pendingImages.map((fileID) => (
            <PendingImage key={fileID} className='cabin-photo' src={imageSrc(fileID)} />
          ))}
          <RefusedImagesNote count={item.refusedImages} />
          <View className='card cabin-item-info'>
            <View className='cabin-item__tags'>
              <StatusTag label={statusLabel(item.status)} tone={statusTone(item.status)} className='cabin-item-status' />
            </View>
            <Text className='cabin-item__meta'>{itemFacts(item).join(' · ')}</Text>
            {item.kind === 'sale' && item.priceFen !== null ? <Text className='cabin-row__title cabin-price'>义卖价 {formatFen(item.priceFen)}，善款用于社区公益</Text> : null}
            {item.description ? <Text className='cabin-item__meta'>{item.description}</Text> : null}
            {item.condition ? <Text className='cabin-item__meta'>品相：{item.condition}</Text> : null}
            <Text className='cabin-item__meta cabin-item-since'>
              {formatShanghai(item.since, 'YYYY年M月')}来到格子屋{item.kind === 'loanable' ? `，已借出过 ${item.timesLent} 次` : ''}
            </Text>
            {item.kind === 'reading' ? <Text className='card__hint'>请在格子屋现场阅读，看完放回原处。</Text> : null}
            {item.kind === 'sale' && item.status === 'available' ? <Text className='card__hint'>想买的话，请到格子屋找值班志愿者。</Text> : null}
            {item.holderName ? (
              <Text className='card__hint cabin-holder'>
                {item.status === 'on-loan' ? '借用人' : '预留给'}：{item.holderName}
                {item.dueAt ? `，${dayTime(item.dueAt)}前归还` : ''}
                {item.holdUntil ? `，保留到 ${dayTime(item.holdUntil)}` : ''}
              </Text>
            ) : null}
          </View>
          <Answer answer={answer} className='item-answer' />
          {item.kind === 'loanable' ? <LoanableActions item={item} busy={busy} act={act} /> : null}
          {item.myLoan ? <RemindMe templates={['loan-due', 'loan-overdue']} label='到期前提醒我' allowed='好的，到期前会通过微信提醒你' /> : null}
          {!item.myLoan && item.myHold ? <RemindMe templates={['hold-ready', 'loan-due', 'loan-overdue']} label='轮到我时提醒我' allowed='好的，为你留好时会通过微信告诉你' /> : null}
          {item.kind === 'consumable' ? <TakeConsumable item={item} busy={busy} act={act} /> : null}
          {item.canDesk ? (
            <LinkButton className='btn-item-desk' type='default' url={CABIN_PAGES.desk(item.cabinId)}>
              去值守台
            </LinkButton>
          ) : null}
          {/* The history names borrowers, so the function shows it to the desk only. */}
          {item.canDesk ? <ItemHistory key={historyKey} itemId={item.id} /> : null}
        </>
      ) : null}
      {!item && !query.loading ? (
        <Button className='btn-to-cabin' type='default' size='large' block onClick={() => void Taro.redirectTo({ url: CABIN_PAGES.home })}>
          回到格子屋
        </Button>
      ) : null}
    </PageShell>
  );
}
