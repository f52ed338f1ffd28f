import { useCallback, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import { useFormErrors } from '@/hooks/useFormErrors';
import { usePagedList } from '@/hooks/usePagedList';
import type { HonourCandidate } from '@shared/domain/honours';
import { honoursApi, newRequestId } from '../api';

/** The form's fields in page order. */
const AWARD_FIELDS = ['memberId', 'title', 'citation', 'photoUrl'];

/** The committee picks a member by name, writes the honour and its citation, and awards it once. */
export function AwardForm({ onAwarded }: { onAwarded: () => void }) {
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState<string | null>(null);
  const fetchPage = useCallback((page: number) => honoursApi.candidates(searched ?? '', page), [searched]);
  const candidates = usePagedList(searched === null ? null : fetchPage);
  const [chosen, setChosen] = useState<HonourCandidate | null>(null);
  const [title, setTitle] = useState('');
  const [citation, setCitation] = useState('');
  const [photoUrl, setPhotoUrl] = useState('');
  const [requestId, setRequestId] = useState(newRequestId);
  const form = useFormErrors({ fields: AWARD_FIELDS });
  const fields = form.errors;
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    form.reset();
    if (!chosen) return form.showIssues({ memberId: '请先选择要表彰的成员' });
    setBusy(true);
    try {
      await honoursApi.award({ memberId: chosen.memberId, title, citation, photoUrl, requestId });
      setTitle('');
      setCitation('');
      setPhotoUrl('');
      setChosen(null);
      setRequestId(newRequestId());
      onAwarded();
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className={`card award-form${busy || candidates.loading ? ' is-busy' : ''}`}>
      <View className='card__title'>表彰成员</View>
      <FormField label='表彰谁' name='memberId' error={fields.memberId} hint={chosen ? `已选：${chosen.name}（${chosen.building}）` : '输入姓名或姓氏查找第二梯队成员'}>
        <Input id='award-search' className='honours-input' value={query} maxlength={20} placeholder='例如：李' onInput={(e) => setQuery(e.detail.value)} />
        <Button className='btn-search-member' type='default' size='large' block onClick={() => setSearched(query.trim())}>
          查找
        </Button>
        {candidates.items.map((c) => (
          <View key={c.memberId} className={`candidate${chosen?.memberId === c.memberId ? ' candidate--chosen' : ''}`} data-member-id={c.memberId} onClick={() => (setChosen(c), form.clear('memberId'))}>
            <Text>
              {chosen?.memberId === c.memberId ? '✓ ' : ''}
              {c.name}（{c.building}）
            </Text>
          </View>
        ))}
        {searched !== null && !candidates.loading && candidates.items.length === 0 ? <Text className='card__hint'>没有找到这位成员</Text> : null}
        {candidates.hasMore ? (
          <View className='link-btn' role='button' onClick={candidates.loadMore}>
            <Text>更多</Text>
          </View>
        ) : null}
      </FormField>
      <FormField label='荣誉名称' name='title' error={fields.title}>
        <Input id='award-title' className='honours-input' value={title} maxlength={20} placeholder='例如：热心邻里' onInput={(e) => (setTitle(e.detail.value), form.clear('title'))} />
      </FormField>
      <FormField label='表彰词' name='citation' error={fields.citation} hint='会公开展示在风采展示墙上，200字以内'>
        <Textarea id='award-citation' className='text-area' value={citation} maxlength={200} onInput={(e) => (setCitation(e.detail.value), form.clear('citation'))} />
      </FormField>
      <FormField label='照片地址' name='photoUrl' optional error={fields.photoUrl} hint='https:// 或 cloud:// 开头的图片地址；照片审核通过后才会上墙'>
        <Input id='award-photo' className='honours-input' value={photoUrl} maxlength={512} onInput={(e) => (setPhotoUrl(e.detail.value), form.clear('photoUrl'))} />
      </FormField>
      {form.formError ? (
        <View className='inline-error award-error' role='alert'>
          {form.formError}
        </View>
      ) : null}
      <Button className='btn-award' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void submit()}>
        表彰
      </Button>
    </View>
  );
}
