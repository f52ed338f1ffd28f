import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NOTICE_PAGES, newRequestId, noticesApi } from '@/features/notices/api';
import { NoticeForm } from '@/features/notices/components/NoticeForm';
import { useOpenSurveys, useTargets } from '@/features/notices/hooks';
import '@/features/notices/notices.scss';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { useFormErrors } from '@/hooks/useFormErrors';
import { noticeFields, type NoticeInput, type PublishInput } from '@shared/actions/notices';
import { schemaIssues } from '@shared/field-issues';

/** The form's fields in page order. */
const FORM_FIELDS = ['title', 'body', 'images', 'target', 'mode', 'question', 'options', 'surveyId', 'expiresAt', 'publish'];
/** The server names a field `notice.question.options`, `publish.at`; the form shows them under its own fields. */
function fieldOf(path: string): string {
  const inner = path.replace(/^notice\./, '');
  return inner.startsWith('question.options') ? 'options' : (inner.split(/[.[]/)[0] ?? inner);
}

/** 发通知 / 修改通知: a new notice gets one request id, so a doubled tap publishes it once. */
export default function NoticeEditPage() {
  const noticeId = (useRouter().params as Record<string, string | undefined>).id ?? '';
  const targets = useTargets();
  const surveys = useOpenSurveys();
  const open = useCallback(() => noticesApi.open(noticeId, null), [noticeId]);
  const existing = useCloudQuery(noticeId ? open : null);
  const [requestId] = useState(newRequestId);
  const [submitting, setSubmitting] = useState(false);
  const form = useFormErrors({ fields: FORM_FIELDS, fieldOf });

  const save = async (notice: NoticeInput, publish: PublishInput) => {
    form.reset();
    const issues = schemaIssues(noticeFields, notice);
    if (issues) return form.showIssues(issues);
    if (publish.kind !== 'draft') {
      // Once out, every resident it is for is told: it cannot be called back.
      const { confirm } = await Taro.showModal({
        title: publish.kind === 'now' ? '现在发布？' : '定时发布？',
        content: '发出后，选中的邻居都会收到，不能撤回。请再看一眼标题、正文和发给谁。',
        confirmText: '发布',
        cancelText: '再看看',
      });
      if (!confirm) return;
    }
    setSubmitting(true);
    try {
      const { notice: saved } = noticeId ? await noticesApi.update({ noticeId, notice, publish, requestId }) : await noticesApi.create({ notice, publish, requestId });
      const done = publish.kind === 'now' ? '已发布' : publish.kind === 'at' ? '已定时' : '已保存';
      void Taro.showToast({ title: done, icon: 'success', duration: 1500 });
      void Taro.redirectTo({ url: NOTICE_PAGES.detail(saved.id) });
    } catch (err) {
      form.fail(err);
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
      {form.formError ? (
        <View className='inline-error notice-save-error' role='alert'>
          {form.formError}
        </View>
      ) : null}
      {targets.data && (!noticeId || notice) ? (
        <View className='card'>
          <NoticeForm key={notice?.id ?? 'new'} notice={notice} targets={targets.data} surveys={surveys} submitting={submitting} errors={form.errors} onSubmit={(n, p) => void save(n, p)} />
        </View>
      ) : null}
    </PageShell>
  );
}
