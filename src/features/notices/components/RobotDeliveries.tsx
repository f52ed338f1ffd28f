import { Text, View } from '@tarojs/components';
import { StatusTag } from '@/components/StatusTag';
import { ROBOT_DELIVERY_LABELS, type RobotDeliveryView } from '@shared/domain/notices';
import { timeText } from '../format';

/** The WeCom robot sends of a notice, for its writer: a failure says why, so they can post it by hand. */
export function RobotDeliveries({ deliveries }: { deliveries: RobotDeliveryView[] }) {
  if (deliveries.length === 0) return null;
  return (
    <View className='card notice-robots'>
      <View className='card__title'>企业微信群机器人</View>
      {deliveries.map((d) => (
        <View key={`${d.gridId}-${d.kind}-${d.attempts}`} className={`notice-row notice-robot notice-robot--${d.state}`} data-grid-id={d.gridId}>
          <Text className='notice-row__name'>
            {d.gridName}（{d.kind === 'notice' ? '通知' : '提醒'}）
          </Text>{' '}
          <StatusTag label={ROBOT_DELIVERY_LABELS[d.state]} tone={d.state === 'failed' ? 'danger' : d.state === 'sent' ? 'success' : 'pending'} />
          {d.sentAt ? <Text className='notice-row__meta'>推送时间：{timeText(d.sentAt)}</Text> : null}
          {d.lastError ? <Text className='notice-row__meta'>{d.state === 'failed' ? '没能推送' : '上次尝试'}：{d.lastError}（已试 {d.attempts} 次）</Text> : null}
        </View>
      ))}
    </View>
  );
}
