import { Text, View } from '@tarojs/components';
import './members.scss';
import { HISTORY_LABELS, STAFF_ROLE_LABELS, type HistoryEntry } from '@shared/domain/member';
import { formatShanghai } from '@shared/time';

/** "担任 楼组长" for role entries, the plain label otherwise. */
export function historyText(entry: HistoryEntry): string {
  const label = HISTORY_LABELS[entry.kind];
  return entry.role ? `${label}${STAFF_ROLE_LABELS[entry.role]}` : label;
}

/** A member's history as a timeline: date, what happened, and the note kept with it. */
export function HistoryList({ entries }: { entries: HistoryEntry[] }) {
  return (
    <View className='history-list'>
      {entries.map((entry, i) => (
        <View key={`${entry.kind}-${entry.at}-${i}`} className={`history-entry history-entry--${entry.kind}`}>
          <Text className='history-entry__at'>{formatShanghai(entry.at)}</Text>
          <Text className='history-entry__what'>{historyText(entry)}</Text>
          {entry.note ? <Text className='history-entry__note'>{entry.note}</Text> : null}
        </View>
      ))}
    </View>
  );
}
