import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { StatusTag } from '@/components/StatusTag';
import { CABIN_PAGES, cabinApi, newRequestId } from '@/features/cabin/api';
import { Answer, useAction } from '@/features/cabin/components/Answer';
import { CabinsOpen } from '@/features/cabin/components/CabinsOpen';
import { Paged } from '@/features/cabin/components/Paged';
import { dayTime, dueText } from '@/features/cabin/format';
import { useMyDonations, useMyHolds, useMyLoans } from '@/features/cabin/hooks';
import { useTapIds } from '@/features/cabin/tap-ids';
import { Tabs, type TabDef } from '@/features/cabin/components/Tabs';
import '@/features/cabin/cabin.scss';
import { DONATION_STATUS_LABELS, HOLD_STATUS_LABELS, type DonationStatus, type LoanView } from '@shared/domain/cabin';
import { confirmFirst } from '@/services/confirm';

type Tab = 'loans' | 'holds' | 'donations';
const TABS: TabDef<Tab>[] = [
  { key: 'loans', label: '借用' },
  { key: 'holds', label: '预约' },
  { key: 'donations', label: '捐赠' },
];
const DONATION_TONES: Record<DonationStatus, 'pending' | 'success' | 'neutral'> = { offered: 'pending', accepted: 'success', declined: 'neutral', withdrawn: 'neutral' };

const openItem = (itemId: string) => void Taro.navigateTo({ url: CABIN_PAGES.item(itemId) });

function LoanRow({ loan, onRenewed }: { loan: LoanView; onRenewed: (loan: LoanView) => void }) {
  const [requestId] = useState(newRequestId);
  const { busy, answer, run } = useAction();
  const renew = () =>
    run('renew', async () => {
      const { loan: renewed } = await cabinApi.renew(loan.id, requestId);
      onRenewed(renewed);
      return `已续借，${dueText(renewed)}`;
    });
  return (
    <View className={`card cabin-loan${loan.overdue ? ' cabin-loan--overdue' : ''}`} data-loan-id={loan.id}>
      <Text className='cabin-row__title' onClick={() => openItem(loan.itemId)}>
        {loan.itemName}
      </Text>
      {loan.status === 'open' ? (
        <Text className={`cabin-row__meta cabin-due${loan.overdue ? ' cabin-overdue' : ''}`}>{dueText(loan)}</Text>
      ) : (
        <Text className='cabin-row__meta'>已于 {dayTime(loan.returnedAt ?? loan.dueAt)} 归还</Text>
      )}
      <Text className='cabin-row__meta'>
        {dayTime(loan.borrowedAt)} 借出{loan.renewals ? `，续借过 ${loan.renewals} 次` : ''}
      </Text>
      <Answer answer={answer} className='renew-answer' />
      {loan.status === 'open' && loan.canRenew ? (
        <Button className='btn-renew' type='primary' size='large' block loading={!!busy} disabled={!!busy} onClick={() => void renew()}>
          续借
        </Button>
      ) : null}
      {loan.status === 'open' && loan.overdue ? <Text className='card__hint'>请尽快送回格子屋，值班志愿者会帮你办理归还。</Text> : null}
    </View>
  );
}

function Loans() {
  const [status, setStatus] = useState<'open' | 'returned'>('open');
  const loans = useMyLoans(status);
  return (
    <View className='cabin-my-loans'>
      <View className='cabin-links'>
        <Button className='btn-loans-toggle' type='default' size='large' block onClick={() => setStatus(status === 'open' ? 'returned' : 'open')}>
          {status === 'open' ? '看看已归还的' : '看看借着的'}
        </Button>
      </View>
      <Paged list={loans} empty={status === 'open' ? '现在没有借着的物品。' : '还没有归还记录。'}>
        {loans.items.map((loan) => (
          <LoanRow key={loan.id} loan={loan} onRenewed={(next) => loans.setItems((rows) => rows.map((r) => (r.id === next.id ? next : r)))} />
        ))}
      </Paged>
    </View>
  );
}

function Holds() {
  const holds = useMyHolds();
  const { answer, run } = useAction();
  const taps = useTapIds();
  const cancel = async (hold: { id: string; itemName: string }) => {
    const holdId = hold.id;
    const ok = await confirmFirst({ title: '取消预约', content: `「${hold.itemName}」的预约会取消，排在后面的邻居就能借了。确定吗？`, confirmText: '取消预约' });
    if (!ok) return;
    await run('cancel', async () => {
      await cabinApi.cancelHold(holdId, taps.idFor(holdId));
      taps.done(holdId);
      await holds.refreshAfter((h) => h.id === holdId);
      return '已取消预约';
    });
  };
  return (
    <View className='cabin-my-holds'>
      <Answer answer={answer} className='holds-answer' />
      <Paged list={holds} empty='现在没有预约。'>
        {holds.items.map((hold) => (
          <View key={hold.id} className='card cabin-hold' data-hold-id={hold.id}>
            <Text className='cabin-row__title' onClick={() => openItem(hold.itemId)}>
              {hold.itemName}
            </Text>
            <Text className='cabin-row__meta'>
              {HOLD_STATUS_LABELS[hold.status]}
              {hold.status === 'waiting' && hold.position ? `，第 ${hold.position} 位` : ''}
              {hold.status === 'ready' && hold.holdUntil ? `，请在 ${dayTime(hold.holdUntil)} 前来借` : ''}
            </Text>
            <Button className='btn-cancel-hold' type='default' size='large' block onClick={() => void cancel(hold)}>
              取消预约
            </Button>
          </View>
        ))}
      </Paged>
    </View>
  );
}

function Donations() {
  const donations = useMyDonations();
  const { answer, run } = useAction();
  const withdraw = async (donation: { id: string; what: string }) => {
    const donationId = donation.id;
    const ok = await confirmFirst({ title: '撤回捐赠', content: `撤回「${donation.what}」的捐赠意向后，志愿者就不会再处理它了。确定吗？`, confirmText: '撤回' });
    if (!ok) return;
    await run('withdraw', async () => {
      const { donation } = await cabinApi.withdrawDonation(donationId);
      donations.setItems((rows) => rows.map((r) => (r.id === donation.id ? donation : r)));
      return '已撤回';
    });
  };
  return (
    <View className='cabin-my-donations'>
      <Answer answer={answer} className='donations-answer' />
      <Paged list={donations} empty='还没有捐赠过物品。'>
        {donations.items.map((d) => (
          <View key={d.id} className='card cabin-donation' data-donation-id={d.id}>
            <View className='cabin-item__tags'>
              <Text className='cabin-row__title'>{d.what}</Text>
              <StatusTag label={DONATION_STATUS_LABELS[d.status]} tone={DONATION_TONES[d.status]} className='donation-status' />
            </View>
            <Text className='cabin-row__meta'>
              {dayTime(d.createdAt)} 提交 · {d.condition}
            </Text>
            {d.answer ? <Text className='cabin-row__meta donation-answer'>格子屋回复：{d.answer}</Text> : null}
            {d.status === 'offered' ? (
              <Button className='btn-withdraw-donation' type='default' size='large' block onClick={() => void withdraw(d)}>
                撤回
              </Button>
            ) : null}
          </View>
        ))}
      </Paged>
    </View>
  );
}

/** 我的借用: my loans with due dates (overdue in red) and renewals, my holds, my donations and their answers. */
export default function CabinMinePage() {
  const [tab, setTab] = useState<Tab>('loans');
  return (
    <PageShell className='page-cabin-mine' title='我的借用'>
      <CabinsOpen />
      <Tabs tabs={TABS} value={tab} onChange={setTab} />
      {tab === 'loans' ? <Loans /> : null}
      {tab === 'holds' ? <Holds /> : null}
      {tab === 'donations' ? <Donations /> : null}
    </PageShell>
  );
}
