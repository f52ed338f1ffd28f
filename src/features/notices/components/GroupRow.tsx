import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import { errorText } from '@/services/cloud';
import type { NoticeGroupView } from '@shared/domain/notices';
import { noticesApi } from '../api';
import { timeText } from '../format';

/** One bound group: its name in the app (WeChat never tells it), renamed or unbound by its grid's leader. */
export function GroupRow({ group, onChanged }: { group: NoticeGroupView; onChanged: (removed: boolean) => void }) {
  const [name, setName] = useState(group.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<unknown>, removed: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onChanged(removed);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const unbind = async () => {
    const { confirm } = await Taro.showModal({ title: '解除绑定', content: `解除后，“${group.name}”里打开的通知不再单独统计。确定吗？`, confirmText: '解除', cancelText: '再想想' });
    if (confirm) await run(() => noticesApi.unbindGroup(group.id), true);
  };

  return (
    <View className='notice-row notice-group' data-group-id={group.id}>
      <Text className='notice-row__name'>{group.name}</Text>
      <Text className='notice-row__meta'>
        {group.gridName} · {group.boundByName} 于 {timeText(group.boundAt)} 绑定
      </Text>
      <FormField label='群名称' name='group-name'>
        <Input className='text-input group-name-input' value={name} maxlength={30} onInput={(e) => setName(e.detail.value)} />
      </FormField>
      <View className='notice-row__actions'>
        <Button className='btn-rename-group' type='default' size='large' block disabled={busy || !name.trim() || name === group.name} onClick={() => void run(() => noticesApi.renameGroup(group.id, name), false)}>
          改名
        </Button>
        <Button className='btn-unbind-group' type='danger' fill='outline' size='large' block disabled={busy} onClick={() => void unbind()}>
          解除绑定
        </Button>
      </View>
      {error ? (
        <View className='inline-error notice-group-error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  );
}
