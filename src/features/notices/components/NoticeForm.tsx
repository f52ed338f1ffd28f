import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { DateTimeField } from '@/components/DateTimeField';
import { FormField } from '@/components/FormField';
import type { NoticeInput, PublishInput } from '@shared/actions/notices';
import { NOTICE_MODE_LABELS, NOTICE_MODES, type NoticeMode, type NoticeSurveyLink, type NoticeTarget, type NoticeTargetOptions, type NoticeView } from '@shared/domain/notices';
import { NOTICE_TEMPLATES } from '@shared/notice-templates';
import { tomorrowAt } from '@shared/time';
import { ImagesField } from './ImagesField';
import { defaultTarget, TargetPicker } from './TargetPicker';

type PublishKind = PublishInput['kind'];
const PUBLISH_OPTIONS: { value: PublishKind; label: string }[] = [
  { value: 'now', label: '立即发布' },
  { value: 'at', label: '定时发布' },
  { value: 'draft', label: '存为草稿' },
];
const MODE_OPTIONS = NOTICE_MODES.map((value) => ({ value, label: NOTICE_MODE_LABELS[value] }));
const EXPIRES = 'expires';
const NO_SURVEY = 'none';
const splitOptions = (text: string) => text.split(/[、,，\s]+/).filter(Boolean);

export interface NoticeFormProps {
  notice?: NoticeView;
  targets: NoticeTargetOptions;
  /** The 居民区's open questionnaires the notice may link to (去填写问卷 on the notice). */
  surveys: NoticeSurveyLink[];
  submitting: boolean;
  /** Messages under each field, by field name (`title`, `target`, `expiresAt`, `publish`…). */
  errors: Record<string, string>;
  onSubmit: (notice: NoticeInput, publish: PublishInput) => void;
}

/** The writer's form: a template to start from, the text, who it goes to, what it asks, and when it goes out. */
export function NoticeForm({ notice, targets, surveys, submitting, errors, onSubmit }: NoticeFormProps) {
  const [templateKey, setTemplateKey] = useState<string | null>(notice?.templateKey ?? null);
  const [title, setTitle] = useState(notice?.title ?? '');
  const [body, setBody] = useState(notice?.body ?? '');
  const [images, setImages] = useState<string[]>([...(notice?.images ?? []), ...(notice?.pendingImages ?? [])]);
  const [target, setTarget] = useState<NoticeTarget | null>(notice?.target ?? defaultTarget(targets));
  const [mode, setMode] = useState<NoticeMode>(notice?.mode ?? 'confirm');
  const [question, setQuestion] = useState(notice?.question?.text ?? '');
  const [options, setOptions] = useState(notice?.question?.options.join('、') ?? '');
  const [surveyId, setSurveyId] = useState(notice?.survey?.id ?? NO_SURVEY);
  // The linked questionnaire stays choosable while editing, even once it is no longer open.
  const linked = notice?.survey && !surveys.some((s) => s.id === notice.survey!.id) ? [notice.survey] : [];
  const surveyOptions = [{ value: NO_SURVEY, label: '不关联' }, ...[...linked, ...surveys].map((s) => ({ value: s.id, label: s.title }))];
  const [hasExpiry, setHasExpiry] = useState<string[]>(notice?.expiresAt ? [EXPIRES] : []);
  const [expiresAt, setExpiresAt] = useState(notice?.expiresAt ?? tomorrowAt('20:00'));
  const [publish, setPublish] = useState<PublishKind>(notice?.status === 'scheduled' ? 'at' : notice?.status === 'draft' ? 'draft' : 'now');
  const [publishAt, setPublishAt] = useState(notice?.publishAt ?? tomorrowAt('09:00'));
  // Nothing is published or expires in the past.
  const [now] = useState(() => new Date().toISOString());

  const applyTemplate = (key: string) => {
    const t = NOTICE_TEMPLATES.find((x) => x.key === key);
    if (!t) return;
    setTemplateKey(t.key);
    setTitle(t.title);
    setBody(t.body);
    setMode(t.mode);
    setQuestion(t.question?.text ?? '');
    setOptions(t.question?.options.join('、') ?? '');
  };

  const submit = () => {
    if (!target) return;
    onSubmit(
      {
        title,
        body,
        images,
        target,
        mode,
        question: mode === 'reply' ? { text: question, options: splitOptions(options) } : null,
        expiresAt: hasExpiry.length ? expiresAt : null,
        templateKey,
        surveyId: surveyId === NO_SURVEY ? null : surveyId,
      },
      publish === 'at' ? { kind: 'at', at: publishAt } : { kind: publish },
    );
  };

  return (
    <View className='notice-form'>
      <FormField label='从模板开始' name='template' optional>
        <ChoiceChips
          id='notice-template'
          single
          options={NOTICE_TEMPLATES.map((t) => ({ value: t.key, label: t.name }))}
          value={templateKey ? [templateKey] : []}
          onChange={(v) => applyTemplate(v[0]!)}
        />
        {templateKey ? <Text className='form-field__hint'>【】里的内容请换成实际情况。</Text> : null}
      </FormField>
      <FormField label='标题' name='title' error={errors.title}>
        <Input id='notice-title' className='text-input' value={title} maxlength={40} placeholder='例如：12月3日停水通知' onInput={(e) => setTitle(e.detail.value)} />
      </FormField>
      <FormField label='正文' name='body' error={errors.body}>
        <Textarea id='notice-body' className='text-area' value={body} maxlength={1000} onInput={(e) => setBody(e.detail.value)} />
      </FormField>
      <FormField label='图片' name='images' optional error={errors.images}>
        <ImagesField value={images} pending={notice?.pendingImages ?? []} onChange={setImages} />
      </FormField>
      <FormField label='发给谁' name='target' error={errors.target}>
        {target ? <TargetPicker options={targets} value={target} onChange={setTarget} /> : <Text className='card__hint'>你现在还不能发通知。</Text>}
      </FormField>
      <FormField label='居民怎样回复' name='mode' error={errors.mode}>
        <ChoiceChips id='notice-mode' single options={MODE_OPTIONS} value={[mode]} onChange={(v) => setMode(v[0] as NoticeMode)} />
      </FormField>
      {mode === 'reply' ? (
        <>
          <FormField label='要居民回答的问题' name='question' error={errors.question}>
            <Input id='notice-question' className='text-input' value={question} maxlength={40} placeholder='例如：家中是否有人？' onInput={(e) => setQuestion(e.detail.value)} />
          </FormField>
          <FormField label='可选的回答' name='options' hint='用顿号隔开，例如：有人在家、家中无人' error={errors.options}>
            <Input id='notice-options' className='text-input' value={options} onInput={(e) => setOptions(e.detail.value)} />
          </FormField>
        </>
      ) : null}
      <FormField label='请居民填写问卷' name='surveyId' optional hint='选一份本居民区正在进行的问卷，通知里会有“去填写问卷”的大按钮' error={errors.surveyId}>
        <ChoiceChips id='notice-survey' single options={surveyOptions} value={[surveyId]} onChange={(v) => setSurveyId(v[0] ?? NO_SURVEY)} />
      </FormField>
      <FormField label='截止时间' name='expiresAt' optional hint={hasExpiry.length ? undefined : '不设就一直有效'} error={errors.expiresAt}>
        <ChoiceChips id='notice-has-expiry' options={[{ value: EXPIRES, label: '设一个截止时间' }]} value={hasExpiry} onChange={setHasExpiry} />
        {hasExpiry.length ? <DateTimeField id='notice-expires' value={expiresAt} min={now} onChange={setExpiresAt} /> : null}
      </FormField>
      <FormField label='什么时候发' name='publish' error={errors.publish}>
        <ChoiceChips id='notice-publish' single options={PUBLISH_OPTIONS} value={[publish]} onChange={(v) => setPublish(v[0] as PublishKind)} />
        {publish === 'at' ? <DateTimeField id='notice-at' value={publishAt} min={now} onChange={setPublishAt} /> : null}
      </FormField>
      <View className='notice-form__actions'>
        <Button className='btn-save-notice' type='primary' size='large' block loading={submitting} disabled={submitting || !target} onClick={submit}>
          {publish === 'now' ? '发布通知' : publish === 'at' ? '定时发布' : '保存草稿'}
        </Button>
      </View>
    </View>
  );
}
