import { Text, View } from '@tarojs/components';
import type { RosterImportResult } from '@shared/domain/roster';

/** After an import: how many people arrived, and the first of them by name. */
export function ImportResultCard({ result }: { result: RosterImportResult }) {
  const { created, report, sample } = result;
  const kept = report.alreadyImported + report.alreadyRegistered;
  return (
    <View className='card import-result' role='status'>
      <View className='card__title'>
        <Text>{created ? `已导入 ${created} 人` : '没有新导入的人'}</Text>
      </View>
      {kept ? <Text className='import-result__line'>已在册的 {kept} 人保持不变。</Text> : null}
      {report.bad ? <Text className='import-result__line'>有问题的 {report.bad} 行没有导入，改正后可以再导入一次。</Text> : null}
      {sample.length ? (
        <View className='import-result__people' role='list'>
          {sample.map((p) => (
            <View key={`${p.name}-${p.building}-${p.room}`} className='imported-person' role='listitem'>
              <Text className='imported-person__name'>{p.name}</Text>
              <Text className='imported-person__home'>
                {p.building} {p.room}
              </Text>
            </View>
          ))}
          {created > sample.length ? <Text className='import-result__line'>……共 {created} 人</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
