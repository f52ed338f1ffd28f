import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import type { CabinView } from '@shared/domain/cabin';
import { cabinApi } from '../../api';
import { Answer, useAction } from '../Answer';

const phonesOf = (text: string) => text.split(/[\s,，、]+/).filter(Boolean);

/** 人员: the committee names the keepers and duty volunteers by phone (members of the 居民区). */
export function ManageStaff({ cabin, onSaved }: { cabin: CabinView; onSaved: (cabin: CabinView) => void }) {
  const [keepers, setKeepers] = useState('');
  const [volunteers, setVolunteers] = useState('');
  const { busy, answer, run } = useAction();
  const save = () =>
    run('staff', async () => {
      const res = await cabinApi.setStaff(cabin.id, phonesOf(keepers), phonesOf(volunteers));
      onSaved(res.cabin);
      return '已保存';
    });
  return (
    <View className='card manage-staff'>
      <Text className='card__hint staff-now'>
        管理员：{cabin.keepers?.map((p) => p.name).join('、') || '还没有'}
        {'\n'}值班志愿者：{cabin.volunteers?.map((p) => p.name).join('、') || '还没有'}
      </Text>
      <FormField label='管理员手机号（重新设置，每行一个）' name='keeperPhones'>
        <Textarea id='keeper-phones' className='text-area' value={keepers} onInput={(e) => setKeepers(e.detail.value)} />
      </FormField>
      <FormField label='值班志愿者手机号（重新设置，每行一个）' name='volunteerPhones'>
        <Textarea id='volunteer-phones' className='text-area' value={volunteers} onInput={(e) => setVolunteers(e.detail.value)} />
      </FormField>
      <Button className='btn-save-staff' type='primary' size='large' block loading={busy === 'staff'} disabled={!!busy} onClick={() => void save()}>
        保存人员
      </Button>
      <Answer answer={answer} className='staff-answer' />
    </View>
  );
}
