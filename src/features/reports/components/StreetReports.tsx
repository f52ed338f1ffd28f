import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { formatShanghai } from '@shared/time';
import { reportsApi } from '../api';
import { FiguresCard } from './FiguresCard';
import { MonthSwitch } from './MonthSwitch';

/** 一键上报 per 居民区 for the 街道: the month's figures only, nobody's report or name. */
export function StreetReports() {
  const thisMonth = formatShanghai(new Date(), 'YYYY-MM');
  const [month, setMonth] = useState(thisMonth);
  const fetch = useCallback(() => reportsApi.street(month), [month]);
  const query = useCloudQuery(fetch);
  return (
    <View className='street-reports'>
      <View className='card__title'>
        <Text>一键上报办理情况</Text>
      </View>
      <MonthSwitch month={month} thisMonth={thisMonth} onChange={setMonth} />
      {query.error ? <Text className='inline-error'>{query.error}</Text> : null}
      {query.data?.items.map((row) => (
        <View key={row.communityId} data-community-id={row.communityId}>
          <FiguresCard figures={row.figures} title={row.communityName} breakdown={false} />
        </View>
      ))}
    </View>
  );
}
