import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { noticesApi } from '@/features/notices/api';
import { groupCloudIdOfEntry } from '@/features/notices/group-entry';
import '@/features/notices/notices.scss';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { errorText } from '@/services/cloud';
import type { NoticeGroupView } from '@shared/domain/notices';

/**
 * 绑定本群: what the bind card opens inside a WeChat group. The group is known from the platform's open data (the
 * CloudID of the group the card was opened in), never from anything typed.
 */
export default function NoticeBindPage() {
  const params = useRouter().params as Record<string, string | undefined>;
  const gridId = params.gridId ?? '';
  const entry = useCallback(async () => {
    const groupCloudId = await groupCloudIdOfEntry();
    return { groupCloudId, ...(await noticesApi.whichGroup(groupCloudId)) };
  }, []);
  const query = useCloudQuery(entry);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [bound, setBound] = useState<NoticeGroupView | null>(null);
  const current = bound ?? query.data?.group ?? null;

  const bind = async () => {
    setBusy(true);
    setError(null);
    try {
      // A fresh CloudID: the one read on opening may have expired while the leader typed.
      const { group } = await noticesApi.bindGroup(gridId, name, await groupCloudIdOfEntry());
      setBound(group);
    } catch (err) {
      setError(errorText(err));
      void Taro.showToast({ title: errorText(err), icon: 'none', duration: 2500 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell
      className={`page-notices-bind${busy || query.loading ? ' is-busy' : ''}`}
      title='绑定本群'
      loading={query.loading && !query.data}
      error={query.data ? null : query.error}
      onRetry={() => void query.reload()}
    >
      {query.data ? (
        <View className='card'>
          {current ? (
            <Text className='notice-ok notice-bound'>
              本群已绑定为“{current.name}”（{current.gridName}）。以后在本群打开的通知，会单独统计谁看过。
            </Text>
          ) : (
            <Text className='card__hint'>本群还没有绑定。给它起个大家认得的名字：</Text>
          )}
          {gridId ? (
            <>
              <FormField label='群名称' name='group-name'>
                <Input id='group-name' className='text-input' value={name} maxlength={30} placeholder={current?.name ?? '例如：1号楼居民群'} onInput={(e) => setName(e.detail.value)} />
              </FormField>
              <Button className='btn-bind-group' type='primary' size='large' block loading={busy} disabled={busy || !name.trim()} onClick={() => void bind()}>
                {current ? '改用这个名字' : '绑定本群'}
              </Button>
            </>
          ) : null}
          {error ? (
            <View className='inline-error notice-bind-error' role='alert'>
              {error}
            </View>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}
