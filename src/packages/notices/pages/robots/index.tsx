import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { RobotRow } from '@/features/notices/components/RobotRow';
import { useRobots } from '@/features/notices/hooks';
import '@/features/notices/notices.scss';

/**
 * 群机器人 (committee): a WeCom group robot per grid; notices to that grid are pushed to its group. The webhook is a
 * secret kept by the function: this page only ever sees it masked.
 */
export default function NoticeRobotsPage() {
  const query = useRobots();
  const items = query.data?.items ?? [];
  return (
    <PageShell
      className={`page-notices-robots${query.loading ? ' is-busy' : ''}`}
      title='企业微信群机器人'
      loading={query.loading && !query.data}
      error={query.data ? null : query.error}
      onRetry={() => void query.reload()}
    >
      <Text className='card__hint'>在企业微信群里添加机器人，复制它的 Webhook 地址粘贴到对应微格。每个机器人每分钟最多发 20 条，多的会排队。</Text>
      <View className='card notice-robots-list'>
        {items.map((robot) => (
          <RobotRow key={robot.gridId} robot={robot} onChanged={(next) => query.setData({ items: items.map((r) => (r.gridId === next.gridId ? next : r)) })} />
        ))}
      </View>
    </PageShell>
  );
}
