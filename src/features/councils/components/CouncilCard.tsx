import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { StatusTag } from '@/components/StatusTag';
import { COUNCIL_KIND_LABELS, type ChairView, type CouncilSummary } from '@shared/domain/council';
import './councils.scss';

export function chairLine(chair: ChairView | null, label: string, when: 'until' | 'from'): string {
  if (!chair) return `${label}：暂无`;
  return when === 'until' ? `${label}：${chair.name}（至 ${chair.endsOn}）` : `${label}：${chair.name}（${chair.startsOn} 起）`;
}

export interface CouncilCardProps {
  council: CouncilSummary;
  /** The caller is an echelon member (may join and leave). */
  canJoin: boolean;
  busy: boolean;
  onOpen: (council: CouncilSummary) => void;
  onJoin?: (council: CouncilSummary) => void;
  onLeave?: (council: CouncilSummary) => void;
}

/** A council in the list: who chairs now and next, how many members, whether the caller joined. */
export function CouncilCard({ council, canJoin, busy, onOpen, onJoin, onLeave }: CouncilCardProps) {
  return (
    <View className={`card council-card${council.joined ? ' council-card--joined' : ''}`} data-council-id={council.id}>
      <View className='council-card__head council-card__open' role='button' onClick={() => onOpen(council)}>
        <Text className='council-card__name'>{council.name}</Text>
        <View className='council-card__tags'>
          {council.kind === 'main' ? <StatusTag label={COUNCIL_KIND_LABELS.main} /> : null}
          {!council.active ? <StatusTag label='已停用' tone='danger' /> : null}
          {council.joined ? <StatusTag className='council-card__joined' label='我已加入' tone='success' /> : null}
        </View>
      </View>
      {council.hasRotation ? (
        <>
          <Text className='council-card__line council-card__current'>{chairLine(council.current, '轮值会长', 'until')}</Text>
          <Text className='council-card__line council-card__next'>{chairLine(council.next, '下一任', 'from')}</Text>
        </>
      ) : (
        <Text className='council-card__meta'>还没有排轮值会长</Text>
      )}
      <Text className='council-card__meta council-card__count'>成员 {council.memberCount} 人</Text>
      {canJoin && council.active && onJoin && onLeave ? (
        <View className='council-card__actions'>
          {council.joined ? (
            <Button className='btn-leave' type='default' size='large' disabled={busy} loading={busy} onClick={() => onLeave(council)}>
              退出
            </Button>
          ) : (
            <Button className='btn-join' type='primary' size='large' disabled={busy} loading={busy} onClick={() => onJoin(council)}>
              加入
            </Button>
          )}
        </View>
      ) : null}
    </View>
  );
}
