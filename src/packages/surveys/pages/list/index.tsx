import { Text, View } from '@tarojs/components';
import { LinkButton } from '@/components/LinkButton';
import { LoadMore } from '@/components/LoadMore';
import { PageShell } from '@/components/PageShell';
import { SurveyCard } from '@/features/surveys/components/SurveyCard';
import { useAudienceChoices, useSurveyList } from '@/features/surveys/hooks';
import { SURVEY_PAGES } from '@/features/surveys/routes';
import '@/features/surveys/surveys.scss';

const OPEN = { state: 'published' as const };
const CLOSED = { state: 'closed' as const };

/**
 * 问卷投票: the questionnaires open for the caller (answered or not, each says which) and the closed ones with their
 * results. Whoever may ask residents (committee, grid leader, a council's chair now) finds 我发起的问卷 here too.
 */
export default function SurveyListPage() {
  const open = useSurveyList(OPEN);
  const closed = useSurveyList(CLOSED);
  const { choices } = useAudienceChoices();
  const now = Date.now();
  const loading = open.loading || closed.loading;
  return (
    <PageShell
      className={`page-surveys-list${loading ? ' is-busy' : ''}`}
      title='问卷投票'
      loading={open.loading && open.items.length === 0 && !open.error}
      error={open.items.length === 0 ? open.error : null}
      onRetry={() => void open.reload()}
    >
      {choices.length ? (
        <View className='survey-links'>
          <LinkButton className='btn-survey-manage' type='default' url={SURVEY_PAGES.manage}>
            我发起的问卷
          </LinkButton>
        </View>
      ) : null}
      <Text className='survey-section'>进行中</Text>
      {open.last && open.items.length === 0 ? <Text className='card__hint survey-empty--open'>现在没有要你作答的问卷。有新问卷时，社区通知里会告诉你。</Text> : null}
      {open.items.map((s) => (
        <SurveyCard key={s.id} survey={s} nowMs={now} />
      ))}
      <LoadMore list={open} />
      <Text className='survey-section'>已结束</Text>
      {closed.error ? <Text className='inline-error'>{closed.error}</Text> : null}
      {closed.last && closed.items.length === 0 ? <Text className='card__hint'>还没有结束的问卷。</Text> : null}
      {closed.items.map((s) => (
        <SurveyCard key={s.id} survey={s} nowMs={now} />
      ))}
      <LoadMore list={closed} className='btn-load-more-closed' />
    </PageShell>
  );
}
