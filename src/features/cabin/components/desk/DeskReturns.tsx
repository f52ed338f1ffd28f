import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import type { LoanView } from '@shared/domain/cabin';
import { cabinApi } from '../../api';
import { dueText } from '../../format';
import { useCabinLoans } from '../../hooks';
import { useTapIds } from '../../tap-ids';
import { Answer, useAction } from '../Answer';
import { Paged } from '../Paged';

const AFTER = [
  { value: 'available', label: '完好，放回架上' },
  { value: 'in-repair', label: '需要修理' },
  { value: 'lost', label: '遗失了' },
] as const;
type After = (typeof AFTER)[number]['value'];

function ReturnRow({ loan, onDone }: { loan: LoanView; onDone: (id: string) => void }) {
  const [condition, setCondition] = useState('');
  const [after, setAfter] = useState<After>('available');
  const { busy, answer, run } = useAction();
  const taps = useTapIds();
  const takeBack = async () => {
    const ok = await run('back', async () => {
      const res = await cabinApi.takeBack({ loanId: loan.id, condition, status: after, requestId: taps.idFor(loan.id) });
      taps.done(loan.id);
      return res.heldForNext ? '已归还，已为排队的邻居预留' : '已归还';
    });
    if (ok) onDone(loan.id);
  };
  return (
    <View className={`cabin-row desk-loan${loan.overdue ? ' cabin-loan--overdue' : ''}`} data-loan-id={loan.id}>
      <Text className='cabin-row__title'>
        {loan.itemName} · {loan.borrowerName}
      </Text>
      <Text className={`cabin-row__meta${loan.overdue ? ' cabin-overdue' : ''}`}>
        {dueText(loan)}
        {loan.borrowerPhone ? ` · ${loan.borrowerPhone}` : ''}
      </Text>
      <Input className='cabin-input return-condition' value={condition} maxlength={100} placeholder='归还时的品相，例如：完好' onInput={(e) => setCondition(e.detail.value)} />
      <ChoiceChips id={`return-after-${loan.id}`} single options={AFTER} value={[after]} onChange={([v]) => setAfter(v as After)} />
      <Button className='btn-take-back' type='primary' size='large' block loading={busy === 'back'} disabled={!!busy} onClick={() => void takeBack()}>
        确认归还
      </Button>
      <Answer answer={answer} className='return-answer' />
    </View>
  );
}

/** 归还: the cabin's open loans, overdue first; confirm each return with a condition note. */
export function DeskReturns({ cabinId }: { cabinId: string }) {
  const loans = useCabinLoans(cabinId, false);
  const [done, setDone] = useState<string | null>(null);
  return (
    <View className='card desk-returns'>
      <View className='card__title'>办理归还</View>
      {done ? <Answer answer={{ ok: true, text: done }} className='returned-answer' /> : null}
      <Paged list={loans} empty='现在没有借出的物品。'>
        {loans.items.map((loan) => (
          <ReturnRow
            key={loan.id}
            loan={loan}
            onDone={(id) => {
              setDone(`「${loan.itemName}」已归还`);
              void loans.refreshAfter((l) => l.id === id);
            }}
          />
        ))}
      </Paged>
    </View>
  );
}
