import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { CommunityCountsCard, Figure } from '@/features/street/components/CommunityCountsCard';
import { useStreetCounts } from '@/features/street/useStreetCounts';
import '@/features/street/street.scss';
import { StreetReports } from '@/features/reports/components/StreetReports';
import '@/features/reports/reports.scss';

/** The 街道 admin sees every 居民区's counts, and nobody's personal details. */
export default function StreetOverviewPage() {
  const { data, loading, error, reload } = useStreetCounts();
  return (
    <PageShell
      className={`page-street-overview${loading ? ' is-busy' : ''}`}
      title={data?.street.name || '街道概览'}
      loading={loading && !data}
      error={error}
      onRetry={() => void reload()}
    >
      {data ? (
        <View>
          <View className='card street-totals'>
            <View className='card__title'>
              <Text>全街道 {data.totals.communities} 个居民区</Text>
            </View>
            <View className='street-figures'>
              <Figure name='residents' label='在册居民' value={data.totals.residents} />
              <Figure name='members' label='梯队成员' value={data.totals.members} />
              <Figure name='pending' label='待审核' value={data.totals.pending} />
              <Figure name='grids' label='微格' value={data.totals.grids} />
            </View>
          </View>
          <Text className='street-note'>这里只有统计数字；居民的个人信息由各居委会管理。</Text>
          {data.communities.length === 0 ? <Text className='list-footer list-empty'>本街道还没有居民区</Text> : null}
          {data.communities.map((c) => (
            <CommunityCountsCard key={c.id} community={c} />
          ))}
          <StreetReports />
        </View>
      ) : null}
    </PageShell>
  );
}
