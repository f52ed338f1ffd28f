import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { imageSrc } from '@/services/upload';
import { StatusTag } from '@/components/StatusTag';
import type { EventSummaryView } from '@shared/domain/event';
import { EVENT_PAGES } from '../api';
import { mySignupText, whenText } from '../format';

/** One event in a list: what, when, where, places left and the caller's own sign-up. A tap anywhere opens it. */
export function EventCard({ event }: { event: EventSummaryView }) {
  return (
    <View className='card event-card' data-event-id={event.id} role='link' onClick={() => void Taro.navigateTo({ url: EVENT_PAGES.detail(event.id) })}>
      {event.cover ? <Image className='event-card__cover' src={imageSrc(event.cover)} mode='aspectFill' /> : null}
      <View className='event-card__head'>
        <Text className='event-card__title'>{event.title}</Text>
        <StatusTag label={event.type} />
      </View>
      <Text className='event-card__meta'>{whenText(event.startAt, event.endAt)}</Text>
      <Text className='event-card__meta'>地点：{event.place}</Text>
      <Text className='event-card__meta'>{event.status === 'cancelled' ? '活动已取消' : event.placesLeft > 0 ? `还剩 ${event.placesLeft} 个名额` : '名额已满，可以候补'}</Text>
      {event.mine ? <Text className='event-card__mine'>{mySignupText(event.mine)}</Text> : null}
      <Text className='event-card__open btn-open-event'>查看详情 ›</Text>
    </View>
  );
}
