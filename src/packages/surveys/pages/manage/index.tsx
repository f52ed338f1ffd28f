import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '@/components/ChoiceChips';
import { LinkButton } from '@/components/LinkButton';
import { LoadMore } from '@/components/LoadMore';
import { PageShell } from '@/components/PageShell';
import { isCommittee } from '@/features/members/entries';
import { useMe } from '@/features/members/useMe';
import { SurveyCard } from '@/features/surveys/components/SurveyCard';
import { chipsOf } from '@/features/surveys/format';
import { useAudienceChoices, useSurveyList } from '@/features/surveys/hooks';
import { SURVEY_PAGES } from '@/features/surveys/routes';
import '@/features/surveys/surveys.scss';
import { SURVEY_STATE_LABELS, SURVEY_STATES, type SurveyState } from '@shared/domain/survey';

const STATE_OPTIONS = SURVEY_STATES.map((s) => ({ value: s, label: SURVEY_STATE_LABELS[s] }));

/**
 * 我发起的问卷 (committee, grid leader, a council's chair now): drafts to finish, running and closed surveys of the
 * audiences the caller asks (the committee: all of its 居民区), and 发起新问卷.
 */
export default function SurveyManagePage() {
  const [state, setState] = useState<SurveyState>('draft');
  const filters = useMemo(() => ({ state }), [state]);
  const list = useSurveyList(filters);
  const member = useMe().data?.member ?? null;
  const { choices } = useAudienceChoices();
  const now = Date.now();
  // Drafts are only ever the caller's own; past them, the committee sees all, others the audiences they ask.
  const mine = (chips: string[]) => state === 'draft' || (member && isCommittee(member)) || chips.every((c) => choices.some((x) => x.value === c));
  const items = list.items.filter((s) => mine(chipsOf(s.audience)));
  return (
    <PageShell className={`page-surveys-manage${list.loading ? ' is-busy' : ''}`} title='我发起的问卷'>
      <View className='survey-links'>
        <LinkButton className='btn-survey-new' url={SURVEY_PAGES.create}>
          发起新问卷
        </LinkButton>
      </View>
      <ChoiceChips id='survey-manage-state' single options={STATE_OPTIONS} value={[state]} onChange={(v) => setState((v[0] ?? 'draft') as SurveyState)} />
      {list.error ? <Text className='inline-error'>{list.error}</Text> : null}
      {list.last && items.length === 0 ? <Text className='card__hint survey-empty'>{state === 'draft' ? '没有草稿。点上面的“发起新问卷”。' : '这里还没有问卷。'}</Text> : null}
      {items.map((s) => (
        <SurveyCard key={s.id} survey={s} nowMs={now} manage />
      ))}
      <LoadMore list={list} />
    </PageShell>
  );
}
