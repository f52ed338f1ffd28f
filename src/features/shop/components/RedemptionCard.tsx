import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { StatusTag, type StatusTone } from '@/components/StatusTag';
import { formatShanghai } from '@shared/time';
import { formatCode, REDEMPTION_STATUS_LABELS, type RedemptionStatus, type RedemptionView } from '@shared/domain/shop';
import '../shop.scss';

const TONES: Record<RedemptionStatus, StatusTone> = { pending: 'pending', used: 'success', cancelled: 'neutral' };

export interface RedemptionCardProps {
  redemption: RedemptionView;
  /** The member's own card shows the code large; the committee's list shows who redeemed. */
  viewer: 'owner' | 'committee';
  busy: boolean;
  /** The mini-program code, once loaded. */
  qrImage?: string | null;
  onShowQr?: (redemption: RedemptionView) => void;
  onCancel?: (redemption: RedemptionView) => void;
}

/** One redemption: its state, and while unused the code to show at the counter. */
export function RedemptionCard({ redemption: r, viewer, busy, qrImage, onShowQr, onCancel }: RedemptionCardProps) {
  const pending = r.status === 'pending';
  return (
    <View className={`card redemption-card redemption-card--${r.status}`} data-redemption-id={r.id}>
      <View className='redemption-card__head'>
        <Text className='redemption-card__name'>{r.rewardName}</Text>
        <StatusTag label={REDEMPTION_STATUS_LABELS[r.status]} tone={TONES[r.status]} />
      </View>
      <Text className='redemption-card__meta'>
        {viewer === 'committee' ? `${r.memberName} · ` : ''}
        {r.price} 积分 · {r.giver} · {formatShanghai(r.createdAt)} 兑换
      </Text>
      {pending && viewer === 'owner' ? (
        <>
          <Text className='redemption-card__code' aria-label='兑换码'>
            {formatCode(r.code)}
          </Text>
          <Text className='redemption-card__meta'>
            {qrImage
              ? `到${r.giver}出示这个兑换码，或让店家扫下方的码。`
              : `到${r.giver}出示这个兑换码${onShowQr ? '；也可以点“显示二维码”让店家扫' : ''}。`}
          </Text>
          {qrImage ? <Image className='redemption-card__qr' src={qrImage} mode='aspectFit' /> : null}
        </>
      ) : null}
      {viewer === 'committee' ? <Text className='redemption-card__meta'>兑换码 {formatCode(r.code)}</Text> : null}
      {r.usedAt ? (
        <Text className='redemption-card__meta'>
          {formatShanghai(r.usedAt)} 已核销{r.usedByName ? `（${r.usedByName}）` : ''}
        </Text>
      ) : null}
      {r.cancelledAt ? <Text className='redemption-card__meta'>{formatShanghai(r.cancelledAt)} 已取消，积分已退回</Text> : null}
      {pending ? (
        <View className='redemption-card__actions'>
          {onShowQr && !qrImage ? (
            <Button className='btn-show-qr' type='default' disabled={busy} onClick={() => onShowQr(r)}>
              显示二维码
            </Button>
          ) : null}
          {onCancel ? (
            <Button className='btn-cancel-redemption' type='default' loading={busy} disabled={busy} onClick={() => onCancel(r)}>
              取消兑换
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
