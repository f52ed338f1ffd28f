import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { RemindOutcome } from '@shared/actions/cabin';
import { CallButton } from '@/components/CallButton';
import { cabinApi } from '../../api';
import { dueText } from '../../format';
import { useCabinLoans } from '../../hooks';
import { useTapIds } from '../../tap-ids';
import { Answer, useAction } from '../Answer';
import { Paged } from '../Paged';

const OUTCOME_TEXT: Record<RemindOutcome, string> = {
  sent: '已发送提醒',
  already: '今天已经提醒过了',
  'no-quota': '对方没有开启提醒，请打电话联系',
  refused: '对方拒收提醒，请打电话联系',
  'no-account': '对方没有小程序账号，请打电话联系',
  queued: '提醒稍后发出',
  failed: '提醒没能发出，请打电话联系',
};

function OverdueRow({ loanId, title, meta }: { loanId: string; title: string; meta: string }) {
  const { busy, answer, run } = useAction();
  const taps = useTapIds();
  const remind = async () => {
    const { outcome } = await cabinApi.remind(loanId, taps.idFor(loanId));
    taps.done(loanId);
    return OUTCOME_TEXT[outcome];
  };
  return (
    <View className='cabin-row desk-overdue-loan' data-loan-id={loanId}>
      <Text className='cabin-row__title'>{title}</Text>
      <Text className='cabin-row__meta cabin-overdue'>{meta}</Text>
      <View className='cabin-row__actions'>
        <Button className='btn-remind' type='default' size='large' block loading={busy === 'remind'} disabled={!!busy} onClick={() => void run('remind', remind)}>
          提醒
        </Button>
        <CallButton className='btn-call-borrower' numberFor={async () => (await cabinApi.borrowerPhone(loanId)).phone} />
      </View>
      <Answer answer={answer} className='remind-answer' />
    </View>
  );
}

/** 逾期: loans past their due day, with a reminder (a subscribe message, at most once a day per loan) and a call. */
export function DeskOverdue({ cabinId }: { cabinId: string }) {
  const loans = useCabinLoans(cabinId, true);
  return (
    <View className='card desk-overdue'>
      <View className='card__title'>逾期未还</View>
      <Paged list={loans} empty='没有逾期的借用，真好。'>
        {loans.items.map((loan) => (
          <OverdueRow key={loan.id} loanId={loan.id} title={`${loan.itemName} · ${loan.borrowerName ?? ''}`} meta={`${dueText(loan)}${loan.borrowerPhone ? ` · ${loan.borrowerPhone}` : ''}`} />
        ))}
      </Paged>
    </View>
  );
}
