import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import { useFormErrors } from '@/hooks/useFormErrors';
import { confirmFirst } from '@/services/confirm';
import type { CabinView } from '@shared/domain/cabin';
import { cabinApi } from '../../api';
import { Answer, useAction } from '../Answer';

/** The form's fields in page order. */
const STAFF_FIELDS = ['keeperPhones', 'volunteerPhones'];

const phonesOf = (text: string) => text.split(/[\s,，、]+/).filter(Boolean);

/** 人员: the committee names the keepers and duty volunteers by phone (members of the 居民区). */
export function ManageStaff({ cabin, onSaved }: { cabin: CabinView; onSaved: (cabin: CabinView) => void }) {
  const [keepers, setKeepers] = useState('');
  const [volunteers, setVolunteers] = useState('');
  const { busy, answer, run } = useAction();
  const form = useFormErrors({ fields: STAFF_FIELDS });
  const save = async () => {
    form.reset();
    // The lists are set anew: whoever is not typed again stops keeping the cabin. Said first, by name.
    const now = [...(cabin.keepers ?? []), ...(cabin.volunteers ?? [])].map((p) => p.name).filter((n, i, all) => all.indexOf(n) === i);
    if (now.length) {
      const ok = await confirmFirst({
        title: '重新设置人员',
        content: `保存后，管理员和值班志愿者就换成你填的这些人；现在的${now.join('、')}没有再填的，就不再管理或值班了。确定吗？`,
        confirmText: '保存',
      });
      if (!ok) return;
    }
    await run('staff', async () => {
      try {
        const res = await cabinApi.setStaff(cabin.id, phonesOf(keepers), phonesOf(volunteers));
        onSaved(res.cabin);
        return '已保存';
      } catch (err) {
        form.fail(err);
        return '';
      }
    });
  };
  return (
    <View className='card manage-staff'>
      <Text className='card__hint staff-now'>
        管理员：{cabin.keepers?.map((p) => p.name).join('、') || '还没有'}
        {'\n'}值班志愿者：{cabin.volunteers?.map((p) => p.name).join('、') || '还没有'}
      </Text>
      <FormField label='管理员手机号（重新设置，每行一个）' name='keeperPhones' error={form.errors.keeperPhones}>
        <Textarea id='keeper-phones' className='text-area' value={keepers} onInput={(e) => setKeepers(e.detail.value)} />
      </FormField>
      <FormField label='值班志愿者手机号（重新设置，每行一个）' name='volunteerPhones' error={form.errors.volunteerPhones}>
        <Textarea id='volunteer-phones' className='text-area' value={volunteers} onInput={(e) => setVolunteers(e.detail.value)} />
      </FormField>
      <Button className='btn-save-staff' type='primary' size='large' block loading={busy === 'staff'} disabled={!!busy} onClick={() => void save()}>
        保存人员
      </Button>
      {form.formError ? (
        <View className='inline-error staff-error' role='alert'>
          {form.formError}
        </View>
      ) : null}
      <Answer answer={answer} className='staff-answer' />
    </View>
  );
}
