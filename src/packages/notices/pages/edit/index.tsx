import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NOTICE_PAGES, newRequestId, noticesApi } from '@/features/notices/api';
import { NoticeForm } from '@/features/notices/components/NoticeForm';
import { useTargets } from '@/features/notices/hooks';
import '@/features/notices/notices.scss';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { CloudCallError, errorText } from '@/services/cloud';
import type { NoticeInput, PublishInput } from '@shared/actions/notices';

/** 发通知 / 修改通知: a new notice gets one request id, so a doubled tap publishes it once. */
export default function NoticeEditPage() {
  const noticeId = (useRouter().params as Record<string, string | undefined>).id ?? '';
  const targets = useTargets();
  const open = useCallback(() => noticesApi.open(noticeId, null), [noticeId]);
  const existing = useCloudQuery(noticeId ? open : null);
  const [requestId] = useState(newRequestId);
  const [submitting, setSubmitting] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const save = async (notice: NoticeInput, publish: PublishInput) => {
    setSubmitting(true);
    setErrors({});
    setError(null);
    try {
      const { notice: saved } = noticeId ? await noticesApi.update({ noticeId, notice, publish }) : await noticesApi.create({ notice, publish, requestId });
      const done = publish.kind === 'now' ? '已发布' : publish.kind === 'at' ? '已定时' : '已保存';
      void Taro.showToast({ title: done, icon: 'success', duration: 1500 });
      void Taro.redirectTo({ url: NOTICE_PAGES.detail(saved.id) });
    } catch (err) {
      const fields = err instanceof CloudCallError && err.fields ? err.fields : {};
      setErrors(fields);
      // A refusal of the content check, a time in the past: said at the top, plainly.
      setError(Object.keys(fields).length ? '有几处需要改一下，请看下面红字。' : errorText(err));
    } finally {
      setSubmitting(false);
    }
  };

  const notice = existing.data?.notice;
  const loading = (targets.loading && !targets.data) || (!!noticeId && existing.loading && !notice);
  return (
    <PageShell
      className={`page-notices-edit${submitting || targets.loading ? ' is-busy' : ''}`}
      title={noticeId ? '修改通知' : '发通知'}
      loading={loading}
      error={targets.error ?? (noticeId && !notice ? existing.error : null)}
      onRetry={() => void (targets.error ? targets.reload() : existing.reload())}
    >
      {error ? (
        <View className='inline-error notice-save-error' role='alert'>
          {error}
        </View>
      ) : null}
      {targets.data && (!noticeId || notice) ? (
        <View className='card'>
          <NoticeForm key={notice?.id ?? 'new'} notice={notice} targets={targets.data} submitting={submitting} errors={errors} onSubmit={(n, p) => void save(n, p)} />
        </View>
      ) : null}
    </PageShell>
  );
}
