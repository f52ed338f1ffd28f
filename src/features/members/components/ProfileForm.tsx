import { useState } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import './members.scss';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { FieldError } from '@/components/FieldError';
import { FormField } from '@/components/FormField';
import { TagPicker } from '@/components/TagPicker';
import {
  AVAILABILITY_OPTIONS,
  DEFAULT_VISIBILITY,
  FIELD_VISIBILITIES,
  FIELD_VISIBILITY_LABELS,
  SUGGESTED_SKILLS,
  type FieldVisibility,
  type MemberView,
  type Visibility,
} from '@shared/domain/member';
import type { InputOf } from '@shared/catalogue';

export type ProfileInput = InputOf<'members', 'updateProfile'>;

const VISIBILITY_FIELDS: { key: keyof Visibility; label: string }[] = [
  { key: 'skills', label: '技能' },
  { key: 'interests', label: '兴趣' },
  { key: 'availability', label: '空闲时间' },
  { key: 'phone', label: '手机号' },
];
const VISIBILITY_OPTIONS = FIELD_VISIBILITIES.map((value) => ({ value, label: FIELD_VISIBILITY_LABELS[value] }));

export interface ProfileFormProps {
  member: MemberView;
  saving: boolean;
  /** Messages under each field, keyed by field name (from the server's `fields`). */
  errors: Record<string, string>;
  /** A message for the whole form (not tied to a field). */
  formError: string | null;
  onSubmit: (input: ProfileInput) => void;
  /** A field was edited (its old error can go). */
  onEdit?: (field: keyof ProfileInput) => void;
}

/** The profile form: who you are, where you live, what you can do and like. */
export function ProfileForm({ member, saving, errors, formError, onSubmit, onEdit }: ProfileFormProps) {
  const edit =
    <T,>(field: keyof ProfileInput, set: (value: T) => void) =>
    (value: T) => {
      set(value);
      if (errors[field]) onEdit?.(field);
    };
  const [name, setName] = useState(member.name);
  const [building, setBuilding] = useState(member.building);
  const [room, setRoom] = useState(member.room);
  // The owner reads their own number in full; a masked one cannot be sent back, so it must be retyped.
  const phoneIsMasked = Boolean(member.phone) && !/^1\d{10}$/.test(member.phone);
  const [phone, setPhone] = useState(phoneIsMasked ? '' : member.phone);
  const [skills, setSkills] = useState<string[]>(member.skills);
  const [interests, setInterests] = useState<string[]>(member.interests);
  const [availability, setAvailability] = useState<string[]>(member.availability);
  const [visibility, setVisibility] = useState<Visibility>({ ...DEFAULT_VISIBILITY, ...member.visibility });
  const [birthYear, setBirthYear] = useState<number | null>(member.birthYear ?? null);
  // Picked, never typed: 不填, then from 10 to 100 years ago; the list opens at the chosen year, or at 1960.
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 91 }, (_, i) => thisYear - 10 - i);
  const yearOptions = ['不填', ...years.map((y) => `${y}年`)];
  const yearIndex = birthYear ? Math.max(0, years.indexOf(birthYear) + 1) : 0;

  const submit = () => {
    onSubmit({
      name,
      building,
      room,
      phone: phone.trim(),
      skills,
      interests,
      // Only the offered choices can be picked; the server checks them again.
      availability: availability as ProfileInput['availability'],
      visibility,
      birthYear,
    });
  };

  return (
    <View className='profile-form'>
      <FormField label='姓名' name='name' error={errors.name}>
        <Input
          id='profile-name'
          className='text-input'
          value={name}
          maxlength={20}
          placeholder='例如：王阿姨的真名'
          onInput={(e) => edit('name', setName)(e.detail.value)}
        />
      </FormField>
      <FormField label='楼栋' name='building' error={errors.building}>
        <Input
          id='profile-building'
          className='text-input'
          value={building}
          maxlength={20}
          placeholder='例如：12号楼'
          onInput={(e) => edit('building', setBuilding)(e.detail.value)}
        />
      </FormField>
      <FormField label='门牌' name='room' error={errors.room}>
        <Input
          id='profile-room'
          className='text-input'
          value={room}
          maxlength={10}
          placeholder='例如：302室'
          onInput={(e) => edit('room', setRoom)(e.detail.value)}
        />
      </FormField>
      <FormField
        label='手机号'
        name='phone'
        optional
        error={errors.phone}
        hint={phoneIsMasked ? `原来留的是 ${member.phone}，请重新填写` : '完整号码只有居委会能看到，方便联系你'}
      >
        <Input
          id='profile-phone'
          className='text-input'
          type='number'
          value={phone}
          maxlength={11}
          placeholder='11位手机号'
          onInput={(e) => edit('phone', setPhone)(e.detail.value)}
        />
      </FormField>
      <FormField label='出生年份' name='birthYear' optional error={errors.birthYear} hint='选填。60 岁以上的邻居，我们会问问要不要换成字大的长辈模式'>
        <Picker
          id='profile-birth-year'
          className='birth-year-picker'
          mode='selector'
          range={yearOptions}
          value={yearIndex || Math.max(0, years.indexOf(1960) + 1)}
          onChange={(e) => {
            const i = Number(e.detail.value);
            edit<number | null>('birthYear', setBirthYear)(i > 0 ? (years[i - 1] ?? null) : null);
          }}
        >
          <View className='picker-value'>
            <Text>{birthYear ? `${birthYear}年` : '不填'}</Text>
            <Text className='picker-value__hint'>点这里选择 ›</Text>
          </View>
        </Picker>
      </FormField>
      <FormField label='我的技能' name='skills' optional error={errors.skills} hint='点一下选中，再点一下取消'>
        <TagPicker id='skills' options={SUGGESTED_SKILLS} value={skills} onChange={edit('skills', setSkills)} />
      </FormField>
      <FormField label='我的兴趣' name='interests' optional error={errors.interests}>
        <TagPicker id='interests' value={interests} onChange={edit('interests', setInterests)} placeholder='例如：唱歌、下棋' />
      </FormField>
      <FormField label='空闲时间' name='availability' optional error={errors.availability} hint='可以选几个'>
        <ChoiceChips id='availability' options={AVAILABILITY_OPTIONS} value={availability} onChange={edit('availability', setAvailability)} />
      </FormField>
      <View className={`form-field form-field--visibility visibility-settings${errors.visibility ? ' form-field--invalid' : ''}`}>
        <View className='form-field__label'>
          <Text>谁能看到我的信息</Text>
        </View>
        <Text className='form-field__hint'>居委会查找能人时，只看到你同意给看的内容。</Text>
        {VISIBILITY_FIELDS.map((field) => (
          <View key={field.key} className={`visibility-row visibility-row--${field.key}`}>
            <Text className='visibility-row__label'>{field.label}</Text>
            <ChoiceChips
              id={`visibility-${field.key}`}
              single
              options={VISIBILITY_OPTIONS}
              value={[visibility[field.key]]}
              onChange={(next) =>
                edit('visibility', setVisibility)({ ...visibility, [field.key]: (next[0] ?? visibility[field.key]) as FieldVisibility })
              }
            />
          </View>
        ))}
        <FieldError message={errors.visibility} field='visibility' />
      </View>
      {formError ? (
        <View className='form-error' role='alert'>
          {formError}
        </View>
      ) : null}
      <Button className='btn-save-profile' type='primary' size='large' block loading={saving} disabled={saving} onClick={submit}>
        {saving ? '正在保存…' : '保存'}
      </Button>
    </View>
  );
}
