import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { errorText } from '@/services/cloud';
import type { OutputOf } from '@shared/catalogue';
import { reportsApi } from '../api';

type Helper = OutputOf<'reports', 'helpers'>['items'][number];

/** 找能人帮忙: members with the category's skills (电工 for 飞线充电) who let the handler see them, on request. */
export function HelpersCard({ reportId }: { reportId: string }) {
  const [items, setItems] = useState<Helper[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    setBusy(true);
    setError(null);
    try {
      setItems((await reportsApi.helpers(reportId)).items);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='card report-helpers'>
      <View className='card__title'>找能人帮忙</View>
      <Text className='card__hint'>从能人资源库里找会这门手艺、愿意被找到的邻居</Text>
      {items === null ? (
        <Button className='btn-report-helpers' type='default' size='large' block loading={busy} disabled={busy} onClick={() => void load()}>
          看看谁能帮忙
        </Button>
      ) : null}
      {error ? <Text className='inline-error'>{error}</Text> : null}
      {items && !items.length ? <Text className='card__hint'>资源库里暂时没有合适的人。</Text> : null}
      {items?.map((h) => (
        <View key={h.memberId} className='report-helper' data-member-id={h.memberId}>
          <Text className='report-helper__name'>
            {h.name}（{h.building}）
          </Text>
          <Text className='report-card__meta'>{h.skills.join('、')}</Text>
        </View>
      ))}
    </View>
  );
}
