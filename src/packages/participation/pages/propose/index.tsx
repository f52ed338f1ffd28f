import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { useTapIds } from '@/features/cabin/tap-ids';
import { ImagesField } from '@/features/notices/components/ImagesField';
import '@/features/notices/notices.scss';
import { participationApi } from '@/features/participation/api';
import { useParticipationSettings } from '@/features/participation/hooks';
import '@/features/participation/participation.scss';
import { PARTICIPATION_PAGES } from '@/features/participation/routes';
import { useFormErrors } from '@/hooks/useFormErrors';
import { CloudCallError, errorText } from '@/services/cloud';
import { proposalFields } from '@shared/actions/participation';
import { MAX_PROPOSAL_PHOTOS } from '@shared/domain/participation';
import { schemaIssues } from '@shared/field-issues';

const FORM_FIELDS = ['title', 'categoryKey', 'text', 'place', 'photos'];
/** The server names a field `proposal.title`; the form shows it under 标题. */
const fieldOf = (path: string) => path.replace(/^proposal\./, '').split(/[.[]/)[0] ?? path;

/** 我要提议: a title, the idea, a category picked, where, and photos; neighbours then support it. */
export default function ProposePage() {
  const settings = useParticipationSettings();
  const categories = (settings.data?.categories ?? []).filter((c) => c.active).map((c) => ({ value: c.key, label: c.name }));
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [categoryKey, setCategoryKey] = useState('');
  const [place, setPlace] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const form = useFormErrors({ fields: FORM_FIELDS, fieldOf });
  const taps = useTapIds();

  const edit =
    <T,>(field: string, set: (value: T) => void) =>
    (value: T) => {
      set(value);
      form.clear(field);
    };

  const submit = async () => {
    form.reset();
    const proposal = { title, text, categoryKey, place, photos };
    const issues = schemaIssues(proposalFields, proposal);
    if (issues) return form.showIssues(issues);
    setSubmitting(true);
    try {
      const res = await participationApi.propose({ proposal, requestId: taps.idFor('propose') });
      taps.done('propose');
      void Taro.showToast({ title: '已提出，邀请邻居来支持吧', icon: 'none', duration: 2000 });
      void Taro.redirectTo({ url: PARTICIPATION_PAGES.proposal(res.proposal.id) });
    } catch (err) {
      form.fail(err, err instanceof CloudCallError && err.code === 'PROPOSALS.CATEGORY_NOT_FOUND' ? { categoryKey: errorText(err) } : {});
    } finally {
      setSubmitting(false);
    }
  };

  const s = settings.data;
  return (
    <PageShell
      className={`page-participation-propose${submitting || settings.loading ? ' is-busy' : ''}`}
      title='我要提议'
      loading={settings.loading && !s}
      error={s ? null : settings.error}
      onRetry={() => void settings.reload()}
    >
      {s ? <Text className='card__hint pp-rule'>{`${s.windowDays}天内有${s.threshold}位邻居支持，居委或分会就会在${s.answerDays}天内给出答复。`}</Text> : null}
      {form.formError ? (
        <View className='inline-error pp-save-error' role='alert'>
          {form.formError}
        </View>
      ) : null}
      <View className='card pp-form'>
        <FormField label='标题' name='title' error={form.errors.title}>
          <Input id='proposal-title' className='pp-input' value={title} maxlength={30} placeholder='例如：小区大门加装雨棚' onInput={(e) => edit('title', setTitle)(e.detail.value)} />
        </FormField>
        <FormField label='议题类别' name='categoryKey' error={form.errors.categoryKey}>
          <ChoiceChips id='proposal-category' single options={categories} value={categoryKey ? [categoryKey] : []} onChange={(v) => edit('categoryKey', setCategoryKey)(v[0] ?? '')} />
        </FormField>
        <FormField label='你的想法' name='text' error={form.errors.text}>
          <Textarea id='proposal-text' className='pp-input pp-textarea' value={text} maxlength={1000} placeholder='现在有什么不方便，想怎么改，大概要做些什么' onInput={(e) => edit('text', setText)(e.detail.value)} />
        </FormField>
        <FormField label='地点' name='place' optional error={form.errors.place}>
          <Input id='proposal-place' className='pp-input' value={place} maxlength={40} placeholder='例如：小区大门口' onInput={(e) => edit('place', setPlace)(e.detail.value)} />
        </FormField>
        <FormField label='照片' name='photos' optional hint={`最多${MAX_PROPOSAL_PHOTOS}张`} error={form.errors.photos}>
          <ImagesField value={photos} onChange={edit('photos', setPhotos)} max={MAX_PROPOSAL_PHOTOS} />
        </FormField>
      </View>
      <View className='pp-form__actions'>
        <Button className='btn-propose-submit' type='primary' size='large' block loading={submitting} disabled={submitting} onClick={() => void submit()}>
          提出议题
        </Button>
      </View>
    </PageShell>
  );
}
