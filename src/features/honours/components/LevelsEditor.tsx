import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FieldError } from '@/components/FieldError';
import { useFormErrors } from '@/hooks/useFormErrors';
import type { LevelSettings } from '@shared/domain/honours';
import { DEFAULT_LEVEL_HOURS, LEVEL_TITLES } from '@shared/rules/levels';
import { honoursApi } from '../api';

/** The 街道 admin sets the hours for one to five stars (Shanghai's defaults until they do). */
export function LevelsEditor({ levels, onSaved }: { levels: LevelSettings; onSaved: (next: LevelSettings) => void }) {
  const [hours, setHours] = useState(levels.levelHours.map(String));
  // Every problem with the hours is said under them (a refusal too), with a toast and the page scrolled there.
  const form = useFormErrors({ fields: ['levelHours'], fieldOf: () => 'levelHours' });
  const error = form.errors.levelHours ?? form.formError;
  const [busy, setBusy] = useState(false);

  const save = async (next: string[]) => {
    setBusy(true);
    form.reset();
    try {
      onSaved(await honoursApi.setLevels(next.map((h) => Number(h))));
      setHours(next);
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className={`card levels-editor${busy ? ' is-busy' : ''}`}>
      <View className='card__title'>星级标准</View>
      <Text className='card__hint'>
        {levels.isDefault ? '本街道正在使用上海市的默认标准。' : '本街道已设置自己的标准。'}累计确认的服务时长达到下面的小时数，就升到相应星级。
      </Text>
      <View className='form-field--levelHours' />
      {LEVEL_TITLES.map((title, i) => (
        <View key={title} className='levels-row'>
          <Text>{title}</Text>
          <Input
            id={`level-hours-${i}`}
            className='honours-input'
            type='number'
            value={hours[i] ?? ''}
            disabled={!levels.canSet}
            onInput={(e) => setHours((prev) => prev.map((h, j) => (j === i ? e.detail.value : h)))}
          />
          <Text>小时</Text>
        </View>
      ))}
      <FieldError message={error} field='levelHours' />
      {levels.canSet ? (
        <>
          <Button className='btn-save-levels' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void save(hours)}>
            保存
          </Button>
          <View className='link-btn btn-default-levels' role='button' onClick={() => void save(DEFAULT_LEVEL_HOURS.map(String))}>
            <Text>恢复上海市默认标准（100/300/600/1000/1500小时）</Text>
          </View>
        </>
      ) : null}
    </View>
  );
}
