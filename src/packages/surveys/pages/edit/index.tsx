import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { DateTimeField } from '@/components/DateTimeField';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { useTapIds } from '@/features/cabin/tap-ids';
import { surveysApi } from '@/features/surveys/api';
import { newQuestion, QuestionEditor } from '@/features/surveys/components/QuestionEditor';
import { audienceOf, chipsOf, nextChips } from '@/features/surveys/format';
import { useAudienceChoices, useSurvey } from '@/features/surveys/hooks';
import { SURVEY_PAGES } from '@/features/surveys/routes';
import '@/features/surveys/surveys.scss';
import { useFormErrors } from '@/hooks/useFormErrors';
import { usePageTitle } from '@/hooks/usePageTitle';
import { CloudCallError, errorText } from '@/services/cloud';
import { confirmFirst } from '@/services/confirm';
import { surveyFields, type SurveyInput } from '@shared/actions/surveys';
import { MAX_QUESTIONS, type ResultsVisibility, type SurveyQuestion, type SurveyView } from '@shared/domain/survey';
import { schemaIssues } from '@shared/field-issues';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const FIELDS = ['title', 'intro', 'questions', ...Array.from({ length: MAX_QUESTIONS }, (_, i) => `q-${i}`), 'audience', 'opensAt', 'closesAt', 'anonymous', 'results'];
/** `survey.questions.2.options.0.label` is said under the third question; other paths under their first field. */
function fieldOf(path: string): string {
  const p = path.replace(/^survey\./, '');
  const q = /^questions\.(\d+)/.exec(p);
  return q ? `q-${q[1]}` : (p.split(/[.[]/)[0] ?? p);
}
const FIELD_OF_CODE: Record<string, string> = { 'SURVEYS.AUDIENCE_NOT_FOUND': 'audience', 'SURVEYS.TIMES': 'closesAt' };
const ANONYMITY = [
  { value: 'named', label: '记名（居委可看到谁答了什么）' },
  { value: 'anonymous', label: '匿名（不记录是谁答的）' },
];
const RESULTS = [
  { value: 'live', label: '实时公布' },
  { value: 'afterClose', label: '结束后公布' },
];

/** Now, to the minute: a new survey opens as soon as it is published (发布 opens it at once). */
const thisMinute = () => new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
/** The next full hour from now: where a new survey's week of answering is counted from. */
const nextHour = () => new Date(Math.ceil(Date.now() / HOUR) * HOUR).toISOString();

/**
 * 编辑问卷 (a new one, or a draft by `?id=`): title, intro, questions added and removed, who is asked (only what the
 * caller may ask), open and close times picked, anonymous or named, when results show, whether answers lock. 保存草稿
 * keeps it; 发布 asks first, since its questions freeze.
 */
export default function SurveyEditPage() {
  const surveyId = (useRouter().params as Record<string, string | undefined>).id ?? '';
  const pageTitle = surveyId ? '编辑问卷' : '发起问卷';
  usePageTitle(pageTitle);
  const existing = useSurvey(surveyId);
  const { choices, loading: choicesLoading } = useAudienceChoices();
  const [saved, setSaved] = useState<SurveyView | null>(null);
  const [title, setTitle] = useState('');
  const [intro, setIntro] = useState('');
  const [questions, setQuestions] = useState<SurveyQuestion[]>(() => [newQuestion([])]);
  const [audience, setAudience] = useState<string[]>([]);
  const [opensAt, setOpensAt] = useState(thisMinute);
  const [closesAt, setClosesAt] = useState(() => new Date(Date.parse(nextHour()) + 7 * DAY).toISOString());
  const [anonymous, setAnonymous] = useState(false);
  const [results, setResults] = useState<ResultsVisibility>('live');
  const [locked, setLocked] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors({ fields: FIELDS, fieldOf });
  const taps = useTapIds();

  // A draft opened for editing fills the form once.
  const loaded = existing.data?.survey ?? null;
  useEffect(() => {
    if (!loaded) return;
    setSaved(loaded);
    setTitle(loaded.title);
    setIntro(loaded.intro);
    setQuestions(loaded.questions);
    setAudience(chipsOf(loaded.audience));
    setOpensAt(loaded.opensAt);
    setClosesAt(loaded.closesAt);
    setAnonymous(loaded.anonymous);
    setResults(loaded.results);
    setLocked(loaded.locked);
  }, [loaded]);

  const edit =
    <T,>(field: string, set: (value: T) => void) =>
    (value: T) => {
      set(value);
      form.clear(field);
    };
  const setQuestion = (i: number) => (q: SurveyQuestion) => {
    setQuestions((all) => all.map((x, j) => (j === i ? q : x)));
    form.clear(`q-${i}`);
  };

  /** Checks the form, then writes the draft (new: by this tap's request id; else at the version seen). */
  const save = async (): Promise<SurveyView | null> => {
    form.reset();
    const survey = { title, intro, questions, audience: audienceOf(audience), opensAt, closesAt, anonymous, results, locked };
    const issues = schemaIssues(surveyFields, survey);
    if (issues) {
      form.showIssues(issues);
      return null;
    }
    const input = survey as SurveyInput;
    try {
      const res = saved ? await surveysApi.update({ surveyId: saved.id, version: saved.version, survey: input }) : await surveysApi.create({ survey: input, requestId: taps.idFor('create') });
      taps.done('create');
      setSaved(res.survey);
      return res.survey;
    } catch (err) {
      const field = err instanceof CloudCallError ? FIELD_OF_CODE[err.code] : undefined;
      form.fail(err, field ? { [field]: errorText(err) } : {});
      return null;
    }
  };

  const saveDraft = async () => {
    setBusy(true);
    const done = await save();
    setBusy(false);
    if (done) void Taro.showToast({ title: '草稿已保存', icon: 'none', duration: 1500 });
  };

  const publish = async () => {
    const ok = await confirmFirst({ title: '发布问卷', content: '发布后题目不能再改，问卷对象会在开始时间后看到并作答。确认发布吗？', confirmText: '发布' });
    if (!ok) return;
    setBusy(true);
    try {
      const draft = await save();
      if (!draft) return;
      await surveysApi.publish({ surveyId: draft.id, version: draft.version });
      void Taro.showToast({ title: '已发布', icon: 'success', duration: 1500 });
      void Taro.redirectTo({ url: SURVEY_PAGES.answer(draft.id) });
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };

  const notDraft = loaded && loaded.state !== 'draft';
  return (
    <PageShell
      className={`page-surveys-edit${busy || existing.loading || choicesLoading ? ' is-busy' : ''}`}
      title={pageTitle}
      loading={existing.loading && !loaded}
      error={loaded || !surveyId ? null : existing.error}
      onRetry={() => void existing.reload()}
    >
      {notDraft ? (
        <Text className='card__hint survey-frozen'>这份问卷已经发布，题目不能再改。</Text>
      ) : (
        <>
          {form.formError ? (
            <View className='inline-error survey-save-error' role='alert'>
              {form.formError}
            </View>
          ) : null}
          <View className='card survey-edit'>
            <FormField label='问卷标题' name='title' error={form.errors.title}>
              <Input id='survey-title' className='survey-input' value={title} maxlength={40} placeholder='例如：5号楼车棚意见征集' onInput={(e) => edit('title', setTitle)(e.detail.value)} />
            </FormField>
            <FormField label='问卷说明' name='intro' optional error={form.errors.intro}>
              <Textarea id='survey-intro' className='survey-input survey-textarea' value={intro} maxlength={500} placeholder='为什么问、结果怎么用' onInput={(e) => edit('intro', setIntro)(e.detail.value)} />
            </FormField>
            <FormField label='问谁' name='audience' error={form.errors.audience} hint={choices.some((c) => c.value.startsWith('grid:')) ? '微格可以多选' : undefined}>
              <ChoiceChips id='survey-audience' options={choices} value={audience} onChange={(next) => edit('audience', setAudience)(nextChips(audience, next))} />
            </FormField>
            <FormField label='开始时间' name='opensAt' error={form.errors.opensAt}>
              <DateTimeField id='survey-opens' value={opensAt} onChange={edit('opensAt', setOpensAt)} />
            </FormField>
            <FormField label='结束时间' name='closesAt' error={form.errors.closesAt}>
              <DateTimeField id='survey-closes' value={closesAt} min={opensAt} onChange={edit('closesAt', setClosesAt)} />
            </FormField>
            <FormField label='记名还是匿名' name='anonymous' error={form.errors.anonymous}>
              <ChoiceChips id='survey-anonymous' single options={ANONYMITY} value={[anonymous ? 'anonymous' : 'named']} onChange={(v) => edit('anonymous', setAnonymous)(v[0] === 'anonymous')} />
            </FormField>
            <FormField label='结果何时公布' name='results' error={form.errors.results}>
              <ChoiceChips id='survey-results' single options={RESULTS} value={[results]} onChange={(v) => edit('results', setResults)((v[0] ?? 'live') as ResultsVisibility)} />
            </FormField>
            <ChoiceChips id='survey-locked' options={[{ value: 'locked', label: '提交后不能修改' }]} value={locked ? ['locked'] : []} onChange={(v) => setLocked(v.includes('locked'))} />
          </View>
          <FormField label='题目' name='questions' error={form.errors.questions}>
            {questions.map((q, i) => (
              <QuestionEditor
                key={q.key}
                index={i}
                question={q}
                error={form.errors[`q-${i}`]}
                onChange={setQuestion(i)}
                onRemove={() => {
                  setQuestions((all) => all.filter((_, j) => j !== i));
                  form.reset();
                }}
              />
            ))}
          </FormField>
          <View className='survey-actions'>
            {questions.length < MAX_QUESTIONS ? (
              <Button className='btn-add-question' type='default' size='large' block onClick={() => (setQuestions((all) => [...all, newQuestion(all)]), form.clear('questions'))}>
                添加一道题
              </Button>
            ) : null}
            <Button className='btn-save-survey' type='default' size='large' block loading={busy} disabled={busy} onClick={() => void saveDraft()}>
              保存草稿
            </Button>
            <Button className='btn-publish-survey' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void publish()}>
              发布
            </Button>
          </View>
        </>
      )}
    </PageShell>
  );
}
