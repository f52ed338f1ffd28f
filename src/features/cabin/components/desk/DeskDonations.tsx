import { useState } from 'react';
import { Image, Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { DonationView, SectionView } from '@shared/domain/cabin';
import { confirmFirst } from '@/services/confirm';
import { cabinApi } from '../../api';
import { dayTime } from '../../format';
import { useDonationOffers } from '../../hooks';
import { imageSrc } from '@/services/upload';
import { useTapIds } from '../../tap-ids';
import { Answer, useAction } from '../Answer';
import { ItemForm } from '../ItemForm';
import { Paged } from '../Paged';

function OfferRow({ donation, sections, onAnswered }: { donation: DonationView; sections: SectionView[]; onAnswered: (text: string) => void }) {
  const [mode, setMode] = useState<'accept' | 'decline' | null>(null);
  const [reason, setReason] = useState('');
  const { busy, answer, run } = useAction();
  const taps = useTapIds();
  const decline = async () => {
    const donor = donation.donorName ?? '捐赠的邻居';
    const sure = await confirmFirst({ title: '婉谢捐赠', content: `会告诉${donor}：「${donation.what}」格子屋这次不收了${reason.trim() ? `，${reason.trim()}` : ''}。确定吗？`, confirmText: '婉谢' });
    if (!sure) return;
    const ok = await run('decline', async () => {
      await cabinApi.declineDonation(donation.id, reason, taps.idFor(donation.id));
      taps.done(donation.id);
      return '已婉谢';
    });
    if (ok) onAnswered(`已婉谢「${donation.what}」，并告诉了${donation.donorName ?? '捐赠的邻居'}`);
  };
  return (
    <View className='cabin-row donation-offer' data-donation-id={donation.id}>
      {donation.photo ? <Image className='cabin-photo' src={imageSrc(donation.photo)} mode='aspectFill' /> : null}
      <Text className='cabin-row__title'>{donation.what}</Text>
      <Text className='cabin-row__meta'>
        {donation.donorName} · {dayTime(donation.createdAt)} · {donation.condition}
      </Text>
      {donation.description ? <Text className='cabin-row__meta'>{donation.description}</Text> : null}
      <View className='cabin-row__actions'>
        <Button className='btn-accept-donation' type={mode === 'accept' ? 'primary' : 'default'} size='large' block onClick={() => setMode('accept')}>
          收下，放进格子屋
        </Button>
        <Button className='btn-decline-donation' type='default' size='large' block onClick={() => setMode('decline')}>
          婉谢
        </Button>
      </View>
      {mode === 'accept' ? (
        <ItemForm
          id='accept'
          sections={sections}
          initial={{ name: donation.what, description: donation.description, condition: donation.condition, photo: donation.photo }}
          submitLabel='收下并上架'
          onSubmit={async (item) => {
            const sure = await confirmFirst({
              title: '收下捐赠',
              content: `「${item.name}」会上架，并告诉${donation.donorName ?? '捐赠的邻居'}已经收下了。确定吗？`,
              confirmText: '收下',
            });
            if (!sure) return;
            await cabinApi.acceptDonation({ donationId: donation.id, item, note: '谢谢你的捐赠，已经放进格子屋了', requestId: taps.idFor(donation.id) });
            taps.done(donation.id);
            onAnswered(`已收下「${donation.what}」，上架了`);
          }}
        />
      ) : null}
      {mode === 'decline' ? (
        <>
          <Input className='cabin-input decline-reason' value={reason} maxlength={100} placeholder='谢谢你的好意，因为……' onInput={(e) => setReason(e.detail.value)} />
          <Button className='btn-confirm-decline' type='primary' size='large' block loading={busy === 'decline'} disabled={!!busy} onClick={() => void decline()}>
            婉谢并告诉对方
          </Button>
        </>
      ) : null}
      <Answer answer={answer} className='donation-answer' />
    </View>
  );
}

/** 捐赠: offers waiting for an answer; accept into the inventory (the keeper fills in the item) or decline with thanks. */
export function DeskDonations({ cabinId, sections }: { cabinId: string; sections: SectionView[] }) {
  const offers = useDonationOffers(cabinId);
  const [done, setDone] = useState<string | null>(null);
  return (
    <View className='card desk-donations'>
      <View className='card__title'>捐赠待回复</View>
      {done ? <Answer answer={{ ok: true, text: done }} className='answered-answer' /> : null}
      <Paged list={offers} empty='没有待回复的捐赠。'>
        {offers.items.map((d) => (
          <OfferRow
            key={d.id}
            donation={d}
            sections={sections}
            onAnswered={(text) => {
              setDone(text);
              void offers.refreshAfter((x) => x.id === d.id);
            }}
          />
        ))}
      </Paged>
    </View>
  );
}
