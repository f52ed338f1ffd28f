import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ProxyLogEntry } from '@shared/domain/member';
import { formatShanghai } from '@shared/time';
import './members.scss';

export interface ProxyLogListProps {
  items: ProxyLogEntry[];
  loading: boolean;
  error: string | null;
  hasMore: boolean;
  onLoadMore: () => void;
}

/** 代办记录: who did what for whom, and when; newest first. */
export function ProxyLogList({ items, loading, error, hasMore, onLoadMore }: ProxyLogListProps) {
  return (
    <View className='card proxy-log'>
      <View className='card__title'>
        <Text>代办记录</Text>
      </View>
      {error ? (
        <View className='inline-error' role='alert'>
          {error}
        </View>
      ) : null}
      {!loading && !error && items.length === 0 ? <Text className='card__hint proxy-log-empty'>还没有代办记录</Text> : null}
      {items.map((entry) => (
        <Text key={entry.id} className='proxy-log-row' data-subject-id={entry.subjectId}>
          {formatShanghai(entry.at)} {entry.actorName} 为 {entry.subjectName} {entry.action}
        </Text>
      ))}
      {loading && items.length === 0 ? <Text className='list-footer'>正在加载…</Text> : null}
      {hasMore ? (
        <Button className='btn-load-more-log' type='default' size='large' block loading={loading} disabled={loading} onClick={onLoadMore}>
          加载更多
        </Button>
      ) : null}
    </View>
  );
}
