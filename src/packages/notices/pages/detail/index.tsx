import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { StatusTag } from '@/components/StatusTag';
import { NOTICE_PAGES, noticesApi } from '@/features/notices/api';
import { NoticeAnswer } from '@/features/notices/components/NoticeAnswer';
import { RobotDeliveries } from '@/features/notices/components/RobotDeliveries';
import { SubscribeNotices } from '@/features/notices/components/SubscribeNotices';
import { ShareCardButton } from '@/features/notices/components/ShareCardButton';
import { countsText, timeText } from '@/features/notices/format';
import { PendingImage, RefusedImagesNote } from '@/components/ImageReview';
import { imageSrc } from '@/services/upload';
import { groupCloudIdOfEntry, useGroupShare } from '@/features/notices/group-entry';
import { SURVEY_PAGES } from '@/features/surveys/routes';
import '@/features/notices/notices.scss';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { errorText } from '@/services/cloud';
import { NOTICE_MODE_LABELS, NOTICE_STATUS_LABELS, type MyReceiptView, type NoticeView } from '@shared/domain/notices';

/** Its writer's tools: the card to share into the bound groups, the receipts, changes before it goes out. */
function WriterTools({ notice }: { notice: NoticeView }) {
  const published = notice.status === 'published';
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    const { confirm } = await Taro.showModal({ title: '删除通知', content: '这条通知还没有发出，删除后就没有了。确定吗？', confirmText: '删除', cancelText: '再想想' });
    if (!confirm) return;
    try {
      await noticesApi.remove(notice.id);
      void Taro.redirectTo({ url: NOTICE_PAGES.list });
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <View className='card notice-writer'>
      {notice.counts && published ? <Text className='notice-card__counts'>{countsText(notice.counts, notice.mode)}</Text> : null}
      {notice.replyCounts && notice.question
        ? notice.question.options.map((option, i) => (
            <Text key={option} className='notice-card__meta notice-reply-count'>
              {option}：{notice.replyCounts![i] ?? 0} 人
            </Text>
          ))
        : null}
      <View className='notice-card__actions'>
        {published ? (
          <>
            <ShareCardButton className='btn-share-notice' label='分享到微信群' path={NOTICE_PAGES.detail(notice.id)} />
            <Text className='card__hint'>分享到本微格已绑定的群里，谁在哪个群打开、谁还没看，回执里都看得到。</Text>
            <LinkButton className='btn-open-receipts' type='default' url={NOTICE_PAGES.receipts(notice.id, notice.mode)}>
              查看回执
            </LinkButton>
          </>
        ) : (
          <>
            <LinkButton className='btn-edit-notice' type='default' url={NOTICE_PAGES.edit(notice.id)}>
              修改通知
            </LinkButton>
            <Button className='btn-remove-notice' type='danger' fill='outline' size='large' block onClick={() => void remove()}>
              删除通知
            </Button>
          </>
        )}
      </View>
      {error ? (
        <View className='inline-error notice-remove-error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  );
}

/**
 * 通知详情: opening it records the read (in the group the card was opened in, when it was); 收到 or a reply when the
 * notice asks for one; its writer shares the card and sees how far it went.
 */
export default function NoticeDetailPage() {
  const params = useRouter().params as Record<string, string | undefined>;
  const noticeId = params.id ?? '';
  const open = useCallback(async () => noticesApi.open(noticeId, await groupCloudIdOfEntry()), [noticeId]);
  const query = useCloudQuery(noticeId ? open : null);
  const notice = query.data?.notice ?? null;
  useGroupShare(notice?.canManage && notice.status === 'published' ? { title: notice.title, path: NOTICE_PAGES.detail(notice.id) } : null);
  const answered = (mine: MyReceiptView) => notice && query.setData({ notice: { ...notice, mine } });

  return (
    <PageShell
      className={`page-notices-detail${query.loading ? ' is-busy' : ''}`}
      title={notice?.title ?? '通知'}
      loading={query.loading && !notice}
      error={notice ? null : query.error}
      onRetry={() => void query.reload()}
    >
      {notice ? (
        <>
          <View className='card notice-info'>
            <View className='notice-card__head'>
              <StatusTag label={NOTICE_MODE_LABELS[notice.mode]} />
              {notice.status !== 'published' ? <StatusTag label={NOTICE_STATUS_LABELS[notice.status]} tone='pending' /> : null}
              {notice.expired ? <StatusTag label='已过期' tone='danger' /> : null}
            </View>
            <Text className='notice-card__meta'>
              {notice.writerName} · 发给{notice.targetLabel}
            </Text>
            {notice.publishedAt ? <Text className='notice-card__meta'>发布时间：{timeText(notice.publishedAt)}</Text> : null}
            {notice.expiresAt ? <Text className='notice-card__meta'>截止时间：{timeText(notice.expiresAt)}</Text> : null}
            <Text className='notice-body'>{notice.body}</Text>
            {notice.images.length + notice.pendingImages.length > 0 ? (
              <View className='notice-images'>
                {notice.images.map((fileID) => (
                  <Image
                    key={fileID}
                    className='notice-images__img'
                    src={imageSrc(fileID)}
                    mode='aspectFill'
                    // Tapped, a photo opens full screen: easier on older eyes.
                    onClick={() => void Taro.previewImage({ urls: notice.images.map(imageSrc), current: imageSrc(fileID) })}
                  />
                ))}
                {notice.pendingImages.map((fileID) => (
                  <PendingImage key={fileID} className='notice-images__img' src={imageSrc(fileID)} />
                ))}
              </View>
            ) : null}
            <RefusedImagesNote count={notice.refusedImages} />
          </View>
          {notice.survey ? (
            <View className='card notice-survey'>
              <Text className='notice-card__meta'>{`这条通知请你填写问卷：${notice.survey.title}`}</Text>
              <LinkButton className='btn-notice-survey' url={SURVEY_PAGES.answer(notice.survey.id)}>
                去填写问卷
              </LinkButton>
            </View>
          ) : null}
          <NoticeAnswer notice={notice} onAnswered={answered} />
          {notice.mine ? <SubscribeNotices /> : null}
          {notice.canManage ? <WriterTools notice={notice} /> : null}
          {notice.robots ? <RobotDeliveries deliveries={notice.robots} /> : null}
        </>
      ) : null}
    </PageShell>
  );
}
