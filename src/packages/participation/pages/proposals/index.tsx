import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '@/components/ChoiceChips';
import { LinkButton } from '@/components/LinkButton';
import { LoadMore } from '@/components/LoadMore';
import { PageShell } from '@/components/PageShell';
import { isCommittee } from '@/features/members/entries';
import { useMe } from '@/features/members/useMe';
import type { ProposalFilters } from '@/features/participation/api';
import { ProposalCard } from '@/features/participation/components/ProposalCard';
import { useProposals } from '@/features/participation/hooks';
import '@/features/participation/participation.scss';
import { PARTICIPATION_PAGES } from '@/features/participation/routes';
import { RemindMe } from '@/features/reports/components/RemindMe';
import { usePageTitle } from '@/hooks/usePageTitle';
import { PROPOSAL_STATE_LABELS, PROPOSAL_STATES, type ProposalState } from '@shared/domain/participation';

const ALL = 'all';
const MINE = 'mine';
const OPTIONS = [{ value: ALL, label: '全部' }, ...PROPOSAL_STATES.map((s) => ({ value: s, label: PROPOSAL_STATE_LABELS[s] })), { value: MINE, label: '我提的' }];

/**
 * 居民议事: the 居民区's proposals, newest first, with their supports and state, filtered by state or the caller's
 * own. Opened with `toAnswer=1` (议事答复, from the 居委工作台) it lists the proposals the caller must answer.
 */
export default function ProposalsPage() {
  const toAnswer = (useRouter().params as Record<string, string | undefined>).toAnswer === '1';
  const title = toAnswer ? '议事答复' : '居民议事';
  usePageTitle(title);
  const member = useMe().data?.member;
  const [filter, setFilter] = useState(ALL);
  const filters: ProposalFilters = toAnswer ? { toAnswer: true } : filter === MINE ? { mine: true } : filter === ALL ? {} : { state: filter as ProposalState };
  const list = useProposals(filters);
  return (
    <PageShell
      className={`page-participation-proposals${list.loading ? ' is-busy' : ''}`}
      title={title}
      loading={list.loading && list.items.length === 0 && !list.error}
      error={list.items.length === 0 ? list.error : null}
      onRetry={() => void list.reload()}
    >
      {toAnswer ? (
        <>
          <Text className='card__hint'>这些议题的支持人数已够，请在时限内答复：采纳、部分采纳、不采纳或合并。</Text>
          {/* Without a tap allowing it, the message that a proposal now waits for an answer reaches nobody. */}
          <View className='pp-links'>
            <RemindMe templates={['proposal-reached']} label='有议题等我答复时微信提醒我' allowed='好的，有议题支持人数够了会通过微信告诉你。' />
          </View>
        </>
      ) : (
        <>
          <View className='pp-links'>
            <LinkButton className='btn-propose' url={PARTICIPATION_PAGES.propose}>
              我要提议
            </LinkButton>
            <LinkButton className='btn-open-projects' type='default' url={PARTICIPATION_PAGES.projects}>
              治理项目进展
            </LinkButton>
            {member && isCommittee(member) ? (
              <LinkButton className='btn-participation-settings' type='default' url={PARTICIPATION_PAGES.settings}>
                门槛、征集天数和类别设置
              </LinkButton>
            ) : null}
          </View>
          <View className='card pp-filters'>
            <ChoiceChips id='proposal-filter' single options={OPTIONS} value={[filter]} onChange={(v) => setFilter(v[0] ?? ALL)} />
          </View>
        </>
      )}
      {list.items.length > 0 && list.error ? <Text className='inline-error'>{list.error}</Text> : null}
      {list.last && list.items.length === 0 ? (
        <Text className='card__hint'>{toAnswer ? '现在没有要答复的议题。' : '这里还没有议题。对小区有好想法？点上面的“我要提议”。'}</Text>
      ) : null}
      {list.items.map((p) => (
        <ProposalCard key={p.id} proposal={p} />
      ))}
      <LoadMore list={list} />
    </PageShell>
  );
}
