import { useState } from 'react';
import { Input, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import { TagPicker } from '@/components/TagPicker';
import { SUGGESTED_SKILLS } from '@shared/domain/member';
import type { InputOf } from '@shared/catalogue';

export type ProxyInput = InputOf<'members', 'createForResident'>;

export interface ProxyFormProps {
  saving: boolean;
  errors: Record<string, string>;
  formError: string | null;
  onSubmit: (input: ProxyInput) => void;
}

/** Registering a resident who does not use WeChat: who they are, where they live, what they can do. */
export function ProxyForm({ saving, errors, formError, onSubmit }: ProxyFormProps) {
  const [name, setName] = useState('');
  const [building, setBuilding] = useState('');
  const [room, setRoom] = useState('');
  const [phone, setPhone] = useState('');
  const [skills, setSkills] = useState<string[]>([]);
  const [note, setNote] = useState('');

  return (
    <View className='proxy-form'>
      <FormField label='姓名' name='name' error={errors.name}>
        <Input id='proxy-name' className='text-input' value={name} maxlength={20} placeholder='居民的真实姓名' onInput={(e) => setName(e.detail.value)} />
      </FormField>
      <FormField label='楼栋' name='building' error={errors.building}>
        <Input id='proxy-building' className='text-input' value={building} maxlength={20} placeholder='例如：2号楼' onInput={(e) => setBuilding(e.detail.value)} />
      </FormField>
      <FormField label='门牌' name='room' error={errors.room}>
        <Input id='proxy-room' className='text-input' value={room} maxlength={10} placeholder='例如：102室' onInput={(e) => setRoom(e.detail.value)} />
      </FormField>
      <FormField label='电话' name='phone' optional error={errors.phone} hint='家里人或本人的手机号'>
        <Input id='proxy-phone' className='text-input' type='number' value={phone} maxlength={11} placeholder='11位手机号' onInput={(e) => setPhone(e.detail.value)} />
      </FormField>
      <FormField label='技能' name='skills' optional error={errors.skills}>
        <TagPicker id='proxy-skills' options={SUGGESTED_SKILLS} value={skills} onChange={setSkills} />
      </FormField>
      <FormField label='备注' name='note' optional error={errors.note} hint='例如：独居，不用微信。最多100字。'>
        <Textarea id='proxy-note' className='text-area' value={note} maxlength={100} placeholder='需要大家知道的情况' onInput={(e) => setNote(e.detail.value)} />
      </FormField>
      {formError ? (
        <View className='form-error proxy-error' role='alert'>
          {formError}
        </View>
      ) : null}
      <Button
        className='btn-create-resident'
        type='primary'
        size='large'
        block
        loading={saving}
        disabled={saving}
        onClick={() => onSubmit({ name, building, room, phone: phone.trim(), skills, note })}
      >
        {saving ? '正在登记…' : '代为登记'}
      </Button>
    </View>
  );
}
