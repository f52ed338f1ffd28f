import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import { LoadMore } from '@/components/LoadMore';
import { useTapIds } from '@/features/cabin/tap-ids';
import { useFormErrors } from '@/hooks/useFormErrors';
import { confirmFirst } from '@/services/confirm';
import { participationActions } from '@shared/actions/participation';
import type { ProposalCommentView } from '@shared/domain/participation';
import { schemaIssues } from '@shared/field-issues';
import { participationApi } from '../api';
import { dayText } from '../format';
import { useComments } from '../hooks';

/** The committee hides a comment with a reason; it stays listed as hidden. */
function HideForm({ comment, onHidden }: { comment: ProposalCommentView; onHidden: (c: ProposalCommentView) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors({ fields: ['reason'] });
  if (!open)
    return (
      <View className='pp-comment__hide'>
        <Button className='btn-comment-hide-open' type='default' size='small' onClick={() => setOpen(true)}>
          隐藏这条评论
        </Button>
      </View>
    );
  const hide = async () => {
    form.reset();
    const issues = schemaIssues(participationActions.hideComment.input, { commentId: comment.id, reason });
    if (issues) return form.showIssues(issues);
    if (!(await confirmFirst({ title: '隐藏评论', content: '邻居们只会看到“该评论已被隐藏”和你写的原因。', confirmText: '隐藏' }))) return;
    setBusy(true);
    try {
      onHidden((await participationApi.hideComment(comment.id, reason)).comment);
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='pp-comment__hide'>
      <FormField label='隐藏原因' name='reason' error={form.errors.reason ?? form.formError}>
        <Input id={`comment-hide-reason-${comment.id}`} className='pp-input comment-hide-reason' value={reason} maxlength={50} placeholder='例如：含有他人电话' onInput={(e) => (setReason(e.detail.value), form.clear('reason'))} />
      </FormField>
      <Button className='btn-comment-hide' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void hide()}>
        隐藏
      </Button>
    </View>
  );
}

/** A proposal's comments, oldest first; a neighbour adds one (content-checked), the committee may hide one. */
export function Comments({ proposalId, canComment, canModerate }: { proposalId: string; canComment: boolean; canModerate: boolean }) {
  const list = useComments(proposalId);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors({ fields: ['text'] });
  const taps = useTapIds();

  const send = async () => {
    form.reset();
    const input = { proposalId, text, requestId: taps.idFor('comment') };
    const issues = schemaIssues(participationActions.comment.input, input);
    if (issues) return form.showIssues(issues);
    setBusy(true);
    try {
      const { comment } = await participationApi.comment(input);
      taps.done('comment');
      list.setItems((prev) => [...prev.filter((c) => c.id !== comment.id), comment]);
      setText('');
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };

  const replace = (c: ProposalCommentView) => {
    list.setItems((prev) => prev.map((x) => (x.id === c.id ? c : x)));
    void Taro.showToast({ title: '已隐藏', icon: 'none', duration: 1500 });
  };

  return (
    <View className='card pp-comments'>
      <View className='card__title'>邻居们的意见</View>
      {list.error ? <Text className='inline-error'>{list.error}</Text> : null}
      {list.last && list.items.length === 0 ? <Text className='card__hint'>还没有人发表意见。</Text> : null}
      {list.items.map((c) => (
        <View key={c.id} className={`pp-comment${c.hidden ? ' pp-comment--hidden' : ''}`} data-comment-id={c.id}>
          <Text className='pp-comment__meta'>
            {c.authorName} · {dayText(c.at)}
          </Text>
          <Text className='pp-comment__text'>{c.hidden ? `该评论已被隐藏（原因：${c.hidden.reason}）` : c.text}</Text>
          {canModerate && !c.hidden ? <HideForm comment={c} onHidden={replace} /> : null}
        </View>
      ))}
      <LoadMore list={list} />
      {canComment ? (
        <View className='pp-comment-form'>
          <FormField label='说说你的意见' name='text' error={form.errors.text ?? form.formError}>
            <Textarea id='proposal-comment' className='pp-input pp-textarea' value={text} maxlength={300} placeholder='赞成、补充或者担心的地方' onInput={(e) => (setText(e.detail.value), form.clear('text'))} />
          </FormField>
          <Button className='btn-comment' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void send()}>
            发表意见
          </Button>
        </View>
      ) : null}
    </View>
  );
}
