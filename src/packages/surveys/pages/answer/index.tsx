import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { StatusTag } from '@/components/StatusTag';
import { surveysApi } from '@/features/surveys/api';
import { QuestionInput } from '@/features/surveys/components/QuestionInput';
import { askerText, stateTag, whenText } from '@/features/surveys/format';
import { useSurvey } from '@/features/surveys/hooks';
import { SURVEY_PAGES } from '@/features/surveys/routes';
import '@/features/surveys/surveys.scss';
import { useFormErrors } from '@/hooks/useFormErrors';
import { errorText } from '@/services/cloud';
import { confirmFirst } from '@/services/confirm';
import { answerProblem, type AnswerInput, type AnswerValue, type SurveyQuestion } from '@shared/domain/survey';

const fieldOf = (key: string) => `q-${key}`;

/** What is worth sending: a question left empty is left out (the rules say whether it may be). */
function filled(answer: AnswerInput): AnswerInput {
  return Object.fromEntries(Object.entries(answer).filter(([, a]) => !(('options' in a && a.options.length === 0) || ('text' in a && a.text.trim() === ''))));
}

/** Each question's own problem, under that question (the same rule the function applies). */
function problems(questions: readonly SurveyQuestion[], answer: AnswerInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of questions) {
    const own = answer[q.key];
    const problem = answerProblem([q], own ? { [q.key]: own } : {});
    if (problem) out[fieldOf(q.key)] = problem;
  }
  return out;
}

/**
 * 填写问卷: the questions (choices as chips with their limits said, a rating as five big stars, a short text), the
 * note on anonymity the survey gives, and 提交; an answer can be changed until close unless the survey is locked.
 */
export default function SurveyAnswerPage() {
  const surveyId = (useRouter().params as Record<string, string | undefined>).id ?? '';
  const query = useSurvey(surveyId);
  const survey = query.data?.survey ?? null;
  const [answer, setAnswer] = useState<AnswerInput>({});
  const [sending, setSending] = useState(false);
  const form = useFormErrors({ fields: (survey?.questions ?? []).map((q) => fieldOf(q.key)), fieldOf: (path) => path });

  // The caller's own answer, when they gave one, is where changing starts.
  const mine = survey?.myAnswer ?? null;
  useEffect(() => {
    if (mine) setAnswer(mine);
  }, [mine]);

  const set = (key: string) => (value: AnswerValue) => {
    setAnswer((a) => ({ ...a, [key]: value }));
    form.clear(fieldOf(key));
  };

  const submit = async () => {
    if (!survey) return;
    form.reset();
    const given = filled(answer);
    const issues = problems(survey.questions, given);
    if (Object.keys(issues).length) return form.showIssues(issues);
    if (survey.locked && !(await confirmFirst({ title: '提交答卷', content: '这份问卷提交后不能修改，确认提交吗？', confirmText: '提交' }))) return;
    setSending(true);
    try {
      const res = await surveysApi.answer(survey.id, given);
      query.setData(res);
      void Taro.showToast({ title: survey.myAnswer ? '已修改，谢谢你' : '已提交，谢谢你的意见', icon: 'none', duration: 2000 });
    } catch (err) {
      form.fail(err);
    } finally {
      setSending(false);
    }
  };

  /** 提前结束 (whoever manages it): asked first, since nobody can answer after. */
  const closeNow = async () => {
    if (!survey) return;
    if (!(await confirmFirst({ title: '提前结束问卷', content: '结束后居民不能再作答，结果会按设置公布。确认结束吗？', confirmText: '结束问卷' }))) return;
    setSending(true);
    try {
      query.setData(await surveysApi.close({ surveyId: survey.id, version: survey.version }));
      void Taro.showToast({ title: '问卷已结束', icon: 'none', duration: 1500 });
    } catch (err) {
      void Taro.showToast({ title: errorText(err), icon: 'none', duration: 2500 });
      void query.reload();
    } finally {
      setSending(false);
    }
  };

  const now = Date.now();
  const tag = survey ? stateTag(survey, now) : null;
  const lockedDone = !!survey && survey.answered && survey.locked;
  return (
    <PageShell
      className={`page-surveys-answer${query.loading || sending ? ' is-busy' : ''}`}
      title={survey?.title ?? '填写问卷'}
      loading={query.loading && !survey}
      error={survey ? null : query.error}
      onRetry={() => void query.reload()}
    >
      {survey && tag ? (
        <>
          <View className='card survey-head'>
            <View className='survey-card__head'>
              <Text className='survey-card__title'>{survey.title}</Text>
              <StatusTag className='survey-state' label={tag.label} tone={tag.tone} />
            </View>
            {survey.intro ? <Text className='survey-intro'>{survey.intro}</Text> : null}
            <Text className='survey-card__meta'>
              {askerText(survey.createdBy)}发起 · {survey.audienceText}
            </Text>
            <Text className='survey-card__meta'>
              {whenText(survey.opensAt)} 至 {whenText(survey.closesAt)}
            </Text>
            <Text className='survey-card__meta'>{survey.results === 'live' ? '结果实时公布' : '结果在问卷结束后公布'}{survey.locked ? ' · 提交后不能修改' : ' · 结束前可以修改答卷'}</Text>
          </View>
          <Text className={`survey-privacy survey-privacy--${survey.anonymous ? 'anonymous' : 'named'}`}>{survey.privacyNote}</Text>
          {survey.answered ? <Text className='survey-answered'>{lockedDone ? '✓ 你已提交答卷，谢谢。' : '✓ 你已作答，结束前还可以修改。'}</Text> : null}
          {!survey.canAnswer && !survey.answered && survey.state !== 'draft' ? (
            <Text className='card__hint survey-cannot'>{survey.open ? '这份问卷只请特定范围的居民作答，你不在这次的范围内。' : '这份问卷现在不在答题时间内。'}</Text>
          ) : null}
          {form.formError ? (
            <View className='inline-error survey-save-error' role='alert'>
              {form.formError}
            </View>
          ) : null}
          <View className='card survey-form'>
            {survey.questions.map((q, i) => (
              <FormField key={q.key} label={`${i + 1}. ${q.title}`} name={fieldOf(q.key)} optional={!q.required} error={form.errors[fieldOf(q.key)]}>
                <QuestionInput question={q} value={answer[q.key]} disabled={!survey.canAnswer} onChange={set(q.key)} />
              </FormField>
            ))}
          </View>
          <View className='survey-actions'>
            {survey.canAnswer ? (
              <Button className='btn-survey-answer' type='primary' size='large' block loading={sending} disabled={sending} onClick={() => void submit()}>
                {survey.answered ? '修改答卷' : '提交'}
              </Button>
            ) : null}
            {survey.can.viewResults ? (
              <LinkButton className='btn-survey-results' type='default' url={SURVEY_PAGES.results(survey.id)}>
                看结果
              </LinkButton>
            ) : null}
            {survey.can.edit ? (
              <LinkButton className='btn-survey-edit' type='default' url={SURVEY_PAGES.edit(survey.id)}>
                编辑草稿
              </LinkButton>
            ) : null}
            {survey.can.close && survey.state === 'published' ? (
              <Button className='btn-survey-close' type='default' size='large' block disabled={sending} onClick={() => void closeNow()}>
                提前结束问卷
              </Button>
            ) : null}
          </View>
        </>
      ) : null}
    </PageShell>
  );
}
