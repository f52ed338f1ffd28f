import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { useTapIds } from '@/features/cabin/tap-ids';
import { participationApi } from '@/features/participation/api';
import { proposalClock } from '@/features/participation/format';
import { useProposal, useProposals } from '@/features/participation/hooks';
import '@/features/participation/participation.scss';
import { PARTICIPATION_PAGES } from '@/features/participation/routes';
import { useFormErrors } from '@/hooks/useFormErrors';
import { CloudCallError, errorText } from '@/services/cloud';
import { confirmFirst } from '@/services/confirm';
import { participationActions } from '@shared/actions/participation';
import { ANSWER_KIND_LABELS, ANSWER_KINDS, type AnswerKind } from '@shared/domain/participation';
import { schemaIssues } from '@shared/field-issues';

const FORM_FIELDS = ['kind', 'intoId', 'text'];
const fieldOf = (path: string) => path.replace(/^answer\./, '').split(/[.[]/)[0] ?? path;
const KIND_OPTIONS = ANSWER_KINDS.map((k) => ({ value: k, label: ANSWER_KIND_LABELS[k] }));
/** What each answer means for the residents, said before it is sent (it cannot be taken back). */
const KIND_MEANS: Record<AnswerKind, string> = {
  adopt: '采纳后会按这条议题建一个治理项目，邻居们可以关注进展。',
  partial: '部分采纳：请写明采纳了哪些、怎么做。',
  reject: '不采纳：请写明理由，提议人和支持的邻居都会看到。',
  merge: '合并：这条议题并入另一条同类议题，请写明理由。',
};

/** 答复议题 (the committee, or the chair of the sub-council it was routed to): 采纳 / 部分采纳 / 不采纳 / 合并 with a reason. */
export default function AnswerPage() {
  const proposalId = (useRouter().params as Record<string, string | undefined>).id ?? '';
  const query = useProposal(proposalId);
  const p = query.data?.proposal ?? null;
  const [kind, setKind] = useState<AnswerKind | ''>('');
  const [text, setText] = useState('');
  const [intoId, setIntoId] = useState('');
  const [sending, setSending] = useState(false);
  const form = useFormErrors({ fields: FORM_FIELDS, fieldOf });
  const taps = useTapIds();
  // Merge targets (asked for once 合并 is picked): the 居民区's other proposals still collecting or waiting for their answer.
  const collecting = useProposals(kind === 'merge' ? { state: 'collecting' } : null);
  const answering = useProposals(kind === 'merge' ? { state: 'answering' } : null);
  const targets = [...answering.items, ...collecting.items].filter((t) => t.id !== proposalId).map((t) => ({ value: t.id, label: t.title }));

  const send = async () => {
    if (!p) return;
    form.reset();
    const input = { proposalId: p.id, version: p.version, requestId: taps.idFor('answer'), answer: { kind, text, ...(kind === 'merge' && intoId ? { intoId } : {}) } };
    const issues = schemaIssues(participationActions.answer.input, input);
    if (issues) return form.showIssues(issues);
    const label = ANSWER_KIND_LABELS[kind as AnswerKind];
    if (!(await confirmFirst({ title: `答复：${label}`, content: '答复发出后不能修改，提议人和支持的邻居都会收到通知。', confirmText: label }))) return;
    setSending(true);
    try {
      const res = await participationApi.answer({ ...input, answer: { ...input.answer, kind: kind as AnswerKind } });
      taps.done('answer');
      void Taro.showToast({ title: '已答复，已告诉提议人和支持的邻居', icon: 'none', duration: 2000 });
      void Taro.redirectTo({ url: PARTICIPATION_PAGES.proposal(res.proposal.id) });
    } catch (err) {
      if (err instanceof CloudCallError && (err.code === 'PROPOSALS.CHANGED' || err.code === 'PROPOSALS.WRONG_STATE')) {
        // Someone answered or it changed first: say so and show it as it is now; this tap's request is spent.
        taps.done('answer');
        void Taro.showToast({ title: err.message, icon: 'none', duration: 2500 });
        void query.reload();
      } else form.fail(err, err instanceof CloudCallError && err.code === 'PROPOSALS.MERGE_TARGET' ? { intoId: errorText(err) } : {});
    } finally {
      setSending(false);
    }
  };

  const needsReason = kind === 'reject' || kind === 'merge';
  return (
    <PageShell
      className={`page-participation-answer${query.loading || sending ? ' is-busy' : ''}`}
      title='答复议题'
      loading={query.loading && !p}
      error={p ? null : query.error}
      onRetry={() => void query.reload()}
    >
      {p ? (
        <>
          <View className='card pp-info'>
            <Text className='pp-card__title'>{p.title}</Text>
            <Text className='pp-card__meta'>
              {p.categoryName} · {p.authorName}
            </Text>
            <Text className='pp-card__clock'>{proposalClock(p)}</Text>
            <Text className='pp-text'>{p.text}</Text>
          </View>
          {p.can.answer ? (
            <View className='card pp-form'>
              {form.formError ? (
                <View className='inline-error pp-save-error' role='alert'>
                  {form.formError}
                </View>
              ) : null}
              <FormField label='答复结果' name='kind' error={form.errors.kind}>
                <ChoiceChips id='answer-kind' single options={KIND_OPTIONS} value={kind ? [kind] : []} onChange={(v) => (setKind((v[0] ?? '') as AnswerKind | ''), form.clear('kind'))} />
              </FormField>
              {kind ? <Text className='card__hint'>{KIND_MEANS[kind]}</Text> : null}
              {kind === 'merge' ? (
                <FormField label='并入哪条议题' name='intoId' error={form.errors.intoId}>
                  {targets.length ? (
                    <ChoiceChips id='answer-into' single options={targets} value={intoId ? [intoId] : []} onChange={(v) => (setIntoId(v[0] ?? ''), form.clear('intoId'))} />
                  ) : (
                    <Text className='card__hint'>现在没有可以并入的议题（要在征集中或待答复）。</Text>
                  )}
                </FormField>
              ) : null}
              <FormField label={needsReason ? '理由' : '答复内容'} name='text' optional={!needsReason} error={form.errors.text}>
                <Textarea id='answer-text' className='pp-input pp-textarea' value={text} maxlength={500} placeholder='居民会看到这段话' onInput={(e) => (setText(e.detail.value), form.clear('text'))} />
              </FormField>
              <Button className='btn-answer-send' type='primary' size='large' block loading={sending} disabled={sending} onClick={() => void send()}>
                发出答复
              </Button>
            </View>
          ) : (
            <Text className='card__hint pp-answer-closed'>这条议题现在不需要你答复。</Text>
          )}
        </>
      ) : null}
    </PageShell>
  );
}
