import { Text, View } from '@tarojs/components';
import { LinkButton } from '@/components/LinkButton';
import { StatusTag } from '@/components/StatusTag';
import { NOTICE_STATUS_LABELS, type NoticeSummaryView } from '@shared/domain/notices';
import { NOTICE_PAGES } from '../api';
import { countsText, STATE_TONES, stateLabel, timeText } from '../format';

/**
 * One notice in a list: what, for whom, when; a resident sees where they stand, its writer the counts and a way to
 * the receipts.
 */
export function NoticeCard({ notice }: { notice: NoticeSummaryView }) {
  const when = notice.publishedAt ?? notice.publishAt;
  return (
    <View className={`card notice-card${notice.mine?.state === 'unread' ? ' notice-card--unread' : ''}`} data-notice-id={notice.id}>
      <View className='notice-card__head'>
        <Text className='notice-card__title'>{notice.title}</Text>
        {notice.status !== 'published' ? (
          <StatusTag label={NOTICE_STATUS_LABELS[notice.status]} tone='pending' />
        ) : notice.mine ? (
          <StatusTag className='notice-state' label={stateLabel(notice.mine.state)} tone={STATE_TONES[notice.mine.state]} />
        ) : null}
      </View>
      <Text className='notice-card__meta'>
        {notice.writerName} · 发给{notice.targetLabel}
      </Text>
      {when ? <Text className='notice-card__meta'>{notice.status === 'scheduled' ? `将于 ${timeText(when)} 发布` : timeText(when)}</Text> : null}
      {notice.expired ? <Text className='notice-card__meta'>已过期</Text> : null}
      {notice.counts && notice.status === 'published' ? <Text className='notice-card__counts'>{countsText(notice.counts, notice.mode)}</Text> : null}
      <View className='notice-card__actions'>
        <LinkButton className='btn-open-notice' type='default' url={NOTICE_PAGES.detail(notice.id)}>
          查看通知
        </LinkButton>
        {notice.counts && notice.status === 'published' ? (
          <LinkButton className='btn-open-receipts' type='default' url={NOTICE_PAGES.receipts(notice.id, notice.mode)}>
            查看回执
          </LinkButton>
        ) : null}
      </View>
    </View>
  );
}
