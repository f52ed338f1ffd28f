import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { StatusTag } from '@/components/StatusTag';
import { LEDGER_SOURCE_LABELS, type LedgerEntryView } from '@shared/domain/ledger';
import { formatShanghai } from '@shared/time';
import { signed, signedHours } from '../format';
import '../ledger.scss';

/** One ledger entry: what for, when, from where, who confirmed it, and what it changed. */
export function EntryRow({ entry, children }: { entry: LedgerEntryView; children?: ReactNode }) {
  const by = entry.source === 'event' ? '确认人' : '登记人';
  return (
    <View className={`card ledger-entry ledger-entry--${entry.source}`} data-id={entry.id}>
      <View className='ledger-entry__head'>
        <Text className='ledger-entry__reason'>{entry.source === 'correction' ? `更正：${entry.reason}` : entry.reason}</Text>
        {entry.corrected ? <StatusTag className='ledger-entry__corrected' label='已更正' tone='danger' /> : null}
      </View>
      <View className='ledger-entry__amounts'>
        {entry.points !== 0 ? <Text className='ledger-entry__points'>{signed(entry.points)} 积分</Text> : null}
        {entry.halfHours !== 0 ? <Text className='ledger-entry__hours'>{signedHours(entry.halfHours)}</Text> : null}
      </View>
      <Text className='ledger-entry__meta'>
        {formatShanghai(entry.at)} · {LEDGER_SOURCE_LABELS[entry.source]} · {by} {entry.byName}
      </Text>
      {children}
    </View>
  );
}
