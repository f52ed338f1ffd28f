import { Text, View } from '@tarojs/components';
import type { MarkUsedResult } from '@shared/actions/shop';
import { formatShanghai } from '@shared/time';
import '../shop.scss';

/** What the counter sees after marking a code: done now, or already done at HH:mm (pretixSCAN's "already checked in"). */
export function VerifyResult({ result }: { result: MarkUsedResult }) {
  const { outcome, redemption: r } = result;
  const at = r.usedAt ? formatShanghai(r.usedAt, 'HH:mm') : '';
  return (
    <View className={`card verify-result verify-result--${outcome}`} role='status'>
      <Text className='verify-result__title'>{outcome === 'used' ? '核销成功' : `已于 ${at} 核销`}</Text>
      <Text className='verify-result__line'>{r.rewardName}</Text>
      <Text className='verify-result__line'>兑换人：{r.memberName}</Text>
      {outcome === 'alreadyUsed' && r.usedAt ? (
        <Text className='verify-result__line'>
          {formatShanghai(r.usedAt, 'M月D日 HH:mm')}
          {r.usedByName ? ` 由 ${r.usedByName} 核销` : ''}，请勿重复提供
        </Text>
      ) : null}
    </View>
  );
}
